/* Inline decoding for hot loops: ASCII and the two-byte sequences of
** Arabic, Hebrew, Cyrillic and accented Latin take no call; the rest goes to
** the strict decoder. Same results as diwan_utf8_decode. */
#ifndef DIWAN_UTF8_FAST_H
#define DIWAN_UTF8_FAST_H
#include "diwan.h"

static inline uint32_t dw_decode(const unsigned char *s, size_t n, size_t *len) {
  unsigned c = s[0];
  if (c < 0x80) { *len = 1; return c; }
  if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
    *len = 2;
    return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  return diwan_utf8_decode(s, n, len);
}

#endif
