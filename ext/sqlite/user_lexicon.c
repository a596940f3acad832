/* A user's own lexicon rows: the tables diwan_gazetteer(id, kind, name,
** country, lang, surface), diwan_triggers(lang, type, cameo, surface,
** argument[, rank]), diwan_titles, diwan_roles, diwan_cues and
** diwan_months(form, month, calendar, lang[, flags]), read again when they may have changed
** (user_cache.c) so a new row counts at once. A missing table means no user
** rows; a malformed one is an error naming the function, the table, the row
** and the column; so is one over the limits below. */
#include <string.h>
#include "dw.h"
#include "user_lexicon.h"
#include "user_check.h"
#include "user_cache.h"

/* Limits on what a database can make us build: a table someone hands you
** with ten million rows or megabyte-long names is an error, not minutes of
** work and gigabytes of index. Generous for any real lexicon (the
** compiled-in gazetteer has some thousands of rows, its longest name
** fewer than 100 bytes). */
#define DW_USER_MAX_ROWS 1000000
#define DW_USER_MAX_FIELD 1024

/* 1 when the table has a column of that name (case-insensitive), 0 when not,
** -1 when the table does not exist; negative SQLite codes on error. */
static int table_columns(sqlite3 *db, const char *table, const char *const *want,
                         int nwant, int *have) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1)", -1,
                              &st, 0);
  if (rc != SQLITE_OK) return -rc;
  sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
  int ncols = 0;
  for (int i = 0; i < nwant; i++) have[i] = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    ncols++;
    for (int i = 0; i < nwant && name; i++)
      if (sqlite3_stricmp(name, want[i]) == 0) have[i] = 1;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return -rc;
  return ncols ? 1 : -1;
}

/* The SELECT of the wanted columns; the table may lack the optional ones. */
static char *select_sql(sqlite3 *db, const char *table, const char *const *cols,
                        int ncols, const int *have) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < ncols; i++)
    if (!have || have[i])       /* quoted, diwan_roles has "from" and "to";
                                   [x], not "x", which is a string when no
                                   such column exists */
      sqlite3_str_appendf(s, "%s[%s]", i ? ", " : "", cols[i]);
    else
      sqlite3_str_appendf(s, "%sNULL", i ? ", " : "");
  sqlite3_str_appendf(s, " FROM \"%w\"", table);
  return sqlite3_str_finish(s);
}

/* What the name resolves to, as SQLite resolves it (temp first, then main,
** then the attached databases in order): 't' a table, 'v' a view, 'x' a
** virtual table, 0 nothing. Asked only when the tables may have changed
** (user_cache.c), so a query is cheap enough. */
static int table_kind(sqlite3 *db, const char *table, char *kind) {
  *kind = 0;
  if (sqlite3_libversion_number() < 3037000) {    /* no pragma table_list */
    if (!sqlite3_api->table_column_metadata ||
        sqlite3_table_column_metadata(db, NULL, table, NULL, NULL, NULL, NULL,
                                      NULL, NULL) == SQLITE_OK)
      *kind = 't';
    return SQLITE_OK;
  }
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db,
      "SELECT t.type FROM pragma_database_list d, pragma_table_list t"
      " WHERE t.schema = d.name AND t.name = ?1 COLLATE NOCASE"
      " ORDER BY d.seq <> 1, d.seq LIMIT 1", -1, &st, 0);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 0);
    *kind = !t ? 0 : strcmp(t, "view") == 0 ? 'v' : strcmp(t, "virtual") == 0 ? 'x' : 't';
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

