/* The match key of any text (diwan_fold): every word and number of the
** core tokenizer folded by the script of each of its characters, joined by
** single spaces; punctuation and symbols are left out. */
#include <string.h>
#include "fold.h"

static int is_arabic_cp(uint32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

static int is_hebrew_cp(uint32_t cp) {
  return (cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F) ||
         cp == 0x201C || cp == 0x201D || cp == 0xFF02;
}

static int fold_cp(uint32_t cp, diwan_buf *out) {
  if (cp < 0x80) {
    char c = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    return diwan_buf_append(out, &c, 1);
  }
  if (cp == 0x066B) return diwan_buf_append(out, ".", 1);  /* decimal sep. */
  if (cp == 0x066C) return diwan_buf_append(out, ",", 1);  /* thousands */
  if (is_arabic_cp(cp)) return dw_ar_fold_cp(cp, DIWAN_AR_STRICT, out);
  if (is_hebrew_cp(cp)) return dw_he_fold_cp(cp, out);
  if (cp == DIWAN_REPLACEMENT || diwan_is_invisible(cp)) return DIWAN_OK;
  int d = diwan_digit_value(cp);
  if (d >= 0) return diwan_buf_putc(out, (uint32_t)('0' + d));
  return dw_latin_fold_cp(cp, out);
}

int dw_fold_word(const char *w, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)w;
  size_t start = out->n, i = 0;
  while (i < n) {
    size_t len;
    uint32_t cp = u[i] < 0x80 ? (len = 1, u[i]) : diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (fold_cp(cp, out)) return DIWAN_NOMEM;
    /* Two apostrophes in a row are a gershayim typed on a Latin keyboard. */
    if (out->n >= start + 2 && out->p[out->n - 1] == '\'' && out->p[out->n - 2] == '\'') {
      out->n--;
      out->p[out->n - 1] = '"';
    }
  }
  size_t skip = dw_elision_len(out->p + start, out->n - start);
  if (skip) {
    memmove(out->p + start, out->p + start + skip, out->n - start - skip);
    out->n -= skip;
  }
  if (diwan_buf_reserve(out, 0)) return DIWAN_NOMEM;
  out->p[out->n] = 0;
  return DIWAN_OK;
}

int diwan_fold(const char *s, size_t n, diwan_buf *out) {
  diwan_tokenizer t;
  size_t start, len;
  diwan_token_kind kind;
  size_t begin = out->n;
  diwan_tokenizer_init(&t, s, n);
  while (diwan_tokenizer_next(&t, &start, &len, &kind)) {
    if (kind != DIWAN_TOKEN_WORD && kind != DIWAN_TOKEN_NUMBER) continue;
    size_t before = out->n;
    if (out->n > begin && diwan_buf_append(out, " ", 1)) return DIWAN_NOMEM;
    size_t mark = out->n;
    if (dw_fold_word(s + start, len, out)) return DIWAN_NOMEM;
    if (out->n == mark) out->n = before;   /* a word of marks only */
  }
  if (diwan_buf_reserve(out, 0)) return DIWAN_NOMEM;
  out->p[out->n] = 0;
  return DIWAN_OK;
}
