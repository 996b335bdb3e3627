diff --help --lang zh-Hant
