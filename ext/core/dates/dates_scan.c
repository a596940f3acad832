/* The token scanner of date extraction: words (folded, looked up in the
** lexicon, one-letter prefixes tried off), numbers (digits of one script,
** with their value), and single punctuation marks. Tokens live in a ring of
** DS_RING, so memory is constant and look-ahead is bounded. */
#include <string.h>
#include "dates_int.h"

static int is_space(uint32_t cp, int *nl) {
  switch (cp) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
      *nl = 1;
      return 1;
    case ' ': case '\t': case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return 1;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

static int is_apos(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x05F3 || cp == 0x2018 || cp == 0x02BC;
}

static int is_gersh(uint32_t cp) {
  return cp == '"' || cp == 0x05F4 || cp == 0x201C || cp == 0x201D;
}

static int word_script(diwan_script s) {
  switch (s) {
    case DIWAN_SCRIPT_LATIN: return S_LATIN;
    case DIWAN_SCRIPT_ARABIC: return S_ARABIC;
    case DIWAN_SCRIPT_HEBREW: return S_HEBREW;
    case DIWAN_SCRIPT_CYRILLIC: return S_CYRILLIC;
    default: return S_NONE;
  }
}

static int digit_class(uint32_t cp) {
  if (cp < 0x80) return 1;
  if (cp >= 0x0660 && cp <= 0x0669) return 2;
  if (cp >= 0x06F0 && cp <= 0x06F9) return 3;
  return 4;
}

void ds_init(dscan *sc, const char *s, size_t n) {
  sc->s = s;
  sc->n = n;
  sc->pos = 0;
  sc->count = 0;
  sc->limit = DS_AHEAD;
  sc->avail = 0;
  sc->nolookup = 0;
  sc->user = NULL;
  memset(&sc->eof, 0, sizeof sc->eof);
  sc->eof.kind = T_EOF;
  sc->eof.s = sc->eof.e = n;
  sc->eof.sp = sc->eof.nl = 1;
}


static inline uint32_t peek(const dscan *sc, size_t at, size_t *len) {
  if (at >= sc->n) { *len = 0; return 0; }
  const unsigned char *u = (const unsigned char *)sc->s + at;
  if (u[0] < 0x80) { *len = 1; return u[0]; }
  /* two-byte letters (Arabic, Hebrew, Cyrillic, Latin-1) without a call */
  if (u[0] >= 0xC2 && u[0] <= 0xDF && at + 1 < sc->n && (u[1] & 0xC0) == 0x80) {
    *len = 2;
    return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
  }
  return diwan_utf8_decode((const unsigned char *)sc->s + at, sc->n - at, len);
}

/* What the scanner asks of each code point below U+0800 (one or two UTF-8
** bytes: ASCII, Latin-1 and Latin Extended, Cyrillic, Hebrew, Arabic), read
** from one entry instead of classifying and folding the character again for
** every occurrence. Filled by ds_classes_init from the same functions the
** slow paths call, so either way gives the same tokens. */
enum { CP_DIGIT = 1, CP_INVIS = 2, CP_MARK = 4, CP_JOIN = 8, CP_SLOW = 16,
       CP_SPACE = 32, CP_NL = 64 };
typedef struct dcp {
  uint8_t script;           /* word_script(script_of(cp)): the words it starts */
  uint8_t run;              /* the same for a fast run (fast_run), 0xFF if not */
  uint8_t flags;            /* CP_*: a digit, invisible (and not ASCII), a mark,
                            ** an apostrophe or gershayim (continues_word), not
                            ** foldable by table, white space, a line break */
  uint8_t flen;             /* bytes of its folded form (dl_fold_cp), at most 2 */
  char f[2];
} dcp;
static dcp cps[0x800];

/* The entry of the character at p when it takes one or two bytes, with its
** length, else NULL (longer or invalid: the callers' slow paths decode it). */
static inline const dcp *cp_at(const unsigned char *u, size_t p, size_t n, size_t *len) {
  unsigned b = u[p];
  if (b < 0x80) { *len = 1; return &cps[b]; }
  if (b >= 0xC2 && b <= 0xDF && p + 1 < n && (u[p + 1] & 0xC0) == 0x80) {
    *len = 2;
    return &cps[((b & 0x1F) << 6) | (u[p + 1] & 0x3F)];
  }
  return NULL;
}

static inline void add_key(dtok *t, uint32_t cp) {
  char buf[4];
  size_t k;
  if (cp < 0x800 && !(cps[cp].flags & CP_SLOW)) {
    k = cps[cp].flen;
    buf[0] = cps[cp].f[0];
    buf[1] = cps[cp].f[1];
  } else {
    k = dl_fold_cp(cp, buf);
  }
  if (t->toolong) return;
  if ((size_t)t->klen + k >= DL_KEYMAX) { t->klen = 0; t->toolong = 1; return; }
  char *d = t->key + t->klen;
  switch (k) {
    case 4: d[3] = buf[3]; /* fall through */
    case 3: d[2] = buf[2]; /* fall through */
    case 2: d[1] = buf[1]; /* fall through */
    case 1: d[0] = buf[0]; /* fall through */
    default: break;
  }
  t->klen = (uint8_t)(t->klen + k);
}

/* The script of a code point, without ICU for the common letters. */
static inline diwan_script script_of(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return DIWAN_SCRIPT_LATIN;
    if (cp >= '0' && cp <= '9') return DIWAN_SCRIPT_DIGIT;
    return DIWAN_SCRIPT_NONE;
  }
  if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A))
    return DIWAN_SCRIPT_ARABIC;
  if (cp >= 0x05D0 && cp <= 0x05EA) return DIWAN_SCRIPT_HEBREW;
  if (cp >= 0x0410 && cp <= 0x044F) return DIWAN_SCRIPT_CYRILLIC;
  return diwan_script_of(cp);
}

