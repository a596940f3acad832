/* The FTS5 tokenizer "diwan": the core word tokenizer, each word indexed
** under its fold key with its stem key (and Hebrew prefix candidates) at
** the same position as FTS5_TOKEN_COLOCATED. Queries use the stem key (and
** candidates, as alternatives), so بالكويت finds الكويت and לקזחסטן finds
** קזחסטן; a prefix query uses the fold key and the stem key. Offsets are
** byte offsets of the original word, so highlight() and snippet() mark the
** words as written.
** Latin and Cyrillic words are stemmed by Snowball (English, French,
** Russian) or the Azerbaijani stripper in the document's language:
** the lang option, else what the letters of each value say (dw_text_lang);
** a query word looks in that language, its letters' language, English and
** French.
**   tokenize = 'diwan'            fold keys + stems
**   tokenize = 'diwan lang fr'    French documents (en, fr, ru, az; auto)
**   tokenize = 'diwan stem 0'     fold keys only (exact folded matching)
** The v1 API is registered: it exists in every SQLite with FTS5. */
#include <string.h>
#include <stdlib.h>
#include "dw.h"
#include "fts5_v1.h"
#include "match/fold.h"

/* FTS5 keeps at most this many bytes of a token; longer keys are cut at a
** character boundary so they stay valid UTF-8. */
#define MAX_KEY 32768

typedef struct dw_fts5 { int stem; dw_lang lang; } dw_fts5;

/* The lang option: one of diwan's languages or auto. */
static int parse_lang(const char *z, dw_lang *out) {
  static const char *ok[] = {"auto", "en", "fr", "ru", "az", "ar", "he"};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if (strcmp(z, ok[i]) == 0) { *out = dw_lang_of(z, strlen(z)); return 1; }
  return 0;
}

static int parse_bool(const char *z, int *out) {
  if (strcmp(z, "0") == 0) { *out = 0; return 1; }
  if (strcmp(z, "1") == 0) { *out = 1; return 1; }
  return 0;
}

/* FTS5 gives a tokenizer no error message of its own (the user sees only
** "error in tokenizer constructor"), so the reason is kept for this thread
** and shown by diwan_debug(), and sent to sqlite3_log(). */
static _Thread_local char tok_error[256];

const char *dw_fts5_last_error(void) { return tok_error; }

#define TOK_OPTIONS "valid options: stem 0|1, lang auto|en|fr|ru|az|ar|he"

static int tok_fail(const char *what, const char *opt, const char *val) {
  if (val)
    sqlite3_snprintf(sizeof tok_error, tok_error, "tokenize='diwan': %s '%s' for option '%s' (%s)",
             what, val, opt, TOK_OPTIONS);
  else
    sqlite3_snprintf(sizeof tok_error, tok_error, "tokenize='diwan': %s '%s' (%s)", what, opt,
             TOK_OPTIONS);
  sqlite3_log(SQLITE_ERROR, "%s", tok_error);
  return SQLITE_ERROR;
}

static int tok_create(void *ctx, const char **azArg, int nArg, Fts5Tokenizer **ppOut) {
  dw_fts5 *t = sqlite3_malloc(sizeof *t);
  if (!t) return SQLITE_NOMEM;
  t->stem = 1;
  t->lang = DW_LANG_AUTO;
  for (int i = 0; i < nArg; i += 2) {
    /* Unknown options and bad values fail the CREATE VIRTUAL TABLE. */
    const char *opt = azArg[i], *val = i + 1 < nArg ? azArg[i + 1] : NULL;
    int known = strcmp(opt, "stem") == 0 || strcmp(opt, "lang") == 0;
    int ok = val && (opt[0] == 's' ? parse_bool(val, &t->stem) : parse_lang(val, &t->lang));
    if (known && ok) continue;
    sqlite3_free(t);
    if (!known) return tok_fail("unknown option", opt, NULL);
    if (!val) return tok_fail("no value for option", opt, NULL);
    return tok_fail("bad value", opt, val);
  }
  *ppOut = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p) { sqlite3_free(p); }

typedef struct emit_ctx {
  void *pCtx;
  int (*xToken)(void *, int, const char *, int, int, int);
  int start, end, count;
  int xrc;                  /* what xToken returned when it stopped the walk */
} emit_ctx;

