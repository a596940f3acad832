/* A light Azerbaijani stemmer: the noun endings of az_suffixes.tsv (case,
** plural, possessive, their common chains) come off, with the vowel or
** consonant before them checked, at least three letters left. An ending
** can be read two ways (Azərbaycan+ın or Azərbayca+nın), so every reading
** gives a key and a word meets another when any key is shared. Works on
** the lower-cased word (ə ı ö ü ğ ş ç are told apart there); keys are
** folded by the caller. */
#include <string.h>
#include "base/data.h"
#include "fold.h"
#include "base/alloc.h"

#define MAXSUF 128
static struct { char s[16]; size_t n; char after; } suf[MAXSUF];
static int nsuf;
static diwan_once once = DIWAN_ONCE_INIT;

static int add(void *ctx, int nf, const char **f, const size_t *lens, size_t lineno) {
  if (nf < 1 || lens[0] == 0 || lens[0] >= 16 || nsuf == MAXSUF) return 0;
  memcpy(suf[nsuf].s, f[0], lens[0]);
  suf[nsuf].n = lens[0];
  suf[nsuf].after = nf > 1 && lens[1] == 1 ? f[1][0] : '-';
  nsuf++;
  return 0;
}

static int load(void) {
  nsuf = 0;
  size_t len;
  const char *d = diwan_data("az_suffixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add, NULL);
  return DIWAN_OK;
}

static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* Is the letter that ends s[0..n) a vowel (a ı o u e ə i ö ü)? */
static int ends_in_vowel(const char *s, size_t n) {
  if (n == 0) return 0;
  if (strchr("aoeiu", s[n - 1]) && ((unsigned char)s[n - 1] < 0x80)) return 1;
  if (n < 2) return 0;
  const char *t = s + n - 2;
  return memcmp(t, "\xC4\xB1", 2) == 0 || memcmp(t, "\xC9\x99", 2) == 0 ||  /* ı ə */
         memcmp(t, "\xC3\xB6", 2) == 0 || memcmp(t, "\xC3\xBC", 2) == 0;   /* ö ü */
}

static size_t strip_one(const char *w, size_t n, int i) {
  size_t k = suf[i].n;
  if (n <= k || memcmp(w + n - k, suf[i].s, k) != 0) return 0;
  if (letters(w, n - k) < 3) return 0;
  int v = ends_in_vowel(w, n - k);
  if ((suf[i].after == 'V' && !v) || (suf[i].after == 'C' && v)) return 0;
  return n - k;
}

/* Every reading of up to `depth` stacked endings (nazir+i+ni, ölkə+lər+in):
** each stripped form is a key, then stripped again. */
static int strip_all(const char *w, size_t n, int depth, dw_stem_cb cb, void *ctx) {
  int rc = 0;
  for (int i = 0; i < nsuf && !rc; i++) {
    size_t e = strip_one(w, n, i);
    if (!e) continue;
    rc = cb(ctx, w, e);
    if (!rc && depth > 1) rc = strip_all(w, e, depth - 1, cb, ctx);
  }
  return rc;
}

int dw_az_stems(const char *w, size_t n, dw_stem_cb cb, void *ctx) {
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  return strip_all(w, n, 3, cb, ctx);
}