/* Prepares the SELECT of the wanted columns, or *st = NULL when the table
** is absent. Columns past nrequired may be missing: NULL is selected then.
** A view is read like a table; a virtual table too, but *isvolatile is set:
** its content can change without SQLite knowing, so it is not cached. */
static int select_rows(sqlite3 *db, const char *fn, const char *table,
                       const char *const *cols, int ncols, int nrequired,
                       sqlite3_stmt **st, int *isvolatile, char **pzErr) {
  int have[8];
  char kind;
  *st = NULL;
  int rc = table_kind(db, table, &kind);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM)
      *pzErr = sqlite3_mprintf("%s(): cannot look up table %s: %s", fn, table,
                               sqlite3_errmsg(db));
    return rc;
  }
  if (!kind) return SQLITE_OK;
  if (kind == 'x') *isvolatile = 1;
  char *sql = select_sql(db, table, cols, ncols, NULL);
  if (!sql) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, sql, -1, st, 0);
  sqlite3_free(sql);
  if (rc == SQLITE_OK) return rc;
  if (rc != SQLITE_ERROR) return rc;
  /* SQLite's own wording, stable since 3.0: the common case, answered
  ** without a second query */
  if (strncmp(sqlite3_errmsg(db), "no such table", 13) == 0) return SQLITE_OK;
  char *why = sqlite3_mprintf("%s", sqlite3_errmsg(db));
  if (!why) return SQLITE_NOMEM;
  /* missing columns: find out which */
  int r = table_columns(db, table, cols, ncols, have);
  if (r == -1) {            /* there but unreadable: a view gone wrong */
    *pzErr = sqlite3_mprintf("%s(): cannot read %s: %s", fn, table, why);
    sqlite3_free(why);
    return SQLITE_ERROR;
  }
  sqlite3_free(why);
  if (r < 0) return -r;
  /* name every missing column and every column the table needs */
  sqlite3_str *miss = sqlite3_str_new(db), *need = sqlite3_str_new(db);
  int nmiss = 0;
  for (int i = 0; i < ncols; i++) {
    sqlite3_str_appendf(need, "%s%s%s", i ? ", " : "", cols[i],
                        i < nrequired ? "" : " (optional)");
    if (i < nrequired && !have[i])
      sqlite3_str_appendf(miss, "%s'%s'", nmiss++ ? ", " : "", cols[i]);
  }
  char *zmiss = sqlite3_str_finish(miss), *zneed = sqlite3_str_finish(need);
  if (nmiss)
    *pzErr = sqlite3_mprintf("%s(): table %s has no column%s %s (its columns: %s)",
                             fn, table, nmiss > 1 ? "s" : "", zmiss, zneed);
  sqlite3_free(zmiss);
  sqlite3_free(zneed);
  if (nmiss) return SQLITE_ERROR;
  sql = select_sql(db, table, cols, ncols, have);
  if (!sql) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, sql, -1, st, 0);
  sqlite3_free(sql);
  if (rc != SQLITE_OK)
    *pzErr = sqlite3_mprintf("%s(): cannot read table %s: %s", fn, table,
                             sqlite3_errmsg(db));
  return rc;
}

static const char *type_name(int t) {
  switch (t) {
    case SQLITE_INTEGER: return "an integer";
    case SQLITE_FLOAT: return "a real";
    case SQLITE_BLOB: return "a blob";
    case SQLITE_NULL: return "NULL";
    default: return "text";
  }
}

/* Fields of one row as text; NULL is allowed where optional says so, and an
** integer (given as its decimal text) is required where integer says so. */
static int row_fields(sqlite3_stmt *st, const char *fn, const char *table,
                      const char *const *cols, int ncols, unsigned optional,
                      unsigned integer, sqlite3_int64 rowno, const char **f,
                      size_t *len, char **pzErr) {
  for (int i = 0; i < ncols; i++) {
    int t = sqlite3_column_type(st, i);
    int want = (integer >> i & 1) ? SQLITE_INTEGER : SQLITE_TEXT;
    if (t == want || (t == SQLITE_NULL && (optional >> i & 1))) {
      const char *z = (const char *)sqlite3_column_text(st, i);
      if (t != SQLITE_NULL && !z) return SQLITE_NOMEM;
      f[i] = z ? z : "";
      len[i] = z ? (size_t)sqlite3_column_bytes(st, i) : 0;
      if (len[i] <= DW_USER_MAX_FIELD) continue;
      *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: column '%s' is %lld "
                               "bytes, over the limit of %d", fn, table, rowno,
                               cols[i], (long long)len[i], DW_USER_MAX_FIELD);
      return SQLITE_ERROR;
    }
    *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: column '%s' is %s, "
                             "not %s", fn, table, rowno, cols[i], type_name(t),
                             want == SQLITE_INTEGER ? "an integer" : "text");
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* One user table: its columns (the first nrequired must exist), which of
** the first nfields may be NULL or must be integers (bit masks), how to make
** the lexicon object and how to add one row to it. add returns SQLITE_OK,
** SQLITE_NOMEM, or SQLITE_ERROR with *pzErr set. */
typedef struct user_table {
  const char *name;
  const char *const *cols;
  int ncols, nrequired, nfields;
  unsigned optional, integer;
  const unsigned char *checks;   /* a DW_CHECK_ per field (user_check.h) */
  void *(*create)(void);
  void (*destroy)(void *obj);
  int (*add)(void *obj, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
             const char **f, const size_t *len, char **pzErr);
} user_table;

