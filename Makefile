# diwan — a SQLite extension for multilingual diplomatic news.
#   make            build dist/diwan.so
#   make test       run the test suite (SANITIZE=1: under ASan+UBSan)
#   make valgrind   run the test suite under valgrind
#   make demo       build a database from sample/ and query it
#   make bench      speed ratios, measured side by side
#   make bench-scale  the pipeline on 10 and 100 MB of generated news
#   make eval       figures on ../shared/dev and the peers' date suites
#                   (EVAL_VERBOSE=1 lists the failures, EVAL_LANGS=ar,fr,
#                   EVAL_JSON=file; see tools/eval.tcl); make eval-peers: the
#                   peers' suites only
#   make install    PREFIX=/usr/local DESTDIR=

VERSION := $(shell cat VERSION)
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
TCLSH   ?= tclsh
SQLITE3 ?= sqlite3

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n)
# Snowball's libstemmer (Debian libstemmer-dev ships no .pc file).
STEM_LIBS  := $(shell pkg-config --libs libstemmer 2>/dev/null || echo -lstemmer)

CFLAGS ?= -O2 -g
WARN   := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
XFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -fPIC \
          -fvisibility=hidden -Iinclude -Iext/core -Iext/sqlite \
          -DDIWAN_VERSION='"$(VERSION)"' $(ICU_CFLAGS)

ifeq ($(SANITIZE),1)
  FLAVOR   := asan
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all
  TEST_ENV := LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
              ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:halt_on_error=1 \
              LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else ifeq ($(SANITIZE),thread)
  FLAVOR   := tsan
  SANFLAGS := -fsanitize=thread -fno-omit-frame-pointer
  TEST_ENV := TSAN_OPTIONS=halt_on_error=1:exitcode=66
else
  FLAVOR   := release
  SANFLAGS :=
  TEST_ENV :=
endif

