/* Arabic normalisation (ar_normalize). The hot path is a byte loop with a
** 256-entry table over U+0600–06FF, whose UTF-8 is always two bytes with a
** lead of D8–DB; everything else (presentation forms, other digits,
** invisible characters, extended marks, bad bytes) takes the slow path. */
#include <pthread.h>
#include "fold.h"

#define KEEP DW_AR_KEEP
#define DROP DW_AR_DROP

/* The folds of docs/matching.md as ranges over U+0600–06FF. */
static const struct { uint16_t lo, hi, to; } ar_rules[] = {
  {0x0610, 0x061A, DROP}, {0x061C, 0x061C, DROP}, {0x0640, 0x0640, DROP},
  {0x064B, 0x065F, DROP}, {0x0670, 0x0670, DROP}, {0x06D6, 0x06DC, DROP},
  {0x06DF, 0x06E4, DROP}, {0x06E7, 0x06E8, DROP}, {0x06EA, 0x06ED, DROP},
  {0x0622, 0x0623, 0x0627}, {0x0625, 0x0625, 0x0627},
  {0x0671, 0x0673, 0x0627}, {0x0675, 0x0675, 0x0627},
  {0x0649, 0x0649, 0x064A}, {0x06CC, 0x06CC, 0x064A}, {0x06D2, 0x06D2, 0x064A},
  {0x06A9, 0x06A9, 0x0643},
  {0x0629, 0x0629, 0x0647}, {0x06C0, 0x06C1, 0x0647}, {0x06C3, 0x06C3, 0x0647},
  {0x06D5, 0x06D5, 0x0647},
};

static uint16_t tab[2][256];   /* [level][cp - 0x600] */
/* The same as UTF-8 ready to store: two bytes and how many of them count. */
typedef struct { unsigned char b[2], len; } out2;
static out2 utf[2][256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void) {
  for (int l = 0; l < 2; l++) {
    for (int i = 0; i < 256; i++) tab[l][i] = KEEP;
    for (size_t r = 0; r < sizeof ar_rules / sizeof ar_rules[0]; r++)
      for (unsigned c = ar_rules[r].lo; c <= ar_rules[r].hi; c++)
        tab[l][c - 0x600] = ar_rules[r].to;
    for (int d = 0; d < 10; d++) {
      tab[l][0x60 + d] = (uint16_t)('0' + d);
      tab[l][0xF0 + d] = (uint16_t)('0' + d);
    }
  }
  tab[DIWAN_AR_LOOSE][0x24] = 0x0648;   /* ؤ → و */
  tab[DIWAN_AR_LOOSE][0x26] = 0x064A;   /* ئ → ي */
  for (int l = 0; l < 2; l++)
    for (int i = 0; i < 256; i++) {
      uint32_t m = tab[l][i] == KEEP ? 0x600u + (unsigned)i : tab[l][i];
      out2 *o = &utf[l][i];
      if (m == DROP) o->len = 0;
      else if (m < 0x80) { o->b[0] = (unsigned char)m; o->len = 1; }
      else { o->b[0] = (unsigned char)(0xC0 | (m >> 6)); o->b[1] = (unsigned char)(0x80 | (m & 0x3F)); o->len = 2; }
    }
}

const uint16_t *dw_ar_table(int level) {
  pthread_once(&once, build);
  return tab[level == DIWAN_AR_LOOSE ? DIWAN_AR_LOOSE : DIWAN_AR_STRICT];
}

static int is_extended_mark(uint32_t cp) {
  return (cp >= 0x08CA && cp <= 0x08E1) || (cp >= 0x08E3 && cp <= 0x08FF);
}

static int is_presentation(uint32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

static int put_mapped(uint16_t m, uint32_t cp, diwan_buf *out) {
  if (m == DROP) return DIWAN_OK;
  return diwan_buf_putc(out, m == KEEP ? cp : m);
}

int dw_ar_fold_cp(uint32_t cp, int level, diwan_buf *out) {
  if (cp >= 0x0600 && cp <= 0x06FF)
    return put_mapped(dw_ar_table(level)[cp - 0x600], cp, out);
  if (is_extended_mark(cp) || diwan_is_invisible(cp)) return DIWAN_OK;
  int d = diwan_digit_value(cp);
  if (d >= 0) return diwan_buf_putc(out, (uint32_t)('0' + d));
  if (is_presentation(cp)) {
    uint32_t cps[32];
    int k = dw_nfkc_cp(cp, cps, 32);
    if (k < 0) return diwan_buf_putc(out, cp);
    for (int i = 0; i < k; i++) {
      /* NFKC never yields presentation forms again, so one level deep. */
      int rc = is_presentation(cps[i]) ? diwan_buf_putc(out, cps[i])
                                       : dw_ar_fold_cp(cps[i], level, out);
      if (rc) return rc;
    }
    return DIWAN_OK;
  }
  return diwan_buf_putc(out, cp);
}

int diwan_ar_normalize(const char *s, size_t n, int level, diwan_buf *out) {
  dw_ar_table(level);
  const out2 *map = utf[level == DIWAN_AR_LOOSE ? DIWAN_AR_LOOSE : DIWAN_AR_STRICT];
  const unsigned char *u = (const unsigned char *)s;
  if (diwan_buf_reserve(out, n)) return DIWAN_NOMEM;
  /* The fast path never writes more bytes than it reads, so the reserve
  ** above (renewed after each slow step) keeps w inside the buffer. */
  unsigned char *w = (unsigned char *)out->p + out->n;
  size_t i = 0;
  while (i < n) {
    unsigned c = u[i];
    if (c < 0x80) { *w++ = (unsigned char)c; i++; continue; }
    if (c >= 0xD8 && c <= 0xDB && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      /* Both bytes are stored even when fewer count: the reserve leaves
      ** room, since two input bytes were consumed. */
      const out2 *o = &map[((c & 3) << 6) | (u[i + 1] & 0x3F)];
      w[0] = o->b[0];
      w[1] = o->b[1];
      w += o->len;
      i += 2;
      continue;
    }
    out->n = (size_t)((char *)w - out->p);
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (dw_ar_fold_cp(cp, level, out) || diwan_buf_reserve(out, n - i))
      return DIWAN_NOMEM;
    w = (unsigned char *)out->p + out->n;
  }
  out->n = (size_t)((char *)w - out->p);
  out->p[out->n] = 0;
  return DIWAN_OK;
}
