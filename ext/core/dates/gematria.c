/* Hebrew numerals (gematria) as written in Hebrew-calendar dates: כ״ז,
** ט״ו, תשנ״ב, ה׳תשפ״ד. Geresh and gershayim, Hebrew or ASCII, are skipped;
** a letter followed by a geresh and then more letters counts thousands. */
#include "dates_int.h"

static int letter_value(uint32_t cp) {
  static const short v[] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 20, 30, 40, 40, 50, 50, 60, 70,
    80, 80, 90, 90, 100, 200, 300, 400};   /* א … ת, finals in place */
  if (cp >= 0x05D0 && cp <= 0x05EA) return v[cp - 0x05D0];
  return -1;
}

static int is_mark(uint32_t cp) {
  return cp == 0x05F3 || cp == 0x05F4 || cp == '\'' || cp == '"' ||
         cp == 0x2019 || cp == 0x201D || cp == 0x201C;
}

int dg_value(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  int total = 0, letters = 0, thousands = 0;
  size_t i = 0;
  while (i < n) {
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (is_mark(cp)) {
      /* ה׳תשפ״ד: a single letter then a geresh then more letters. */
      if (letters == 1 && !thousands && i < n && (cp == 0x05F3 || cp == '\'')) {
        thousands = total * 1000;
        total = 0;
      }
      continue;
    }
    if (cp >= 0x0591 && cp <= 0x05C7) continue;           /* niqqud */
    int v = letter_value(cp);
    if (v < 0) return -1;
    total += v;
    letters++;
  }
  return letters ? thousands + total : -1;
}
