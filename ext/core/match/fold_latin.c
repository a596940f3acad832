/* Latin (and generic) folding: NFKC, full case folding, accents off, a few
** letters without decomposition (latin_letters.tsv), French elisions.
** ICU defines the fold of each code point; the results for U+0000–07FF
** (every two-byte code point: Latin, Greek, Cyrillic…) are computed once
** into a table so the hot path never calls ICU. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include "base/data.h"
#include "fold.h"
#include "base/alloc.h"

#define TABLE_CPS 0x800
#define SLOT 14
typedef struct { uint8_t len, live; char s[SLOT]; } fold_slot;

static fold_slot table[TABLE_CPS];
static const UNormalizer2 *nfkc_cf, *nfd;
static dw_wordset elisions;
static struct { uint32_t cp; char fold[8]; } letters[32];
static int nletters;
static diwan_once once = DIWAN_ONCE_INIT;

static int is_apostrophe(uint32_t cp) {
  return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07 ||
         cp == 0x05F3;
}

static int add_letter(void *ctx, int nf, const char **f, const size_t *lens,
                      size_t lineno) {
  size_t len;
  if (nf < 2 || lens[0] == 0 || lens[1] >= 8 || nletters >= 32) return 0;
  letters[nletters].cp = diwan_utf8_decode((const unsigned char *)f[0], lens[0], &len);
  memcpy(letters[nletters].fold, f[1], lens[1]);
  letters[nletters].fold[lens[1]] = 0;
  nletters++;
  return 0;
}

static int find_letter(UChar32 c) {
  for (int k = 0; k < nletters; k++)
    if (letters[k].cp == (uint32_t)c) return k;
  return -1;
}

/* One case-folded character without its accents: the letters of
** latin_letters.tsv as listed there (before decomposition, so й can stay
** й), anything else decomposed with its combining marks dropped. */
static int strip_accents(UChar32 c, diwan_buf *out) {
  UChar src[2], b[64];
  int32_t ns = 0;
  UErrorCode err = U_ZERO_ERROR;
  int k = find_letter(c);
  if (k >= 0) return diwan_buf_append(out, letters[k].fold, strlen(letters[k].fold));
  U16_APPEND_UNSAFE(src, ns, c);
  int32_t nb = unorm2_normalize(nfd, src, ns, b, 64, &err);
  if (U_FAILURE(err)) return diwan_buf_putc(out, (uint32_t)c);
  for (int32_t i = 0; i < nb;) {
    UChar32 d;
    U16_NEXT(b, i, nb, d);
    int8_t t = u_charType(d);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK)
      continue;
    k = find_letter(d);
    int rc = k >= 0 ? diwan_buf_append(out, letters[k].fold, strlen(letters[k].fold))
                    : diwan_buf_putc(out, (uint32_t)d);
    if (rc) return rc;
  }
  return DIWAN_OK;
}

/* The ICU definition for one code point, into out: NFKC with case folding,
** then each resulting character without accents. */
static int icu_fold(uint32_t cp, diwan_buf *out) {
  UChar src[2], a[64];
  int32_t ns = 0;
  UErrorCode err = U_ZERO_ERROR;
  if (is_apostrophe(cp)) return diwan_buf_putc(out, '\'');
  if (!nfkc_cf || !nfd) return diwan_buf_putc(out, cp);
  U16_APPEND_UNSAFE(src, ns, cp);
  int32_t na = unorm2_normalize(nfkc_cf, src, ns, a, 64, &err);
  if (U_FAILURE(err)) return diwan_buf_putc(out, cp);
  for (int32_t i = 0; i < na;) {
    UChar32 c;
    U16_NEXT(a, i, na, c);
    int rc = strip_accents(c, out);
    if (rc) return rc;
  }
  return DIWAN_OK;
}

