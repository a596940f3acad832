/* diwan extract: sql/extract.sql on the database (dates, entities, events,
** the search index, the timeline views), with progress.
**
** extract.sql reads its documents as "FROM docs AS d"; a TEMP view named
** docs shadows main.docs for those unqualified names (temp is searched
** first) and calls cli_tick() once per document read, which moves the bar.
** Views and the FTS5 index created in main still name main.docs (objects of
** a schema resolve in that schema), so nothing else changes. */
#include "cli.h"

static long long ticks;

static void tick_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  progress_set(++ticks);
  sqlite3_result_int(ctx, 1);
}

static long long count_docs(sqlite3 *db) {
  sqlite3_stmt *st;
  long long n = 0;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM main.docs", -1, &st, 0) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

static int scan_count(sqlite3 *db) {
  /* How many times extract.sql reads docs: one scan per derived table. */
  const char *sql = cli_file("extract.sql", NULL);
  int n = 0;
  for (const char *p = sql; p && *p; p++)
    if (sqlite3_strnicmp(p, "FROM docs AS d", 14) == 0) n++;
  return n ? n : 1;
}

int cmd_extract(sqlite3 *db, const cli_opts *o) {
  if (cli_exec_script(db, "schema.sql")) return 1;
  long long ndocs = count_docs(db);
  if (sqlite3_create_function(db, "cli_tick", 0, SQLITE_UTF8, 0, tick_fn, 0, 0) ||
      sqlite3_exec(db, "CREATE TEMP VIEW docs AS"
                   " SELECT * FROM main.docs WHERE cli_tick()", 0, 0, 0))
    return cli_sqlerr(db, "extract");
  ticks = 0;
  progress_start("extract", ndocs * scan_count(db), o->quiet);
  int rc = cli_exec_script(db, "extract.sql");
  progress_end();
  sqlite3_exec(db, "DROP VIEW temp.docs", 0, 0, 0);
  if (rc) return 1;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM doc_dates),"
                         " (SELECT count(*) FROM doc_entities),"
                         " (SELECT count(*) FROM doc_events)", -1, &st, 0))
    return cli_sqlerr(db, "extract");
  if (sqlite3_step(st) == SQLITE_ROW) {
    long long d = sqlite3_column_int64(st, 0), e = sqlite3_column_int64(st, 1),
              v = sqlite3_column_int64(st, 2);
    if (o->json)
      printf("{\"docs\":%lld,\"dates\":%lld,\"entities\":%lld,\"events\":%lld}\n",
             ndocs, d, e, v);
    else if (!o->quiet)
      printf("extracted from %lld documents: %lld dates, %lld entities, %lld events\n",
             ndocs, d, e, v);
  }
  sqlite3_finalize(st);
  return 0;
}
