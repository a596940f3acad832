/* libFuzzer target over the core: every entry point that takes text gets
** the fuzzer's bytes, and the invariants users rely on are checked:
** spans inside the input, output always valid UTF-8, no crash, no leak.
** Build and run with `make fuzz` (needs clang). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diwan.h"
#include "text/lang_int.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "violated: %s\n", #c); abort(); } } while (0)

static void valid(const diwan_buf *b) {
  CHECK(!b->oom);
  CHECK(diwan_utf8_check(b->p ? b->p : "", b->n) == b->n);
}

static int key_cb(void *ctx, const char *k, size_t n) {
  CHECK(diwan_utf8_check(k, n) == n);
  (*(int *)ctx)++;
  return 0;
}

static void tokens(const char *s, size_t n) {
  diwan_tokenizer t;
  size_t ts, tl, last = 0;
  diwan_token_kind k;
  diwan_tokenizer_init(&t, s, n);
  while (diwan_tokenizer_next(&t, &ts, &tl, &k)) {
    CHECK(tl > 0 && ts >= last && ts + tl <= n);
    last = ts + tl;
    int keys = 0;
    diwan_word_keys(s + ts, tl, key_cb, &keys);
  }
  diwan_sentencer st;
  diwan_sentencer_init(&st, s, n);
  last = 0;
  while (diwan_sentencer_next(&st, &ts, &tl)) {
    CHECK(tl > 0 && ts >= last && ts + tl <= n);
    last = ts + tl;
  }
}

static void folds(const char *s, size_t n) {
  diwan_buf b;
  diwan_buf_init(&b);
  diwan_ar_normalize(s, n, DIWAN_AR_STRICT, &b); valid(&b); diwan_buf_reset(&b);
  diwan_ar_normalize(s, n, DIWAN_AR_LOOSE, &b); valid(&b); diwan_buf_reset(&b);
  diwan_he_normalize(s, n, &b); valid(&b); diwan_buf_reset(&b);
  diwan_latin_fold(s, n, &b); valid(&b); diwan_buf_reset(&b);
  diwan_fold(s, n, &b); valid(&b); diwan_buf_reset(&b);
  diwan_ar_stem(s, n < 64 ? n : 64, &b); valid(&b); diwan_buf_reset(&b);
  diwan_stem(s, n < 64 ? n : 64, &b); valid(&b); diwan_buf_reset(&b);
  diwan_buf_free(&b);
}

static void documents(const char *s, size_t n) {
  diwan_buf b;
  long bad;
  for (int html = 0; html < 2; html++) {
    diwan_buf_init(&b);
    diwan_document_text(s, n, html, &b, &bad);
    valid(&b);
    size_t fs, fl;
    diwan_first_line(b.p ? b.p : "", b.n, &fs, &fl);
    CHECK(fs + fl <= b.n);
    diwan_buf_free(&b);
  }
  diwan_buf_init(&b);
  diwan_html_title(s, n, &b);   /* raw input: callers sanitise the title */
  diwan_buf_free(&b);
  const char *l = diwan_lang_detect(s, n);
  /* The one-pass reading answers as the token-by-token one. */
  CHECK(strcmp(l, diwan_lang_detect_tokens(s, n)) == 0);
  CHECK(l && strlen(l) >= 2);
}

static int date_cb(void *ctx, const diwan_date *d) {
  size_t n = *(size_t *)ctx;
  CHECK(d->len > 0 && d->start + d->len <= n);
  CHECK(d->precision && d->calendar && d->lang);
  CHECK(!d->first_day[0] || strcmp(d->first_day, d->last_day) <= 0);
  return 0;
}

/* User month names: a new word, a prefix of a compiled-in form, a form of
** two words, and (from the input) the input's first line. */
static void dates(const char *s, size_t n) {
  diwan_ymd anchor = {2020, 2, 29};
  diwan_dates(s, n, NULL, NULL, date_cb, &n);
  diwan_dates(s, n, &anchor, "en-US", date_cb, &n);
  diwan_months *m = diwan_months_new();
  if (!m) return;
  static const char *const rows[][5] = {
    {"juill", "7", "g", "fr", ""}, {"avr", "4", "g", "fr", "a"},
    {"أي النار", "1", "g", "ar", ""}, {"ניסאן", "8", "j", "he", "a"}};
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    size_t len[5];
    for (int k = 0; k < 5; k++) len[k] = strlen(rows[i][k]);
    diwan_months_add(m, rows[i], len, NULL);
  }
  size_t line = 0;
  while (line < n && line < 64 && s[line] != '\n') line++;
  const char *f[5] = {s, "13", "j", "he", ""};
  size_t len[5] = {line, 2, 1, 2, 0};
  diwan_months_add(m, f, len, NULL);
  diwan_dates_with(m, s, n, &anchor, NULL, date_cb, &n);
  diwan_months_free(m);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  int found = 0;
  diwan_match(s, size / 2, s + size / 2, size - size / 2, &found);
  CHECK(found == 0 || found == 1);
  tokens(s, size);
  dates(s, size);
  folds(s, size);
  documents(s, size);
  return 0;
}
