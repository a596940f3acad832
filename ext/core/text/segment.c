/* Words and sentences. One pass over code points, no allocation.
**
** Words keep what belongs inside them in news text: combining marks and
** invisible joiners, apostrophes and geresh between letters (l’Azerbaïdjan,
** אזרבייג'ן), gershayim inside Hebrew acronyms (צה"ל), hyphens and maqaf
** between letters (Nagorno-Karabakh, בין-לאומי), the dots of initials and
** acronyms (U.S., W.). Numbers keep grouping and decimal separators between
** digits (10,357,139  136.6  05.04.2012  ١٢٫٥) and a Latin suffix (1er, 1990s).
*/
#include <unicode/uchar.h>
#include "diwan.h"
#include "segment.h"
#include "charclass.h"
#include "base/utf8_fast.h"

typedef struct cursor {
  const unsigned char *s;
  size_t n;
} cursor;

/* Code point at byte i (0 when i is past the end), its length in *len. */
static inline uint32_t at(const cursor *c, size_t i, size_t *len) {
  if (i >= c->n) { *len = 0; return 0; }
  return dw_decode(c->s + i, c->n - i, len);
}

/* diwan_script_of, diwan_is_invisible and "skipped between tokens"
** through the class table for the common code points. */
static inline diwan_script script_fast(uint32_t cp) {
  int c = dw_cc(cp);
  return c >= 0 ? (diwan_script)(c & DW_CC_SCRIPT) : diwan_script_of(cp);
}

static inline int invisible_fast(uint32_t cp) {
  int c = dw_cc(cp);
  return c >= 0 ? (c & DW_CC_INVIS) != 0 : diwan_is_invisible(cp);
}

static int is_letter_script(diwan_script sc) {
  return sc == DIWAN_SCRIPT_LATIN || sc == DIWAN_SCRIPT_ARABIC ||
         sc == DIWAN_SCRIPT_HEBREW || sc == DIWAN_SCRIPT_CYRILLIC ||
         sc == DIWAN_SCRIPT_OTHER;
}

int diwan_is_space(uint32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return 1;
  if (cp < 0x80) return 0;
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static int is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x05F3 || cp == 0x2018;
}

static int is_hyphen(uint32_t cp) {
  return cp == '-' || cp == 0x05BE || cp == 0x2010 || cp == 0x2011;
}

static int is_num_sep(uint32_t cp) {
  return cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C;
}

static diwan_script script_at(const cursor *c, size_t i) {
  size_t len;
  if (i >= c->n) return DIWAN_SCRIPT_NONE;
  return script_fast(at(c, i, &len));
}

/* A joiner at i (apostrophe, hyphen, gershayim, dot) continues a word of
** script sc when a letter follows it; returns the bytes it spans, or 0.
** seg is where the word's current dot-separated segment began. */
static size_t word_joiner(const cursor *c, size_t i, diwan_script sc, size_t seg) {
  size_t len;
  uint32_t cp = at(c, i, &len);
  size_t j = i + len;
  diwan_script next = script_at(c, j);
  int letter_next = is_letter_script(next);
  if (is_apostrophe(cp) || is_hyphen(cp)) return letter_next ? len : 0;
  if ((cp == '"' || cp == 0x05F4 || cp == 0x201D || cp == 0x201C) &&
      sc == DIWAN_SCRIPT_HEBREW && next == DIWAN_SCRIPT_HEBREW)
    return len;
  /* Dots of acronyms: single letters separated by dots (U.S.A.). */
  if (cp == '.' && sc == DIWAN_SCRIPT_LATIN && i - seg == 1 && next == DIWAN_SCRIPT_LATIN) {
    size_t l2;
    at(c, j, &l2);
    uint32_t after = at(c, j + l2, &l2);
    if (after == '.') return len;
  }
  return 0;
}

/* Past the run of word characters (letters, marks, digits) at i that are
** ASCII or two-byte sequences: the common case, read from the class table
** without a call. No invisible character has DW_CC_WORD. */
static inline size_t word_run(const cursor *c, size_t i) {
  const unsigned char *s = c->s;
  for (unsigned k; i + 1 < c->n; i += k)
    if (!(k = dw_cc_run[s[i] | (unsigned)s[i + 1] << 8])) return i;
  /* the last byte of the text: only an ASCII character fits */
  if (i < c->n && s[i] < 0x80 && (dw_cc_table[s[i]] & DW_CC_WORD)) i++;
  return i;
}