static size_t cut(const char *k, size_t n) {
  if (n <= MAX_KEY) return n;
  n = MAX_KEY;
  while (n > 0 && ((unsigned char)k[n] & 0xC0) == 0x80) n--;
  return n;
}

static int emit_key(void *ctx, const char *k, size_t n) {
  emit_ctx *e = ctx;
  int flags = e->count++ ? FTS5_TOKEN_COLOCATED : 0;
  int rc = e->xToken(e->pCtx, flags, k, (int)cut(k, n), e->start, e->end);
  /* Non-zero stops the key walk; the SQLite code is passed back up. */
  e->xrc = rc;
  return rc;
}

static int fold_only(const char *w, size_t n, diwan_buf *b, emit_ctx *e) {
  diwan_buf_reset(b);
  int rc = dw_fold_word(w, n, b) ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK && b->n) rc = emit_key(e, b->p, b->n);
  return rc;
}

/* A prefix query: the fold key (كويت* → كويتية…) and the stem key. */
static int prefix_keys(const char *w, size_t n, dw_scratch *sc, emit_ctx *e) {
  diwan_buf *f = &sc->f, *s = &sc->s;
  diwan_buf_reset(f);
  diwan_buf_reset(s);
  int rc = dw_fold_word(w, n, f) || diwan_stem(w, n, s) ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK && f->n) rc = emit_key(e, f->p, f->n);
  if (rc == SQLITE_OK && s->n && !(s->n == f->n && memcmp(s->p, f->p, f->n) == 0))
    rc = emit_key(e, s->p, s->n);
  return rc;
}

/* Only Latin words need the document's language (Cyrillic is Russian,
** Arabic and Hebrew have their own stemmers): it is read at the first one
** from the letters of the text's opening (diwan_lang_detect, which also
** weighs frequent words, would cost as much as the tokenizing itself). */
static int latin_lead(unsigned char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0xC3 && c <= 0xC9);
}

static int tok_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText,
                        int nText,
                        int (*xToken)(void *, int, const char *, int, int, int)) {
  dw_fts5 *t = (dw_fts5 *)p;
  diwan_tokenizer tk;
  size_t start, len;
  diwan_token_kind kind;
  int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  int rc = SQLITE_OK;
  dw_scratch sc;
  if (!pText || nText <= 0) return SQLITE_OK;
  dw_lang lang = t->lang;
  int detect = lang == DW_LANG_AUTO && !query;
  dw_scratch_init(&sc);
  diwan_tokenizer_init(&tk, pText, (size_t)nText);
  while (diwan_tokenizer_next(&tk, &start, &len, &kind)) {
    if (kind != DIWAN_TOKEN_WORD && kind != DIWAN_TOKEN_NUMBER) continue;
    emit_ctx e = {pCtx, xToken, (int)start, (int)(start + len), 0, 0};
    const char *w = pText + start;
    if (detect && latin_lead((unsigned char)w[0])) {
      lang = dw_text_lang(pText, (size_t)nText);
      detect = 0;
    }
    if (!t->stem) rc = fold_only(w, len, &sc.f, &e);
    else if (query && (flags & FTS5_TOKENIZE_PREFIX)) rc = prefix_keys(w, len, &sc, &e);
    else if (query) rc = dw_keys(w, len, DW_KEYS_QUERY, lang, &sc, emit_key, &e);
    else rc = dw_keys_memo(DW_MEMO_FTS, w, len, DW_KEYS_DOC, lang, &sc, emit_key, &e);
    /* What xToken returned goes back unchanged; any other stop is the
    ** core out of memory (DIWAN_NOMEM is not an SQLite code). */
    if (rc) { rc = e.xrc ? e.xrc : SQLITE_NOMEM; break; }
  }
  dw_scratch_free(&sc);
  return rc;
}

static fts5_api *get_api(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *st = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, 0) != SQLITE_OK) return 0;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", 0);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

int dw_register_fts5(sqlite3 *db, char **pzErr) {
  static fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
  fts5_api *api = get_api(db);
  if (!api) return SQLITE_OK;   /* an SQLite built without FTS5: nothing to add */
  int rc = api->xCreateTokenizer(api, "diwan", 0, &tok, 0);
  if (rc != SQLITE_OK)
    *pzErr = sqlite3_mprintf("diwan: cannot register the fts5 tokenizer 'diwan': %s",
                             sqlite3_errstr(rc));
  return rc;
}
