/* diwan timeline: the events in date order (the view timeline, or
** timeline_all with --all), filtered by --pair, --since, --until, --type;
** --html FILE draws the event clusters instead (html.c). */
#include "cli.h"
#include <ctype.h>
#include <string.h>

/* Over columns actor1, actor2, first_day, last_day, type, status. */
const char *timeline_filter(void) {
  return " WHERE (?1 IS NULL OR (actor1 = ?1 AND actor2 = ?2)"
         " OR (actor1 = ?2 AND actor2 = ?1))"
         " AND (?3 IS NULL OR last_day >= ?3)"
         " AND (?4 IS NULL OR first_day <= ?4 || '~')"
         " AND (?5 IS NULL OR type = ?5)"
         " AND (?6 OR status = 'happened')";
}

/* --pair AZ,KW: two ISO 3166 alpha-2 codes, either order. */
int timeline_bind(sqlite3_stmt *st, const cli_opts *o) {
  if (o->pair) {
    const char *p = o->pair;
    char a[3], b[3];
    if (strlen(p) != 5 || p[2] != ',' || !isalpha((unsigned char)p[0]) ||
        !isalpha((unsigned char)p[1]) || !isalpha((unsigned char)p[3]) ||
        !isalpha((unsigned char)p[4])) {
      cli_err("--pair '%s': give two country codes, e.g. --pair AZ,KW", p);
      return 1;
    }
    a[0] = (char)toupper((unsigned char)p[0]); a[1] = (char)toupper((unsigned char)p[1]);
    b[0] = (char)toupper((unsigned char)p[3]); b[1] = (char)toupper((unsigned char)p[4]);
    a[2] = b[2] = 0;
    sqlite3_bind_text(st, 1, a, 2, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, 2, SQLITE_TRANSIENT);
  }
  if (o->since) sqlite3_bind_text(st, 3, o->since, -1, SQLITE_STATIC);
  if (o->until) sqlite3_bind_text(st, 4, o->until, -1, SQLITE_STATIC);
  if (o->type) sqlite3_bind_text(st, 5, o->type, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 6, o->all || o->html);
  return 0;
}

static int has_view(sqlite3 *db, const char *name) {
  sqlite3_stmt *st;
  int yes = 0;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", -1, &st, 0) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    yes = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return yes;
}

static const char *col(sqlite3_stmt *st, int i) {
  return (const char *)sqlite3_column_text(st, i);
}

static void print_row(sqlite3_stmt *st, const cli_opts *o, int n) {
  static const char *const names[] = {"date", "first_day", "last_day", "type",
    "status", "actor1", "actor2", "path", "lang", "text"};
  if (o->json) {
    printf("%s\n{", n ? "," : "");
    for (int i = 0; i < 10; i++) {
      printf("%s\"%s\":", i ? "," : "", names[i]);
      json_str(stdout, col(st, i));
    }
    printf("}");
    return;
  }
  /* date, type, [status,] actor1 actor2, path */
  printf("%-10s  %-24s ", col(st, 0) ? col(st, 0) : "-", col(st, 3));
  if (o->all) printf("%-12s ", col(st, 4));
  printf("%-2s %-2s  %s\n", col(st, 5) ? col(st, 5) : "-",
         col(st, 6) ? col(st, 6) : "-", col(st, 7));
}

int cmd_timeline(sqlite3 *db, const cli_opts *o) {
  if (!has_view(db, "timeline_all")) {
    cli_err("%s has no timeline: run 'diwan import DIR' and 'diwan extract' first", o->db);
    return 1;
  }
  if (o->html) return timeline_html(db, o, o->html);
  char *sql = sqlite3_mprintf("SELECT date, first_day, last_day, type, status,"
                              " actor1, actor2, path, lang, text FROM timeline_all%s",
                              timeline_filter());
  sqlite3_stmt *st = NULL;
  int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, 0) : SQLITE_NOMEM;
  sqlite3_free(sql);
  if (rc) return cli_sqlerr(db, "timeline");
  if (timeline_bind(st, o)) { sqlite3_finalize(st); return 1; }
  int n = 0;
  if (o->json) printf("[");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) print_row(st, o, n++);
  if (o->json) printf("%s]\n", n ? "\n" : "");
  if (rc != SQLITE_DONE) cli_sqlerr(db, "timeline");
  sqlite3_finalize(st);
  return rc != SQLITE_DONE;
}
