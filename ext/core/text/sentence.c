/* Sentence boundaries over the word tokenizer. A sentence ends at a
** terminal mark followed by space (with its closing quotes and brackets),
** at a blank line, or at a line break after a line that does not end in a
** comma-like mark. Abbreviations, initials and dots inside words or
** numbers never end one. */
#include <string.h>
#include <pthread.h>
#include "diwan.h"
#include "base/data.h"
#include "segment.h"
#include "charclass.h"

static int is_terminal(uint32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x2026 ||
         cp == 0x06D4 || cp == 0x203C || cp == 0x2047 || cp == 0x3002;
}

static int is_closer(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A ||
         cp == 0x05F4;
}

/* Line ends that continue the sentence on the next line. */
static int is_continuer(uint32_t cp) {
  return cp == ',' || cp == 0x060C || cp == ';' || cp == 0x061B || cp == ':' ||
         cp == '-' || cp == 0x2013 || cp == 0x2014;
}

static uint32_t first_cp(const char *s, size_t n) {
  size_t len;
  return n ? diwan_utf8_decode((const unsigned char *)s, n, &len) : 0;
}

/* Newlines in the gap s[a, b), counted up to 2 (the callers ask for none,
** one, or a paragraph break). The gap may be a whole chunk skip_plain
** jumped over, so it is searched with memchr, not read byte by byte. */
static int newlines(const char *s, size_t a, size_t b) {
  if (a >= b) return 0;
  const char *p = memchr(s + a, '\n', b - a);
  if (!p) return 0;
  p++;
  return p < s + b && memchr(p, '\n', (size_t)(s + b - p)) ? 2 : 1;
}

/* After "[", a footnote reference is digits or a short word and "]". On
** success moves *end past the "]" and returns 1. */
static int footnote(diwan_tokenizer *peek, size_t *end) {
  size_t s, l;
  diwan_token_kind k;
  if (!diwan_tokenizer_next(peek, &s, &l, &k) || s != *end + 1) return 0;
  if (k != DIWAN_TOKEN_NUMBER && !(k == DIWAN_TOKEN_WORD && l <= 12)) return 0;
  size_t e = s + l;
  if (!diwan_tokenizer_next(peek, &s, &l, &k) || s != e || peek->s[s] != ']') return 0;
  *end = s + 1;
  return 1;
}

void diwan_sentencer_init(diwan_sentencer *t, const char *s, size_t n) {
  t->s = s;
  t->n = s ? n : 0;
  t->pos = 0;
}

static int abbrev_before(const char *s, size_t dot, size_t pstart, size_t plen,
                         diwan_token_kind pkind) {
  if (pkind != DIWAN_TOKEN_WORD || pstart + plen != dot) return 0;
  size_t len;
  diwan_utf8_decode((const unsigned char *)s + pstart, plen, &len);
  if (len == plen) return 1;  /* a single letter: an initial */
  return diwan_is_abbreviation(s + pstart, plen);
}

/* Skipping plain text. Only terminal marks and line breaks can end a
** sentence, and the token before a mark matters (abbreviations); other
** tokens only move the sentence's end. No token contains a space, so
** tokenizing from just after a space gives the tokens of the whole text:
** the loop below jumps from q to the start of the chunk (run of non-blank
** bytes) before the one holding the next candidate byte, and so tokenizes
** only the words around the marks. */
static int blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int candidate(const unsigned char *s, size_t n, size_t i) {
  switch (s[i]) {
    case '.': case '!': case '?': case '\n': return 1;
    case 0xD8: return i + 1 < n && s[i + 1] == 0x9F;   /* U+061F */
    case 0xDB: return i + 1 < n && s[i + 1] == 0x94;   /* U+06D4 */
    case 0xE2: case 0xE3: return 1;                     /* … ‼ ⁇ 。 */
    default: return 0;
  }
}

/* Surely a token in s[a, b): printable ASCII, or a two-byte letter,
** mark or digit (the chunk before a candidate must hold the token before
** it, which an abbreviation or a line end is judged by). */
static int has_token(const unsigned char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    if (s[i] > 0x20 && s[i] < 0x7F) return 1;
    if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < b && (s[i + 1] & 0xC0) == 0x80) {
      int c = dw_cc(((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F));
      if (c & DW_CC_WORD) return 1;
    }
  }
  return 0;
}

typedef struct plain { size_t p, r; int valid; } plain;

