test --lang=zh-Hans --help
