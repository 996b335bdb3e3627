graph --lang zh-Hans tests/golden/graph/en.rules
