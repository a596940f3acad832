/* A light Arabic stemmer in the Light10 family, tuned for news: one
** article/clitic group off the front (longest first), a lone و/ف only from
** words of four letters or more, then the Light10 suffixes once each.
** Protected words (ar_protected.txt) stop the cutting as soon as they
** appear, and a group ending in the article is kept when the article
** belongs to a protected name (إلهام). Works on code points after the
** loose normalisation, so lengths are letters, not bytes. A preposition
** alone (ب ل ك) comes off only in front of a protected word. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "data.h"
#include "fold.h"

#define MAXCP 64     /* longer "words" are not stemmed */
#define MAXAFFIX 24

typedef struct affix { uint32_t cp[8]; int n; } affix;
typedef struct affixes { affix a[MAXAFFIX]; int n; } affixes;

static affixes articles, conjs, clitics, suffixes;
static dw_wordset protect;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int norm_loose(const char *s, size_t n, diwan_buf *out) {
  return diwan_ar_normalize(s, n, DIWAN_AR_LOOSE, out);
}

static int decode(const char *s, size_t n, uint32_t *cp, int max) {
  const unsigned char *u = (const unsigned char *)s;
  int k = 0;
  for (size_t i = 0; i < n; k++) {
    size_t len;
    if (k == max) return -1;
    cp[k] = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
  }
  return k;
}

static int add_affix(void *ctx, int nf, const char **f, const size_t *lens,
                     size_t lineno) {
  affixes *set = NULL;
  if (nf < 2) return 0;
  if (lens[0] == 7 && memcmp(f[0], "article", 7) == 0) set = &articles;
  else if (lens[0] == 4 && memcmp(f[0], "conj", 4) == 0) set = &conjs;
  else if (lens[0] == 6 && memcmp(f[0], "suffix", 6) == 0) set = &suffixes;
  else if (lens[0] == 6 && memcmp(f[0], "clitic", 6) == 0) set = &clitics;
  if (!set || set->n == MAXAFFIX) return 0;
  diwan_buf b;
  diwan_buf_init(&b);
  norm_loose(f[1], lens[1], &b);
  int k = b.oom ? -1 : decode(b.p, b.n, set->a[set->n].cp, 8);
  diwan_buf_free(&b);
  if (k > 0) set->a[set->n++].n = k;
  return 0;
}

static int longer_first(const void *x, const void *y) {
  return ((const affix *)y)->n - ((const affix *)x)->n;
}

static void load(void) {
  size_t len;
  const char *d = diwan_data("ar_affixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add_affix, NULL);
  /* Stable enough: entries of one length keep no meaningful order. */
  qsort(articles.a, (size_t)articles.n, sizeof(affix), longer_first);
  qsort(clitics.a, (size_t)clitics.n, sizeof(affix), longer_first);
  dw_wordset_load(&protect, "ar_protected.txt", NULL, norm_loose);
}

static int put(const uint32_t *cp, int a, int b, diwan_buf *out) {
  for (int i = a; i < b; i++)
    if (diwan_buf_putc(out, cp[i])) return DIWAN_NOMEM;
  return DIWAN_OK;
}

/* Is cp[a..b) (optionally preceded by the article) a protected word? */
static int is_protected(const uint32_t *cp, int a, int b, int with_article) {
  char tmp[MAXCP * 4 + 8];
  size_t n = 0;
  if (with_article) { memcpy(tmp, "\xD8\xA7\xD9\x84", 4); n = 4; }
  for (int i = a; i < b; i++) n += diwan_utf8_encode(cp[i], tmp + n);
  return dw_wordset_has(&protect, tmp, n);
}

static int starts(const uint32_t *cp, int a, int b, const affix *x) {
  return b - a >= x->n && memcmp(cp + a, x->cp, (size_t)x->n * 4) == 0;
}
static int ends(const uint32_t *cp, int a, int b, const affix *x) {
  return b - a >= x->n && memcmp(cp + b - x->n, x->cp, (size_t)x->n * 4) == 0;
}
static int ends_in_article(const affix *x) {
  return x->n >= 2 && x->cp[x->n - 1] == 0x0644 &&
         (x->cp[x->n - 2] == 0x0627 || x->cp[x->n - 2] == 0x0644);
}

/* Strips the front of cp[a..b); returns the new start, or -1 when the
** word is done (a protected name with its article was written to out). */
static int strip_front(const uint32_t *cp, int a, int b, diwan_buf *out) {
  for (int i = 0; i < articles.n; i++) {
    const affix *x = &articles.a[i];
    if (!starts(cp, a, b, x) || b - a - x->n < 2) continue;
    if (ends_in_article(x) && is_protected(cp, a + x->n, b, 1)) {
      if (diwan_buf_append(out, "\xD8\xA7\xD9\x84", 4)) return -2;
      return put(cp, a + x->n, b, out) ? -2 : -1;
    }
    return a + x->n;
  }
  for (int i = 0; i < clitics.n; i++)
    if (starts(cp, a, b, &clitics.a[i]) && is_protected(cp, a + clitics.a[i].n, b, 0))
      return a + clitics.a[i].n;
  for (int i = 0; i < conjs.n; i++)
    if (starts(cp, a, b, &conjs.a[i]) && b - a >= 4) return a + conjs.a[i].n;
  return a;
}

int diwan_ar_stem(const char *w, size_t n, diwan_buf *out) {
  diwan_buf norm;
  uint32_t cp[MAXCP];
  pthread_once(&once, load);
  diwan_buf_init(&norm);
  int rc = norm_loose(w, n, &norm);
  int b = rc ? -1 : decode(norm.p, norm.n, cp, MAXCP);
  if (rc || b < 0 || b < 2 || is_protected(cp, 0, b, 0)) {
    rc = rc ? rc : diwan_buf_append(out, norm.p, norm.n);
    diwan_buf_free(&norm);
    return rc;
  }
  diwan_buf_free(&norm);
  int a = strip_front(cp, 0, b, out);
  if (a == -2) return DIWAN_NOMEM;
  if (a == -1) return DIWAN_OK;
  if (a > 0 && is_protected(cp, a, b, 0)) return put(cp, a, b, out);
  for (int i = 0; i < suffixes.n; i++) {
    const affix *x = &suffixes.a[i];
    if (!ends(cp, a, b, x) || b - a < x->n + 2) continue;
    b -= x->n;
    if (is_protected(cp, a, b, 0)) break;
  }
  return put(cp, a, b, out);
}
