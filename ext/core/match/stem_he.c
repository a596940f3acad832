/* Hebrew stem keys: final letters folded to their medial forms, and the
** words left when a listed prefix group (he_prefixes.tsv: ו ה ב כ ל מ ש and
** their combinations) is taken off with at least three letters left. */
#include <pthread.h>
#include <string.h>
#include "fold.h"
#include "base/data.h"

#define MAXPREFIX 64
static struct { char s[16]; size_t n; } prefixes[MAXPREFIX];
static int nprefixes;
static pthread_once_t once = PTHREAD_ONCE_INIT;
/* [lead byte][second byte & 0x3F]: some prefix starts with this letter. */
static unsigned char first_letter[256][64];

static int add_prefix(void *ctx, int nf, const char **f, const size_t *lens,
                      size_t lineno) {
  if (lens[0] == 0 || lens[0] >= 16 || nprefixes == MAXPREFIX) return 0;
  memcpy(prefixes[nprefixes].s, f[0], lens[0]);
  prefixes[nprefixes++].n = lens[0];
  if (lens[0] >= 2) first_letter[(unsigned char)f[0][0]][(unsigned char)f[0][1] & 0x3F] = 1;
  return 0;
}

static void load(void) {
  size_t len;
  const char *d = diwan_data("he_prefixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 1, add_prefix, NULL);
}

/* w is a fold key (valid UTF-8), so the final letters ך ם ן ף ץ are the
** byte pairs D7 9A, 9D, 9F, A3, A5, and each medial form is the next code
** point: the key is a copy with those second bytes incremented. */
int dw_he_stem_key(const char *w, size_t n, diwan_buf *out) {
  size_t at = out->n;
  if (diwan_buf_append(out, w, n)) return DIWAN_NOMEM;
  unsigned char *u = (unsigned char *)out->p + at;
  for (size_t i = 0; i + 1 < n; i++) {
    if (u[i] != 0xD7) continue;
    unsigned char t = u[i + 1];
    if (t == 0x9A || t == 0x9D || t == 0x9F || t == 0xA3 || t == 0xA5) u[i + 1] = t + 1;
    i++;
  }
  return DIWAN_OK;
}

/* Letters (not bytes) in s[0..n): Hebrew letters are two bytes each. */
static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

int dw_he_candidates(const char *key, size_t n, int longest_only,
                     diwan_key_cb cb, void *ctx) {
  size_t best = 0;
  pthread_once(&once, load);
  /* Most words start with no prefix letter at all: one byte pair says so. */
  if (n < 2 || !first_letter[(unsigned char)key[0]][(unsigned char)key[1] & 0x3F]) return 0;
  for (int i = 0; i < nprefixes; i++) {
    size_t p = prefixes[i].n;
    if (n <= p || key[0] != prefixes[i].s[0] || key[1] != prefixes[i].s[1] ||
        memcmp(key, prefixes[i].s, p) != 0)
      continue;
    if (letters(key + p, n - p) < 3) continue;
    if (longest_only) { if (p > best) best = p; continue; }
    int rc = cb(ctx, key + p, n - p);
    if (rc) return rc;
  }
  return best ? cb(ctx, key + best, n - best) : 0;
}
