# Rongcuo — build, test and run. GNU make >= 4.3.
#
#   make            build ./build/rongcuo
#   make demo       build, then run rules/hubei.rules on the sample cases
#   make test       unit + golden tests, then the same under ASan+UBSan
#   make valgrind   golden tests under valgrind
#
# Missing build tools (flex, bison, cmocka, yajl) are installed with apt-get
# when the user may do so (root, or sudo without a password).

B        ?= build
CC       ?= cc
OPT      ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wconversion \
            -Wno-sign-conversion -Wwrite-strings -Wvla
CFLAGS   += $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L
CPPFLAGS += -I. -I$(B)/gen -MMD -MP
LDLIBS   += -lyajl

ENGINE_SRC := engine/arena.c engine/source.c engine/diag.c engine/ast.c \
              engine/num.c engine/check.c engine/eval.c engine/trace.c engine/trace_json.c \
              engine/cases.c engine/jsonl.c engine/api.c engine/suggest.c \
              engine/expr.c engine/names.c engine/sbuf.c engine/layer.c engine/show.c engine/testrun.c
FRONT_SRC  := lexer/keywords.c parser/parse.c
GEN_SRC    := $(B)/gen/lexer.c $(B)/gen/parser.c
LIB_OBJ    := $(patsubst %.c,$(B)/obj/%.o,$(ENGINE_SRC) $(FRONT_SRC)) \
              $(B)/obj/gen/lexer.o $(B)/obj/gen/parser.o
CLI_OBJ    := $(patsubst %.c,$(B)/obj/%.o,$(wildcard cli/*.c))

UNIT_TESTS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

.PHONY: all demo test check unit golden asan valgrind deps clean \
        golden-update format format-check

all: deps $(B)/rongcuo

deps:
	@sh tests/deps.sh

$(B)/rongcuo: $(CLI_OBJ) $(B)/librongcuo.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/librongcuo.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/gen/parser.c $(B)/gen/parser.h &: parser/parser.y
	@mkdir -p $(B)/gen
	bison -Wall -Werror --header=$(B)/gen/parser.h -o $(B)/gen/parser.c $<

$(B)/gen/lexer.c $(B)/gen/lexer.h &: lexer/lexer.l
	@mkdir -p $(B)/gen
	flex --header-file=$(B)/gen/lexer.h -o $(B)/gen/lexer.c $<

$(B)/obj/gen/%.o: $(B)/gen/%.c $(B)/gen/parser.h $(B)/gen/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/obj/parser/parse.o: $(B)/gen/parser.h $(B)/gen/lexer.h

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/librongcuo.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

# The province on its published cases, then each city on its own.
demo: all
	./$(B)/rongcuo run rules/hubei.rules rules/cases/tc*.case
	./$(B)/rongcuo run rules/yichang.rules rules/cases/yichang-*.case
	./$(B)/rongcuo run rules/huangshi.rules rules/cases/huangshi-*.case
	./$(B)/rongcuo run rules/xiangyang.rules rules/cases/xiangyang-*.case

unit: deps $(addprefix $(B)/tests/,$(UNIT_TESTS))
	@failed=""; for t in $(UNIT_TESTS); do ./$(B)/tests/$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed"; exit 1; fi

golden: deps $(B)/rongcuo
	@sh tests/golden.sh $(B)/rongcuo
	@./$(B)/rongcuo test rules | tail -n 1

# The whole suite, then again under AddressSanitizer + UBSan.
test check: unit golden
	@$(MAKE) --no-print-directory asan

asan:
	@$(MAKE) --no-print-directory B=build/asan \
	    OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" unit golden

VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=all \
            --error-exitcode=99

# Unit and golden tests under valgrind: no leak, no error.
valgrind: deps $(B)/rongcuo $(addprefix $(B)/tests/,$(UNIT_TESTS))
	@failed=""; for t in $(UNIT_TESTS); do $(VALGRIND) ./$(B)/tests/$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "valgrind: failed:$$failed"; exit 1; fi
	@RONGCUO_WRAP="$(VALGRIND)" sh tests/golden.sh $(B)/rongcuo

golden-update: $(B)/rongcuo
	@GOLDEN_UPDATE=1 sh tests/golden.sh $(B)/rongcuo

format:
	clang-format -i engine/*.[ch] cli/*.c lexer/*.[ch] parser/*.[ch] tests/unit/*.c

format-check:
	clang-format --dry-run -Werror engine/*.[ch] cli/*.c lexer/*.[ch] parser/*.[ch] tests/unit/*.c

clean:
	rm -rf build

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
