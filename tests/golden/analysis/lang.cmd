check --lang zh-Hans tests/golden/analysis/en.rules