/* Reads every row of the table into *out, made first when it is NULL; *out
** stays as it was when the database has no such table. On error an object
** made here is freed and *out is NULL. */
static int read_user_table(sqlite3 *db, const char *fn, const user_table *t,
                           void **out, int *isvolatile, char **pzErr) {
  sqlite3_stmt *st;
  int rc = select_rows(db, fn, t->name, t->cols, t->ncols, t->nrequired, &st,
                       isvolatile, pzErr);
  if (rc != SQLITE_OK || !st) return rc;
  void *obj = *out ? *out : t->create();
  sqlite3_int64 rowno = 0;
  const char *f[8];
  size_t len[8];
  rc = obj ? SQLITE_OK : SQLITE_NOMEM;
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (++rowno > DW_USER_MAX_ROWS) {
      *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: over the limit of %d "
                               "rows", fn, t->name, rowno, DW_USER_MAX_ROWS);
      rc = SQLITE_ERROR;
      break;
    }
    rc = row_fields(st, fn, t->name, t->cols, t->nfields, t->optional,
                    t->integer, rowno, f, len, pzErr);
    for (int i = 0; rc == SQLITE_OK && i < t->nfields; i++)
      rc = dw_check_field(t->checks[i], fn, t->name, rowno, t->cols[i], f[i], len[i], pzErr);
    if (rc == SQLITE_OK) rc = t->add(obj, st, fn, rowno, f, len, pzErr);
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  else if (rc != SQLITE_OK && rc != SQLITE_NOMEM && !*pzErr)
    *pzErr = sqlite3_mprintf("%s(): reading %s: %s", fn, t->name,
                             sqlite3_errmsg(db));
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    if (obj) t->destroy(obj);
    *out = NULL;
    return rc;
  }
  *out = obj;
  return SQLITE_OK;
}

/* ---- diwan_gazetteer(id, kind, name, country, lang, surface) */

static void *gaz_create(void) { return diwan_gazetteer_new(); }
static void gaz_destroy(void *g) { diwan_gazetteer_free(g); }

