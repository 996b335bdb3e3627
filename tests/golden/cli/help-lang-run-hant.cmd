run --lang zh-Hant --help
