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
  sc->nolookup = 0;
  sc->user = NULL;
  memset(&sc->eof, 0, sizeof sc->eof);
  sc->eof.kind = T_EOF;
  sc->eof.s = sc->eof.e = n;
  sc->eof.sp = sc->eof.nl = 1;
}

void ds_at(dscan *sc, long i) { sc->limit = i + DS_AHEAD; }

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

static inline void add_key(dtok *t, uint32_t cp) {
  char buf[4];
  size_t k;
  /* Fast paths: ASCII, and Hebrew and plain Arabic letters, which fold to
  ** themselves. */
  if (cp < 0x80) {
    buf[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    k = 1;
  } else if ((cp >= 0x05D0 && cp <= 0x05EA) ||
             (cp >= 0x0627 && cp <= 0x063A && cp != 0x0629) ||
             (cp >= 0x0641 && cp <= 0x0648) || cp == 0x064A) {
    buf[0] = (char)(0xC0 | (cp >> 6));
    buf[1] = (char)(0x80 | (cp & 0x3F));
    k = 2;
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

/* Letters that fold to themselves, two bytes at a time: the bulk of Arabic
** and Hebrew words, copied without decoding. */
static inline int plain2(int script, const unsigned char *u) {
  if (script == S_ARABIC)
    return (u[0] == 0xD8 && u[1] >= 0xA7 && u[1] <= 0xBA && u[1] != 0xA9) ||
           (u[0] == 0xD9 && ((u[1] >= 0x81 && u[1] <= 0x88) || u[1] == 0x8A));
  return script == S_HEBREW && u[0] == 0xD7 && u[1] >= 0x90 && u[1] <= 0xAA;
}

/* Consumes a run of plain letters of the word's script. Locals, not the
** token's fields, in the loops: stores through char pointers would make the
** compiler reload them every byte. */
static void fast_run(dscan *sc, dtok *t, cuts *c) {
  const unsigned char *u = (const unsigned char *)sc->s;
  size_t p = sc->pos, n = sc->n, klen = t->klen;
  char *key = t->key;
  int nl = c->nl;
  if (t->script == S_LATIN) {
    while (p < n && (u[p] | 0x20) >= 'a' && (u[p] | 0x20) <= 'z') {
      if (klen + 1 >= DL_KEYMAX) { t->toolong = 1; break; }
      key[klen++] = (char)(u[p] | 0x20);
      p++;
      if (nl < 2) { c->src[nl] = p; c->key[nl] = klen; }
      nl++;
    }
  } else if (t->script == S_ARABIC || t->script == S_HEBREW) {
    int sc_ = t->script;
    while (p + 1 < n && plain2(sc_, u + p)) {
      if (klen + 2 >= DL_KEYMAX) { t->toolong = 1; break; }
      key[klen] = (char)u[p];
      key[klen + 1] = (char)u[p + 1];
      klen += 2;
      p += 2;
      if (nl < 2) { c->src[nl] = p; c->key[nl] = klen; }
      nl++;
    }
  }
  c->nl = nl;
  if (t->toolong) {
    /* the rest of the word is consumed by the caller's slow loop */
    t->klen = 0;
  } else {
    t->klen = (uint8_t)klen;
  }
  sc->pos = p;
}

static void scan_word(dscan *sc, dtok *t, uint32_t cp, size_t len, cuts *c) {
  int letter = 1, mark;
  t->kind = T_WORD;
  t->script = (uint8_t)word_script(script_of(cp));
  for (;;) {
    add_key(t, cp);
    sc->pos += len;
    if (letter) {
      if (c->nl < 2) { c->src[c->nl] = sc->pos; c->key[c->nl] = t->klen; }
      c->nl++;
    }
    if (!t->toolong) fast_run(sc, t, c);
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
  for (;;) {
    cp = peek(sc, sc->pos, &len);
    if (!len) { *t = sc->eof; t->sp = 1; t->nl = 1; return; }
    if (cp == ' ' || is_space(cp, &nl)) { t->sp = 1; sc->pos += len; continue; }
    /* Hebrew and Arabic letters are not invisible: skip the call for them */
    if (cp >= 0x80 && (cp == 0x061C || cp < 0x0590 || cp > 0x06FF) && diwan_is_invisible(cp)) {
      sc->pos += len;
      continue;
    }
    break;
  }
  t->nl = (uint8_t)nl;
  t->s = sc->pos;
  if (cp < 0x80 ? (cp >= '0' && cp <= '9') : diwan_digit_value(cp) >= 0) {
    scan_number(sc, t, cp, len);
    t->e = sc->pos;
    /* 20th century, 20e siècle start with a number */
    if (!sc->nolookup && t->nd <= 2) t->lx = ds_find(sc, t->key, t->klen);
    return;
  } else if (word_script(script_of(cp)) != S_NONE) {
    cuts c;
    memset(&c, 0, sizeof c);
    scan_word(sc, t, cp, len, &c);
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
  while (sc->count <= i) {
    dtok *t = &sc->ring[sc->count & (DS_RING - 1)];
    scan_one(sc, t);
    if (t->kind == T_EOF) return &sc->eof;
    sc->count++;
  }
  return &sc->ring[i & (DS_RING - 1)];
}
