/* date_each(text [, anchor [, lang]]): every date mention of a text, one
** row each, with 1-based character offsets, EDTF value, first and last day,
** precision, calendar, modifier and language. Month names of the table
** diwan_months, when the database has one, count too. */
#include <string.h>
#include "date_anchor.h"
#include "user_lexicon.h"

typedef struct de_state {
  const char *s;
  size_t n;
  dw_vec rows;               /* diwan_date */
  size_t next;
  diwan_months *user;       /* rows of the table diwan_months, or NULL */
  dw_charpos cp;
  diwan_buf clean;           /* a surface with invalid UTF-8, replaced */
} de_state;

static int collect(void *ctx, const diwan_date *d) {
  return dw_vec_push(&((de_state *)ctx)->rows, d, sizeof *d);
}

static int de_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  de_state *st = p;
  diwan_ymd anchor;
  int has;
  int rc = dw_date_anchor("date_each", args[1], &anchor, &has, pzErr);
  if (rc != SQLITE_OK) return rc;
  st->s = dw_arg_text(args[0], &st->n);
  if (!st->s) return SQLITE_OK;
  int prefer;
  rc = dw_date_prefer("date_each", args[3], &prefer, pzErr);
  if (rc != SQLITE_OK) return rc;
  const char *lang;
  rc = dw_date_lang("date_each", args[2], &lang, pzErr);
  if (rc != SQLITE_OK) return rc;
  rc = dw_user_months(db, "date_each", &st->user, pzErr);
  if (rc != SQLITE_OK) return rc;
  dw_charpos_init(&st->cp, st->s, st->n);
  diwan_date_opts o = {st->user, has ? &anchor : NULL, lang, prefer};
  rc = diwan_dates_opts(&o, st->s, st->n, collect, st);
  if (rc == DIWAN_NOMEM) return SQLITE_NOMEM;
  return SQLITE_OK;
}

static void text_or_null(dw_val *v, const char *z) {
  if (z && z[0]) dw_text(v, z, -1);
  else dw_null(v);
}

static int de_next(void *p, dw_val *row, char **pzErr) {
  de_state *st = p;
  if (st->next >= st->rows.n) return 0;
  const diwan_date *d = (const diwan_date *)st->rows.p + st->next++;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, d->start);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, d->start + d->len);
  dw_int(&row[0], a + 1);
  dw_int(&row[1], b - a);
  if (dw_clean_text(&row[2], st->s + d->start, d->len, &st->clean)) return -SQLITE_NOMEM;
  dw_text(&row[3], d->value, -1);
  text_or_null(&row[4], d->first_day);
  text_or_null(&row[5], d->last_day);
  text_or_null(&row[6], d->precision);
  text_or_null(&row[7], d->calendar);
  text_or_null(&row[8], d->modifier);
  text_or_null(&row[9], d->lang);
  dw_text(&row[10], d->relative ? "relative" : "absolute", -1);
  return 1;
}

static void de_finish(void *p) {
  de_state *st = p;
  dw_vec_free(&st->rows);
  dw_user_release(st->user);
  st->user = NULL;
  diwan_buf_free(&st->clean);
}

static const dw_tvf date_each = {
  .name = "date_each",
  .columns = "start INTEGER, length INTEGER, surface TEXT, value TEXT, "
             "first_day TEXT, last_day TEXT, precision TEXT, calendar TEXT, "
             "modifier TEXT, lang TEXT, kind TEXT",
  .args = {"input", "anchor", "text_lang", "prefer"},  /* "lang" is an output column */
  .nRequired = 1,
  .stateSize = sizeof(de_state),
  .start = de_start,
  .next = de_next,
  .finish = de_finish,
};

int dw_register_date_each(sqlite3 *db, char **pzErr) {
  return dw_register_tvf(db, &date_each, pzErr);
}
