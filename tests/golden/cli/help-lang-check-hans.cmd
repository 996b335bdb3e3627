check --lang zh-Hans -h
