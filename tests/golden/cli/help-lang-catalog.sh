# The catalog's long texts (engine/msggen.awk): a version goes on over the
# | lines after it, joined as they are; a % in a usage text stays as it is
# in every version; a | line without a version, a lone \ at the end and an
# unescaped quote are refused, naming the line. Any other message's
# versions still need the same conversions.
root=$(pwd)
d=$(mktemp -d)
gen() {
    (cd "$d" && awk -f "$root/engine/msggen.awk" -v out=. m.txt 2>&1)
    echo "generator: exit $?"
}
cat >"$d/m.txt" <<'CAT'
usage_x
  en: usage: x FILE\n
    |\n
    |  -q   100% quiet, \"really\"\n
  hant:
    |用法：x FILE\n
    |\n
    |  -q   100% 安靜，「真的」\n
  hans: 用法：x FILE\n
    |\n
    |  -q   100% 安静，“真的”\n
CAT
gen
grep -A2 '{"usage' "$d/messages.c"
printf 'a\n  en: a\n    |b\\\n  hant: a\n  hans: a\n' >"$d/m.txt"
gen
printf 'a\n    |b\n  en: a\n  hant: a\n  hans: a\n' >"$d/m.txt"
gen
printf 'a\n  en: a\n    |say "b"\n  hant: a\n  hans: a\n' >"$d/m.txt"
gen
printf 'a\n  en:\n  hant: a\n  hans: a\n' >"$d/m.txt"
gen
printf 'b\n  en: %%d cases\n  hant: 案件\n  hans: 案件\n' >"$d/m.txt"
gen
rm -rf "$d"
