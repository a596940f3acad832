/* diwan_lang(text), token_each(text), sentence_each(text): the text as
** units with 1-based character offsets, so substr(text, start, length)
** gives each unit back. Both table-valued functions stream: a 100 MB text
** costs no more memory than its copy. */
#include "dw.h"

static void fn_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  if (!s) return;
  sqlite3_result_text(ctx, diwan_lang_detect(s, n), -1, SQLITE_STATIC);
}

/* ---- token_each */

typedef struct tok_state {
  const char *s;
  diwan_tokenizer t;
  dw_charpos cp;
  sqlite3_int64 idx;
} tok_state;

static int tok_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  tok_state *st = p;
  size_t n;
  st->s = dw_arg_text(args[0], &n);
  diwan_tokenizer_init(&st->t, st->s, st->s ? n : 0);
  dw_charpos_init(&st->cp, st->s, st->s ? n : 0);
  return SQLITE_OK;
}

static int tok_next(void *p, dw_val *row, char **pzErr) {
  tok_state *st = p;
  size_t ts, tl;
  diwan_token_kind k;
  if (!diwan_tokenizer_next(&st->t, &ts, &tl, &k)) return 0;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, ts);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, ts + tl);
  dw_int(&row[0], ++st->idx);
  dw_int(&row[1], a + 1);
  dw_int(&row[2], b - a);
  dw_text(&row[3], st->s + ts, (sqlite3_int64)tl);
  dw_text(&row[4], diwan_token_kind_name(k), -1);
  return 1;
}

static const dw_tvf token_each = {
  .name = "token_each",
  .columns = "idx INTEGER, start INTEGER, length INTEGER, token TEXT, kind TEXT",
  .args = {"input"},
  .nRequired = 1,
  .stateSize = sizeof(tok_state),
  .start = tok_start,
  .next = tok_next,
};

/* ---- sentence_each */

typedef struct sent_state {
  const char *s;
  diwan_sentencer t;
  dw_charpos cp;
  sqlite3_int64 idx;
} sent_state;

static int sent_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  sent_state *st = p;
  size_t n;
  st->s = dw_arg_text(args[0], &n);
  diwan_sentencer_init(&st->t, st->s, st->s ? n : 0);
  dw_charpos_init(&st->cp, st->s, st->s ? n : 0);
  return SQLITE_OK;
}

static int sent_next(void *p, dw_val *row, char **pzErr) {
  sent_state *st = p;
  size_t ss, sl;
  if (!diwan_sentencer_next(&st->t, &ss, &sl)) return 0;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, ss);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, ss + sl);
  dw_int(&row[0], ++st->idx);
  dw_int(&row[1], a + 1);
  dw_int(&row[2], b - a);
  dw_text(&row[3], st->s + ss, (sqlite3_int64)sl);
  return 1;
}

static const dw_tvf sentence_each = {
  .name = "sentence_each",
  .columns = "idx INTEGER, start INTEGER, length INTEGER, sentence TEXT",
  .args = {"input"},
  .nRequired = 1,
  .stateSize = sizeof(sent_state),
  .start = sent_start,
  .next = sent_next,
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
