/* The diwan command line: shared declarations. The extension is linked in
** (sqlite3_auto_extension), so the binary needs no .so beside it. */
#ifndef DIWAN_CLI_H
#define DIWAN_CLI_H
#include <sqlite3.h>
#include <stdio.h>

typedef struct cli_opts {
  const char *db;        /* --db FILE (default corpus.db) */
  int json;              /* --json */
  int quiet;             /* --quiet, or stderr is not a terminal */
  const char *pair;      /* timeline --pair AZ,KW */
  const char *since, *until, *type;
  int all;               /* timeline --all: also planned, negated, hypothetical */
  const char *html;      /* timeline --html FILE */
  const char *excludes[16];  /* import --exclude GLOB (repeatable) */
  int nexclude;
  int limit;             /* search --limit N */
} cli_opts;

/* Messages: "diwan: ..." on stderr; cli_sqlerr adds the SQLite message. */
void cli_err(const char *fmt, ...);
int cli_sqlerr(sqlite3 *db, const char *what);

/* Run every statement of a script (schema.sql, extract.sql). */
int cli_exec_script(sqlite3 *db, const char *name);
/* Embedded scripts by base name (schema.sql, extract.sql, timeline.html). */
const char *cli_file(const char *name, size_t *len);

/* Progress bar with ETA on stderr when it is a terminal, else nothing. */
void progress_start(const char *label, long long total, int quiet);
void progress_set(long long done);
void progress_end(void);

/* JSON: a string value with escapes (NULL gives null). */
void json_str(FILE *f, const char *s);

int cmd_import(sqlite3 *db, const cli_opts *o, const char *dir);
int cmd_extract(sqlite3 *db, const cli_opts *o);
int cmd_search(sqlite3 *db, const cli_opts *o, const char *query);
int cmd_timeline(sqlite3 *db, const cli_opts *o);
int timeline_html(sqlite3 *db, const cli_opts *o, const char *path);
/* The WHERE clause of --pair/--since/--until/--type over a1, a2, first_day,
** type columns (bound as ?1..?5); see timeline.c. */
const char *timeline_filter(void);
int timeline_bind(sqlite3_stmt *st, const cli_opts *o);

#endif
