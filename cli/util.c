/* Messages, embedded scripts, JSON strings. */
#include "cli.h"
#include "base/data.h"
#include <stdarg.h>
#include <string.h>

extern const diwan_datafile cli_files[];

void cli_err(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("diwan: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int cli_sqlerr(sqlite3 *db, const char *what) {
  cli_err("%s: %s", what, sqlite3_errmsg(db));
  return 1;
}

const char *cli_file(const char *name, size_t *len) {
  for (const diwan_datafile *f = cli_files; f->name; f++)
    if (strcmp(f->name, name) == 0) {
      if (len) *len = f->len;
      return f->text;
    }
  return NULL;
}

int cli_exec_script(sqlite3 *db, const char *name) {
  const char *sql = cli_file(name, NULL);
  char *msg = NULL;
  if (!sql) { cli_err("no embedded script %s", name); return 1; }
  if (sqlite3_exec(db, sql, 0, 0, &msg) != SQLITE_OK) {
    cli_err("%s: %s", name, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
    return 1;
  }
  return 0;
}

void json_str(FILE *f, const char *s) {
  if (!s) { fputs("null", f); return; }
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    /* "</" and "<!" escaped so a string can sit inside an HTML <script>. */
    case '<':
      if (p[1] == '/' || p[1] == '!') fputs("\\u003c", f);
      else fputc('<', f);
      break;
    default:
      if (*p < 0x20) fprintf(f, "\\u%04x", *p);
      else fputc(*p, f);
    }
  }
  fputc('"', f);
}
