/* The user's lexicon tables read once per change (user_cache.c): a
** per-connection cache of the objects built from them, shared by reference
** between the scans that use them. */
#ifndef DW_USER_CACHE_H
#define DW_USER_CACHE_H
#include "dw.h"

/* The groups of tables, one cached object each. */
enum { DW_LEX_GAZETTEER, DW_LEX_EVENTS, DW_LEX_MONTHS, DW_LEX_GROUPS };

/* Builds the object of a group from the tables (NULL when there are none);
** *isvolatile = 1 when a table is a virtual table, whose content SQLite
** cannot tell us has changed: such an object is used once, not cached. */
typedef int (*dw_lex_build)(sqlite3 *db, const char *fn, void **out,
                            int *isvolatile, char **pzErr);

/* The object of group g for this connection: the cached one when no table
** can have changed since it was built, else a new one from build. *out holds
** a reference (NULL: no user rows) to give back with dw_user_release. */
int dw_lex_get(sqlite3 *db, int g, const char *fn, dw_lex_build build,
               void (*destroy)(void *), void **out, char **pzErr);

/* What a table-valued function's cursor keeps of what it read inside a
** write transaction (user_cache.c): tvf.c makes the cursor's memo current
** while its scan starts (enter returns the previous one, to restore) and
** frees it when the cursor closes. */
typedef struct dw_lexmemo dw_lexmemo;
dw_lexmemo **dw_lex_memo_enter(dw_lexmemo **memo);
void dw_lex_memo_free(dw_lexmemo *m);

/* Gives back a reference from dw_lex_get (dw_user_gazetteer, …); NULL is a
** no-op. The object is freed with the last reference. */
void dw_user_release(const void *obj);

/* The cache of this connection and diwan_lexicon_cache(). */
int dw_register_user_cache(sqlite3 *db, char **pzErr);
#endif
