/* The user's lexicon tables (see user_lexicon.c); dw_user_triggers reads
** diwan_triggers, diwan_titles, diwan_roles and diwan_cues into one
** lexicon. All set *out to NULL
** when the table does not exist; errors name fn, the table and the column.
** *out is shared (user_cache.c): read-only, given back with dw_user_release. */
#ifndef DW_USER_LEXICON_H
#define DW_USER_LEXICON_H
#include "dw.h"
#include "user_cache.h"

int dw_user_gazetteer(sqlite3 *db, const char *fn, diwan_gazetteer **out,
                      char **pzErr);
int dw_user_triggers(sqlite3 *db, const char *fn, diwan_event_lexicon **out,
                     char **pzErr);
int dw_user_months(sqlite3 *db, const char *fn, diwan_months **out,
                   char **pzErr);
/* Sets v to the bytes s[0,n) when they are valid UTF-8, else to a copy in
** buf with U+FFFD for every invalid sequence. SQLITE_OK or SQLITE_NOMEM. */
int dw_clean_text(dw_val *v, const char *s, size_t n, diwan_buf *buf);
#endif
