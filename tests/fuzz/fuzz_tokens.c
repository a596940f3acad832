/* Tokens and sentences: the word tokenizer and the sentence splitter give
** non-empty spans inside the input, in order, not overlapping; a token's
** kind has a name; language detection answers a language whatever the
** input, and its one-pass reading answers as the token-by-token one. */
#include "fuzz.h"
#include "text/lang_int.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  size_t ts, tl, last = 0;
  diwan_token_kind k;
  diwan_tokenizer t;
  diwan_tokenizer_init(&t, s, size);
  while (diwan_tokenizer_next(&t, &ts, &tl, &k)) {
    CHECK(tl > 0 && ts >= last);
    fz_span(ts, tl, size);
    fz_valid_z(diwan_token_kind_name(k));
    last = ts + tl;
  }
  diwan_sentencer st;
  diwan_sentencer_init(&st, s, size);
  last = 0;
  while (diwan_sentencer_next(&st, &ts, &tl)) {
    CHECK(tl > 0 && ts >= last);
    fz_span(ts, tl, size);
    last = ts + tl;
  }
  const char *l = diwan_lang_detect(s, size);
  CHECK(l && strlen(l) >= 2);
  CHECK(strcmp(l, diwan_lang_detect_tokens(s, size)) == 0);
  return 0;
}
