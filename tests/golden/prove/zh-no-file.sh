# the usage error in the language of the environment (简体)
LANG=zh_CN.UTF-8 $RONGCUO prove
