test --help --lang zh-Hant
