/* What event_each() and diwan_extract() share (both in event_each.c): their
** arguments (text, anchor, partial) made into the core's event options with
** the user tables, and the JSON of an event's persons and mentions. */
#ifndef DW_EVENT_ARGS_H
#define DW_EVENT_ARGS_H
#include "dw.h"

typedef struct dw_event_args {
  const char *s;             /* the text; NULL when the argument is NULL */
  size_t n;
  diwan_ymd anchor;          /* opts.anchor points here: never copy the struct */
  diwan_gazetteer *gaz;      /* user tables (NULL when the database has none) */
  diwan_event_lexicon *lex;
  diwan_event_opts opts;
} dw_event_args;

/* Reads args[0..2] of fn: the anchor is checked first (an error names fn and
** the value), then a NULL text ends there (a->s NULL, no rows, the user
** tables not read), then diwan_gazetteer and diwan_triggers. An SQLite code;
** on error the message is in *pzErr. dw_event_args_free in any case. */
int dw_event_args_read(const char *fn, sqlite3 *db, sqlite3_value **args,
                       dw_event_args *a, char **pzErr);
void dw_event_args_free(dw_event_args *a);

void dw_persons_json(diwan_buf *b, const diwan_event *e);
int dw_event_mention_chars(const char *s, size_t n, const dw_vec *rows,
                           sqlite3_int64 **out);
void dw_event_mentions_json(diwan_buf *b, const sqlite3_int64 *mchars, size_t row,
                            const diwan_event *e);
#endif