/* Runs again after a failure, so it starts from an empty letter list. */
static int build(void) {
  UErrorCode err = U_ZERO_ERROR;
  nletters = 0;
  nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
  if (U_FAILURE(err)) nfkc_cf = NULL;
  err = U_ZERO_ERROR;
  nfd = unorm2_getNFDInstance(&err);
  if (U_FAILURE(err)) nfd = NULL;
  size_t len;
  const char *d = diwan_data("latin_letters.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add_letter, NULL);
  if (dw_wordset_load(&elisions, "fr_elisions.txt", NULL, NULL))
    return DIWAN_NOMEM;
  /* A code point whose folding could not be stored is folded live. */
  diwan_buf b;
  diwan_buf_init(&b);
  for (uint32_t cp = 0; cp < TABLE_CPS; cp++) {
    diwan_buf_reset(&b);
    icu_fold(cp, &b);
    if (b.oom || b.n > SLOT) { table[cp].live = 1; continue; }
    table[cp].len = (uint8_t)b.n;
    if (b.n) memcpy(table[cp].s, b.p, b.n);
  }
  diwan_buf_free(&b);
  return DIWAN_OK;
}

int dw_latin_load(void) { return diwan_once_run(&once, build); }

int dw_latin_fold_cp(uint32_t cp, diwan_buf *out) {
  if (dw_latin_load()) return DIWAN_NOMEM;
  if (cp < TABLE_CPS && !table[cp].live)
    return diwan_buf_append(out, table[cp].s, table[cp].len);
  return icu_fold(cp, out);
}

int dw_nfkc_cp(uint32_t cp, uint32_t *cps, int max) {
  UChar src[2], a[64];
  int32_t ns = 0;
  UErrorCode err = U_ZERO_ERROR;
  /* ICU's own singleton: needs nothing of build(), so cannot fail here. */
  const UNormalizer2 *nfkc_now = unorm2_getNFKCInstance(&err);
  if (U_FAILURE(err) || !nfkc_now) return -1;
  U16_APPEND_UNSAFE(src, ns, cp);
  int32_t na = unorm2_normalize(nfkc_now, src, ns, a, 64, &err);
  if (U_FAILURE(err)) return -1;
  int k = 0;
  for (int32_t i = 0; i < na && k < max;) {
    UChar32 c;
    U16_NEXT(a, i, na, c);
    cps[k++] = (uint32_t)c;
  }
  return k;
}

size_t dw_elision_len(const char *w, size_t n) {
  if (dw_latin_load()) return 0;   /* callers ran dw_latin_load() first */
  size_t i = 0;
  while (i < n && i < 8 && w[i] != '\'') i++;
  if (i == 0 || i >= n - 1 || i >= 8 || w[i] != '\'') return 0;
  return dw_wordset_has(&elisions, w, i + 1) ? i + 1 : 0;
}

static int wordlike(uint32_t cp) {
  diwan_script sc = diwan_script_of(cp);
  return sc != DIWAN_SCRIPT_NONE || cp == '\'' || is_apostrophe(cp);
}

int diwan_latin_fold(const char *s, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, wstart = out->n;
  int in_word = 0;
  if (dw_latin_load()) return DIWAN_NOMEM;
  while (i < n) {
    size_t len;
    uint32_t cp = u[i] < 0x80 ? (len = 1, u[i]) : diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    int wl = wordlike(cp);
    if (wl && !in_word) wstart = out->n;
    in_word = wl;
    if (dw_latin_fold_cp(cp, out)) return DIWAN_NOMEM;
    /* An elision ends at its apostrophe and needs a letter after it. */
    if (in_word && out->n > wstart && out->p[out->n - 1] == '\'' && i < n) {
      size_t l2;
      uint32_t next = diwan_utf8_decode(u + i, n - i, &l2);
      diwan_script sc = diwan_script_of(next);
      if (sc != DIWAN_SCRIPT_NONE && sc != DIWAN_SCRIPT_MARK && sc != DIWAN_SCRIPT_DIGIT &&
          dw_wordset_has(&elisions, out->p + wstart, out->n - wstart)) {
        out->n = wstart;
        out->p[out->n] = 0;
      }
    }
  }
  if (diwan_buf_reserve(out, 0)) return DIWAN_NOMEM;
  return DIWAN_OK;
}
