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

/* Folds the characters of w[i..n) that need more than a table: writes
** them through fold_cp, then applies the gershayim rule. */
static int fold_slow(const unsigned char *u, size_t n, size_t *i, size_t start,
                     diwan_buf *out) {
  size_t len;
  uint32_t cp = diwan_utf8_decode(u + *i, n - *i, &len);
  *i += len;
  if (fold_cp(cp, out)) return DIWAN_NOMEM;
  return DIWAN_OK;
}

/* Two apostrophes in a row are a gershayim typed on a Latin keyboard; a
** French elision comes off the front. Only for words with an apostrophe. */
static int fix_apostrophes(diwan_buf *out, size_t start) {
  if (dw_latin_load()) return DIWAN_NOMEM;   /* the elision list */
  size_t w = start;
  for (size_t r = start; r < out->n; r++) {
    if (out->p[r] == '\'' && w > start && out->p[w - 1] == '\'') out->p[w - 1] = '"';
    else out->p[w++] = out->p[r];
  }
  out->n = w;
  size_t skip = dw_elision_len(out->p + start, out->n - start);
  if (skip) {
    memmove(out->p + start, out->p + start + skip, out->n - start - skip);
    out->n -= skip;
  }
  out->p[out->n] = 0;
  return DIWAN_OK;
}

int dw_fold_word(const char *w, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)w;
  const uint16_t *map = dw_ar_table(DIWAN_AR_STRICT);
  const uint16_t *he = dw_he_table();
  size_t start = out->n, i = 0;
  int apostrophe = 0;
  /* ASCII and U+0600–06FF never grow, so n bytes suffice until a slow
  ** character, after which the rest is reserved again. */
  if (diwan_buf_reserve(out, n)) return DIWAN_NOMEM;
  while (i < n) {
    unsigned c = u[i];
    char *o = out->p + out->n;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c == '\'') apostrophe = 1;
      *o = (char)c;
      out->n++;
      i++;
      continue;
    }
    if (c >= 0xD8 && c <= 0xDB && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      unsigned t = u[i + 1], idx = ((c & 3) << 6) | (t & 0x3F);
      uint16_t m = map[idx];
      if (idx == 0x6B || idx == 0x6C) goto slow;   /* ٫ ٬ in numbers */
      i += 2;
      if (m == DW_AR_KEEP) { o[0] = (char)c; o[1] = (char)t; out->n += 2; }
      else if (m == DW_AR_DROP) { }
      else if (m < 0x80) { *o = (char)m; out->n++; }
      else { o[0] = (char)(0xC0 | (m >> 6)); o[1] = (char)(0x80 | (m & 0x3F)); out->n += 2; }
      continue;
    }
    if ((c == 0xD6 || c == 0xD7) && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      unsigned t = u[i + 1];
      uint16_t m = he[(((c & 0x1F) << 6) | (t & 0x3F)) - 0x580];
      i += 2;
      if (m == DW_AR_KEEP) { o[0] = (char)c; o[1] = (char)t; out->n += 2; }
      else if (m != DW_AR_DROP) { *o = (char)m; out->n++; apostrophe = 1; }
      continue;
    }
  slow:
    if (fold_slow(u, n, &i, start, out) || diwan_buf_reserve(out, n - i)) return DIWAN_NOMEM;
    apostrophe = 1;   /* the slow path may have written one (’ → ') */
  }
  if (apostrophe) return fix_apostrophes(out, start);
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
