graph --help --lang zh-Hant
