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
  memset(&sc->eof, 0, sizeof sc->eof);
  sc->eof.kind = T_EOF;
  sc->eof.s = sc->eof.e = n;
  sc->eof.sp = sc->eof.nl = 1;
}

void ds_at(dscan *sc, long i) { sc->limit = i + DS_AHEAD; }

static uint32_t peek(const dscan *sc, size_t at, size_t *len) {
  if (at >= sc->n) { *len = 0; return 0; }
  return diwan_utf8_decode((const unsigned char *)sc->s + at, sc->n - at, len);
}

static void add_key(dtok *t, uint32_t cp) {
  char buf[4];
  size_t k = dl_fold_cp(cp, buf);
  if (t->klen == 0 && t->key[0] == 1) return;          /* already too long */
  if ((size_t)t->klen + k >= DL_KEYMAX) { t->klen = 0; t->key[0] = 1; return; }
  memcpy(t->key + t->klen, buf, k);
  t->klen = (uint8_t)(t->klen + k);
}

static void scan_number(dscan *sc, dtok *t, uint32_t cp, size_t len) {
  int cls = digit_class(cp);
  int64_t v = 0;
  t->kind = T_NUM;
  t->script = (uint8_t)cls;
  for (;;) {
    int d = diwan_digit_value(cp);
    if (t->nd < 255) t->nd++;
    if (v <= 999999999) v = v * 10 + d;
    add_key(t, cp);
    sc->pos += len;
    cp = peek(sc, sc->pos, &len);
    if (!len || diwan_digit_value(cp) < 0 || digit_class(cp) != cls) break;
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
  int next_same = nlen && word_script(diwan_script_of(next)) == t->script;
  *mark = 0;
  if (t->script == S_LATIN && is_apos(cp)) return next_same;
  if (t->script == S_HEBREW && is_apos(cp)) { *mark = 1; return 1; }
  if (t->script == S_HEBREW && is_gersh(cp) && next_same) { *mark = 1; return 1; }
  return 0;
}

static void scan_word(dscan *sc, dtok *t, uint32_t cp, size_t len, cuts *c) {
  int letter = 1, mark;
  t->kind = T_WORD;
  t->script = (uint8_t)word_script(diwan_script_of(cp));
  for (;;) {
    add_key(t, cp);
    sc->pos += len;
    if (letter) {
      if (c->nl < 2) { c->src[c->nl] = sc->pos; c->key[c->nl] = t->klen; }
      c->nl++;
    }
    cp = peek(sc, sc->pos, &len);
    if (!len) break;
    diwan_script s = diwan_script_of(cp);
    /* Marks and invisible format characters stay inside the word. */
    if (s == DIWAN_SCRIPT_MARK || diwan_is_invisible(cp)) { letter = 0; continue; }
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
static void lookup(dtok *t, const cuts *c) {
  t->lx = dl_find(t->key, t->klen);
  if (t->lx || !t->klen) return;
  if (t->script == S_ARABIC || t->script == S_HEBREW) {
    for (int k = 0; k < 2 && k + 2 < c->nl; k++) {
      if (!prefix_letter(t->script, t->key + (k ? c->key[0] : 0))) return;
      size_t kk = c->key[k];
      t->lx = dl_find(t->key + kk, t->klen - kk);
      if (t->lx) {
        t->pre = (uint8_t)(c->src[k] - t->s);
        t->kpre = (uint8_t)kk;
        return;
      }
    }
  } else if (t->script == S_LATIN && c->elide_src && c->elide_key < t->klen) {
    t->lx = dl_find(t->key + c->elide_key, t->klen - c->elide_key);
    if (t->lx) {
      t->pre = (uint8_t)(c->elide_src - t->s);
      t->kpre = (uint8_t)c->elide_key;
    }
  }
}

static void scan_one(dscan *sc, dtok *t) {
  memset(t, 0, offsetof(dtok, key));
  t->key[0] = 0;
  size_t len;
  uint32_t cp;
  int nl = 0;
  for (;;) {
    cp = peek(sc, sc->pos, &len);
    if (!len) { *t = sc->eof; t->sp = 1; t->nl = 1; return; }
    if (is_space(cp, &nl)) { t->sp = 1; sc->pos += len; continue; }
    if (diwan_is_invisible(cp)) { sc->pos += len; continue; }
    break;
  }
  t->nl = (uint8_t)nl;
  t->s = sc->pos;
  if (diwan_digit_value(cp) >= 0) {
    scan_number(sc, t, cp, len);
  } else if (word_script(diwan_script_of(cp)) != S_NONE) {
    cuts c;
    memset(&c, 0, sizeof c);
    scan_word(sc, t, cp, len, &c);
    t->e = sc->pos;
    if (!sc->nolookup) lookup(t, &c);
    return;
  } else {
    t->kind = T_PUNCT;
    t->cp = cp;
    add_key(t, cp);
    sc->pos += len;
  }
  t->e = sc->pos;
  if (!sc->nolookup && t->kind == T_PUNCT) t->lx = dl_find(t->key, t->klen);
}

const dtok *ds_tok(dscan *sc, long i) {
  if (i < 0 || i >= sc->limit) return &sc->eof;
  while (sc->count <= i) {
    dtok *t = &sc->ring[sc->count % DS_RING];
    scan_one(sc, t);
    if (t->kind == T_EOF) return &sc->eof;
    sc->count++;
  }
  return &sc->ring[i % DS_RING];
}
