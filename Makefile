# Rongcuo — build, test and run. GNU make >= 4.3.
#
#   make            build ./build/rongcuo
#   make demo       build, then run rules/hubei.rules on the sample cases
#   make test       unit + golden tests, then the same under ASan+UBSan
#   make valgrind   golden tests under valgrind
#
# Missing build tools (flex, bison, cmocka, yajl, GMP, OpenCC) are installed with apt-get
# when the user may do so (root, or sudo without a password).

B        ?= build
CC       ?= cc
OPT      ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wconversion \
            -Wno-sign-conversion -Wwrite-strings -Wvla
CFLAGS   += $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -fPIC -fvisibility=hidden
CPPFLAGS += -I. -I$(B)/gen -MMD -MP
LDLIBS   += -lyajl -lgmp -lpthread

ENGINE_SRC := engine/arena.c engine/source.c engine/diag.c engine/ast.c \
              engine/num.c engine/check.c engine/order.c engine/eval.c engine/trace.c engine/trace_json.c engine/explain.c \
              engine/trace_html.c engine/report_html.c engine/report_write.c \
              engine/cases.c engine/jsonl.c engine/api.c engine/suggest.c \
              engine/api_eval.c engine/api_rules.c engine/handle.c engine/errstr.c \
              engine/expr.c engine/names.c engine/sbuf.c engine/layer.c engine/show.c engine/show_expr.c engine/plan_show.c engine/plan_tests.c engine/lang.c engine/testrun.c engine/sha256.c engine/batch.c engine/caseread.c engine/msg.c
ENGINE_SRC += engine/check_msg.c engine/check_tests.c engine/graph.c
ENGINE_SRC += engine/memo.c engine/jsonl_fast.c
ENGINE_SRC += engine/trace_memo.c
FRONT_SRC  := parser/parse.c parser/syntax.c fmt/fmt.c fmt/fmt_api.c
GEN_SRC    := $(B)/gen/lexer.c $(B)/gen/parser.c $(B)/gen/messages.c $(B)/gen/fold.c
LIB_OBJ    := $(patsubst %.c,$(B)/obj/%.o,$(ENGINE_SRC) $(FRONT_SRC)) \
              $(B)/obj/gen/lexer.o $(B)/obj/gen/parser.o $(B)/obj/gen/messages.o \
              $(B)/obj/gen/fold.o
