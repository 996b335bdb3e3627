# The library never calls strerror, which is not safe from several
# threads: errno texts come from strerror_r (engine/errstr.c).
bin=${RONGCUO##* }
nm "$(dirname "$bin")/librongcuo.a" | grep -E ' U strerror(_l)?$' ||
    echo "the library does not call strerror"
