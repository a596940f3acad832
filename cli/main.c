/* diwan: the command line for the long jobs (import, extract) and the
** answers people look at (search, timeline). See `diwan --help`. */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

int sqlite3_diwan_init(sqlite3 *db, char **pzErr, const sqlite3_api_routines *api);

static const char *const USAGE =
  "usage: diwan [--db FILE] [--json] [--quiet] COMMAND [ARGS]\n"
  "\n"
  "  import DIR [--exclude GLOB]...  read a folder's .txt .md .html files into docs\n"
  "  extract                         dates, entities, events, search index, timeline\n"
  "  search QUERY [--limit N]        full-text search, the words found highlighted\n"
  "  timeline [--pair AZ,KW] [--since DATE] [--until DATE] [--type TYPE] [--all]\n"
  "                                  events in date order (--all: also planned,\n"
  "                                  negated, hypothetical)\n"
  "  timeline --html FILE [filters]  one HTML page drawing the event clusters\n"
  "\n"
  "  --db FILE   the database (default corpus.db)\n"
  "  --json      machine-readable output\n"
  "  --quiet     no progress bar and no summary (the bar is drawn only on a terminal)\n"
  "  --help, --version\n"
  "\n"
  "example: diwan import sample --exclude README.md && diwan extract &&\n"
  "         diwan timeline --pair AZ,KW && diwan search 'الكويت'\n";

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "diwan: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n(see diwan --help)\n");
  return 2;
}

/* Options may come before or after the command; returns the index of the
** first positional argument kept in pos[], or -1 on error. */
static int parse(int argc, char **argv, cli_opts *o, const char **pos, int *npos) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char **val = NULL;
    if (!strcmp(a, "--json")) o->json = 1;
    else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o->quiet = 1;
    else if (!strcmp(a, "--all")) o->all = 1;
    else if (!strcmp(a, "--db")) val = &o->db;
    else if (!strcmp(a, "--pair")) val = &o->pair;
    else if (!strcmp(a, "--since")) val = &o->since;
    else if (!strcmp(a, "--until")) val = &o->until;
    else if (!strcmp(a, "--type")) val = &o->type;
    else if (!strcmp(a, "--html")) val = &o->html;
    else if (!strcmp(a, "--limit") || !strcmp(a, "--exclude")) {
      if (i + 1 >= argc) return usage_error("%s needs a value", a), -1;
      if (a[2] == 'l') o->limit = atoi(argv[++i]);
      else if (o->nexclude < 16) o->excludes[o->nexclude++] = argv[++i];
      else return usage_error("%s: at most 16", a), -1;
    } else if (a[0] == '-' && a[1] == '-' && a[2]) {
      return usage_error("unknown option %s", a), -1;
    } else if (*npos < 2) pos[(*npos)++] = a;
    else return usage_error("unexpected argument '%s'", a), -1;
    if (val) {
      if (i + 1 >= argc) return usage_error("%s needs a value", a), -1;
      *val = argv[++i];
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  cli_opts o = {0};
  const char *pos[2] = {0};
  int npos = 0;
  o.db = "corpus.db";
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(USAGE, stdout); return 0; }
    if (!strcmp(argv[i], "--version")) { printf("diwan %s (SQLite %s)\n", DIWAN_VERSION, sqlite3_libversion()); return 0; }
  }
  if (parse(argc, argv, &o, pos, &npos) < 0) return 2;
  if (npos == 0) { fputs(USAGE, stderr); return 2; }
  const char *cmd = pos[0], *arg = npos > 1 ? pos[1] : NULL;
  int needs_arg = !strcmp(cmd, "import") || !strcmp(cmd, "search");
  if (strcmp(cmd, "import") && strcmp(cmd, "extract") && strcmp(cmd, "search") &&
      strcmp(cmd, "timeline"))
    return usage_error("unknown command '%s'", cmd);
  if (needs_arg && !arg)
    return usage_error(!strcmp(cmd, "import") ? "import needs a folder: diwan import DIR%s"
                                              : "search needs a query: diwan search QUERY%s", "");
  if (!needs_arg && arg) return usage_error("unexpected argument '%s'", arg);

  sqlite3_auto_extension((void (*)(void))sqlite3_diwan_init);
  sqlite3 *db;
  int flags = SQLITE_OPEN_READWRITE | (!strcmp(cmd, "import") ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(o.db, &db, flags, NULL) != SQLITE_OK) {
    cli_err("cannot open %s: %s%s", o.db, sqlite3_errmsg(db),
            flags & SQLITE_OPEN_CREATE ? "" : " (create it with 'diwan import DIR')");
    sqlite3_close(db);
    return 1;
  }
  sqlite3_busy_timeout(db, 5000);
  int rc;
  if (!strcmp(cmd, "import")) rc = cmd_import(db, &o, arg);
  else if (!strcmp(cmd, "extract")) rc = cmd_extract(db, &o);
  else if (!strcmp(cmd, "search")) rc = cmd_search(db, &o, arg);
  else rc = cmd_timeline(db, &o);
  sqlite3_close(db);
  return rc;
}
