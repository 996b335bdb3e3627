# The usage texts follow the environment's language when --lang is not
# given: zh_TW → 繁體, zh_CN → 简体; LC_ALL before LANG; --lang before both.
LANG=zh_TW.UTF-8 $RONGCUO check --help
LANG=zh_CN.UTF-8 $RONGCUO run --help
LANG=zh_TW.UTF-8 $RONGCUO test -h
LANG=zh_CN.UTF-8 $RONGCUO show --help
LANG=zh_CN.UTF-8 LC_ALL=zh_HK.UTF-8 $RONGCUO --help
LANG=zh_CN.UTF-8 $RONGCUO check --help --lang en
