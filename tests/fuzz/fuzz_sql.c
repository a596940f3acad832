/* SQL level, through a real connection with the extension registered (its
** sources are compiled into the harness, so coverage reaches them): the
** input's first byte picks a statement, the second the types of its
** arguments (text, blob, integer, NULL), the rest is split at NUL bytes
** into up to four arguments. Every statement must run to its end or fail
** with a clean error (never SQLITE_NOMEM, MISUSE, INTERNAL or CORRUPT), and
** every text the extension returns must be valid UTF-8. The user tables
** exist (small), so their code runs too. */
#include <sqlite3.h>
#include "fuzz.h"

int sqlite3_diwan_init(sqlite3 *db, char **pzErrMsg, const void *pApi);

static const char *const queries[] = {
  "select kind, token from token_each(?1)",
  "select sentence from sentence_each(?1)",
  "select surface, value, first_day, last_day, precision, calendar, modifier, lang "
  "from date_each(?1, ?2, ?3, ?4)",
  "select date_parse(?1), date_parse(?1, ?2), date_parse(?1, ?2, ?3)",
  "select surface, kind, id, name, country from entity_each(?1)",
  "select trigger, type, value, actor1, actor2, persons, place, status, mentions, text "
  "from event_each(?1, ?2, ?3)",
  "select what, surface, value, id, type, actor1, actor2, text from diwan_extract(?1, ?2)",
  "select diwan_fold(?1), ar_normalize(?1), ar_normalize(?1, ?2), he_normalize(?1), "
  "latin_fold(?1), diwan_lang(?1)",
  "select diwan_stem(?1), diwan_stem(?1, ?2), ar_stem(?1), diwan_match(?1, ?2), "
  "diwan_match(?1, ?2, ?3), diwan_query(?1)",
  "select ?1 < ?2 collate diwan, ?1 = ?2 collate diwan",
};
#define NQ (sizeof queries / sizeof queries[0])

static sqlite3 *db;
static sqlite3_stmt *stmts[NQ];

static void setup(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_diwan_init);
  CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db,
    "create table diwan_gazetteer(id, kind, name, country, lang, surface);"
    "insert into diwan_gazetteer values ('city:xanadu', 'city', 'Xanadu', 'CN', 'en', 'Xanadu');"
    "create table diwan_triggers(lang, type, cameo, surface, argument, rank);"
    "insert into diwan_triggers values ('en', 'visit', '042', 'toured', '', 1);"
    "create table diwan_months(form, month, calendar, lang, flags);"
    "insert into diwan_months values ('juill', 7, 'g', 'fr', NULL);",
    NULL, NULL, NULL) == SQLITE_OK);
  for (size_t i = 0; i < NQ; i++)
    CHECK(sqlite3_prepare_v2(db, queries[i], -1, &stmts[i], NULL) == SQLITE_OK);
}

static void bind(sqlite3_stmt *st, int i, unsigned type, const char *p, size_t n) {
  switch (type & 3) {
    case 0: sqlite3_bind_text(st, i, p, (int)n, SQLITE_TRANSIENT); break;
    case 1: sqlite3_bind_blob(st, i, p, (int)n, SQLITE_TRANSIENT); break;
    case 2: sqlite3_bind_int64(st, i, n ? (sqlite3_int64)(signed char)p[0] * 1000 + (sqlite3_int64)n : 0); break;
    default: sqlite3_bind_null(st, i);
  }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (!db) setup();
  if (size < 2) return 0;
  sqlite3_stmt *st = stmts[data[0] % NQ];
  unsigned types = data[1];
  const char *p = (const char *)data + 2, *end = (const char *)data + size;
  int nparam = sqlite3_bind_parameter_count(st);
  for (int i = 1; i <= nparam; i++) {
    const char *q = p;
    while (q < end && *q) q++;
    bind(st, i, types >> (2 * (i - 1)), p, (size_t)(q - p));
    p = q < end ? q + 1 : end;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); c++) {
      if (sqlite3_column_type(st, c) != SQLITE_TEXT) continue;
      const char *z = (const char *)sqlite3_column_text(st, c);
      size_t zn = (size_t)sqlite3_column_bytes(st, c);
      CHECK(z && diwan_utf8_check(z, zn) == zn);
    }
  }
  if (rc != SQLITE_DONE) {
    int e = sqlite3_extended_errcode(db) & 0xff;
    if (!(e == SQLITE_ERROR || e == SQLITE_TOOBIG || e == SQLITE_RANGE))
      fprintf(stderr, "rc %d: %s\n", sqlite3_extended_errcode(db), sqlite3_errmsg(db));
    CHECK(e == SQLITE_ERROR || e == SQLITE_TOOBIG || e == SQLITE_RANGE);
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return 0;
}