CLI_OBJ    := $(patsubst %.c,$(B)/obj/%.o,$(filter-out cli/prove%.c,$(wildcard cli/*.c)))
# The prover (prove/): the only code that links the Z3 solver. The engine's
# library does not; the command and the prover's own tests do.
PROVE_OBJ  := $(patsubst %.c,$(B)/obj/%.o,$(wildcard prove/*.c))
PROVE_LIBS := -lz3
# The decision register (register/): the only code that links SQLite. The
# engine's library does not; the rongcuo command does.
REGISTER_OBJ  := $(patsubst %.c,$(B)/obj/%.o,$(wildcard register/*.c))
REGISTER_LIBS := -lsqlite3

UNIT_TESTS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

.PHONY: all demo test check unit golden asan valgrind deps clean \
        golden-update format format-check fuzz fuzz-build replay example \
        install uninstall install-test oom-test tsan bench graph-svg browser

# The version, here only: rongcuo --version (RONGCUO_VERSION), rongcuo.pc
# and the shared library's name take it from these lines.
VERSION  := 0.1.0
SOVER    := 0.1.0

all: deps $(B)/rongcuo $(B)/librongcuo.so.$(SOVER)

deps:
	@sh tests/deps.sh

# rongcuo prove runs rongcuo-prove, built beside rongcuo: only it loads Z3
# (every other command starts as fast, in as little memory, as before).
$(B)/rongcuo: $(CLI_OBJ) $(REGISTER_OBJ) $(B)/librongcuo.a | $(B)/rongcuo-prove
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(REGISTER_LIBS)

PROVE_CLI_OBJ := $(B)/obj/cli/prove.o $(B)/obj/cli/prove_main.o \
                 $(B)/obj/cli/prove_analysis.o \
                 $(B)/obj/cli/common.o $(B)/obj/cli/output.o
$(B)/rongcuo-prove: $(PROVE_CLI_OBJ) $(B)/librongcuo-prove.a $(B)/librongcuo.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(PROVE_LIBS)

$(B)/librongcuo-prove.a: $(PROVE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The shared library exports only the rc_* interface of rongcuo.h.
$(B)/librongcuo.so.$(SOVER): $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,librongcuo.so.0 -o $@ $^ $(LDLIBS)

$(B)/librongcuo.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/gen/parser.c $(B)/gen/parser.h &: parser/parser.y
	@mkdir -p $(B)/gen
	bison -Wall -Werror --header=$(B)/gen/parser.h -o $(B)/gen/parser.c $<

$(B)/gen/lexer.c $(B)/gen/lexer.h &: lexer/lexer.l
	@mkdir -p $(B)/gen
	flex --header-file=$(B)/gen/lexer.h -o $(B)/gen/lexer.c $<

# The message table, from the one catalog (engine/msg.h).
$(B)/gen/messages.c $(B)/gen/messages.h &: engine/messages.txt engine/msggen.awk
	@mkdir -p $(B)/gen
	awk -f engine/msggen.awk -v out=$(B)/gen engine/messages.txt

# The table that folds traditional characters to simplified ones, for
# names (LANGUAGE.md §9), from OpenCC at build time (engine/foldgen.c): the
# library itself does not link OpenCC. The generator is built without the
# sanitizers of the build it serves.
$(B)/foldgen: engine/foldgen.c
	@mkdir -p $(B)
	$(CC) -O1 $(WARN) -D_POSIX_C_SOURCE=200809L $$(pkg-config --cflags opencc) \
	    -o $@ $< $$(pkg-config --libs opencc)

$(B)/gen/fold.c: $(B)/foldgen
	@mkdir -p $(B)/gen
	$(B)/foldgen $@.tmp && mv $@.tmp $@

$(B)/obj/gen/%.o: $(B)/gen/%.c $(B)/gen/parser.h $(B)/gen/lexer.h $(B)/gen/messages.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/obj/parser/parse.o $(B)/obj/parser/syntax.o $(B)/obj/fmt/fmt.o: $(B)/gen/parser.h $(B)/gen/lexer.h

$(B)/obj/cli/main.o: CPPFLAGS += -DRONGCUO_VERSION='"$(VERSION)"'
$(B)/obj/cli/main.o: Makefile

$(B)/obj/%.o: %.c | $(B)/gen/messages.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

PROVE_TESTS := $(addprefix $(B)/tests/,$(filter test_prove%,$(UNIT_TESTS)))
$(PROVE_TESTS): $(B)/tests/%: tests/unit/%.c $(B)/librongcuo-prove.a $(B)/librongcuo.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS) $(PROVE_LIBS) -lcmocka -lpthread

$(B)/tests/%: tests/unit/%.c $(B)/librongcuo.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS) -lcmocka -lpthread

# The province on its published cases, then each city on its own, then the
# county sample written in simplified characters.
demo: all
	./$(B)/rongcuo run rules/hubei.rules rules/cases/tc*.case
	./$(B)/rongcuo run rules/yichang.rules rules/cases/yichang-*.case
	./$(B)/rongcuo run rules/huangshi.rules rules/cases/huangshi-*.case
	./$(B)/rongcuo run rules/xiangyang.rules rules/cases/xiangyang-*.case
	./$(B)/rongcuo run rules/zigui-hans.rules rules/cases/zigui-*.case

# The rule graph of rules/yichang.rules that the README shows, drawn again
# with Graphviz after the rules change (docs/graph.md).
graph-svg: all
	./$(B)/rongcuo graph -o $(B)/yichang-graph.dot rules/yichang.rules
	dot -Tsvg -o $(B)/yichang-graph.svg $(B)/yichang-graph.dot
	mv $(B)/yichang-graph.svg docs/yichang-graph.svg

unit: deps $(addprefix $(B)/tests/,$(UNIT_TESTS))
	@failed=""; for t in $(UNIT_TESTS); do ./$(B)/tests/$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed"; exit 1; fi

golden: deps $(B)/rongcuo
	@sh tests/golden.sh $(B)/rongcuo
	@./$(B)/rongcuo test rules | tail -n 1

# The fuzz targets replayed on their seeds and on every kept regression
# input (tests/fuzz/TARGET/), with the ordinary compiler.
FUZZ_TARGETS := fuzz_rules fuzz_case fuzz_jsonl fuzz_batch fuzz_extends fuzz_fmt
SEEDS_fuzz_rules := $(wildcard rules/*.rules tests/golden/*/*.rules \
                    tests/golden/*/*/*.rules tests/golden/*/*.test tests/fuzz/fuzz_rules/*)
SEEDS_fuzz_case  := $(wildcard rules/cases/*.case tests/golden/*/*.case \
                    tests/golden/*/*/*.case tests/fuzz/fuzz_case/*)
SEEDS_fuzz_jsonl := $(wildcard tests/golden/*/*.jsonl tests/fuzz/fuzz_jsonl/*)
SEEDS_fuzz_batch := $(wildcard tests/golden/run/*.jsonl rules/cases/tc0*.case tests/fuzz/fuzz_batch/*)
SEEDS_fuzz_extends := $(wildcard tests/golden/variants/*.rules tests/fuzz/fuzz_extends/*)
SEEDS_fuzz_fmt   := $(SEEDS_fuzz_rules) $(SEEDS_fuzz_case) $(wildcard tests/fuzz/fuzz_fmt/*)

$(B)/replay/%: fuzz/%.c tests/fuzz_replay.c $(B)/librongcuo.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS)

replay: $(addprefix $(B)/replay/,$(FUZZ_TARGETS))
	@$(foreach t,$(FUZZ_TARGETS),./$(B)/replay/$(t) $(SEEDS_$(t)) &&) true

# libFuzzer (clang): make fuzz FUZZ_SECONDS=1800 runs each target that long.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer \
              -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
fuzz-build:
	@sh tests/deps.sh fuzz
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang OPT="$(FUZZ_FLAGS)" \
	    build/fuzz/librongcuo.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	    clang $(CPPFLAGS) -Ibuild/fuzz/gen $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer \
	        -o build/fuzz/$$t fuzz/$$t.c build/fuzz/librongcuo.a $(LDLIBS); done

fuzz: fuzz-build
	@$(foreach t,$(FUZZ_TARGETS),$(call fuzz_one,$(t)) &&) true

# Run one target; its findings land in build/fuzz/TARGET-crash-… .
define fuzz_one
mkdir -p build/fuzz/corpus/$(1) build/fuzz/seeds/$(1) && \
for f in $(SEEDS_$(1)); do cp "$$f" "build/fuzz/seeds/$(1)/$$(echo $$f | tr / _)"; done && \
echo "fuzz: $(1) for $(FUZZ_SECONDS) s" && \
./build/fuzz/$(1) -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/$(1)- \
    build/fuzz/corpus/$(1) build/fuzz/seeds/$(1) >build/fuzz/$(1).log 2>&1; \
status=$$?; grep -E '^(stat::|Done|==[0-9]+==|SUMMARY|artifact)' build/fuzz/$(1).log; \
test $$status -eq 0
endef

# The embedding example, built on the interface alone (rongcuo.h).
$(B)/embed: examples/embed.c $(B)/librongcuo.a
	$(CC) -Iengine $(CFLAGS) -o $@ $^ $(LDLIBS)

example: $(B)/embed
	@./$(B)/embed

# make install PREFIX=/usr DESTDIR=/tmp/x, and make uninstall.
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
MANDIR  ?= $(PREFIX)/share/man
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(B)/rongcuo $(DESTDIR)$(PREFIX)/bin/rongcuo
	install -m 755 $(B)/rongcuo-prove $(DESTDIR)$(PREFIX)/bin/rongcuo-prove
	install -m 644 $(B)/librongcuo.a $(DESTDIR)$(LIBDIR)/librongcuo.a
	install -m 755 $(B)/librongcuo.so.$(SOVER) $(DESTDIR)$(LIBDIR)/librongcuo.so.$(SOVER)
	ln -sf librongcuo.so.$(SOVER) $(DESTDIR)$(LIBDIR)/librongcuo.so.0
	ln -sf librongcuo.so.0 $(DESTDIR)$(LIBDIR)/librongcuo.so
	install -m 644 engine/rongcuo.h $(DESTDIR)$(PREFIX)/include/rongcuo.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' rongcuo.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/rongcuo.pc
	install -m 644 man/rongcuo.1 $(DESTDIR)$(MANDIR)/man1/rongcuo.1
	install -m 644 man/rongcuo-rules.5 $(DESTDIR)$(MANDIR)/man5/rongcuo-rules.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/rongcuo $(DESTDIR)$(PREFIX)/bin/rongcuo-prove \
	    $(DESTDIR)$(LIBDIR)/librongcuo.a \
	    $(DESTDIR)$(LIBDIR)/librongcuo.so.$(SOVER) $(DESTDIR)$(LIBDIR)/librongcuo.so.0 \
	    $(DESTDIR)$(LIBDIR)/librongcuo.so $(DESTDIR)$(PREFIX)/include/rongcuo.h \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/rongcuo.pc $(DESTDIR)$(MANDIR)/man1/rongcuo.1 \
	    $(DESTDIR)$(MANDIR)/man5/rongcuo-rules.5

# Install into a scratch folder, build the example against the installed
# files with pkg-config, run it, render the man pages, uninstall.
install-test: all
	@sh tests/install.sh
	@if ldd $(B)/librongcuo.so.$(SOVER) $(B)/rongcuo | grep -q libz3 || \
	    nm $(B)/librongcuo.a 2>/dev/null | grep -q ' U Z3_'; then \
	    echo "install-test: the engine's library or rongcuo loads Z3"; exit 1; fi

# Out of memory gives a message and exit 2, under ulimit -v (not under the
# sanitizers, which reserve far more address space than the limit).
oom-test: $(B)/rongcuo
	@sh tests/oom.sh $(B)/rongcuo

# Evaluation from 4 threads on one rule set, under ThreadSanitizer.
tsan:
	@$(MAKE) --no-print-directory B=build/tsan \
	    OPT="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" \
	    build/tsan/tests/test_threads
	@TSAN_OPTIONS="halt_on_error=1" ./build/tsan/tests/test_threads

# make bench: figures as ratios against a hand-written evaluator and cat,
# all measured in the same run (bench/run.sh).
$(B)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 $(WARN) -D_POSIX_C_SOURCE=200809L -o $@ $< $(LDLIBS)

bench: all $(B)/bench/gen $(B)/bench/flat $(B)/bench/hand $(B)/bench/measure
	@sh bench/run.sh $(B)

# The HTML reports in headless Chromium (tests/browser/report.js): no
# console error, the filter shows exactly a verdict's cases; screenshots
# in build/report.png and build/report-diff.png.
browser: $(B)/rongcuo
	@sh tests/deps.sh browser
	@node tests/browser/report.js $(B)/rongcuo

# The whole suite, then again under AddressSanitizer + UBSan.
test check: unit golden replay example install-test oom-test tsan browser
	@$(MAKE) --no-print-directory asan

asan:
	@$(MAKE) --no-print-directory B=build/asan \
	    OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" unit golden replay example

# prove/valgrind.supp: one block Z3 allocates when it is loaded, never freed.
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=all \
            --error-exitcode=99 --suppressions=$(CURDIR)/prove/valgrind.supp

# Unit and golden tests under valgrind: no leak, no error.
valgrind: deps $(B)/rongcuo $(addprefix $(B)/tests/,$(UNIT_TESTS))
	@failed=""; for t in $(UNIT_TESTS); do PROVE_CROSS_SETS=4 $(VALGRIND) ./$(B)/tests/$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "valgrind: failed:$$failed"; exit 1; fi
	@RONGCUO_WRAP="$(VALGRIND)" sh tests/golden.sh $(B)/rongcuo

golden-update: $(B)/rongcuo
	@GOLDEN_UPDATE=1 sh tests/golden.sh $(B)/rongcuo

format:
	clang-format -i engine/*.[ch] cli/*.[ch] prove/*.[ch] register/*.[ch] lexer/*.[ch] parser/*.[ch] fmt/*.[ch] tests/unit/*.[ch] fuzz/*.[ch] bench/*.c examples/*.c

format-check:
	clang-format --dry-run -Werror engine/*.[ch] cli/*.[ch] prove/*.[ch] register/*.[ch] lexer/*.[ch] parser/*.[ch] fmt/*.[ch] tests/unit/*.[ch] fuzz/*.[ch] bench/*.c examples/*.c

clean:
	rm -rf build

-include $(shell find $(B)/obj $(B)/tests -name '*.d' 2>/dev/null)
