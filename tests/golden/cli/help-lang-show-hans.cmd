show -h --lang zh-Hans
