# Only the rongcuo command links SQLite (through register/): the engine's
# library does not, nor does anything in it name SQLite.
b=$(dirname "${RONGCUO##* }")
nm "$b/librongcuo.a" 2>/dev/null | grep -c sqlite3_
grep -l sqlite engine/*.c engine/*.h | grep -v '^engine/messages' || echo "the engine never names SQLite"
