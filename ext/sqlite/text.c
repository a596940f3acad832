/* diwan_lang(text), token_each(text), sentence_each(text): the text as
** units with 1-based character offsets, so substr(text, start, length)
** gives each unit back. Both table-valued functions stream: a 100 MB text
** costs no more memory than its copy. */
#include "dw.h"
#include "user_lexicon.h"

static void fn_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  if (!s) return;
  sqlite3_result_text(ctx, diwan_lang_detect(s, n), -1, SQLITE_STATIC);
}

/* ---- token_each and sentence_each: one streaming walk, two iterators */

typedef struct span_state {
  const char *s;
  int sentences;            /* which iterator this scan uses */
  diwan_tokenizer tok;
  diwan_sentencer sent;
  dw_charpos cp;
  sqlite3_int64 idx;
  diwan_buf clean;           /* a unit with invalid UTF-8, replaced */
} span_state;

static int span_start(span_state *st, sqlite3_value *arg, int sentences) {
  size_t n;
  st->s = dw_arg_text(arg, &n);
  if (!st->s) n = 0;
  st->sentences = sentences;
  diwan_tokenizer_init(&st->tok, st->s, n);
  diwan_sentencer_init(&st->sent, st->s, n);
  dw_charpos_init(&st->cp, st->s, n);
  return SQLITE_OK;
}

static int tok_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  return span_start(p, args[0], 0);
}

static int sent_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  return span_start(p, args[0], 1);
}

/* Columns idx, start, length, unit [, kind]. */
static int span_next(void *p, dw_val *row, char **pzErr) {
  span_state *st = p;
  size_t us, ul;
  diwan_token_kind k = DIWAN_TOKEN_WORD;
  int more = st->sentences ? diwan_sentencer_next(&st->sent, &us, &ul)
                           : diwan_tokenizer_next(&st->tok, &us, &ul, &k);
  if (!more) return 0;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, us);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, us + ul);
  dw_int(&row[0], ++st->idx);
  dw_int(&row[1], a + 1);
  dw_int(&row[2], b - a);
  if (dw_clean_text(&row[3], st->s + us, ul, &st->clean)) return -SQLITE_NOMEM;
  if (!st->sentences) dw_text(&row[4], diwan_token_kind_name(k), -1);
  return 1;
}

static void span_finish(void *p) {
  diwan_buf_free(&((span_state *)p)->clean);
}

static const dw_tvf token_each = {
  .name = "token_each",
  .columns = "idx INTEGER, start INTEGER, length INTEGER, token TEXT, kind TEXT",
  .args = {"input"},
  .nRequired = 1,
  .stateSize = sizeof(span_state),
  .start = tok_start,
  .next = span_next,
  .finish = span_finish,
};

static const dw_tvf sentence_each = {
  .name = "sentence_each",
  .columns = "idx INTEGER, start INTEGER, length INTEGER, sentence TEXT",
  .args = {"input"},
  .nRequired = 1,
  .stateSize = sizeof(span_state),
  .start = sent_start,
  .next = span_next,
  .finish = span_finish,
};

static const dw_func funcs[] = {
  {"diwan_lang", 1, DW_PURE, fn_lang},
};

int dw_register_text(sqlite3 *db, char **pzErr) {
  int rc = dw_register_functions(db, funcs, sizeof funcs / sizeof funcs[0], pzErr);
  if (rc == SQLITE_OK) rc = dw_register_tvf(db, &token_each, pzErr);
  if (rc == SQLITE_OK) rc = dw_register_tvf(db, &sentence_each, pzErr);
  return rc;
}