/* The word that starts at wstart with a first character of script sc.
** *plain stays 1 when the word is its first character and a run of word
** characters (word_run) ended at once: no joiner, invisible or trailing
** dot in it. */
static size_t scan_word(const cursor *c, size_t wstart, size_t first_len, diwan_script sc,
                        int *plain) {
  size_t len;
  size_t i = wstart + first_len, seg = wstart;   /* first_len: bytes of its first character */
  for (;; *plain = 0) {
    /* Letters, marks and digits continue the word; invisible joiners
    ** continue it only when a word character follows them. ASCII letters
    ** and digits first, without decoding (the word's script is known). */
    if (sc != DIWAN_SCRIPT_MARK) {
      i = word_run(c, i);
      /* The common end: an ASCII space or mark that neither joins (' - " .)
      ** nor hides (invisible): what the steps below would conclude. */
      if (i >= c->n) return i;
      unsigned b = c->s[i];
      if (b < 0x80 && !(dw_cc_table[b] & (DW_CC_WORD | DW_CC_INVIS)) && b != '\'' &&
          b != '-' && b != '"' && b != '.')
        return i;
    }
    size_t j = i;
    uint32_t cp = at(c, j, &len);
    while (len && invisible_fast(cp)) { j += len; cp = at(c, j, &len); }
    if (!len) return i;
    diwan_script s2 = script_fast(cp);
    if (is_letter_script(s2) || s2 == DIWAN_SCRIPT_MARK || s2 == DIWAN_SCRIPT_DIGIT) {
      if (sc == DIWAN_SCRIPT_MARK && is_letter_script(s2)) sc = s2;
      i = j + len;
      continue;
    }
    if (j != i) return i;   /* joiners must touch the word */
    size_t k = word_joiner(c, i, sc, seg);
    if (!k) { *plain = 0; break; }
    i += k;
    if (c->s[i - 1] == '.') seg = i;
  }
  /* Trailing dot of a single-letter initial or of an acronym (W. U.S.). */
  uint32_t cp = at(c, i, &len);
  if (cp == '.' && sc == DIWAN_SCRIPT_LATIN) {
    int acronym = 0, letters = 0;
    for (size_t k = wstart; k < i; k++) {
      if (c->s[k] == '.') acronym = 1;
      else if ((c->s[k] & 0xC0) != 0x80) letters++;
    }
    if (letters == 1 || acronym) {
      uint32_t first = at(c, wstart, &len);
      if (u_isupper((UChar32)first)) return i + 1;
    }
  }
  /* A trailing geresh or gershayim marks a Hebrew abbreviation (בנוב׳). */
  if ((cp == 0x05F3 || cp == 0x05F4) && sc == DIWAN_SCRIPT_HEBREW) return i + len;
  return i;
}

static size_t scan_number(const cursor *c, size_t i) {
  size_t len;
  for (;;) {
    uint32_t cp = at(c, i, &len);
    if (!len) return i;
    if (diwan_digit_value(cp) >= 0) { i += len; continue; }
    if (is_num_sep(cp)) {
      size_t l2;
      uint32_t nx = at(c, i + len, &l2);
      if (l2 && diwan_digit_value(nx) >= 0) { i += len; continue; }
    }
    break;
  }
  /* A Latin suffix glued to the number: 1er, 21st, 1990s. */
  size_t j = i;
  while (j < c->n) {
    uint32_t cp = at(c, j, &len);
    if (script_fast(cp) != DIWAN_SCRIPT_LATIN) break;
    j += len;
  }
  return j;
}

static int is_symbol(uint32_t cp) {
  int8_t t = u_charType((UChar32)cp);
  return t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL ||
         t == U_MODIFIER_SYMBOL || t == U_OTHER_SYMBOL;
}

void diwan_tokenizer_init(diwan_tokenizer *t, const char *s, size_t n) {
  t->s = s;
  t->n = s ? n : 0;
  t->pos = 0;
}

int dw_tokenizer_next(diwan_tokenizer *t, size_t *start, size_t *len,
                      diwan_token_kind *kind, int *plain) {
  cursor c = {(const unsigned char *)t->s, t->n};
  size_t i = t->pos, l;
  while (i < c.n) {
    if (c.s[i] == ' ') { i++; continue; }   /* the common space, without decoding */
    uint32_t cp = at(&c, i, &l);
    int cc = dw_cc(cp);
    if (cc >= 0 ? (cc & (DW_CC_SPACE | DW_CC_INVIS)) != 0
                : diwan_is_space(cp) || diwan_is_invisible(cp) || cp == DIWAN_REPLACEMENT) {
      i += l;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) { i += l; continue; }
    diwan_script sc = cc >= 0 ? (diwan_script)(cc & DW_CC_SCRIPT) : diwan_script_of(cp);
    size_t end;
    if (is_letter_script(sc) || sc == DIWAN_SCRIPT_MARK) {
      *plain = sc != DIWAN_SCRIPT_MARK;
      end = scan_word(&c, i, l, sc, plain);
      *kind = DIWAN_TOKEN_WORD;
    } else if (sc == DIWAN_SCRIPT_DIGIT) {
      end = scan_number(&c, i + l);
      *kind = DIWAN_TOKEN_NUMBER;
    } else {
      end = i + l;
      *kind = is_symbol(cp) ? DIWAN_TOKEN_SYMBOL : DIWAN_TOKEN_PUNCT;
      /* A run of the same mark is one token (... --- !!). */
      size_t l2;
      while (end < c.n && at(&c, end, &l2) == cp) end += l2;
    }
    *start = i;
    *len = end - i;
    t->pos = end;
    return 1;
  }
  t->pos = c.n;
  return 0;
}

int diwan_tokenizer_next(diwan_tokenizer *t, size_t *start, size_t *len,
                         diwan_token_kind *kind) {
  int plain;
  return dw_tokenizer_next(t, start, len, kind, &plain);
}

const char *diwan_token_kind_name(diwan_token_kind k) {
  switch (k) {
    case DIWAN_TOKEN_WORD: return "word";
    case DIWAN_TOKEN_NUMBER: return "number";
    case DIWAN_TOKEN_PUNCT: return "punct";
    case DIWAN_TOKEN_SYMBOL: return "symbol";
  }
  return "unknown";
}
