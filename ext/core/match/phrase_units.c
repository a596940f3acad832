/* The units phrases are made of, the same for lexicon surfaces and text, so
** "Bosnie-Herzégovine", "L’Azerbaïdjan" and "באקו-טביליסי" meet their
** lexicon entries word by word. */
#include <string.h>
#include "phrase.h"
#include "text/segment.h"

/* Bytes of a hyphen at s (ASCII, U+2010, U+2011, Hebrew maqaf), or 0. */
static size_t hyphen_at(const unsigned char *s, size_t n) {
  if (s[0] == '-') return 1;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x90 || s[2] == 0x91))
    return 3;
  if (n >= 2 && s[0] == 0xD6 && s[1] == 0xBE) return 2;
  return 0;
}

static size_t apostrophe_at(const unsigned char *s, size_t n) {
  if (s[0] == '\'') return 1;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) return 3;
  return 0;
}

/* French elided articles and pronouns before an apostrophe. */
static int is_elision(const char *s, size_t n) {
  static const char *const el[] = {"l", "d", "j", "n", "s", "m", "t", "c", "qu"};
  for (size_t i = 0; i < sizeof el / sizeof el[0]; i++) {
    size_t k = strlen(el[i]);
    if (k != n) continue;
    size_t j = 0;
    while (j < k && (s[j] | 0x20) == el[i][j]) j++;
    if (j == k) return 1;
  }
  return 0;
}

/* Where the word proper starts, after an elision like l’ or qu’. */
static size_t skip_elision(const char *s, size_t a, size_t b) {
  /* an apostrophe at a + 1 or a + 2 with a letter after it, or none: its
  ** first byte is ' or 0xE2, which most words have at neither place */
  const unsigned char *u = (const unsigned char *)s;
  if (b - a < 3 || (u[a + 1] != '\'' && u[a + 1] != 0xE2 && u[a + 2] != '\'' &&
                    u[a + 2] != 0xE2))
    return a;
  for (size_t i = a + 1; i <= a + 2 && i < b; i++) {
    size_t k = apostrophe_at((const unsigned char *)s + i, b - i);
    if (k && i + k < b && is_elision(s + a, i - a)) return i + k;
  }
  return a;
}

void ph_units_init(ph_units *u, const char *s, size_t n) {
  memset(u, 0, sizeof *u);
  u->s = s;
  diwan_tokenizer_init(&u->tk, s, n);
}

/* The bytes that can begin a hyphen (hyphen_at): one load per byte. */
static const unsigned char hyphen_lead[256] = {['-'] = 1, [0xE2] = 1, [0xD6] = 1};

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* The first byte at or after i, before end, that can begin a hyphen
** (hyphen_lead), or end. Eight bytes a step where the text has them: a
** byte is a candidate when it equals - (0x2D), 0xE2 or 0xD6, and the
** lowest byte flagged by the zero-byte test is a true one. */
static size_t hyphen_lead_from(const unsigned char *s, size_t i, size_t end,
                               size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (i < end && i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    uint64_t a = w ^ (0x2Dull * ONES), b = w ^ (0xE2ull * ONES), c = w ^ (0xD6ull * ONES);
    uint64_t hit = ((a - ONES) & ~a) | ((b - ONES) & ~b) | ((c - ONES) & ~c);
    hit &= HIGH;
    if (end - i < 8) hit &= (1ull << (8 * (end - i))) - 1;
    if (hit) return i + (size_t)(__builtin_ctzll(hit) >> 3);
    i += 8;
  }
#endif
  for (; i < end; i++)
    if (hyphen_lead[s[i]]) return i;
  return end;
}

/* The next hyphen-separated part of the pending word. */
static int next_part(ph_units *u, size_t *start, size_t *len) {
  const unsigned char *s = (const unsigned char *)u->s;
  while (u->rest < u->end) {
    size_t a = u->rest, i = a, k = 0;
    for (; (i = hyphen_lead_from(s, i, u->end, u->tk.n)) < u->end; i++)
      if ((k = hyphen_at(s + i, u->end - i)) != 0) break;
    u->rest = i < u->end ? i + k : u->end;
    if (i > a) {
      *start = a;
      *len = i - a;
      return 1;
    }
  }
  u->pending = 0;
  return 0;
}

int ph_units_next(ph_units *u, size_t *start, size_t *len, int *word) {
  for (;;) {
    if (u->pending && next_part(u, start, len)) {
      *word = 1;
      return 1;
    }
    size_t a, n;
    diwan_token_kind kind;
    int plain;
    if (!dw_tokenizer_next(&u->tk, &a, &n, &kind, &plain)) return 0;
    if (kind != DIWAN_TOKEN_WORD || plain) {
      /* a plain word has no hyphen and no apostrophe: one unit */
      *start = a;
      *len = n;
      *word = kind == DIWAN_TOKEN_WORD;
      return 1;
    }
    u->rest = skip_elision(u->s, a, a + n);
    u->end = a + n;
    u->pending = 1;
  }
}
