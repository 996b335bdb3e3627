diff --lang zh-Hans --help
