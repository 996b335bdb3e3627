run --help --lang zh-Hans