void ds_classes_init(void) {
  for (uint32_t cp = 0; cp < 0x800; cp++) {
    dcp *e = &cps[cp];
    char buf[4];
    size_t k = dl_fold_cp(cp, buf);
    diwan_script s = script_of(cp);
    int nl = 0, sp = is_space(cp, &nl);
    e->script = e->run = (uint8_t)word_script(s);
    e->flags = (uint8_t)((diwan_digit_value(cp) >= 0 ? CP_DIGIT : 0) |
                         (cp >= 0x80 && diwan_is_invisible(cp) ? CP_INVIS : 0) |
                         (s == DIWAN_SCRIPT_MARK ? CP_MARK : 0) |
                         (is_apos(cp) || is_gersh(cp) ? CP_JOIN : 0) |
                         (sp ? CP_SPACE : 0) | (nl ? CP_NL : 0));
    /* every such code point folds to at most two bytes; were one not to,
    ** it would continue no fast run and add_key would fold it */
    if (k > 2) { e->run = 0xFF; e->flags |= CP_SLOW; k = 0; }
    /* fast_run relies on a letter's folded form being no longer than its
    ** UTF-8 (dl_fold_cp gives ASCII one byte); were one longer, it would
    ** continue no fast run */
    if (k > (cp < 0x80 ? 1u : 2u)) e->run = 0xFF;
    e->flen = (uint8_t)k;
    memcpy(e->f, buf, k);
  }
}

static void scan_number(dscan *sc, dtok *t, uint32_t cp, size_t len) {
  int cls = digit_class(cp);
  int64_t v = 0;
  t->kind = T_NUM;
  t->script = (uint8_t)cls;
  for (;;) {
    int d = cp < 0x80 ? (int)(cp - '0') : diwan_digit_value(cp);
    if (t->nd < 255) t->nd++;
    if (v <= 999999999) v = v * 10 + d;
    add_key(t, cp);
    sc->pos += len;
    cp = peek(sc, sc->pos, &len);
    if (!len) break;
    if (cp < 0x80 ? !(cp >= '0' && cp <= '9' && cls == 1)
                  : (diwan_digit_value(cp) < 0 || digit_class(cp) != cls))
      break;
  }
  t->num = v > 999999999 ? -1 : (int32_t)v;
}

