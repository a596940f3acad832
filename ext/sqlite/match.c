/* Matching as SQL: ar_normalize, he_normalize, latin_fold, diwan_fold,
** ar_stem, diwan_stem and diwan_match (collation.c: the collation DIWAN). All pure, so
** they work in indexes, generated columns and trusted_schema=0 views. */
#include <stdlib.h>
#include <string.h>
#include "dw.h"
#include "base/alloc.h"

/* Hands a core buffer to SQLite as the TEXT result (it takes ownership). */
static void result_buf(sqlite3_context *ctx, diwan_buf *b, int rc) {
  if (rc || b->oom) {
    diwan_buf_free(b);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!b->p && diwan_buf_reserve(b, 0)) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text64(ctx, b->p, b->n, diwan_free, SQLITE_UTF8);
}

typedef int (*text_fn)(const char *s, size_t n, diwan_buf *out);

static void run_text_fn(sqlite3_context *ctx, sqlite3_value *arg, text_fn fn) {
  size_t n;
  const char *s = dw_arg_text(arg, &n);
  if (!s) return;
  diwan_buf b;
  diwan_buf_init(&b);
  result_buf(ctx, &b, fn(s, n, &b));
}

static int ar_level(sqlite3_context *ctx, sqlite3_value *v, int *level) {
  int t = sqlite3_value_type(v);
  const char *z = (const char *)sqlite3_value_text(v);
  if (t == SQLITE_INTEGER && (sqlite3_value_int64(v) == 0 || sqlite3_value_int64(v) == 1)) {
    *level = (int)sqlite3_value_int64(v);
    return 1;
  }
  if (t == SQLITE_TEXT && z && (strcmp(z, "strict") == 0 || strcmp(z, "loose") == 0)) {
    *level = z[0] == 'l' ? DIWAN_AR_LOOSE : DIWAN_AR_STRICT;
    return 1;
  }
  sqlite3_result_error(ctx, "ar_normalize(): level must be 'strict', 'loose', 0 or 1", -1);
  return 0;
}

static void fn_ar_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int level = DIWAN_AR_STRICT;
  if (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL) return;
  if (argc > 1 && !ar_level(ctx, argv[1], &level)) return;
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  if (!s) return;
  diwan_buf b;
  diwan_buf_init(&b);
  result_buf(ctx, &b, diwan_ar_normalize(s, n, level, &b));
}

static void fn_he_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  run_text_fn(ctx, argv[0], diwan_he_normalize);
}
static void fn_latin_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  run_text_fn(ctx, argv[0], diwan_latin_fold);
}
static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  run_text_fn(ctx, argv[0], diwan_fold);
}

/* The stem functions take a word; given a longer text they stem each word
** and number and join them with single spaces. */
static int stem_words(const char *s, size_t n, diwan_buf *out, text_fn stem,
                      const char *lang) {
  diwan_tokenizer t;
  size_t start, len;
  diwan_token_kind kind;
  diwan_tokenizer_init(&t, s, n);
  while (diwan_tokenizer_next(&t, &start, &len, &kind)) {
    if (kind != DIWAN_TOKEN_WORD && kind != DIWAN_TOKEN_NUMBER) continue;
    size_t before = out->n;
    if (out->n && diwan_buf_append(out, " ", 1)) return DIWAN_NOMEM;
    size_t mark = out->n;
    if (stem ? stem(s + start, len, out) : diwan_stem_lang(s + start, len, lang, out))
      return DIWAN_NOMEM;
    if (out->n == mark) out->n = before;
  }
  return diwan_buf_reserve(out, 0);
}
static int ar_stem_words(const char *s, size_t n, diwan_buf *out) {
  return stem_words(s, n, out, diwan_ar_stem, NULL);
}
static void fn_ar_stem(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  run_text_fn(ctx, argv[0], ar_stem_words);
}
/* diwan_stem(text, lang): the words stemmed in lang (NULL: guessed). */
static void fn_stem(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  const char *lang = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
  if (!s) return;
  diwan_buf b;
  diwan_buf_init(&b);
  result_buf(ctx, &b, stem_words(s, n, &b, NULL, lang));
}

/* A query with no word or number asks nothing: NULL, as for a NULL query
** (so WHERE diwan_match(body, :q) with an empty :q selects no rows). */
static int has_words(const char *q, size_t qn) {
  diwan_tokenizer t;
  size_t start, len;
  diwan_token_kind kind;
  diwan_tokenizer_init(&t, q, qn);
  while (diwan_tokenizer_next(&t, &start, &len, &kind))
    if (kind == DIWAN_TOKEN_WORD || kind == DIWAN_TOKEN_NUMBER) return 1;
  return 0;
}

static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t n, qn;
  const char *s = dw_arg_text(argv[0], &n);
  const char *q = dw_arg_text(argv[1], &qn);
  const char *lang = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : NULL;
  int found;
  if (!s || !q || !has_words(q, qn)) return;
  if (diwan_match_lang(s, n, q, qn, lang, &found)) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_int(ctx, found);
}

/* diwan_query(text): the FTS5 query for what a user typed. */
static void fn_query(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  if (!s) return;
  diwan_buf b;
  diwan_buf_init(&b);
  result_buf(ctx, &b, diwan_fts5_query(s, n, &b));
}

static const dw_func funcs[] = {
  {"ar_normalize", 1, DW_PURE, fn_ar_normalize},
  {"ar_normalize", 2, DW_PURE, fn_ar_normalize},
  {"he_normalize", 1, DW_PURE, fn_he_normalize},
  {"latin_fold", 1, DW_PURE, fn_latin_fold},
  {"diwan_fold", 1, DW_PURE, fn_fold},
  {"ar_stem", 1, DW_PURE, fn_ar_stem},
  {"diwan_stem", 1, DW_PURE, fn_stem},
  {"diwan_stem", 2, DW_PURE, fn_stem},
  {"diwan_match", 2, DW_PURE, fn_match},
  {"diwan_match", 3, DW_PURE, fn_match},
  {"diwan_query", 1, DW_PURE, fn_query},
};

int dw_register_match(sqlite3 *db, char **pzErr) {
  return dw_register_functions(db, funcs, sizeof funcs / sizeof funcs[0], pzErr);
}