static int gaz_add(void *g, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                   const char **f, const size_t *len, char **pzErr) {
  int r = diwan_gazetteer_add(g, f, len);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    *pzErr = sqlite3_mprintf(
        "%s(): table diwan_gazetteer, row %lld: needs an id, a surface and a "
        "kind among country, city, organization, person (got '%.*s')",
        fn, rowno, (int)len[1], f[1]);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static const char *const gaz_cols[] = {"id", "kind", "name", "country", "lang",
                                       "surface"};
static const unsigned char gaz_checks[] = {DW_CHECK_NONEMPTY, DW_CHECK_KIND,
  DW_CHECK_NONE, DW_CHECK_COUNTRY, DW_CHECK_LANG, DW_CHECK_NONEMPTY};
static const user_table gaz_table = {
  "diwan_gazetteer", gaz_cols, 6, 6, 6,
  0x1C,   /* name, country and lang may be NULL */
  0, gaz_checks, gaz_create, gaz_destroy, gaz_add};

static int gaz_build(sqlite3 *db, const char *fn, void **out, int *isvolatile,
                     char **pzErr) {
  return read_user_table(db, fn, &gaz_table, out, isvolatile, pzErr);
}

int dw_user_gazetteer(sqlite3 *db, const char *fn, diwan_gazetteer **out,
                      char **pzErr) {
  void *obj = NULL;
  int rc = dw_lex_get(db, DW_LEX_GAZETTEER, fn, gaz_build, gaz_destroy, &obj, pzErr);
  *out = obj;
  return rc;
}

/* ---- diwan_triggers(lang, type, cameo, surface, argument[, rank]) */

static void *trig_create(void) { return diwan_event_lexicon_new(); }
static void trig_destroy(void *x) { diwan_event_lexicon_free(x); }

static int trig_add(void *x, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                    const char **f, const size_t *len, char **pzErr) {
  int t = sqlite3_column_type(st, 5);
  if (t != SQLITE_NULL && t != SQLITE_INTEGER) {
    *pzErr = sqlite3_mprintf("%s(): table diwan_triggers, row %lld: column "
                             "'rank' is %s, not an integer", fn, rowno,
                             type_name(t));
    return SQLITE_ERROR;
  }
  int rank = t == SQLITE_NULL ? 1 : sqlite3_column_int(st, 5);
  int r = diwan_event_lexicon_add(x, f, len, rank);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    *pzErr = sqlite3_mprintf("%s(): table diwan_triggers, row %lld: needs a "
                             "type and a surface", fn, rowno);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static const char *const trig_cols[] = {"lang", "type", "cameo", "surface",
                                        "argument", "rank"};
static const unsigned char trig_checks[] = {DW_CHECK_LANG, DW_CHECK_TYPE,
  DW_CHECK_NONE, DW_CHECK_NONEMPTY, DW_CHECK_NONE};
static const user_table trig_table = {
  "diwan_triggers", trig_cols, 6, 5, 5,
  0x15,   /* lang, cameo and argument may be NULL; rank is read by trig_add */
  0, trig_checks, trig_create, trig_destroy, trig_add};

/* ---- diwan_titles(lang, role, surface) */

static int title_add(void *x, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                     const char **f, const size_t *len, char **pzErr) {
  (void)st;
  int r = diwan_event_lexicon_add_title(x, f, len);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    *pzErr = sqlite3_mprintf("%s(): table diwan_titles, row %lld: column '%s' "
                             "is empty", fn, rowno, len[1] ? "surface" : "role");
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static const char *const title_cols[] = {"lang", "role", "surface"};
static const unsigned char title_checks[] = {DW_CHECK_LANG, DW_CHECK_NONE,
  DW_CHECK_NONE};
static const user_table title_table = {
  "diwan_titles", title_cols, 3, 3, 3,
  0x1,    /* lang may be NULL */
  0, title_checks, trig_create, trig_destroy, title_add};

/* ---- diwan_roles(person, role, country, from, to) */

/* YYYY or YYYY-MM-DD, a real day. */
static int role_day(const char *s, size_t n) {
  const char *f[5] = {"p", "r", "c", s, ""};
  const size_t l[5] = {1, 1, 1, n, 0};
  diwan_event_lexicon *x = diwan_event_lexicon_new();
  int ok = x && diwan_event_lexicon_add_role(x, f, l) == DIWAN_OK;
  diwan_event_lexicon_free(x);
  return ok;
}

static int role_add(void *x, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                    const char **f, const size_t *len, char **pzErr) {
  (void)st;
  int r = diwan_event_lexicon_add_role(x, f, len);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    static const char *const col[] = {"person", "role", "country"};
    for (int i = 0; i < 3; i++)
      if (!len[i]) {
        *pzErr = sqlite3_mprintf("%s(): table diwan_roles, row %lld: column "
                                 "'%s' is empty", fn, rowno, col[i]);
        return SQLITE_ERROR;
      }
    int bad = role_day(f[3], len[3]) ? 4 : 3;
    *pzErr = sqlite3_mprintf("%s(): table diwan_roles, row %lld: column '%s' "
                             "is not a day (YYYY or YYYY-MM-DD): '%.*s'", fn,
                             rowno, bad == 3 ? "from" : "to", (int)len[bad], f[bad]);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static const char *const role_cols[] = {"person", "role", "country", "from", "to"};
static const unsigned char role_checks[] = {DW_CHECK_NONE, DW_CHECK_NONE,
  DW_CHECK_COUNTRY, DW_CHECK_NONE, DW_CHECK_NONE};
static const user_table role_table = {
  "diwan_roles", role_cols, 5, 5, 5,
  0x10,   /* to may be NULL: still in office */
  0, role_checks, trig_create, trig_destroy, role_add};

/* ---- diwan_cues(lang, kind, value, surface) */

static int cue_add(void *x, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                   const char **f, const size_t *len, char **pzErr) {
  (void)st;
  if (len[1] == 7 && memcmp(f[1], "homonym", 7) == 0 && !len[2]) {
    *pzErr = sqlite3_mprintf("%s(): table diwan_cues, row %lld: column 'value' is "
                             "empty: a homonym names the id of the place its "
                             "surface also names (city:amman; docs/events.md)", fn, rowno);
    return SQLITE_ERROR;
  }
  int r = diwan_event_lexicon_add_cue(x, f, len);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    *pzErr = sqlite3_mprintf("%s(): table diwan_cues, row %lld: column 'kind' "
                             "('%.*s') is not a cue kind (those of cues.tsv: pair, "
                             "nonevent, pronoun, subordinator, there, …; "
                             "docs/events.md)", fn, rowno,
                             (int)(len[1] > 60 ? 60 : len[1]), f[1]);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static const char *const cue_cols[] = {"lang", "kind", "value", "surface"};
static const unsigned char cue_checks[] = {DW_CHECK_LANG, DW_CHECK_NONE,
  DW_CHECK_NONE, DW_CHECK_NONEMPTY};
static const user_table cue_table = {
  "diwan_cues", cue_cols, 4, 4, 4,
  0x5,    /* lang and value may be NULL */
  0, cue_checks, trig_create, trig_destroy, cue_add};

/* diwan_triggers, diwan_titles, diwan_roles and diwan_cues make one
** lexicon. */
static int events_build(sqlite3 *db, const char *fn, void **out,
                        int *isvolatile, char **pzErr) {
  int rc = read_user_table(db, fn, &trig_table, out, isvolatile, pzErr);
  if (rc == SQLITE_OK) rc = read_user_table(db, fn, &title_table, out, isvolatile, pzErr);
  if (rc == SQLITE_OK) rc = read_user_table(db, fn, &role_table, out, isvolatile, pzErr);
  if (rc == SQLITE_OK) rc = read_user_table(db, fn, &cue_table, out, isvolatile, pzErr);
  return rc;
}

int dw_user_triggers(sqlite3 *db, const char *fn, diwan_event_lexicon **out,
                     char **pzErr) {
  void *obj = NULL;
  int rc = dw_lex_get(db, DW_LEX_EVENTS, fn, events_build, trig_destroy, &obj, pzErr);
  *out = obj;
  return rc;
}

/* ---- diwan_months(form, month, calendar, lang, flags) */

static const char *const month_cols[] = {"form", "month", "calendar", "lang",
                                         "flags"};

static void *month_create(void) { return diwan_months_new(); }
static void month_destroy(void *m) { diwan_months_free(m); }

static int month_add(void *m, sqlite3_stmt *st, const char *fn, sqlite3_int64 rowno,
                     const char **f, const size_t *len, char **pzErr) {
  static const char *const why[] = {
    "is not a month name (it must start with a letter, at most 8 words and 47 bytes once folded)",
    "is not a month (1 to 12, or 13 for calendar j)",
    "is not a calendar (g Gregorian, h Hijri, j Hebrew)",
    "is not a language",
    "is not a flag (NULL, '' or 'a')"};
  int bad;
  int r = diwan_months_add(m, f, len, &bad);
  if (r == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (r == DIWAN_ERROR) {
    int b = bad >= 0 && bad < 5 ? bad : 0;
    *pzErr = sqlite3_mprintf("%s(): table diwan_months, row %lld: column "
                             "'%s' ('%.*s') %s", fn, rowno, month_cols[b],
                             (int)(len[b] > 60 ? 60 : len[b]), f[b], why[b]);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* the core checks the form, month, calendar and flags itself */
static const unsigned char month_checks[] = {DW_CHECK_NONE, DW_CHECK_NONE,
  DW_CHECK_NONE, DW_CHECK_LANG, DW_CHECK_NONE};
static const user_table month_table = {
  "diwan_months", month_cols, 5, 4, 5,
  0x18,   /* lang and flags may be NULL */
  0x02,   /* month is an integer */
  month_checks, month_create, month_destroy, month_add};

static int months_build(sqlite3 *db, const char *fn, void **out,
                        int *isvolatile, char **pzErr) {
  return read_user_table(db, fn, &month_table, out, isvolatile, pzErr);
}

int dw_user_months(sqlite3 *db, const char *fn, diwan_months **out,
                   char **pzErr) {
  void *obj = NULL;
  int rc = dw_lex_get(db, DW_LEX_MONTHS, fn, months_build, month_destroy, &obj, pzErr);
  *out = obj;
  return rc;
}

int dw_clean_text(dw_val *v, const char *s, size_t n, diwan_buf *buf) {
  if (diwan_utf8_check(s, n) == n) {
    dw_text(v, s, (sqlite3_int64)n);
    return SQLITE_OK;
  }
  diwan_buf_reset(buf);
  if (diwan_utf8_sanitize(s, n, buf) < 0) return SQLITE_NOMEM;
  dw_text(v, buf->p ? buf->p : "", (sqlite3_int64)buf->n);
  return SQLITE_OK;
}