/* Where one-letter prefixes and a French elision end: byte offsets into the
** text and into the key, for the lexicon's second tries. */
typedef struct cuts {
  size_t src[2], key[2];
  int nl;                   /* letters seen so far (up to 2 recorded) */
  size_t elide_src, elide_key;
} cuts;

static int continues_word(dscan *sc, dtok *t, uint32_t cp, size_t len, int *mark) {
  size_t nlen;
  uint32_t next = peek(sc, sc->pos + len, &nlen);
  int next_same = nlen && word_script(script_of(next)) == t->script;
  *mark = 0;
  if (t->script == S_LATIN && is_apos(cp)) return next_same;
  if (t->script == S_HEBREW && is_apos(cp)) { *mark = 1; return 1; }
  if (t->script == S_HEBREW && is_gersh(cp) && next_same) { *mark = 1; return 1; }
  return 0;
}

/* Consumes a run of letters of the word's script that take one or two
** bytes: the bulk of every word, folded by table. Returns the entry of the
** character it stopped at (NULL at the text's end, or for a character of
** three bytes or more or invalid: the caller's slow path decodes it).
** Locals, not the token's fields, in the loop: stores through char
** pointers would make the compiler reload them every byte. e0: the
** word's first letter (of the run, at sc->pos, l0 bytes) as scan_one read
** it, when the run starts the word; else NULL. */
static const dcp *fast_run(dscan *sc, dtok *t, cuts *c, const dcp *e0, size_t l0) {
  const unsigned char *u = (const unsigned char *)sc->s;
  size_t p = sc->pos, n = sc->n, klen = t->klen, l;
  char *key = t->key;
  int nl = c->nl;
  const unsigned script = t->script;
  const dcp *e = NULL;
  if (e0) {                        /* the key is empty: it fits */
    memcpy(key, e0->f, 2);
    klen = e0->flen;
    p += l0;
    c->src[0] = p;
    c->key[0] = klen;
    nl = 1;
  }
  /* The first two letters: where a one-letter prefix may end (lookup). */
  while (nl < 2 && p < n && (e = cp_at(u, p, n, &l)) && e->run == script) {
    if (klen + e->flen >= DL_KEYMAX) { t->toolong = 1; goto out; }
    memcpy(key + klen, e->f, 2);   /* in bounds: klen + flen < DL_KEYMAX */
    klen += e->flen;
    p += l;
    c->src[nl] = p;
    c->key[nl] = klen;
    nl++;
  }
  if (nl < 2) goto out;            /* stopped before a second letter */
  /* The rest, up to stop: a letter adds at most the bytes it takes in the
  ** text to the key (ds_classes_init), so before stop two more bytes fit
  ** the key and the byte after p is in the text: one test a letter. */
  size_t room = klen < DL_KEYMAX - 2 ? DL_KEYMAX - 2 - klen : 0;
  size_t stop = p + room < n - 1 ? p + room : n - 1;
  while (p < stop) {
    unsigned b = u[p];
    if (b < 0x80) {
      e = &cps[b];
      l = 1;
    } else if (b - 0xC2u <= 0xDFu - 0xC2u && (u[p + 1] & 0xC0) == 0x80) {
      e = &cps[((b & 0x1F) << 6) | (u[p + 1] & 0x3F)];
      l = 2;
    } else {
      e = NULL;
      goto out;
    }
    if (e->run != script) goto out;
    memcpy(key + klen, e->f, 2);
    klen += e->flen;
    p += l;
    nl++;
  }
  /* Near the key's end: each letter checked. */
  while (p < n && (e = cp_at(u, p, n, &l)) && e->run == script) {
    if (klen + e->flen >= DL_KEYMAX) { t->toolong = 1; break; }
    memcpy(key + klen, e->f, e->flen);
    klen += e->flen;
    p += l;
    nl++;
  }
  if (p >= n) e = NULL;
out:
  c->nl = nl;
  if (t->toolong) {
    /* the rest of the word is consumed by the caller's slow loop */
    t->klen = 0;
  } else {
    t->klen = (uint8_t)klen;
  }
  sc->pos = p;
  return e;
}

