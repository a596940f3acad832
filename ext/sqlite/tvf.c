/* One eponymous-only virtual table implementation behind every diwan
** table-valued function. A module (dw_tvf) declares its output columns and
** its arguments; arguments become HIDDEN columns, as in SQLite's series.c,
** and the module only says how to start a scan and how to make the next row.
*/
#include <stdlib.h>
#include <string.h>
#include "dw.h"
#include "user_cache.h"

#define DW_MAXARG 4

typedef struct dw_vtab {
  sqlite3_vtab base;
  const dw_tvf *m;
  sqlite3 *db;
  int nOut;                 /* output columns */
  int nArg;                 /* hidden argument columns */
} dw_vtab;

typedef struct dw_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_int64 rowid;
  int eof;
  int started;              /* start() ran: finish() is owed */
  sqlite3_value *args[DW_MAXARG];
  dw_val *row;
  void *state;
  dw_lexmemo *memo;         /* user tables read in a write transaction */
} dw_cursor;

static int count_columns(const char *decl) {
  int n = 1, depth = 0;
  for (const char *p = decl; *p; p++) {
    if (*p == '(') depth++;
    else if (*p == ')') depth--;
    else if (*p == ',' && depth == 0) n++;
  }
  return n;
}

static int tvf_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                       sqlite3_vtab **ppVtab, char **pzErr) {
  const dw_tvf *m = pAux;
  int nArg = 0;
  while (nArg < DW_MAXARG && m->args[nArg]) nArg++;
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendf(s, "CREATE TABLE x(%s", m->columns);
  for (int i = 0; i < nArg; i++) sqlite3_str_appendf(s, ", %s HIDDEN", m->args[i]);
  sqlite3_str_appendall(s, ")");
  char *sql = sqlite3_str_finish(s);
  if (!sql) return SQLITE_NOMEM;
  int rc = sqlite3_declare_vtab(db, sql);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) {
    *pzErr = sqlite3_mprintf("diwan: %s: bad column declaration", m->name);
    return rc;
  }
  rc = sqlite3_vtab_config(db, m->directOnly ? SQLITE_VTAB_DIRECTONLY
                                             : SQLITE_VTAB_INNOCUOUS);
  if (rc != SQLITE_OK) return rc;
  dw_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->m = m;
  v->db = db;
  v->nOut = count_columns(m->columns);
  v->nArg = nArg;
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int tvf_disconnect(sqlite3_vtab *p) {
  sqlite3_free(p);
  return SQLITE_OK;
}

