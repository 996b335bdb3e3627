# Generates the message table from the catalog (engine/messages.txt):
#   awk -f engine/msggen.awk -v out=DIR engine/messages.txt
# writes DIR/messages.h (enum msg, MSGF_<id> the English format, for the
# compiler's format check) and DIR/messages.c (the three versions and the
# codes). Fails, naming the catalog's line, when an entry lacks a version,
# an id is used twice, or the versions' % conversions differ.
#
# A long text (a usage text) goes on over the lines that follow its version
# line: each is indented and starts with |, and what follows the | is added
# as it is (write \n for a line end):
#   usage_x
#     en: usage: rongcuo x FILE\n
#       |\n
#       |  -h, --help   show this help\n
# A message whose id starts with usage_ is a text printed as it is, never
# used as a format: its % are not conversions (it gets no MSGF_, and its
# versions' % are not compared).
function fail(msg) {
    printf "%s:%d: error: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}
function specs(s,    r, t) {
    r = ""
    while (match(s, /%[-+ #0-9.]*(l|ll|z|j)?[a-zA-Z%]/)) {
        t = substr(s, RSTART, RLENGTH)
        r = r " " t
        s = substr(s, RSTART + RLENGTH)
    }
    return r
}
# Refuse a piece v of message id's text that would not stay inside a C
# string: an unescaped quote.
function check_piece(v) {
    if (v ~ /(^|[^\\])(\\\\)*"/)
        fail("message '" id "': write a quote as \\\" (the text is the inside of a C string)")
}
function close_entry() {
    if (id == "")
        return
    for (k = 0; k < 3; k++) {
        if (!((id, k) in text)) {
            FNR = line[id]
            fail("message '" id "' has no " lang[k] " version")
        }
        if (text[id, k] == "") {
            FNR = line[id]
            fail("message '" id "': the " lang[k] " version is empty")
        }
        if (text[id, k] ~ /(^|[^\\])(\\\\)*\\$/) {
            FNR = line[id]
            fail("message '" id "': the " lang[k] " version ends in a lone \\")
        }
    }
    if (id ~ /^usage_/) # a text printed as it is, not a format
        return
    s0 = specs(text[id, 0])
    for (k = 1; k < 3; k++)
        if (specs(text[id, k]) != s0) {
            FNR = line[id]
            fail("message '" id "': the " lang[k] " version's conversions (" \
                 specs(text[id, k]) " ) differ from the English (" s0 " )")
        }
}
BEGIN {
    lang[0] = "en"; lang[1] = "hant"; lang[2] = "hans"
    n = 0; id = ""; cur = -1
}
/^[ \t]*#/ || /^[ \t]*$/ { next }
/^[a-z][a-z0-9_]*[ \t]*$/ {
    close_entry()
    id = $1
    if (id in line)
        fail("message '" id "' is defined twice")
    line[id] = FNR
    ids[n++] = id
    cur = -1
    next
}
/^[ \t]+(en|hant|hans):/ {
    if (id == "")
        fail("a version before any message id")
    t = $0
    sub(/^[ \t]+/, "", t)
    k = substr(t, 1, index(t, ":") - 1)
    v = substr(t, index(t, ":") + 1)
    sub(/^ /, "", v)
    kk = k == "en" ? 0 : k == "hant" ? 1 : 2
    if ((id, kk) in text)
        fail("message '" id "' has two " k " versions")
    check_piece(v)
    text[id, kk] = v
    cur = kk
    next
}
/^[ \t]+\|/ {
    if (id == "" || cur < 0)
        fail("a | line goes on a version (en:, hant: or hans:) of a message")
    v = $0
    sub(/^[ \t]+\|/, "", v)
    check_piece(v)
    text[id, cur] = text[id, cur] v
    next
}
{ fail("expected a message id (lower case, digits, _) or an indented en:, hant: or hans: line") }
END {
    if (failed)
        exit 1
    close_entry()
    if (failed)
        exit 1
    h = out "/messages.h"
    c = out "/messages.c"
    print "/* Generated from engine/messages.txt by engine/msggen.awk. */" > h
    print "#ifndef GEN_MESSAGES_H" > h
    print "#define GEN_MESSAGES_H" > h
    print "enum msg {" > h
    for (i = 0; i < n; i++)
        printf "    MSG_%s,\n", ids[i] > h
    print "    MSG_COUNT" > h
    print "};" > h
    for (i = 0; i < n; i++)
        if (ids[i] !~ /^usage_/)
            printf "#define MSGF_%s \"%s\"\n", ids[i], text[ids[i], 0] > h
    print "/* [message][0 English, 1 traditional, 2 simplified] */" > h
    print "extern const char *const msg_table[MSG_COUNT][3];" > h
    print "/* the stable code of each message (its id) */" > h
    print "extern const char *const msg_code[MSG_COUNT];" > h
    print "#endif" > h
    print "/* Generated from engine/messages.txt by engine/msggen.awk. */" > c
    print "#include \"messages.h\"" > c
    print "/* A usage text may be longer than C's 4095 required characters. */" > c
    print "#pragma GCC diagnostic ignored \"-Woverlength-strings\"" > c
    print "const char *const msg_table[MSG_COUNT][3] = {" > c
    for (i = 0; i < n; i++)
        printf "    {\"%s\",\n     \"%s\",\n     \"%s\"},\n", text[ids[i], 0], text[ids[i], 1], text[ids[i], 2] > c
    print "};" > c
    print "const char *const msg_code[MSG_COUNT] = {" > c
    for (i = 0; i < n; i++)
        printf "    \"%s\",\n", ids[i] > c
    print "};" > c
}
