graph --help --lang zh-Hans
