/* Strict UTF-8 decoding: anything malformed is one U+FFFD per byte, so a
** walk always advances and never produces invalid output. */
#include "diwan.h"

uint32_t diwan_utf8_decode(const unsigned char *s, size_t n, size_t *len) {
  unsigned c = s[0];
  *len = 1;
  if (c < 0x80) return c;
  size_t need;
  uint32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
  else return DIWAN_REPLACEMENT;
  if (n < need + 1) return DIWAN_REPLACEMENT;
  for (size_t i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80) return DIWAN_REPLACEMENT;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return DIWAN_REPLACEMENT;
  *len = need + 1;
  return cp;
}

size_t diwan_utf8_encode(uint32_t cp, char out[4]) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = DIWAN_REPLACEMENT;
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* A decoded U+FFFD is only an error when the bytes were not EF BF BD. */
static int is_bad(const unsigned char *s, uint32_t cp, size_t len) {
  return cp == DIWAN_REPLACEMENT && !(len == 3 && s[0] == 0xEF);
}

size_t diwan_utf8_check(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) { i++; continue; }
    /* a lead byte C2..DF and a continuation byte: always well formed (no
    ** overlong form, no surrogate); Arabic, Hebrew, Cyrillic take no call */
    if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    if (is_bad(u + i, cp, len)) return i;
    i += len;
  }
  return n;
}

long diwan_utf8_sanitize(const char *s, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  long bad = 0;
  size_t i = 0, run = 0;   /* run: start of the pending valid stretch */
  if (diwan_buf_reserve(out, n)) return -1;
  while (i < n) {
    if (u[i] < 0x80) { i++; continue; }
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    if (is_bad(u + i, cp, len)) {
      if (diwan_buf_append(out, s + run, i - run)) return -1;
      if (diwan_buf_putc(out, DIWAN_REPLACEMENT)) return -1;
      bad++;
      run = i + len;
    }
    i += len;
  }
  if (diwan_buf_append(out, s + run, n - run)) return -1;
  return bad;
}
