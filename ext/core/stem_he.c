/* Hebrew stem keys: final letters folded to their medial forms, and the
** words left when a listed prefix group (he_prefixes.tsv: ו ה ב כ ל מ ש and
** their combinations) is taken off with at least three letters left. */
#include <pthread.h>
#include <string.h>
#include "fold.h"
#include "data.h"

#define MAXPREFIX 64
static struct { char s[16]; size_t n; } prefixes[MAXPREFIX];
static int nprefixes;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int add_prefix(void *ctx, int nf, const char **f, const size_t *lens,
                      size_t lineno) {
  if (lens[0] == 0 || lens[0] >= 16 || nprefixes == MAXPREFIX) return 0;
  memcpy(prefixes[nprefixes].s, f[0], lens[0]);
  prefixes[nprefixes++].n = lens[0];
  return 0;
}

static void load(void) {
  size_t len;
  const char *d = diwan_data("he_prefixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 1, add_prefix, NULL);
}

int dw_he_stem_key(const char *w, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0; i < n;) {
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (diwan_buf_putc(out, dw_he_unfinal(cp))) return DIWAN_NOMEM;
  }
  return diwan_buf_reserve(out, 0);
}

/* Letters (not bytes) in s[0..n): Hebrew letters are two bytes each. */
static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

int dw_he_candidates(const char *key, size_t n, diwan_key_cb cb, void *ctx) {
  pthread_once(&once, load);
  for (int i = 0; i < nprefixes; i++) {
    size_t p = prefixes[i].n;
    if (n <= p || memcmp(key, prefixes[i].s, p) != 0) continue;
    if (letters(key + p, n - p) < 3) continue;
    int rc = cb(ctx, key + p, n - p);
    if (rc) return rc;
  }
  return 0;
}
