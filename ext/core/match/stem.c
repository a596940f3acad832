/* Stem keys and the set of keys of a word, by the script of its first
** letter: Arabic words get the light stemmer, Hebrew words the final-letter
** key and prefix-stripped candidates, other words their fold key. */
#include <string.h>
#include "fold.h"

static diwan_script word_script(const char *w, size_t n) {
  const unsigned char *u = (const unsigned char *)w;
  /* Fold keys start with a letter nearly always: decide by its lead byte. */
  if (n >= 2 && u[0] >= 0xD8 && u[0] <= 0xDB &&
      diwan_script_of(0x600 + (((u[0] & 3u) << 6) | (u[1] & 0x3Fu))) == DIWAN_SCRIPT_ARABIC)
    return DIWAN_SCRIPT_ARABIC;
  if (n >= 2 && u[0] == 0xD7 && u[1] >= 0x90 && u[1] <= 0xAA) return DIWAN_SCRIPT_HEBREW;
  if (n >= 1 && ((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z')) return DIWAN_SCRIPT_LATIN;
  for (size_t i = 0; i < n;) {
    size_t len;
    diwan_script sc = diwan_script_of(diwan_utf8_decode(u + i, n - i, &len));
    i += len;
    if (sc != DIWAN_SCRIPT_NONE && sc != DIWAN_SCRIPT_MARK && sc != DIWAN_SCRIPT_DIGIT)
      return sc;
  }
  return DIWAN_SCRIPT_NONE;
}

/* The stem key of an already folded word (w, wn: as written). */
static int stem_folded(const char *w, size_t wn, const char *k, size_t n, diwan_buf *out) {
  switch (word_script(k, n)) {
    case DIWAN_SCRIPT_ARABIC: return dw_ar_stem_hamza(k, n, dw_ar_hamza_of(w, wn, k, n), out);
    case DIWAN_SCRIPT_HEBREW: return dw_he_stem_key(k, n, out);
    default: return diwan_buf_append(out, k, n);
  }
}

static int latin_or_cyrillic(diwan_script sc) {
  return sc == DIWAN_SCRIPT_LATIN || sc == DIWAN_SCRIPT_CYRILLIC;
}

/* One stem key: a Latin or Cyrillic word's first key in lang. */
static int stem_one(const char *w, size_t n, dw_lang lang, diwan_buf *out) {
  diwan_buf f;
  size_t ends[24];
  diwan_buf_init(&f);
  int rc = dw_fold_word(w, n, &f);
  if (!rc && latin_or_cyrillic(word_script(f.p, f.n))) {
    size_t at = out->n;
    int k = dw_latin_stems(w, n, lang, out, ends, 24);
    if (k < 0) rc = DIWAN_NOMEM;
    else if (k == 0) out->n = at;
    else {
      /* Snowball gives one key; the Azerbaijani stripper gives the word,
      ** then its readings, the likeliest first. */
      int b = k > 1 ? 1 : 0;
      size_t from = b ? ends[b - 1] : at, len = ends[b] - from;
      memmove(out->p + at, out->p + from, len);
      out->n = at + len;
    }
  } else if (!rc) {
    rc = stem_folded(w, n, f.p, f.n, out);
  }
  diwan_buf_free(&f);
  return rc ? rc : diwan_buf_reserve(out, 0);
}

int diwan_stem(const char *w, size_t n, diwan_buf *out) {
  return stem_one(w, n, DW_LANG_AUTO, out);
}

int diwan_stem_lang(const char *w, size_t n, const char *lang, diwan_buf *out) {
  return stem_one(w, n, lang ? dw_lang_of(lang, strlen(lang)) : DW_LANG_AUTO, out);
}

#define MAXKEYS 48

/* Emits keys without repeats: remembers the spans already given. */
typedef struct emitter {
  diwan_key_cb cb;
  void *ctx;
  const char *seen[MAXKEYS];
  size_t seen_n[MAXKEYS];
  int nseen;
} emitter;

static int emit(void *ctx, const char *k, size_t n) {
  emitter *e = ctx;
  if (n == 0) return 0;
  for (int i = 0; i < e->nseen; i++)
    if (e->seen_n[i] == n && memcmp(e->seen[i], k, n) == 0) return 0;
  if (e->nseen < MAXKEYS) { e->seen[e->nseen] = k; e->seen_n[e->nseen++] = n; }
  return e->cb(e->ctx, k, n);
}

static int emit_cb(void *ctx, const char *k, size_t n) { return emit(ctx, k, n); }

void dw_scratch_init(dw_scratch *sc) {
  diwan_buf_init(&sc->f);
  diwan_buf_init(&sc->s);
}

void dw_scratch_free(dw_scratch *sc) {
  diwan_buf_free(&sc->f);
  diwan_buf_free(&sc->s);
}

/* The Latin or Cyrillic stems of a word, written to s and then emitted:
** a document word's in lang, a query word's in each language it may be. */
static int latin_keys(const char *w, size_t n, dw_keymode mode, dw_lang lang,
                      diwan_buf *s, emitter *e) {
  dw_lang langs[4];
  int nl = 0;
  size_t ends[MAXKEYS];
  int nk = 0;
  if (lang == DW_LANG_NONE) return 0;
  langs[nl++] = lang;
  if (mode == DW_KEYS_QUERY) {
    dw_lang g = dw_guess_lang(w, n);
    if (g != lang) langs[nl++] = g;
    if (lang == DW_LANG_AUTO && g != DW_LANG_RU) {
      if (g != DW_LANG_EN) langs[nl++] = DW_LANG_EN;
      if (g != DW_LANG_FR) langs[nl++] = DW_LANG_FR;
    }
  }
  for (int i = 0; i < nl && nk < MAXKEYS; i++) {
    int k = dw_latin_stems(w, n, langs[i], s, ends + nk, MAXKEYS - nk);
    if (k < 0) return DIWAN_NOMEM;
    nk += k;
  }
  size_t at = 0;
  for (int i = 0; i < nk; i++) {
    int rc = emit(e, s->p + at, ends[i] - at);
    if (rc) return rc;
    at = ends[i];
  }
  return 0;
}

/* Does the word as written hold آ أ or إ anywhere? */
static int writes_hamza(const char *w, size_t n) {
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0; i + 1 < n; i++)
    if (u[i] == 0xD8 && (u[i + 1] == 0xA2 || u[i + 1] == 0xA3 || u[i + 1] == 0xA5)) return 1;
  return 0;
}

/* An Arabic word's search keys: its stem, and the stem after a lone
** preposition (بشكل → شكل). A query word that begins with ال and writes
** no hamza at all may be a name whose hamza was left out (الهام for
** إلهام): it also looks for the word read with إ. Its writer wrote no
** hamza, so this costs no precision a hamza-writing query would expect:
** الأم keeps to الأم, آلام to آلام. All keys are written before any is
** emitted, as the emitter keeps pointers into s. */
static int ar_search_keys(const char *w, size_t wn, const char *f, size_t n,
                          int query, diwan_buf *s, emitter *e) {
  unsigned hamza = dw_ar_hamza_of(w, wn, f, n);
  int rc = dw_ar_stem_hamza(f, n, hamza, s);
  if (rc || s->oom) return DIWAN_NOMEM;
  size_t sl = s->n;
  int crc, has = dw_ar_clitic_key(f, n, hamza, s, &crc);
  if (crc || s->oom) return DIWAN_NOMEM;
  size_t cl = s->n;
  int alt = query && n >= 4 && memcmp(f, "\xD8\xA7\xD9\x84", 4) == 0 && !writes_hamza(w, wn);
  if (alt && (dw_ar_stem_hamza(f, n, 1, s) || s->oom)) return DIWAN_NOMEM;
  rc = emit(e, s->p, sl);
  if (!rc && has) rc = emit(e, s->p + sl, cl - sl);
  if (!rc && alt) rc = emit(e, s->p + cl, s->n - cl);
  return rc;
}

/* Keys of one word: fold key (not for queries), stem keys, Hebrew
** candidates. */
static int word_keys(const char *w, size_t n, dw_keymode mode, dw_lang lang,
                     dw_scratch *sc, diwan_key_cb cb, void *ctx) {
  dw_scratch own;
  emitter e;              /* only nseen needs clearing, not the arrays */
  e.cb = cb;
  e.ctx = ctx;
  e.nseen = 0;
  int rc;
  if (!sc) { dw_scratch_init(&own); sc = &own; }
  diwan_buf *f = &sc->f, *s = &sc->s;
  diwan_buf_reset(f);
  diwan_buf_reset(s);
  rc = dw_fold_word(w, n, f);
  if (!rc && f->oom) rc = DIWAN_NOMEM;
  diwan_script script = rc ? DIWAN_SCRIPT_NONE : word_script(f->p, f->n);
  /* A document's Arabic word folded loses its hamzas: الأم would be الام,
  ** the stem of آلام. Its stem keys (which know where the hamza was) stand
  ** for it then. */
  if (!rc && mode != DW_KEYS_QUERY &&
      !(mode == DW_KEYS_DOC && script == DIWAN_SCRIPT_ARABIC && (dw_ar_hamza_of(w, n, f->p, f->n) & 0xFFu)))
    rc = emit(&e, f->p, f->n);
  if (!rc && latin_or_cyrillic(script) && lang != DW_LANG_NONE) {
    rc = latin_keys(w, n, mode, lang, s, &e);
  } else if (!rc && script == DIWAN_SCRIPT_HEBREW && mode != DW_KEYS_ALL) {
    rc = dw_he_search_keys(f->p, f->n, mode == DW_KEYS_QUERY, s, emit_cb, &e);
  } else if (!rc && script == DIWAN_SCRIPT_HEBREW) {
    /* The phrase scanner's lexicons: final letters and prefixes only. */
    rc = dw_he_unfinal_key(f->p, f->n, s);
    if (!rc && s->oom) rc = DIWAN_NOMEM;
    if (!rc) rc = emit(&e, s->p, s->n);
    if (!rc) rc = dw_he_candidates(s->p, s->n, 0, emit_cb, &e);
  } else if (!rc && script == DIWAN_SCRIPT_ARABIC && mode != DW_KEYS_ALL) {
    rc = ar_search_keys(w, n, f->p, f->n, mode == DW_KEYS_QUERY, s, &e);
  } else if (!rc) {
    rc = stem_folded(w, n, f->p, f->n, s);
    if (!rc && s->oom) rc = DIWAN_NOMEM;
    if (!rc) rc = emit(&e, s->p, s->n);
  }
  if (sc == &own) dw_scratch_free(&own);
  return rc;
}

int diwan_word_keys(const char *w, size_t n, diwan_key_cb cb, void *ctx) {
  return dw_keys(w, n, DW_KEYS_ALL, DW_LANG_NONE, NULL, cb, ctx);
}

/* The byte length of a hyphen or maqaf at w[i] (- U+2010 U+2011 U+05BE),
** else 0. */
static size_t hyphen_at(const unsigned char *u, size_t i, size_t n) {
  if (u[i] == '-') return 1;
  if (u[i] == 0xD6 && i + 1 < n && u[i + 1] == 0xBE) return 2;
  if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0x90 || u[i + 2] == 0x91))
    return 3;
  return 0;
}