OUT  := build/$(FLAVOR)
SO   := $(OUT)/diwan.so
SRCS := $(sort $(wildcard ext/core/*/*.c) $(wildcard ext/sqlite/*.c))
OBJS := $(patsubst ext/%.c,$(OUT)/%.o,$(SRCS)) $(OUT)/data.o
DATA := $(sort $(wildcard ext/data/*))
HDRS := $(wildcard include/*.h ext/core/*/*.h ext/sqlite/*.h)
FLAGS_USED := $(CC) $(CFLAGS) $(WARN) $(XFLAGS) $(SANFLAGS) \
              -DDIWAN_BUILD='"$(strip $(FLAVOR) $(CFLAGS) $(SANFLAGS))"'

.PHONY: all test oom threads valgrind demo bench bench-scale eval eval-peers fuzz fuzz-dates install uninstall clean

all: dist/diwan.so

dist/diwan.so: build/release/diwan.so
	@mkdir -p dist
	cp $< $@

$(SO): $(OBJS)
	$(CC) -shared $(CFLAGS) $(SANFLAGS) -o $@ $(OBJS) $(ICU_LIBS) $(STEM_LIBS) -lm

$(OUT)/%.o: ext/%.c $(HDRS) $(OUT)/flags
	@mkdir -p $(dir $@)
	$(FLAGS_USED) -c $< -o $@

$(OUT)/data.c: $(DATA) build/embed
	build/embed $@ $(DATA)

$(OUT)/data.o: $(OUT)/data.c ext/core/base/data.h
	$(FLAGS_USED) -c $< -o $@

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O1 -o $@ $<

# Rebuild when the compiler flags change.
$(OUT)/flags: FORCE
	@mkdir -p $(OUT)
	@echo '$(subst ','',$(FLAGS_USED))' | cmp -s - $@ || \
	  echo '$(subst ','',$(FLAGS_USED))' > $@
FORCE:

# The out-of-memory driver (tests/oom/oom.c), run by tests/05_oom.test.
OOM_BIN := $(OUT)/oom
$(OOM_BIN): tests/oom/oom.c tests/entries.h $(OUT)/flags
	$(CC) -O1 -g -Wall -Wextra -Werror $(SANFLAGS) -o $@ $< -lsqlite3 -ldl

# Four connections in four threads over every entry point (tests/threads),
# run by tests/06_threads.test; `make threads` runs it under ThreadSanitizer.
THREADS_BIN := $(OUT)/threads
$(THREADS_BIN): tests/threads/threads.c tests/entries.h $(OUT)/flags
	$(CC) -O1 -g -Wall -Wextra -Werror $(SANFLAGS) -o $@ $< -lsqlite3 -lpthread

test: $(SO) dist/diwan.so $(OOM_BIN) $(THREADS_BIN)
	$(TEST_ENV) DIWAN_SO=$(CURDIR)/$(SO) DIWAN_OOM=$(CURDIR)/$(OOM_BIN) \
	  DIWAN_THREADS=$(CURDIR)/$(THREADS_BIN) $(TCLSH) tests/all.tcl $(TESTS)

threads:
	$(MAKE) SANITIZE=thread build/tsan/diwan.so build/tsan/threads
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/threads $(CURDIR)/build/tsan/diwan.so 3

# Every allocation of every entry point failed in turn (tests/oom/oom.c);
# OOM_FULL=1 tries every allocation of the cold calls too.
oom: $(SO) $(OOM_BIN)
	$(TEST_ENV) $(if $(OOM_FULL),DIWAN_OOM_FULL=1) $(OOM_BIN) $(CURDIR)/$(SO)

valgrind: dist/diwan.so
	DIWAN_SO=$(CURDIR)/dist/diwan.so DIWAN_VALGRIND=1 \
	  valgrind --quiet --error-exitcode=99 --leak-check=full --keep-debuginfo=yes \
	  --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	  --suppressions=tests/valgrind.supp $(TCLSH) tests/all.tcl $(TESTS)

demo: dist/diwan.so
	@rm -f build/demo.db
	@cat sql/demo/*.sql > build/demo.sql
	$(SQLITE3) -bail build/demo.db < build/demo.sql

bench: dist/diwan.so
	$(TCLSH) bench/bench.tcl

# The pipeline at 10 and 100 MB (SCALE_MB="10 100 1000" adds 1 GB).
bench-scale: dist/diwan.so
	$(TCLSH) bench/scale.tcl

# The measurement: events and dates on ../shared/dev (scored as its README
# says), then the peers' date suites ../shared/peers/dates.
eval: dist/diwan.so
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval.tcl

eval-peers: dist/diwan.so
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval.tcl peers

# Coverage-guided fuzzing of the core (needs clang with libFuzzer).
FUZZ_SECONDS ?= 60
CORE_SRCS := $(sort $(wildcard ext/core/*/*.c))
fuzz: build/release/data.c
	@mkdir -p build/fuzz-corpus
	cp ../shared/corpus/*.txt sample/*/* build/fuzz-corpus/ 2>/dev/null || true
	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE \
	  -Iinclude -Iext/core $(ICU_CFLAGS) tests/fuzz/fuzz_core.c $(CORE_SRCS) \
	  build/release/data.c $(ICU_LIBS) $(STEM_LIBS) -lm -o build/fuzz_core
	build/fuzz_core -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 build/fuzz-corpus

# Date extraction alone, with a dictionary of every date lexicon word; fast
# (thousands of inputs a second). FUZZ_SECONDS as above; run it niced.
FUZZ_DATES_DATA := $(sort $(wildcard ext/data/dates_*.tsv))
build/fuzz_dates.dict: $(FUZZ_DATES_DATA) tools/fuzz_dict.tcl
	@mkdir -p build
	$(TCLSH) tools/fuzz_dict.tcl $@ $(FUZZ_DATES_DATA)
build/fuzz_dates: tests/fuzz/fuzz_dates.c $(CORE_SRCS) $(HDRS) build/release/data.c
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -std=c11 -D_DEFAULT_SOURCE -Iinclude -Iext/core $(ICU_CFLAGS) \
	  tests/fuzz/fuzz_dates.c $(CORE_SRCS) build/release/data.c $(ICU_LIBS) -lm -o $@
fuzz-dates: build/fuzz_dates build/fuzz_dates.dict
	@mkdir -p build/fuzz-dates-corpus
	cp ../shared/corpus/*.txt sample/*/* build/fuzz-dates-corpus/ 2>/dev/null || true
	build/fuzz_dates -dict=build/fuzz_dates.dict -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=1024 -timeout=10 -print_final_stats=1 build/fuzz-dates-corpus

install: dist/diwan.so
	install -d $(DESTDIR)$(PREFIX)/lib/diwan $(DESTDIR)$(PREFIX)/include
	install -m 0644 dist/diwan.so $(DESTDIR)$(PREFIX)/lib/diwan/diwan.so
	install -m 0644 include/diwan.h $(DESTDIR)$(PREFIX)/include/diwan.h

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/diwan/diwan.so $(DESTDIR)$(PREFIX)/include/diwan.h

clean:
	rm -rf build dist
