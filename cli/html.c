/* diwan timeline --html FILE: one self-contained page (timeline.html, with
** the clusters as JSON in it) that draws the event clusters on a time axis,
** one lane per country pair. A cluster is what event_clusters_all counts:
** the events of one type, pair, status and canonical date; its evidence is
** every sentence that reports it, with the document's language. */
#include "cli.h"
#include <string.h>

static const char *const CLUSTER_SQL =
  "WITH ev AS (SELECT c.type, c.a1 AS actor1, c.a2 AS actor2, c.status,"
  "  c.c_first AS first_day, c.c_last AS last_day, c.value, d.lang, d.path,"
  "  e.text, e.trigger, c.event_id"
  "  FROM event_canonical AS c JOIN doc_events AS e ON e.event_id = c.event_id"
  "  JOIN main.docs AS d ON d.id = c.doc_id)"
  " SELECT actor1, actor2, first_day, last_day, type, status, value, lang,"
  " path, text, trigger FROM ev%s"
  " ORDER BY actor1, actor2, first_day, last_day, type, status, event_id";

static int same_cluster(sqlite3_stmt *st, char key[6][64]) {
  for (int i = 0; i < 6; i++) {
    const char *v = (const char *)sqlite3_column_text(st, i);
    if (!v || strncmp(v, key[i], 63) != 0) return 0;
  }
  return 1;
}

static void set_key(sqlite3_stmt *st, char key[6][64]) {
  for (int i = 0; i < 6; i++) {
    const char *v = (const char *)sqlite3_column_text(st, i);
    snprintf(key[i], 64, "%s", v ? v : "");
  }
}

static void json_field(FILE *f, const char *name, const char *v, int first) {
  fprintf(f, "%s\"%s\":", first ? "" : ",", name);
  json_str(f, v);
}

/* The clusters as a JSON array, written to f; returns how many. */
static int write_clusters(sqlite3_stmt *st, FILE *f, int *err) {
  char key[6][64] = {{0}};
  int n = 0, rc;
  fputc('[', f);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    #define C(i) ((const char *)sqlite3_column_text(st, i))
    if (n == 0 || !same_cluster(st, key)) {
      if (n) fputs("]},\n", f);
      set_key(st, key);
      fputc('{', f);
      json_field(f, "a1", C(0), 1); json_field(f, "a2", C(1), 0);
      json_field(f, "first", C(2), 0); json_field(f, "last", C(3), 0);
      json_field(f, "type", C(4), 0); json_field(f, "status", C(5), 0);
      json_field(f, "date", C(6), 0);
      fputs(",\"ev\":[", f);
      n++;
    } else {
      fputc(',', f);
    }
    fputc('{', f);
    json_field(f, "lang", C(7), 1); json_field(f, "path", C(8), 0);
    json_field(f, "text", C(9), 0); json_field(f, "trigger", C(10), 0);
    fputc('}', f);
    #undef C
  }
  if (n) fputs("]}", f);
  fputs("]", f);
  *err = rc != SQLITE_DONE;
  return n;
}

int timeline_html(sqlite3 *db, const cli_opts *o, const char *path) {
  size_t len;
  const char *page = cli_file("timeline.html", &len);
  const char *mark = page ? strstr(page, "/*DATA*/null") : NULL;
  if (!mark) { cli_err("timeline.html template missing its /*DATA*/ mark"); return 1; }
  char *sql = sqlite3_mprintf(CLUSTER_SQL, timeline_filter());
  sqlite3_stmt *st = NULL;
  int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, 0) : SQLITE_NOMEM;
  sqlite3_free(sql);
  if (rc) return cli_sqlerr(db, "timeline --html");
  if (timeline_bind(st, o)) { sqlite3_finalize(st); return 1; }
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
  if (!f) { sqlite3_finalize(st); cli_err("cannot write %s", path); return 1; }
  fwrite(page, 1, (size_t)(mark - page), f);
  int err = 0, n = write_clusters(st, f, &err);
  const char *rest = mark + strlen("/*DATA*/null");
  fwrite(rest, 1, len - (size_t)(rest - page), f);
  if (err) cli_sqlerr(db, "timeline --html");
  sqlite3_finalize(st);
  if (f != stdout && fclose(f) != 0) { cli_err("cannot write %s", path); return 1; }
  if (!err && !o->quiet && f != stdout) {
    if (o->json) printf("{\"clusters\":%d,\"file\":", n), json_str(stdout, path), printf("}\n");
    else printf("wrote %d event clusters to %s\n", n, path);
  }
  return err;
}
