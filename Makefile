# diwan — a SQLite extension for multilingual diplomatic news.
#   make            build dist/diwan.so
#   make test       run the test suite (SANITIZE=1: under ASan+UBSan)
#   make valgrind   run the test suite under valgrind
#   make demo       build a database from sample/ and query it
#   make bench      speed ratios, measured side by side
#   make install    PREFIX=/usr/local DESTDIR=

VERSION := $(shell cat VERSION)
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
TCLSH   ?= tclsh
SQLITE3 ?= sqlite3

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n)

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

.PHONY: all test oom valgrind demo bench fuzz install uninstall clean

all: dist/diwan.so

dist/diwan.so: build/release/diwan.so
	@mkdir -p dist
	cp $< $@

$(SO): $(OBJS)
	$(CC) -shared $(CFLAGS) $(SANFLAGS) -o $@ $(OBJS) $(ICU_LIBS) -lm

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
$(OOM_BIN): tests/oom/oom.c $(OUT)/flags
	$(CC) -O1 -g -Wall -Wextra -Werror $(SANFLAGS) -o $@ $< -lsqlite3 -ldl

test: $(SO) dist/diwan.so $(OOM_BIN)
	$(TEST_ENV) DIWAN_SO=$(CURDIR)/$(SO) DIWAN_OOM=$(CURDIR)/$(OOM_BIN) \
	  $(TCLSH) tests/all.tcl $(TESTS)

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

# Coverage-guided fuzzing of the core (needs clang with libFuzzer).
FUZZ_SECONDS ?= 60
CORE_SRCS := $(sort $(wildcard ext/core/*/*.c))
fuzz: build/release/data.c
	@mkdir -p build/fuzz-corpus
	cp ../shared/corpus/*.txt sample/*/* build/fuzz-corpus/ 2>/dev/null || true
	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE \
	  -Iinclude -Iext/core $(ICU_CFLAGS) tests/fuzz/fuzz_core.c $(CORE_SRCS) \
	  build/release/data.c $(ICU_LIBS) -lm -o build/fuzz_core
	build/fuzz_core -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 build/fuzz-corpus

install: dist/diwan.so
	install -d $(DESTDIR)$(PREFIX)/lib/diwan $(DESTDIR)$(PREFIX)/include
	install -m 0644 dist/diwan.so $(DESTDIR)$(PREFIX)/lib/diwan/diwan.so
	install -m 0644 include/diwan.h $(DESTDIR)$(PREFIX)/include/diwan.h

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/diwan/diwan.so $(DESTDIR)$(PREFIX)/include/diwan.h

clean:
	rm -rf build dist
