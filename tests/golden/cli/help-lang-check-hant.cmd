check --help --lang=zh-Hant
