show --lang zh-Hant --help
