/* diwan search QUERY: full-text search (FTS5, tokenizer diwan) over the
** index extract built; the words found are highlighted: bold on a terminal,
** [brackets] in a pipe, <mark> in --json. */
#include "cli.h"
#include <unistd.h>

static const char *const SEARCH_SQL =
  "SELECT d.path, d.lang, d.title,"
  " snippet(docs_fts, 1, ?2, ?3, '…', 16)"
  " FROM docs_fts JOIN main.docs AS d ON d.id = docs_fts.rowid"
  " WHERE docs_fts MATCH ?1 ORDER BY rank LIMIT ?4";

static int has_index(sqlite3 *db) {
  sqlite3_stmt *st;
  int yes = 0;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE name = 'docs_fts'",
                         -1, &st, 0) == SQLITE_OK)
    yes = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return yes;
}

int cmd_search(sqlite3 *db, const cli_opts *o, const char *query) {
  if (!has_index(db)) {
    cli_err("%s has no search index: run 'diwan import DIR' and 'diwan extract' first", o->db);
    return 1;
  }
  const char *open = "[", *close = "]";
  if (o->json) { open = "<mark>"; close = "</mark>"; }
  else if (isatty(1)) { open = "\033[1;31m"; close = "\033[0m"; }
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, SEARCH_SQL, -1, &st, 0)) return cli_sqlerr(db, "search");
  sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, open, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, close, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 4, o->limit > 0 ? o->limit : 20);
  int n = 0, rc;
  if (o->json) printf("[");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *path = (const char *)sqlite3_column_text(st, 0);
    const char *lang = (const char *)sqlite3_column_text(st, 1);
    const char *title = (const char *)sqlite3_column_text(st, 2);
    const char *snip = (const char *)sqlite3_column_text(st, 3);
    if (o->json) {
      printf("%s\n{\"path\":", n ? "," : "");
      json_str(stdout, path);
      printf(",\"lang\":"); json_str(stdout, lang);
      printf(",\"title\":"); json_str(stdout, title);
      printf(",\"snippet\":"); json_str(stdout, snip);
      printf("}");
    } else {
      printf("%s (%s) %s\n  %s\n", path, lang, title ? title : "", snip ? snip : "");
    }
    n++;
  }
  if (o->json) printf("%s]\n", n ? "\n" : "");
  int err = rc != SQLITE_DONE;
  if (err) {
    cli_err("search '%s': %s (FTS5 query syntax: words, \"phrases\", prefix*, AND, OR, NOT, NEAR())",
            query, sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return err;
}
