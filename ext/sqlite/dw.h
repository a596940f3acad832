/* Internal header of the SQLite layer: registration tables, the generic
** table-valued function, character offsets. Every file of the layer
** includes this (and so uses SQLITE_EXTENSION_INIT3). */
#ifndef DW_H
#define DW_H

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#include "diwan.h"

/* Flags of a pure function: usable in indexes, generated columns, CHECK
** constraints and views under trusted_schema=0. */
#define DW_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Flags of anything that reads files or the environment. */
#define DW_DIRECT (SQLITE_UTF8 | SQLITE_DIRECTONLY)

/* ------------------------------------------------------- scalar functions */
typedef struct dw_func {
  const char *name;
  int nArg;                 /* -1: any number */
  int flags;                /* DW_PURE, DW_DIRECT, … */
  void (*xFunc)(sqlite3_context *, int, sqlite3_value **);
} dw_func;

/* Registers every entry of tab; on failure sets *pzErr naming the function. */
int dw_register_functions(sqlite3 *db, const dw_func *tab, int n, char **pzErr);

/* Every module of the layer exposes one of these; register.c lists them. */
typedef int (*dw_register_fn)(sqlite3 *db, char **pzErr);

/* Why the last tokenize='diwan ...' of this thread was refused ("" if none):
** FTS5 shows only "error in tokenizer constructor"; diwan_debug() shows this. */
const char *dw_fts5_last_error(void);

/* ----------------------------------------------- table-valued functions */
/* A column value of a row produced by a table-valued function. Text points
** into memory the module owns until its next call of next() or finish(). */
typedef struct dw_val {
  int type;                 /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_NULL */
  sqlite3_int64 i;
  double r;
  const char *z;
  sqlite3_int64 n;          /* bytes of z; -1: NUL-terminated */
} dw_val;

static inline void dw_int(dw_val *v, sqlite3_int64 i) { v->type = SQLITE_INTEGER; v->i = i; }
static inline void dw_null(dw_val *v) { v->type = SQLITE_NULL; }
static inline void dw_text(dw_val *v, const char *z, sqlite3_int64 n) {
  if (!z) { v->type = SQLITE_NULL; return; }
  v->type = SQLITE_TEXT; v->z = z; v->n = n;
}

typedef struct dw_tvf {
  const char *name;
  const char *columns;      /* output columns, e.g. "idx INTEGER, start INTEGER, text TEXT" */
  const char *args[4];      /* hidden argument columns, in call order */
  int nRequired;            /* how many leading arguments must be given */
  int directOnly;           /* reads files: SQLITE_VTAB_DIRECTONLY */
  size_t stateSize;         /* bytes of the module's cursor state (zeroed) */
  /* Start a scan. args[i] is NULL for an argument not given. On error
  ** return an SQLite code and set *pzErr (sqlite3_mprintf). */
  int (*start)(void *state, sqlite3_value **args, sqlite3 *db, char **pzErr);
  /* Fill row (one dw_val per output column): 1 = a row, 0 = end, or
  ** -SQLITE_xxx on error with *pzErr set. */
  int (*next)(void *state, dw_val *row, char **pzErr);
  void (*finish)(void *state);  /* free whatever start() and next() kept */
} dw_tvf;

int dw_register_tvf(sqlite3 *db, const dw_tvf *m, char **pzErr);

/* A growable array of fixed-size records: the rows a table-valued function
** collects from a core callback before returning them one at a time. */
typedef struct dw_vec {
  void *p;
  size_t n, cap;
} dw_vec;

/* Appends a copy of rec (size bytes): DIWAN_OK or DIWAN_NOMEM, so it can be
** returned straight from a core callback to stop the walk. */
int dw_vec_push(dw_vec *v, const void *rec, size_t size);
void dw_vec_free(dw_vec *v);

/* ------------------------------------------------------ character offsets */
/* Converts byte offsets into the 1-based character positions that SQLite's
** substr() uses (its own rule, so it agrees even on invalid UTF-8). Fast when
** asked in increasing order; a step back restarts from the nearest mark (one
** every n/DW_CHARPOS_MARKS bytes) rather than from 0, so rows that are not in
** text order (events) do not make a call quadratic. */
#define DW_CHARPOS_MARKS 128
typedef struct dw_charpos {
  const unsigned char *s;
  size_t n;
  size_t byte;
  sqlite3_int64 chars;      /* characters in s[0, byte) */
  size_t step;              /* mark k is the first position scanned >= k*step */
  size_t nmark;             /* marks recorded so far */
  size_t mark_byte[DW_CHARPOS_MARKS];
  sqlite3_int64 mark_chars[DW_CHARPOS_MARKS];
} dw_charpos;

void dw_charpos_init(dw_charpos *c, const char *s, size_t n);
sqlite3_int64 dw_charpos_chars(dw_charpos *c, size_t byte);   /* chars in [0, byte) */

/* Text of an argument as UTF-8 bytes, NULL for SQL NULL. BLOBs are taken as
** bytes (they may be invalid UTF-8: the core copes). */
const char *dw_arg_text(sqlite3_value *v, size_t *n);

#endif
