show --lang zh-Hans tests/golden/variants/yichang.rules
