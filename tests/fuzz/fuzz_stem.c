/* Stemming and word keys: ar_stem, diwan_stem, diwan_stem_lang in each
** language the input's first byte picks, diwan_word_keys (what the phrase
** scanner and the FTS5 tokenizer index). Output valid UTF-8, every key
** non-empty and valid. Words are cut at 64 bytes, as callers do. */
#include "fuzz.h"

static int key_cb(void *ctx, const char *k, size_t n) {
  CHECK(n > 0);
  CHECK(diwan_utf8_check(k, n) == n);
  (*(int *)ctx)++;
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static const char *const langs[] = {"ar", "he", "en", "fr", "ru", "az", "xx", ""};
  if (size < 1) return 0;
  const char *lang = langs[data[0] % 8];
  const char *s = (const char *)data + 1;
  size_t n = size - 1 < 64 ? size - 1 : 64;
  diwan_buf b;
  diwan_buf_init(&b);
  CHECK(diwan_ar_stem(s, n, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_stem(s, n, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_stem_lang(s, n, lang, &b) == DIWAN_OK); fz_valid(&b);
  diwan_buf_free(&b);
  int keys = 0;
  CHECK(diwan_word_keys(s, n, key_cb, &keys) == DIWAN_OK);
  return 0;
}
