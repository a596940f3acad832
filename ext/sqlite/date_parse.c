/* date_parse(text [, anchor]): the EDTF value of the first date mention of
** a text, or NULL. Month names of the table diwan_months, when the
** database has one, count too. */
#include <string.h>
#include "date_anchor.h"
#include "user_lexicon.h"

/* The callback's stop value, distinct from the DIWAN_* codes. */
#define FOUND 100

typedef struct first_date {
  char value[64];
  int found;
} first_date;

static int take_first(void *ctx, const diwan_date *d) {
  first_date *f = ctx;
  if (d->relative && !d->first_day[0]) return 0;   /* no anchor: says nothing */
  memcpy(f->value, d->value, sizeof f->value);
  f->found = 1;
  return FOUND;                   /* stop: only the first is wanted */
}

static void fn_date_parse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  diwan_ymd anchor;
  int has;
  char *zErr = NULL;
  if (dw_date_anchor("date_parse", argc > 1 ? argv[1] : NULL, &anchor, &has, &zErr)) {
    sqlite3_result_error(ctx, zErr ? zErr : "date_parse(): bad anchor", -1);
    sqlite3_free(zErr);
    return;
  }
  int prefer;
  if (dw_date_prefer("date_parse", argc > 2 ? argv[2] : NULL, &prefer, &zErr)) {
    sqlite3_result_error(ctx, zErr ? zErr : "date_parse(): bad prefer", -1);
    sqlite3_free(zErr);
    return;
  }
  size_t n;
  const char *s = dw_arg_text(argv[0], &n);
  if (!s) return;
  diwan_months *user = NULL;
  int rc = dw_user_months(sqlite3_context_db_handle(ctx), "date_parse", &user, &zErr);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error(ctx, zErr ? zErr : "date_parse(): cannot read diwan_months", -1);
    sqlite3_free(zErr);
    return;
  }
  first_date f = {{0}, 0};
  diwan_date_opts o = {user, has ? &anchor : NULL, NULL, prefer};
  rc = diwan_dates_opts(&o, s, n, take_first, &f);
  dw_user_release(user);
  if (rc == DIWAN_NOMEM) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (f.found) sqlite3_result_text(ctx, f.value, -1, SQLITE_TRANSIENT);
}

static const dw_func funcs[] = {
  {"date_parse", 1, DW_PURE, fn_date_parse},
  {"date_parse", 2, DW_PURE, fn_date_parse},
  {"date_parse", 3, DW_PURE, fn_date_parse},
};

int dw_register_date_parse(sqlite3 *db, char **pzErr) {
  return dw_register_functions(db, funcs, sizeof funcs / sizeof funcs[0], pzErr);
}
