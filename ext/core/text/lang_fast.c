/* The fast reading of diwan_lang_detect (lang.c): one pass over the bytes
** with no tokenizer, giving the same answer as the token-by-token reading
** or no answer (NULL), and then lang.c reads token by token.
**
** Why it can be exact: the answer depends on the letters of each script in
** word tokens, and on the word tokens that are words of lang_words.tsv.
** - Every letter is in a word token, except Latin letters glued to a number
**   (1er, 1990s): Latin letters right after a digit are counted apart, as
**   "maybe", and the answer must be the same with and without them.
** - A listed word can only be a whole token if it is a whole run of
**   letters; what follows the run decides exactly whether the token goes on
**   (a digit, a mark, a hyphen or apostrophe before a letter, invisible
**   characters before a word character) — listed words have two letters or
**   more when Latin, so the dots of initials never join them. What precedes
**   it is decided when it is a space or punctuation; after a digit, an
**   invisible character, an apostrophe, a hyphen or a dot the vote is
**   "maybe". The answer is given when it is the same for every choice of
**   the maybes (lang.c enumerates them), else NULL. */
#include <string.h>
#include <unicode/uchar.h>
#include "diwan.h"
#include "base/utf8_fast.h"
#include "text/lang_int.h"

/* Scripts of U+0000..U+07FF (ASCII, Latin-1 and Extended, Hebrew, Arabic,
** Cyrillic), filled once by lang.c's loader. */
static unsigned char script_tab[0x800];

void lang_fast_init(void) {
  for (uint32_t cp = 0; cp < 0x800; cp++) script_tab[cp] = (unsigned char)diwan_script_of(cp);
}

static inline diwan_script script(uint32_t cp) {
  return cp < 0x800 ? (diwan_script)script_tab[cp] : diwan_script_of(cp);
}

#define LETTERS ((1u << DIWAN_SCRIPT_LATIN) | (1u << DIWAN_SCRIPT_ARABIC) | \
                 (1u << DIWAN_SCRIPT_HEBREW) | (1u << DIWAN_SCRIPT_CYRILLIC) | \
                 (1u << DIWAN_SCRIPT_OTHER))

static inline int is_letter(diwan_script sc) { return (LETTERS >> sc) & 1; }

static inline int is_word_char(diwan_script sc) {
  return is_letter(sc) || sc == DIWAN_SCRIPT_MARK || sc == DIWAN_SCRIPT_DIGIT;
}

static int is_apostrophe_or_hyphen(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x05F3 || cp == 0x2018 ||
         cp == '-' || cp == 0x05BE || cp == 0x2010 || cp == 0x2011;
}

/* Is the run of letters that ended before byte i the whole of its token,
** as far as what follows it decides? */
static int ends_token(const unsigned char *s, size_t n, size_t i) {
  size_t len;
  if (i >= n) return 1;
  uint32_t cp = dw_decode(s + i, n - i, &len);
  diwan_script sc = script(cp);
  if (sc == DIWAN_SCRIPT_MARK || sc == DIWAN_SCRIPT_DIGIT) return 0;
  if (is_apostrophe_or_hyphen(cp))
    return !(i + len < n && is_letter(script(dw_decode(s + i + len, n - i - len, &len))));
  if (diwan_is_invisible(cp)) {
    while (i < n && diwan_is_invisible(dw_decode(s + i, n - i, &len))) i += len;
    return !(i < n && is_word_char(script(dw_decode(s + i, n - i, &len))));
  }
  return 1;
}

/* What precedes a run: 1 a boundary, 0 maybe (the token may start before),
** -1 surely not (a mark before letters is in their token). */
static int starts_token(uint32_t prev, diwan_script prev_sc) {
  if (prev_sc == DIWAN_SCRIPT_MARK) return -1;
  if (prev_sc == DIWAN_SCRIPT_DIGIT || prev == '.' || diwan_is_invisible(prev) ||
      is_apostrophe_or_hyphen(prev))
    return 0;
  return 1;
}

/* The letters of Azerbaijani, Ukrainian, French (all in U+00C0..U+04FF). */
static inline void marked_letter(lang_tally *t, uint32_t cp) {
  if (lang_is_az_letter(cp)) t->az_letters++;
  else if (lang_is_uk_letter(cp)) t->uk_letters++;
  else if (lang_is_fr_letter(cp)) t->fr_letters++;
}

static void letter(lang_tally *t, uint32_t cp, diwan_script sc, int maybe) {
  if (sc == DIWAN_SCRIPT_LATIN && maybe) {
    t->latin_maybe++;
    if (lang_is_az_letter(cp)) t->az_letters_maybe++;
    else if (lang_is_fr_letter(cp)) t->fr_letters_maybe++;
    return;
  }
  t->script[sc]++;
  marked_letter(t, cp);
}

/* Lower case of the Latin and Cyrillic letters words are listed in. */
static inline uint32_t lower(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if ((cp >= 0xDF && cp <= 0xFF) || (cp >= 0x430 && cp <= 0x45F)) return cp;
  return (uint32_t)u_tolower((UChar32)cp);
}

