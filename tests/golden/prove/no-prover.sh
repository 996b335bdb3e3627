# rongcuo prove without rongcuo-prove beside it (nor on the PATH): said,
# in the environment's language, exit 2.
bin=${RONGCUO##* }
d=$(mktemp -d)
cp "$bin" "$d/rongcuo"
PATH=/nonexistent "$d/rongcuo" prove rules/hubei.rules
echo "exit $?"
PATH=/nonexistent LANG=zh_TW.UTF-8 "$d/rongcuo" prove rules/hubei.rules
code=$?
rm -rf "$d"
exit $code
