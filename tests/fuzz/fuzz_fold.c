/* Folding: ar_normalize (strict, loose), he_normalize, latin_fold,
** diwan_fold, and diwan_fold of its own output. Output is valid UTF-8
** whatever the input. (Folding is not idempotent, and need not be: "W.
** Michael" folds to "w. michael", which folds to "w michael"; keys are
** always made from the text as written.) */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  diwan_buf b, c;
  diwan_buf_init(&b);
  diwan_buf_init(&c);
  CHECK(diwan_ar_normalize(s, size, DIWAN_AR_STRICT, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_ar_normalize(s, size, DIWAN_AR_LOOSE, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_he_normalize(s, size, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_latin_fold(s, size, &b) == DIWAN_OK); fz_valid(&b); diwan_buf_reset(&b);
  CHECK(diwan_fold(s, size, &b) == DIWAN_OK);
  fz_valid(&b);
  CHECK(diwan_fold(b.p ? b.p : "", b.n, &c) == DIWAN_OK);
  fz_valid(&c);
  diwan_buf_free(&b);
  diwan_buf_free(&c);
  return 0;
}
