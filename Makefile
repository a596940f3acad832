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
#                   peers' suites only; make eval-lemmas: Arabic and Hebrew
#                   lemma matching (hspell, hunspell-ar; docs/matching.md)
#   make fuzz       every libFuzzer harness for FUZZ_SECONDS each (clang)
#   make install    PREFIX=/usr/local DESTDIR= (EXTDIR: where diwan.so goes)
#   make dist       dist/diwan-VERSION.tar.gz from the committed tree, checked
#   make test-clients  the README's clients and the packages load diwan

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

.PHONY: dist test-clients all test oom threads valgrind demo bench bench-scale eval eval-lemmas eval-peers fuzz fuzz-build install uninstall clean

all: dist/diwan.so dist/diwan python/diwan/diwan.so node/diwan.so

# The Python and Node packages carry the extension (see python/, node/).
python/diwan/diwan.so node/diwan.so: dist/diwan.so VERSION
	cp dist/diwan.so $@
	cp VERSION python/VERSION

# The command line (cli/): the extension's objects linked in, on libsqlite3.
CLI_SRCS := $(sort $(wildcard cli/*.c))
CLI_OBJS := $(patsubst cli/%.c,$(OUT)/cli/%.o,$(CLI_SRCS)) $(OUT)/cli/files.o
CLI_FILES := sql/schema.sql sql/extract.sql cli/timeline.html

dist/diwan: build/release/diwan
	@mkdir -p dist
	cp $< $@

$(OUT)/diwan: $(CLI_OBJS) $(OBJS)
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $(CLI_OBJS) $(OBJS) -lsqlite3 $(ICU_LIBS) $(STEM_LIBS) -lm

$(OUT)/cli/%.o: cli/%.c cli/cli.h $(HDRS) $(OUT)/flags
	@mkdir -p $(dir $@)
	$(FLAGS_USED) -c $< -o $@

$(OUT)/cli/files.c: $(CLI_FILES) build/embed
	@mkdir -p $(dir $@)
	build/embed -n cli_files $@ $(CLI_FILES)

$(OUT)/cli/files.o: $(OUT)/cli/files.c
	$(FLAGS_USED) -c $< -o $@

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

# ICU's formatting of random days (tests/icu/icu_dates.c), read back by
# tests/30_dates_icu.test.
ICU_DATES_BIN := $(OUT)/icu_dates
$(ICU_DATES_BIN): tests/icu/icu_dates.c $(OUT)/flags
	$(CC) -O1 -g -Wall -Wextra -Werror $(SANFLAGS) $(ICU_CFLAGS) -o $@ $< $(ICU_LIBS)

test: $(SO) dist/diwan.so $(OUT)/diwan dist/diwan python/diwan/diwan.so $(OOM_BIN) $(THREADS_BIN) $(ICU_DATES_BIN)
	$(TEST_ENV) DIWAN_SO=$(CURDIR)/$(SO) DIWAN_CLI=$(CURDIR)/$(OUT)/diwan \
	  DIWAN_OOM=$(CURDIR)/$(OOM_BIN) DIWAN_THREADS=$(CURDIR)/$(THREADS_BIN) \
	  DIWAN_ICU_DATES=$(CURDIR)/$(ICU_DATES_BIN) \
	  $(TCLSH) tests/all.tcl $(TESTS)

threads:
	$(MAKE) SANITIZE=thread build/tsan/diwan.so build/tsan/threads
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/threads $(CURDIR)/build/tsan/diwan.so 3

# Every allocation of every entry point failed in turn (tests/oom/oom.c);
# OOM_FULL=1 tries every allocation of the cold calls too.
# Under SANITIZE=1 the driver unwinds fast on malloc: it is C built with
# frame pointers (no Tcl frames to suppress by name), and the full unwinder
# on every allocation made each cold call, which builds the lexicons anew,
# take minutes (entity_each alone: 20 minutes against under 2).
OOM_ASAN := $(if $(filter asan,$(FLAVOR)),ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=1:halt_on_error=1)
oom: $(SO) $(OOM_BIN)
	$(TEST_ENV) $(OOM_ASAN) $(if $(OOM_FULL),DIWAN_OOM_FULL=1) $(OOM_BIN) $(CURDIR)/$(SO)

# What make test builds, so that no test is failed or skipped only because
# valgrind was asked first (readme-5.5 needs the Python package's copy).
valgrind: dist/diwan.so dist/diwan python/diwan/diwan.so $(OOM_BIN) $(THREADS_BIN) $(ICU_DATES_BIN)
	DIWAN_SO=$(CURDIR)/dist/diwan.so DIWAN_VALGRIND=1 DIWAN_CLI=$(CURDIR)/dist/diwan \
	  DIWAN_OOM=$(CURDIR)/$(OOM_BIN) DIWAN_THREADS=$(CURDIR)/$(THREADS_BIN) \
	  DIWAN_ICU_DATES=$(CURDIR)/$(ICU_DATES_BIN) \
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
eval: dist/diwan.so build/sbstem
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval.tcl
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval_lemmas.tcl

# Arabic and Hebrew lemma matching against hspell and hunspell-ar (skipped
# with a message when they or ../shared are absent; docs/matching.md).
eval-lemmas: dist/diwan.so build/sbstem
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval_lemmas.tcl

# Snowball's own stemmer, put beside diwan's by eval-lemmas.
build/sbstem: tools/sbstem.c
	@mkdir -p build
	$(CC) -O1 -o $@ $< $(STEM_LIBS)

eval-peers: dist/diwan.so
	DIWAN_SO=$(CURDIR)/dist/diwan.so $(TCLSH) tools/eval.tcl peers

# Coverage-guided fuzzing (clang with libFuzzer): one harness per family
# (tests/fuzz/fuzz_NAME.c), each with a dictionary made from the lexicons
# (tools/fuzz_dict.tcl) and seeds from sample/, ../shared/corpus and the
# tests' texts. `make fuzz` runs each for FUZZ_SECONDS (default 60), one
# after the other (FUZZ=dates,sql picks some); `make fuzz-build` only
# builds. Crashes land in build/fuzz/crash-NAME-*; run them niced. The
# timeout is long because the first input loads the lexicons (~5 s under
# ASan on a busy machine). FUZZ_VANILLA: harnesses run with -entropic=0.
# libFuzzer's default power schedule (entropic) updates a global frequency
# table for every feature of every run; in the events harness that took
# half the time once the seeds were read (perf: 40% in
# InputCorpus::UpdateFeatureFrequency, 10% AddRareFeature, the code under
# test 20%). Without it events and sql run about twice the inputs a CPU
# second (60 s from the seeds, niced: events 524 → 693, sql 840 → 1662;
# after the seeds, events 660 → 925, sql 899 → 1886); the other harnesses
# ran fewer (fold 1844 → 967: the older schedule picks longer inputs), so
# they keep entropic. The checks are the same either way. The dates harness
# too (perf on its corpus: 33% of the time in UpdateFeatureFrequency; 20,000
# runs from the same 800-byte seeds, CPU time: 984 → 1,255 runs a second).
# FUZZ_MAXLEN_NAME: inputs stop there (4096 bytes otherwise). Each run costs
# time in proportion to its length, and every extractor is linear, so an
# input need only be long enough to reach every rule of its family:
#  - dates, 600: a date rule reads at most 40 tokens ahead and 16 back
#    (dates_int.h), the scanner keeps a ring of 64 tokens, so 600 bytes (up
#    to 300 tokens) reach every rule, every wrap of the ring and the language
#    detection of texts of 512 bytes or more (dates_resolve.c) (1,255 →
#    1,668 runs a CPU second);
#  - events, 1024: an event is decided within its sentence and the one
#    before (ev_discourse_date), its parties and persons within 200 to 400
#    bytes of its trigger (NEAR, PRONOUN_LOOK, DISCUSS_SPAN); what is
#    document-wide reads the headline (at most 300 bytes, HEADLINE_MAX), the
#    first three sentences (the pair, find_pair) and earlier mentions of a
#    name (events_coref.c): 1,024 bytes hold a headline and three sentences
#    of 240 bytes. The per-document caps (256 bound names, 32 listed
#    persons, events_coref.c) take longer inputs: FUZZ_LONG reaches them;
#  - fold, 1024: folding reads a code point and its word; output buffers
#    double from 64 bytes, so 1,024 bytes of input pass five doublings
#    (20,000 runs from 500 of its inputs: 1,160 → 1,850 runs a CPU second).
# `make fuzz FUZZ_LONG=1` runs every harness on inputs up to 4,096 bytes: the
# mode that watches for time growing with length (libFuzzer's slow units).
# FUZZ_TRACE_NAME: the folders whose comparisons harness NAME traces; the
# rest of its code is built with edge coverage only (build/fuzz/objq). Half
# the time or more of every harness goes to comparison tracing
# (__sanitizer_cov_trace_*cmp*), and in the harnesses at the top of the
# stack most of it was spent in the stages below, which their own harnesses
# trace (the phrase scanner, the tokenizer, the date scanner: perf, 48% of
# the events harness in cmp tracing). The events harness traces events/,
# the SQL harness the SQLite layer. Measured (13,000 runs, -seed=7, from the
# same 500 inputs of each kept corpus, CPU time, lexicon loading included):
# events 197 (4,096 bytes, all traced) → 371 (1,024) → 837 (1,024, events/
# traced); sql 952 → 1,889 (its inputs are short: 1,024 bytes gave the
# same 1,892, so it keeps 4,096). What each harness checks is unchanged.
# In 150-600 s runs from the whole kept corpora with these flags (fuzz7,
# CPU time, reading the corpus included): stem 12,284, html 3,656, corpus
# 3,317, sql 2,665, fold 2,620, dates 2,424, tokens 2,076, tokenizer 1,726,
# entities 1,700, events 885 (the last one under 1,000: until the process-
# wide word memos are full, 32,768 and 65,536 words, libFuzzer runs every
# input that added a word twice to look for a leak: 18% of its time).
# Speed is counted per CPU second: a niced fuzzer on a busy machine gets a
# share of one core (15% with a load of 9 on 2 cores, 2026-11-29), so its
# wall-clock exec/s says more about the machine than about the harness.
# Measured then (-runs from the kept corpora, reading them included):
# stem 12,161, html 3,333, dates 1,487-1,876, tokens 1,666, tokenizer 1,380,
# entities 1,213, fold 1,155, sql 783, corpus 163. -O2 saves 17% (fold) but
# instruments other edges, and entropic off slows the tokenizer (1,380 →
# 1,033): both stay as they are.
FUZZ_SECONDS ?= 60
FUZZ_VANILLA ?= events sql dates
FUZZ_MAXLEN_dates  := 600
FUZZ_MAXLEN_events := 1024
FUZZ_MAXLEN_fold   := 1024
FUZZ_TRACE_events  := ext/core/events
FUZZ_TRACE_sql     := ext/sqlite
fuzz_maxlen = $(if $(FUZZ_LONG),4096,$(or $(FUZZ_MAXLEN_$1),4096))
FUZZ_ALL := fold stem tokens dates entities events html corpus tokenizer sql
FUZZ     ?= $(FUZZ_ALL)
CORE_SRCS := $(sort $(wildcard ext/core/*/*.c))
SQL_SRCS  := $(sort $(wildcard ext/sqlite/*.c))
FUZZ_CC  := clang -g -O1 -fno-omit-frame-pointer -std=c11 -D_DEFAULT_SOURCE \
            -D_FILE_OFFSET_BITS=64 -Iinclude -Iext/core -Iext/sqlite $(ICU_CFLAGS) \
            -DDIWAN_VERSION='"$(VERSION)"' -DDIWAN_BUILD='"fuzz"' \
            -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CORE_OBJS := $(patsubst ext/%.c,build/fuzz/obj/%.o,$(CORE_SRCS)) build/fuzz/obj/data.o
FUZZ_SQL_OBJS  := $(patsubst ext/%.c,build/fuzz/obj/%.o,$(SQL_SRCS))
FUZZ_BINS := $(addprefix build/fuzz/fuzz_,$(FUZZ_ALL))

build/fuzz/obj/%.o: ext/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/data.c: $(DATA) build/embed
	@mkdir -p build/fuzz
	build/embed $@ $(DATA)
build/fuzz/obj/data.o: build/fuzz/data.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -c $< -o $@

# The same sources with edge coverage only, no comparison tracing, for the
# harnesses that name the folders they trace (FUZZ_TRACE_NAME, above).
build/fuzz/objq/%.o: ext/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -fsanitize=fuzzer-no-link -fno-sanitize-coverage=trace-cmp -c $< -o $@
# A harness's objects: traced where FUZZ_TRACE_NAME says (everywhere when
# it is empty), quiet elsewhere; the SQLite layer only for those that go
# through SQLite (FUZZ_SQLITE).
fuzz_obj = $(if $(or $(if $(FUZZ_TRACE_$2),,1),$(filter $(addsuffix /%,$(FUZZ_TRACE_$2)),$1)),$(1:ext/%.c=build/fuzz/obj/%.o),$(1:ext/%.c=build/fuzz/objq/%.o))
fuzz_objs = $(foreach s,$(CORE_SRCS) $(if $(filter $1,$(FUZZ_SQLITE)),$(SQL_SRCS)),$(call fuzz_obj,$s,$1)) build/fuzz/obj/data.o
FUZZ_SQLITE := sql tokenizer
define fuzz_link
build/fuzz/fuzz_$1: tests/fuzz/fuzz_$1.c tests/fuzz/fuzz.h $(call fuzz_objs,$1)
	$$(FUZZ_CC) -fsanitize=fuzzer $$< $(call fuzz_objs,$1) $(if $(filter $1,$(FUZZ_SQLITE)),-lsqlite3) \
	  $$(ICU_LIBS) $$(STEM_LIBS) -lm -o $$@
endef
$(foreach h,$(FUZZ_ALL),$(eval $(call fuzz_link,$h)))

# Dictionaries: the words of the lexicons each family reads.
GAZ_DATA    := ext/data/countries.tsv ext/data/cities.tsv ext/data/regions.tsv ext/data/organizations.tsv
DICT_dates     := $(sort $(wildcard ext/data/dates_*.tsv)) tests/fuzz/numbers.words
DICT_fold      := ext/data/ar_affixes.tsv ext/data/he_prefixes.tsv ext/data/latin_letters.tsv \
                  ext/data/lang_words.tsv ext/data/countries.tsv
DICT_stem      := ext/data/ar_affixes.tsv ext/data/ar_plurals.tsv ext/data/he_prefixes.tsv \
                  ext/data/he_suffixes.tsv ext/data/az_suffixes.tsv ext/data/fr_elisions.txt \
                  ext/data/countries.tsv
DICT_tokens    := ext/data/abbreviations.txt ext/data/lang_words.tsv tests/fuzz/numbers.words
DICT_tokenizer := $(DICT_stem)
DICT_entities  := $(GAZ_DATA) ext/data/persons.tsv ext/data/name_stops.tsv
DICT_events    := ext/data/triggers.tsv ext/data/titles.tsv ext/data/arguments.tsv \
                  ext/data/cues.tsv ext/data/status.tsv ext/data/directions.tsv \
                  ext/data/countries.tsv ext/data/dates_months.tsv tests/fuzz/numbers.words
DICT_html      := tests/fuzz/html.words
DICT_corpus    := tests/fuzz/corpus.words
DICT_sql       := ext/data/countries.tsv ext/data/triggers.tsv ext/data/dates_months.tsv \
                  tests/fuzz/numbers.words
.SECONDEXPANSION:
build/fuzz/%.dict: $$(DICT_$$*) tools/fuzz_dict.tcl
	@mkdir -p build/fuzz
	$(TCLSH) tools/fuzz_dict.tcl $@ $(DICT_$*)

fuzz-build: $(FUZZ_BINS) $(addprefix build/fuzz/,$(addsuffix .dict,$(FUZZ_ALL)))

# Seeds: our sample, the seed corpus, and the tests' own texts (one file per
# quoted string of the tests, tools/fuzz_seeds.tcl).
fuzz: fuzz-build
	$(TCLSH) tools/fuzz_seeds.tcl build/fuzz/seeds
	@for h in $(subst $(comma), ,$(FUZZ)); do \
	  mkdir -p build/fuzz/corpus-$$h; \
	  echo "== fuzz_$$h ($(FUZZ_SECONDS) s)"; \
	  TMPDIR=$${TMPDIR:-/dev/shm} build/fuzz/fuzz_$$h -dict=build/fuzz/$$h.dict \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=2048 \
	    $$($(MAKE) -s --no-print-directory fuzz-flags-$$h) \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/crash-$$h- \
	    build/fuzz/corpus-$$h build/fuzz/seeds 2>&1 | \
	    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|==|SUMMARY|violated)|Test unit written' ; \
	done
comma := ,
# The flags `make fuzz` gives harness NAME (for scripts that run them).
# -reload=0: one process per corpus, so there is nothing to read back; by
# default libFuzzer stats every file of its corpus every wall-clock second,
# which took 6% of a niced events run on a busy machine (perf, 4,800 files).
fuzz-flags-%:
	@echo -max_len=$(call fuzz_maxlen,$*) $(if $(filter $*,$(FUZZ_VANILLA)),-entropic=0) -reload=0

# `.load diwan` and load_extension('diwan') dlopen "diwan.so" by name; the
# loader finds such a name only in its default folders (ld.so.cache holds
# lib*.so names only), so the extension goes to the system's multiarch
# library folder whatever PREFIX is. A user without sudo sets
# EXTDIR=$$HOME/.local/lib and LD_LIBRARY_PATH. diwan.h is not installed:
# no library that it describes is (the extension exports only its entry point).
MULTIARCH := $(shell $(CC) -print-multiarch 2>/dev/null)
EXTDIR  ?= /usr/lib$(if $(MULTIARCH),/$(MULTIARCH))
PCDIR   ?= $(PREFIX)/lib/pkgconfig
BINDIR  ?= $(PREFIX)/bin
install: dist/diwan.so dist/diwan
	install -d $(DESTDIR)$(EXTDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(PCDIR)
	install -m 0644 dist/diwan.so $(DESTDIR)$(EXTDIR)/diwan.so
	install -m 0755 dist/diwan $(DESTDIR)$(BINDIR)/diwan
	sed -e 's|@VERSION@|$(VERSION)|' -e 's|@EXTDIR@|$(EXTDIR)|' \
	  -e 's|@PREFIX@|$(PREFIX)|' tools/diwan.pc.in > $(DESTDIR)$(PCDIR)/diwan.pc
	chmod 0644 $(DESTDIR)$(PCDIR)/diwan.pc

uninstall:
	rm -f $(DESTDIR)$(EXTDIR)/diwan.so $(DESTDIR)$(BINDIR)/diwan $(DESTDIR)$(PCDIR)/diwan.pc

# A release archive of the committed tree (git archive), then checked: it is
# unpacked, built, must report VERSION, and its own `make test` must pass
# (with ../shared of this clone when there is one, so nothing is skipped).
DIST := diwan-$(VERSION)
dist:
	@mkdir -p dist
	git archive --format=tar.gz --prefix=$(DIST)/ -o dist/$(DIST).tar.gz HEAD
	rm -rf build/distcheck && mkdir -p build/distcheck
	tar -xzf dist/$(DIST).tar.gz -C build/distcheck
	$(MAKE) -s -C build/distcheck/$(DIST) dist/diwan.so dist/diwan
	test "$$(build/distcheck/$(DIST)/dist/diwan --version | cut -d' ' -f2)" = "$(VERSION)"
	DIWAN_SHARED=$${DIWAN_SHARED:-$(abspath ..)/shared} $(MAKE) -s -C build/distcheck/$(DIST) test \
	  > build/distcheck/test.log 2>&1 || { tail -30 build/distcheck/test.log; exit 1; }
	@tail -1 build/distcheck/test.log
	@echo "dist/$(DIST).tar.gz: built and checked"

# Every client of the README and both packages load diwan and run a query.
test-clients: dist/diwan.so dist/diwan
	sh tools/test-clients.sh

clean:
	rm -rf build dist