/* Appends the lower case of cp to low (k bytes so far, at most max): 0
** when it no longer fits. */
static inline int put_lower(char *low, size_t *k, size_t max, uint32_t cp) {
  uint32_t lc = lower(cp);
  if (lc < 0x80) {
    if (*k + 1 > max) return 0;
    low[(*k)++] = (char)lc;
  } else if (lc < 0x800) {
    if (*k + 2 > max) return 0;
    low[(*k)++] = (char)(0xC0 | (lc >> 6));
    low[(*k)++] = (char)(0x80 | (lc & 0x3F));
  } else {
    char tmp[4];
    size_t m = diwan_utf8_encode(lc, tmp);
    if (*k + m > max) return 0;
    memcpy(low + *k, tmp, m);
    *k += m;
  }
  return 1;
}

static inline int ascii_letter(unsigned c) { return (unsigned)((c | 0x20) - 'a') < 26; }

/* The next code point at i and its script. */
static inline uint32_t next_cp(const unsigned char *s, size_t n, size_t i, size_t *len,
                               diwan_script *sc) {
  unsigned c = s[i];
  if (c < 0x80) {
    *len = 1;
    *sc = (diwan_script)script_tab[c];
    return c;
  }
  uint32_t cp = dw_decode(s + i, n - i, len);
  *sc = script(cp);
  return cp;
}

/* The vote of the run of letters low (k bytes) that ends before byte i:
** "maybe" after a digit, else as what precedes it says. */
static void vote(lang_tally *t, const unsigned char *s, size_t n, size_t i,
                 const char *low, size_t k, int after_digit, uint32_t prev,
                 diwan_script prev_sc) {
  int lang = lang_word_vote(low, k);
  if (lang < 0) return;
  int start = after_digit ? 0 : starts_token(prev, prev_sc);
  if (start < 0 || !ends_token(s, n, i)) return;
  if (start) t->votes[lang]++;
  else t->votes_maybe[lang]++;
}

/* A run of letters right after a digit (byte i, first letter cp): either a
** number takes the Latin letters glued to it (1er) and what follows them is
** a token of its own, or the digit is in a word and so is all the run. Its
** Latin letters count "maybe", and so does the vote of the part after the
** Latin ones. Returns where the run ends. */
static size_t run_after_digit(lang_tally *t, const unsigned char *s, size_t n, size_t i,
                              uint32_t cp, diwan_script sc, size_t len, size_t max) {
  char low[LANG_MAXWORD];
  size_t k = 0;
  int split = 0, fits = 0;
  for (;;) {
    if (sc != DIWAN_SCRIPT_LATIN && !split) {
      split = 1;
      fits = sc == DIWAN_SCRIPT_CYRILLIC;
    }
    letter(t, cp, sc, 1);
    if (fits) fits = put_lower(low, &k, max, cp);
    i += len;
    if (i >= n) break;
    cp = next_cp(s, n, i, &len, &sc);
    if (!is_letter(sc)) break;
  }
  if (split && fits) vote(t, s, n, i, low, k, 1, 0, DIWAN_SCRIPT_NONE);
  return i;
}

void lang_fast_tally(const char *text, size_t n, lang_tally *t) {
  const unsigned char *s = (const unsigned char *)text;
  memset(t, 0, sizeof *t);
  uint32_t prev = ' ';
  diwan_script prev_sc = DIWAN_SCRIPT_NONE;
  size_t i = 0, len, max = lang_word_max();
  char low[LANG_MAXWORD];
  if (max > sizeof low) max = sizeof low;
  while (i < n) {
    diwan_script sc;
    uint32_t cp = next_cp(s, n, i, &len, &sc);
    if (!is_letter(sc)) {
      prev = cp;
      prev_sc = sc;
      i += len;
      continue;
    }
    if (prev_sc == DIWAN_SCRIPT_DIGIT) {
      i = run_after_digit(t, s, n, i, cp, sc, len, max);
      prev = 'a';
      prev_sc = DIWAN_SCRIPT_LATIN;
      continue;
    }
    /* A run of letters: count them, keep it lower-cased while it is short
    ** enough to be a listed word (listed words are Latin or Cyrillic). */
    size_t k = 0;
    int fits = sc == DIWAN_SCRIPT_LATIN || sc == DIWAN_SCRIPT_CYRILLIC;
    for (;;) {
      t->script[sc]++;
      if (cp >= 0xC0 && cp <= 0x4FF) marked_letter(t, cp);
      if (fits) fits = put_lower(low, &k, max, cp);
      i += len;
      /* The ASCII letters that follow, in one loop: each is a Latin
      ** letter, lower-cased by one bit, never a marked one. */
      size_t a = i;
      if (fits) {
        while (a < n && ascii_letter(s[a])) {
          if (k + 1 > max) { fits = 0; break; }
          low[k++] = (char)(s[a++] | 0x20);
        }
      }
      while (a < n && ascii_letter(s[a])) a++;
      t->script[DIWAN_SCRIPT_LATIN] += a - i;
      i = a;
      if (i >= n || s[i] < 0x80) break;   /* most runs end on ASCII */
      cp = next_cp(s, n, i, &len, &sc);
      if (!is_letter(sc)) break;
    }
    if (fits) vote(t, s, n, i, low, k, 0, prev, prev_sc);
    prev = 'a';                       /* a letter: what follows is no run */
    prev_sc = DIWAN_SCRIPT_LATIN;
  }
}
