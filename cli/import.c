/* diwan import DIR: the folder's documents into docs (sql/schema.sql), one
** transaction; a path already there is replaced, so importing again after
** editing files updates them. */
#include "cli.h"
#include "diwan.h"
#include <string.h>

/* An UPDATE, then an INSERT when no row had the path: an upsert's conflict
** clause would override the OR REPLACE of schema.sql's triggers. */
static const char *const UPDATE_SQL =
  "UPDATE docs SET lang = ?2, title = ?3, body = ?4, bytes = ?5,"
  " modified = ?6, replaced = ?7 WHERE path = ?1";
static const char *const INSERT_SQL =
  "INSERT INTO docs(path, lang, title, body, bytes, modified, replaced)"
  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static long long count_files(const char *dir) {
  diwan_filelist l = {0};
  char err[256];
  if (diwan_list_files(dir, 0, &l, err, sizeof err) != DIWAN_OK) return 0;
  long long n = (long long)l.n;
  diwan_filelist_free(&l);
  return n;
}

static int excluded(const cli_opts *o, const char *path) {
  for (int i = 0; i < o->nexclude; i++)
    if (sqlite3_strglob(o->excludes[i], path) == 0) return 1;
  return 0;
}

static int run_with(sqlite3_stmt *from, sqlite3_stmt *to) {
  for (int c = 0; c < 7; c++)
    sqlite3_bind_value(to, c + 1, sqlite3_column_value(from, c));
  int rc = sqlite3_step(to);
  sqlite3_reset(to);
  return rc == SQLITE_DONE ? 0 : 1;
}

/* Copy one corpus_read row into docs: update its path, or insert it. */
static int copy_row(sqlite3 *db, sqlite3_stmt *from, sqlite3_stmt *upd, sqlite3_stmt *ins) {
  if (run_with(from, upd)) return 1;
  return sqlite3_changes(db) ? 0 : run_with(from, ins);
}

int cmd_import(sqlite3 *db, const cli_opts *o, const char *dir) {
  sqlite3_stmt *rd = NULL, *ins = NULL, *upd = NULL;
  long long n = 0, skipped = 0;
  int rc = 1;
  if (cli_exec_script(db, "schema.sql")) return 1;
  if (sqlite3_prepare_v2(db, "SELECT path, lang, title, body, bytes, modified,"
                         " replaced FROM corpus_read(?1)", -1, &rd, 0) ||
      sqlite3_prepare_v2(db, INSERT_SQL, -1, &ins, 0) ||
      sqlite3_prepare_v2(db, UPDATE_SQL, -1, &upd, 0)) {
    cli_sqlerr(db, "import");
    goto done;
  }
  sqlite3_bind_text(rd, 1, dir, -1, SQLITE_STATIC);
  progress_start("import", count_files(dir), o->quiet);
  sqlite3_exec(db, "BEGIN", 0, 0, 0);
  int st;
  while ((st = sqlite3_step(rd)) == SQLITE_ROW) {
    const char *path = (const char *)sqlite3_column_text(rd, 0);
    if (path && excluded(o, path)) skipped++;
    else if (copy_row(db, rd, upd, ins)) { cli_sqlerr(db, "import"); break; }
    else n++;
    progress_set(n + skipped);
  }
  progress_end();
  if (st != SQLITE_DONE) {
    if (st != SQLITE_ROW) cli_sqlerr(db, "import");
    sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
    goto done;
  }
  if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) {
    cli_sqlerr(db, "import");
    goto done;
  }
  if (o->json)
    printf("{\"imported\":%lld,\"excluded\":%lld,\"db\":", n, skipped);
  if (o->json) { json_str(stdout, o->db); printf("}\n"); }
  else if (!o->quiet)
    printf("imported %lld documents into %s (%lld excluded)\n", n, o->db,
           skipped);
  rc = 0;
done:
  sqlite3_finalize(rd);
  sqlite3_finalize(ins);
  sqlite3_finalize(upd);
  return rc;
}
