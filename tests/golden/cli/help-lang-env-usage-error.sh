# A usage error in the environment's language: the message, then the
# usage text, both in Chinese.
LANG=zh_CN.UTF-8 $RONGCUO check
echo "exit $?"
LANG=zh_TW.UTF-8 $RONGCUO test --coverage=some rules
echo "exit $?"
LANG=zh_TW.UTF-8 $RONGCUO frobnicate