static void scan_word(dscan *sc, dtok *t, uint32_t cp, size_t len, int script, cuts *c,
                      const dcp *e0) {
  int letter = 1, mark;
  t->kind = T_WORD;
  t->script = (uint8_t)script;
  /* A first letter the table folds is the fast run's first, which does
  ** what the loop's first round would. */
  int first = e0 && e0->run == (unsigned)script;
  for (;;) {
    if (!first) {
      add_key(t, cp);
      sc->pos += len;
      if (letter) {
        if (c->nl < 2) { c->src[c->nl] = sc->pos; c->key[c->nl] = t->klen; }
        c->nl++;
      }
    }
    const dcp *head = first ? e0 : NULL;
    first = 0;
    if (!t->toolong) {
      /* The run stopped at a character of no letter of this script: unless
      ** it is a mark, invisible or an apostrophe, the word ends here (the
      ** loop below would find the same, at more cost). */
      const dcp *e = fast_run(sc, t, c, head, len);
      if (!t->toolong) {
        if (sc->pos >= sc->n) break;
        if (e && !(e->flags & (CP_MARK | CP_INVIS | CP_JOIN)) && e->run != 0xFF) break;
      }
    }
    cp = peek(sc, sc->pos, &len);
    if (!len) break;
    diwan_script s = script_of(cp);
    /* Marks and invisible format characters stay inside the word. */
    if (s == DIWAN_SCRIPT_MARK || (s == DIWAN_SCRIPT_NONE && cp >= 0x80 && diwan_is_invisible(cp))) {
      letter = 0;
      continue;
    }
    letter = 1;
    if (s != DIWAN_SCRIPT_DIGIT && word_script(s) == t->script) continue;
    letter = 0;
    if (!continues_word(sc, t, cp, len, &mark)) break;
    if (mark) t->gem = 1;
    if (t->script == S_LATIN && c->nl <= 5 && !c->elide_src) {
      c->elide_src = sc->pos + len;
      c->elide_key = t->klen + 1u;
    }
  }
}

static int prefix_letter(int script, const char *k) {
  const unsigned char *u = (const unsigned char *)k;
  if (script == S_ARABIC && u[0] == 0xD9)      /* و ف ل ك */
    return u[1] == 0x88 || u[1] == 0x81 || u[1] == 0x84 || u[1] == 0x83;
  if (script == S_ARABIC && u[0] == 0xD8) return u[1] == 0xA8;   /* ب */
  if (script == S_HEBREW && u[0] == 0xD7)      /* ו ה ב ל מ ש כ */
    return u[1] == 0x95 || u[1] == 0x94 || u[1] == 0x91 || u[1] == 0x9C ||
           u[1] == 0x9E || u[1] == 0xA9 || u[1] == 0x9B;
  return 0;
}

/* The lexicon entry of a word: as written, else without one or two
** one-letter prefixes (وسبتمبر, בינואר, לאב), else without an elision
** (d'août). pre records the prefix's bytes for the surface. */
static void lookup(const dscan *sc, dtok *t, const cuts *c) {
  t->lx = ds_find(sc, t->key, t->klen);
  if (t->lx || !t->klen) return;
  if (t->script == S_ARABIC || t->script == S_HEBREW) {
    for (int k = 0; k < 2 && k + 2 < c->nl; k++) {
      if (!prefix_letter(t->script, t->key + (k ? c->key[0] : 0))) return;
      size_t kk = c->key[k];
      if (c->src[k] - t->s > 255) return;   /* letters buried in marks */
      t->lx = ds_find(sc, t->key + kk, t->klen - kk);
      if (t->lx) {
        t->pre = (uint8_t)(c->src[k] - t->s);
        t->kpre = (uint8_t)kk;
        return;
      }
    }
  } else if (t->script == S_LATIN && t->klen > 2 && t->key[t->klen - 2] == '\'' &&
             t->key[t->klen - 1] == 's') {
    t->lx = ds_find(sc, t->key, t->klen - 2);      /* Wednesday's, November's */
  } else if (t->script == S_LATIN && c->elide_src && c->elide_key < t->klen &&
             c->elide_src - t->s <= 255) {
    t->lx = ds_find(sc, t->key + c->elide_key, t->klen - c->elide_key);
    if (t->lx) {
      t->pre = (uint8_t)(c->elide_src - t->s);
      t->kpre = (uint8_t)c->elide_key;
    }
  }
}

