# A usage error is in the language of --lang, else of the environment
# (LC_ALL, LC_MESSAGES, LANG); no rule file is read. Only its first line.
first() { "$@" 2>&1 >/dev/null | head -n 1; }
for l in en zh-Hant zh-Hans; do
    first $RONGCUO run --lang $l
    first $RONGCUO check --lang=$l a.rules b.rules
    first $RONGCUO diff --lang $l --format xml
    first $RONGCUO test --lang $l
    first $RONGCUO run -j 0 --lang $l
done
echo "by the environment:"
first env LANG=zh_TW.UTF-8 $RONGCUO frobnicate
first env LANG=zh_HK.UTF-8 $RONGCUO run --bogus
first env LANG=zh_CN.UTF-8 $RONGCUO frobnicate
first env LANG=zh_SG.UTF-8 $RONGCUO show
first env LANG=en_US.UTF-8 $RONGCUO frobnicate
first env LANG=zh_CN.UTF-8 LC_MESSAGES=zh_TW.UTF-8 $RONGCUO check
first env LANG=zh_TW.UTF-8 LC_ALL=C $RONGCUO check
echo "--lang wins over the environment:"
first env LANG=zh_TW.UTF-8 $RONGCUO run --lang en
echo "a bad --lang:"
first $RONGCUO check --lang fr x.rules
first env LANG=zh_CN.UTF-8 $RONGCUO check --lang fr x.rules