/* Where tokenizing may resume at or after q: q itself, or a position just
** after a blank with only plain tokens between q and it. The candidate
** found is kept in *c (q only grows), so the scan is linear. */
static size_t skip_plain(const char *s0, size_t n, size_t q, plain *c) {
  const unsigned char *s = (const unsigned char *)s0;
  if (!c->valid || c->p < q) {
    size_t p = q;
    while (p < n && !candidate(s, n, p)) p++;
    size_t r = p;
    while (r > q && !blank(s[r - 1])) r--;   /* the candidate's chunk */
    for (;;) {                               /* the last chunk with a token before it */
      while (r > q && blank(s[r - 1])) r--;
      size_t e = r;
      while (r > q && !blank(s[r - 1])) r--;
      if (r <= q || has_token(s, r, e)) break;
    }
    *c = (plain){p, r, 1};
  }
  return c->r > q ? c->r : q;
}

int diwan_sentencer_next(diwan_sentencer *t, size_t *start, size_t *len) {
  diwan_tokenizer tk;
  size_t ts, tl, ps = 0, pl = 0, first = 0, end = 0;
  diwan_token_kind k, pk = DIWAN_TOKEN_PUNCT;
  int have = 0;
  plain pc = {0, 0, 0};
  diwan_tokenizer_init(&tk, t->s, t->n);
  tk.pos = t->pos;
  while (diwan_tokenizer_next(&tk, &ts, &tl, &k)) {
    if (have) {
      int nl = newlines(t->s, end, ts);
      if (nl >= 2) { tk.pos = ts; break; }
      if (nl == 1) {
        uint32_t last = first_cp(t->s + ps, pl);
        uint32_t next = first_cp(t->s + ts, tl);
        int lower = diwan_script_of(next) == DIWAN_SCRIPT_LATIN &&
                    next >= 'a' && next <= 'z';
        if (!(pk == DIWAN_TOKEN_PUNCT && is_continuer(last)) && !lower) {
          tk.pos = ts;
          break;
        }
      }
    } else {
      first = ts;
      have = 1;
    }
    end = ts + tl;
    uint32_t cp = first_cp(t->s + ts, tl);
    int stop = 0;
    if (k == DIWAN_TOKEN_PUNCT && is_terminal(cp) &&
        !(cp == '.' && tl == 1 && abbrev_before(t->s, ts, ps, pl, pk))) {
      /* Absorb touching closers, further terminals and footnote marks:
      ** ."  ?!  ...".  .[12][13] */
      diwan_tokenizer peek = tk;
      size_t s2, l2;
      diwan_token_kind k2;
      while (diwan_tokenizer_next(&peek, &s2, &l2, &k2) && s2 == end) {
        uint32_t c2 = first_cp(t->s + s2, l2);
        if (k2 == DIWAN_TOKEN_PUNCT && (is_closer(c2) || is_terminal(c2))) {
          end = s2 + l2;
        } else if (c2 == '[' && footnote(&peek, &end)) {
          /* end moved past "]" */
        } else {
          break;
        }
        tk.pos = end;
        peek = tk;
      }
      /* Only a mark followed by space or the end closes a sentence. */
      size_t nlen;
      uint32_t after = end < t->n ? diwan_utf8_decode((const unsigned char *)t->s + end,
                                                      t->n - end, &nlen) : ' ';
      stop = diwan_is_space(after) || diwan_is_invisible(after);
      if (stop && cp == '.') {
        /* "etc. and", "p. 54": a lower-case word or a digit goes on. */
        diwan_tokenizer peek2 = tk;
        if (diwan_tokenizer_next(&peek2, &s2, &l2, &k2) && newlines(t->s, end, s2) == 0) {
          uint32_t c2 = first_cp(t->s + s2, l2);
          if (c2 >= 'a' && c2 <= 'z') stop = 0;
        }
      }
    }
    ps = ts;
    pl = tl;
    pk = k;
    if (stop) break;
    tk.pos = skip_plain(t->s, t->n, tk.pos, &pc);
  }
  t->pos = tk.pos > end ? tk.pos : end;
  if (!have) { t->pos = t->n; return 0; }
  *start = first;
  *len = end - first;
  return 1;
}

/* ---- abbreviations: parsed once from the lexicon */

static struct { const char *w; size_t n; } abbr[256];
static int nabbr;
static pthread_once_t abbr_once = PTHREAD_ONCE_INIT;

static int add_abbr(void *ctx, int nf, const char **f, const size_t *lens, size_t line) {
  if (nabbr < (int)(sizeof abbr / sizeof abbr[0])) {
    abbr[nabbr].w = f[0];
    abbr[nabbr].n = lens[0];
    nabbr++;
  }
  return 0;
}

static void load_abbr(void) {
  size_t len;
  const char *d = diwan_data("abbreviations.txt", &len);
  if (d) diwan_tsv_each(d, len, 1, add_abbr, 0);
}

static int ascii_ieq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return 1;
}

int diwan_is_abbreviation(const char *w, size_t n) {
  pthread_once(&abbr_once, load_abbr);
  for (int i = 0; i < nabbr; i++)
    if (abbr[i].n == n && ascii_ieq(abbr[i].w, w, n)) return 1;
  return 0;
}