/* A compound (Haut-Karabakh, בית־המשפט, أذربيجان-الكويت) is a document
** word under its own keys and under each part's, so a query of the whole
** and a query of one part both find it. Each part has its own emitter:
** the scratch buffers the previous keys lived in are reused. */
/* How many non-empty stretches lie between w's hyphens (one: no compound). */
static int count_parts(const char *w, size_t n) {
  const unsigned char *u = (const unsigned char *)w;
  int parts = 0;
  size_t start = 0;
  for (size_t i = 0; i <= n;) {
    size_t h = i < n ? hyphen_at(u, i, n) : 1;
    if (!h) { i++; continue; }
    parts += i > start;
    i += h;
    start = i;
  }
  return parts;
}

int dw_keys(const char *w, size_t n, dw_keymode mode, dw_lang lang,
            dw_scratch *sc, diwan_key_cb cb, void *ctx) {
  int rc = word_keys(w, n, mode, lang, sc, cb, ctx);
  /* most words hold no hyphen byte at all: memchr says so fast */
  if (rc || mode != DW_KEYS_DOC ||
      (!memchr(w, '-', n) && !memchr(w, 0xBE, n) && !memchr(w, 0x80, n)) ||
      count_parts(w, n) < 2)
    return rc;
  const unsigned char *u = (const unsigned char *)w;
  size_t start = 0;
  for (size_t i = 0; i <= n && !rc;) {
    size_t h = i < n ? hyphen_at(u, i, n) : 1;
    if (!h) { i++; continue; }
    if (i > start) rc = word_keys(w + start, i - start, mode, lang, sc, cb, ctx);
    i += h;
    start = i;
  }
  return rc;
}
