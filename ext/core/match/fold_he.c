/* Hebrew normalisation (he_normalize): niqqud and cantillation out,
** geresh and gershayim look-alikes folded to ' and ", presentation forms
** through NFKC. Same shape as fold_ar.c: a table over U+0580–05FF (UTF-8
** leads D6 and D7) for the hot path. */
#include <pthread.h>
#include "fold.h"

#define KEEP 0xFFFFu
#define DROP 0u

static uint16_t tab[128];      /* cp - 0x580 */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void) {
  for (int i = 0; i < 128; i++) tab[i] = KEEP;
  for (unsigned c = 0x0591; c <= 0x05C7; c++)
    if (c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6)
      tab[c - 0x580] = DROP;
  tab[0x05F3 - 0x580] = '\'';
  tab[0x05F4 - 0x580] = '"';
}

const uint16_t *dw_he_table(void) {
  pthread_once(&once, build);
  return tab;
}

static int is_geresh(uint32_t cp) {
  return cp == 0x2018 || cp == 0x2019 || cp == 0xFF07 || cp == 0x02BC;
}
static int is_gershayim(uint32_t cp) {
  return cp == 0x201C || cp == 0x201D || cp == 0xFF02;
}

uint32_t dw_he_unfinal(uint32_t cp) {
  switch (cp) {
    case 0x05DA: return 0x05DB;
    case 0x05DD: return 0x05DE;
    case 0x05DF: return 0x05E0;
    case 0x05E3: return 0x05E4;
    case 0x05E5: return 0x05E6;
    default: return cp;
  }
}

/* An apostrophe right after one this call wrote makes a gershayim. */
static int put_quote(diwan_buf *out, size_t start, char q) {
  if (q == '\'' && out->n > start && out->p[out->n - 1] == '\'') {
    out->p[out->n - 1] = '"';
    return DIWAN_OK;
  }
  return diwan_buf_append(out, &q, 1);
}

static int fold_cp(uint32_t cp, diwan_buf *out, size_t start) {
  pthread_once(&once, build);
  if (cp >= 0x0580 && cp <= 0x05FF) {
    uint16_t m = tab[cp - 0x580];
    if (m == DROP) return DIWAN_OK;
    if (m == KEEP) return diwan_buf_putc(out, cp);
    return put_quote(out, start, (char)m);
  }
  if (cp == '\'' || is_geresh(cp)) return put_quote(out, start, '\'');
  if (is_gershayim(cp)) return put_quote(out, start, '"');
  if (cp == 0xFB1E || diwan_is_invisible(cp)) return DIWAN_OK;
  if (cp >= 0xFB1D && cp <= 0xFB4F) {
    uint32_t cps[8];
    int k = dw_nfkc_cp(cp, cps, 8);
    if (k < 0) return diwan_buf_putc(out, cp);
    for (int i = 0; i < k; i++) {
      int rc = (cps[i] >= 0xFB1D && cps[i] <= 0xFB4F) ? diwan_buf_putc(out, cps[i])
                                                     : fold_cp(cps[i], out, start);
      if (rc) return rc;
    }
    return DIWAN_OK;
  }
  return diwan_buf_putc(out, cp);
}

int dw_he_fold_cp(uint32_t cp, diwan_buf *out) {
  return fold_cp(cp, out, out->n);
}

int diwan_he_normalize(const char *s, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  size_t start = out->n, i = 0;
  pthread_once(&once, build);
  if (diwan_buf_reserve(out, n)) return DIWAN_NOMEM;
  while (i < n) {
    unsigned c = u[i];
    if (c < 0x80 && c != '\'') {
      out->p[out->n++] = (char)c;   /* reserved above; never grows past n */
      i++;
      continue;
    }
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (fold_cp(cp, out, start) || diwan_buf_reserve(out, n - i))
      return DIWAN_NOMEM;
  }
  out->p[out->n] = 0;
  return DIWAN_OK;
}