#define DS_BATCH 32
/* Scanning ahead to the look-ahead limit (at most DS_AHEAD past the rules'
** start) keeps the 16 tokens before the start in the ring. */
_Static_assert(DS_AHEAD + 16 <= DS_RING, "the ring holds the look-back and look-ahead");

static void scan_one(dscan *sc, dtok *t) {
  t->kind = T_EOF;
  t->script = t->sp = t->nl = t->pre = t->kpre = t->gem = t->nd = t->klen = 0;
  t->toolong = 0;
  t->cp = 0;
  t->num = 0;
  t->lx = NULL;
  t->mwk = 0;
  t->mwk_done = 0;
  size_t len;
  uint32_t cp;
  int nl = 0;
  const dcp *e;
  for (;;) {
    if (sc->pos >= sc->n) { *t = sc->eof; t->sp = 1; t->nl = 1; return; }
    if ((e = cp_at((const unsigned char *)sc->s, sc->pos, sc->n, &len))) {
      cp = (uint32_t)(e - cps);
      if (e->flags & CP_SPACE) {
        t->sp = 1;
        if (e->flags & CP_NL) nl = 1;
        sc->pos += len;
        continue;
      }
      if (e->flags & CP_INVIS) { sc->pos += len; continue; }
      break;
    }
    /* three or four bytes, or invalid */
    cp = peek(sc, sc->pos, &len);
    if (is_space(cp, &nl)) { t->sp = 1; sc->pos += len; continue; }
    if (cp >= 0x80 && diwan_is_invisible(cp)) {
      sc->pos += len;
      continue;
    }
    break;
  }
  t->nl = (uint8_t)nl;
  t->s = sc->pos;
  int script;
  if (e ? (e->flags & CP_DIGIT) : diwan_digit_value(cp) >= 0) {
    scan_number(sc, t, cp, len);
    t->e = sc->pos;
    /* 20th century, 20e siècle start with a number */
    if (!sc->nolookup && t->nd <= 2) t->lx = ds_find(sc, t->key, t->klen);
    return;
  } else if ((script = e ? e->script : word_script(script_of(cp))) != S_NONE) {
    cuts c;                  /* src, key: set before they are read */
    c.nl = 0;
    c.elide_src = c.elide_key = 0;
    scan_word(sc, t, cp, len, script, &c, e);
    t->e = sc->pos;
    if (!sc->nolookup) lookup(sc, t, &c);
    return;
  } else {
    t->kind = T_PUNCT;
    t->cp = cp;
    add_key(t, cp);
    sc->pos += len;
  }
  t->e = sc->pos;
  if (!sc->nolookup && t->kind == T_PUNCT) t->lx = ds_find(sc, t->key, t->klen);
}

const dtok *ds_tok_scan(dscan *sc, long i) {
  if (i < 0 || i >= sc->limit) return &sc->eof;
  if (sc->count <= i) {
    /* a few tokens past i in one go: the rules and the next rounds of the
    ** caller read them, and each call costs more than a token's loop */
    long want = i + DS_BATCH < sc->limit ? i + DS_BATCH : sc->limit - 1;
    long count = sc->count;
    while (count <= want) {
      dtok *t = &sc->ring[count & (DS_RING - 1)];
      scan_one(sc, t);
      if (t->kind == T_EOF) break;
      count++;
    }
    sc->count = count;
    sc->avail = count < sc->limit ? count : sc->limit;
    if (count <= i) return &sc->eof;
  }
  return &sc->ring[i & (DS_RING - 1)];
}