static int tvf_open(sqlite3_vtab *p, sqlite3_vtab_cursor **ppCur) {
  dw_vtab *v = (dw_vtab *)p;
  dw_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->row = sqlite3_malloc64(sizeof(dw_val) * (size_t)v->nOut);
  c->state = sqlite3_malloc64(v->m->stateSize ? v->m->stateSize : 1);
  if (!c->row || !c->state) {
    sqlite3_free(c->row);
    sqlite3_free(c->state);
    sqlite3_free(c);
    return SQLITE_NOMEM;
  }
  c->eof = 1;
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void cursor_reset(dw_cursor *c) {
  dw_vtab *v = (dw_vtab *)c->base.pVtab;
  if (c->started && v->m->finish) v->m->finish(c->state);
  c->started = 0;
  for (int i = 0; i < DW_MAXARG; i++) {
    sqlite3_value_free(c->args[i]);
    c->args[i] = 0;
  }
}

static int tvf_close(sqlite3_vtab_cursor *cur) {
  dw_cursor *c = (dw_cursor *)cur;
  cursor_reset(c);
  dw_lex_memo_free(c->memo);
  sqlite3_free(c->row);
  sqlite3_free(c->state);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int set_error(dw_cursor *c, int rc, char *zErr) {
  sqlite3_vtab *p = c->base.pVtab;
  sqlite3_free(p->zErrMsg);
  p->zErrMsg = zErr;
  return rc;
}

static int tvf_next(sqlite3_vtab_cursor *cur) {
  dw_cursor *c = (dw_cursor *)cur;
  dw_vtab *v = (dw_vtab *)cur->pVtab;
  char *zErr = 0;
  for (int i = 0; i < v->nOut; i++) dw_null(&c->row[i]);
  int r = v->m->next(c->state, c->row, &zErr);
  if (r < 0) {
    c->eof = 1;
    return set_error(c, -r, zErr);
  }
  c->eof = (r == 0);
  c->rowid++;
  return SQLITE_OK;
}

/* idxNum bit i: argument i was given; argv[] holds the given ones in order. */
static int tvf_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv) {
  dw_cursor *c = (dw_cursor *)cur;
  dw_vtab *v = (dw_vtab *)cur->pVtab;
  char *zErr = 0;
  cursor_reset(c);
  c->rowid = 0;
  c->eof = 1;
  int j = 0;
  for (int i = 0; i < v->nArg; i++) {
    if (!(idxNum & (1 << i))) continue;
    if (j >= argc) break;
    c->args[i] = sqlite3_value_dup(argv[j++]);
    if (!c->args[i]) return SQLITE_NOMEM;
  }
  for (int i = 0; i < v->m->nRequired; i++) {
    if (!c->args[i])
      return set_error(c, SQLITE_ERROR,
                       sqlite3_mprintf("%s(): missing argument '%s'",
                                       v->m->name, v->m->args[i]));
  }
  memset(c->state, 0, v->m->stateSize ? v->m->stateSize : 1);
  dw_lexmemo **prev = dw_lex_memo_enter(&c->memo);
  int rc = v->m->start(c->state, c->args, v->db, &zErr);
  dw_lex_memo_enter(prev);
  c->started = 1;
  if (rc != SQLITE_OK) return set_error(c, rc, zErr);
  return tvf_next(cur);
}

static int tvf_eof(sqlite3_vtab_cursor *cur) {
  return ((dw_cursor *)cur)->eof;
}

static int tvf_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  dw_cursor *c = (dw_cursor *)cur;
  dw_vtab *v = (dw_vtab *)cur->pVtab;
  if (i >= v->nOut) {
    sqlite3_value *a = c->args[i - v->nOut];
    if (a) sqlite3_result_value(ctx, a);
    return SQLITE_OK;
  }
  dw_val *x = &c->row[i];
  switch (x->type) {
    case SQLITE_INTEGER: sqlite3_result_int64(ctx, x->i); break;
    case SQLITE_FLOAT: sqlite3_result_double(ctx, x->r); break;
    case SQLITE_TEXT:
      sqlite3_result_text64(ctx, x->z, x->n < 0 ? strlen(x->z) : (sqlite3_uint64)x->n,
                            SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

static int tvf_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((dw_cursor *)cur)->rowid;
  return SQLITE_OK;
}

/* Arguments are equality constraints on the hidden columns. A constraint
** that exists but is not usable makes this plan impossible
** (SQLITE_CONSTRAINT), so the planner picks an order that feeds it. */
static int tvf_best_index(sqlite3_vtab *p, sqlite3_index_info *info) {
  dw_vtab *v = (dw_vtab *)p;
  int which[DW_MAXARG];
  int unusable = 0, mask = 0;
  for (int i = 0; i < DW_MAXARG; i++) which[i] = -1;
  for (int k = 0; k < info->nConstraint; k++) {
    const struct sqlite3_index_constraint *ct = &info->aConstraint[k];
    int arg = ct->iColumn - v->nOut;
    if (arg < 0 || arg >= v->nArg) continue;
    if (ct->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!ct->usable) { unusable |= 1 << arg; continue; }
    which[arg] = k;
    mask |= 1 << arg;
  }
  if (unusable & ~mask) return SQLITE_CONSTRAINT;
  int j = 1;
  for (int i = 0; i < v->nArg; i++) {
    if (which[i] < 0) continue;
    info->aConstraintUsage[which[i]].argvIndex = j++;
    info->aConstraintUsage[which[i]].omit = 1;
  }
  info->idxNum = mask;
  info->estimatedCost = (mask & 1) ? 100.0 : 1e9;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static const sqlite3_module tvf_module = {
  .iVersion = 0,
  .xConnect = tvf_connect,
  .xBestIndex = tvf_best_index,
  .xDisconnect = tvf_disconnect,
  .xOpen = tvf_open,
  .xClose = tvf_close,
  .xFilter = tvf_filter,
  .xNext = tvf_next,
  .xEof = tvf_eof,
  .xColumn = tvf_column,
  .xRowid = tvf_rowid,
};

int dw_register_tvf(sqlite3 *db, const dw_tvf *m, char **pzErr) {
  int rc = sqlite3_create_module_v2(db, m->name, &tvf_module, (void *)m, 0);
  if (rc != SQLITE_OK)
    *pzErr = sqlite3_mprintf("diwan: cannot register %s: %s", m->name,
                             sqlite3_errstr(rc));
  return rc;
}
