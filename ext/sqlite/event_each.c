/* event_each(text [, anchor]): one row per event of a document, with the
** sentence as evidence. Uses the tables diwan_gazetteer and diwan_triggers
** when the database has them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dw.h"
#include "date_anchor.h"
#include "event_args.h"
#include "user_lexicon.h"

typedef struct evt_state {
  dw_event_args a;
  dw_vec rows;               /* diwan_event */
  size_t i;
  dw_charpos cp;
  sqlite3_int64 *mchars;     /* per row, per mention: start and end in
                                characters (2 * DIWAN_EVENT_MAXMENTIONS) */
  diwan_buf json, trig, text, ment;
} evt_state;

#define MSLOTS (2 * DIWAN_EVENT_MAXMENTIONS)

typedef struct mpoint { size_t byte, slot; } mpoint;

static int by_byte(const void *a, const void *b) {
  size_t x = ((const mpoint *)a)->byte, y = ((const mpoint *)b)->byte;
  return x < y ? -1 : x > y;
}

/* The mentions of a row may lie after the next rows' starts: their
** character offsets are counted once for all rows, in byte order, so the
** count stays one pass over the text (plus a sort). rows holds diwan_event;
** *out (sqlite3_malloc, MSLOTS per row) is for dw_event_mentions_json.
** Shared with diwan_extract (extract_each.c). */
int dw_event_mention_chars(const char *s, size_t n, const dw_vec *rows,
                           sqlite3_int64 **out) {
  size_t nrow = rows->n, np = 0;
  *out = NULL;
  if (!nrow) return SQLITE_OK;
  sqlite3_int64 *mchars = sqlite3_malloc64((sqlite3_uint64)nrow * MSLOTS * sizeof *mchars);
  mpoint *pt = sqlite3_malloc64((sqlite3_uint64)nrow * MSLOTS * sizeof *pt);
  if (!mchars || !pt) { sqlite3_free(pt); sqlite3_free(mchars); return SQLITE_NOMEM; }
  *out = mchars;
  for (size_t r = 0; r < nrow; r++) {
    const diwan_event *e = (const diwan_event *)rows->p + r;
    int k = e->nmentions < DIWAN_EVENT_MAXMENTIONS ? e->nmentions : DIWAN_EVENT_MAXMENTIONS;
    for (int i = 0; i < k; i++) {
      pt[np++] = (mpoint){e->mention[i].start, r * MSLOTS + 2 * i};
      pt[np++] = (mpoint){e->mention[i].start + e->mention[i].len, r * MSLOTS + 2 * i + 1};
    }
  }
  qsort(pt, np, sizeof *pt, by_byte);
  dw_charpos cp;
  dw_charpos_init(&cp, s, n);
  for (size_t i = 0; i < np; i++) mchars[pt[i].slot] = dw_charpos_chars(&cp, pt[i].byte);
  sqlite3_free(pt);
  return SQLITE_OK;
}

/* [[start,length],…] of the mentions, 1-based characters like start. */
void dw_event_mentions_json(diwan_buf *b, const sqlite3_int64 *mchars, size_t row,
                            const diwan_event *e) {
  int k = e->nmentions < DIWAN_EVENT_MAXMENTIONS ? e->nmentions : DIWAN_EVENT_MAXMENTIONS;
  diwan_buf_reset(b);
  diwan_buf_append(b, "[", 1);
  for (int i = 0; i < k; i++) {
    const sqlite3_int64 *c = mchars + row * MSLOTS + 2 * i;
    char one[64];
    int n = snprintf(one, sizeof one, "%s[%lld,%lld]", i ? "," : "",
                     (long long)c[0] + 1, (long long)(c[1] - c[0]));
    diwan_buf_append(b, one, (size_t)n);
  }
  diwan_buf_append(b, "]", 1);
}

static int collect(void *ctx, const diwan_event *e) {
  return dw_vec_push(&((evt_state *)ctx)->rows, e, sizeof *e);
}

int dw_event_args_read(const char *fn, sqlite3 *db, sqlite3_value **args,
                       dw_event_args *a, char **pzErr) {
  int has_anchor = 0;
  int rc = dw_date_anchor(fn, args[1], &a->anchor, &has_anchor, pzErr);
  if (rc != SQLITE_OK) return rc;
  a->s = dw_arg_text(args[0], &a->n);
  if (!a->s) return SQLITE_OK;
  rc = dw_user_gazetteer(db, fn, &a->gaz, pzErr);
  if (rc == SQLITE_OK) rc = dw_user_triggers(db, fn, &a->lex, pzErr);
  if (rc != SQLITE_OK) return rc;
  a->opts = (diwan_event_opts){.gazetteer = a->gaz, .lexicon = a->lex,
                               .anchor = has_anchor ? &a->anchor : NULL,
                               .partial = args[2] && sqlite3_value_int(args[2]) != 0};
  return SQLITE_OK;
}

void dw_event_args_free(dw_event_args *a) {
  dw_user_release(a->gaz);
  dw_user_release(a->lex);
  a->gaz = NULL;
  a->lex = NULL;
}

static int evt_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  evt_state *st = p;
  int rc = dw_event_args_read("event_each", db, args, &st->a, pzErr);
  if (rc != SQLITE_OK || !st->a.s) return rc;
  if (diwan_events(&st->a.opts, st->a.s, st->a.n, collect, st)) return SQLITE_NOMEM;
  dw_charpos_init(&st->cp, st->a.s, st->a.n);
  return dw_event_mention_chars(st->a.s, st->a.n, &st->rows, &st->mchars);
}

/* ids come from lexicons and user rows: escape them for JSON. */
void dw_persons_json(diwan_buf *b, const diwan_event *e) {
  diwan_buf_reset(b);
  diwan_buf_append(b, "[", 1);
  for (int i = 0; i < e->npersons; i++) {
    if (i) diwan_buf_append(b, ",", 1);
    diwan_buf_append(b, "\"", 1);
    for (const char *c = e->persons[i]; *c; c++) {
      unsigned char u = (unsigned char)*c;
      if (u == '"' || u == '\\') { diwan_buf_append(b, "\\", 1); diwan_buf_append(b, c, 1); }
      else if (u < 0x20) {
        char esc[8];
        static const char hex[] = "0123456789abcdef";
        memcpy(esc, "\\u00", 4);
        esc[4] = hex[u >> 4];
        esc[5] = hex[u & 15];
        diwan_buf_append(b, esc, 6);
      } else diwan_buf_append(b, c, 1);
    }
    diwan_buf_append(b, "\"", 1);
  }
  diwan_buf_append(b, "]", 1);
}

static void date_cols(dw_val *row, const diwan_event *e) {
  if (!e->has_date) return;
  dw_text(&row[6], e->date.value, -1);
  if (e->date.first_day[0]) dw_text(&row[7], e->date.first_day, -1);
  if (e->date.last_day[0]) dw_text(&row[8], e->date.last_day, -1);
  dw_text(&row[9], e->date.precision, -1);
}

static int evt_next(void *p, dw_val *row, char **pzErr) {
  evt_state *st = p;
  if (st->i >= st->rows.n) return 0;
  size_t r = st->i++;
  const diwan_event *e = (const diwan_event *)st->rows.p + r;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, e->start);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, e->start + e->len);
  dw_int(&row[0], (sqlite3_int64)e->sentence + 1);
  dw_int(&row[1], a + 1);
  dw_int(&row[2], b - a);
  if (dw_clean_text(&row[3], st->a.s + e->start, e->len, &st->trig)) return -SQLITE_NOMEM;
  dw_text(&row[4], e->type, -1);
  dw_text(&row[5], e->cameo, -1);
  date_cols(row, e);
  dw_text(&row[10], e->actor1, -1);
  dw_text(&row[11], e->actor2, -1);
  dw_persons_json(&st->json, e);
  if (st->json.oom) return -SQLITE_NOMEM;
  dw_text(&row[12], st->json.p, (sqlite3_int64)st->json.n);
  dw_text(&row[13], e->place, -1);
  dw_text(&row[14], e->status, -1);
  dw_event_mentions_json(&st->ment, st->mchars, r, e);
  if (st->ment.oom) return -SQLITE_NOMEM;
  dw_text(&row[15], st->ment.p, (sqlite3_int64)st->ment.n);
  if (dw_clean_text(&row[16], st->a.s + e->sent_start, e->sent_len, &st->text))
    return -SQLITE_NOMEM;
  return 1;
}

static void evt_finish(void *p) {
  evt_state *st = p;
  dw_vec_free(&st->rows);
  dw_event_args_free(&st->a);
  diwan_buf_free(&st->json);
  diwan_buf_free(&st->trig);
  diwan_buf_free(&st->text);
  diwan_buf_free(&st->ment);
  sqlite3_free(st->mchars);
}

static const dw_tvf event_each = {
  .name = "event_each",
  .columns = "sentence INTEGER, start INTEGER, length INTEGER, trigger TEXT, "
             "type TEXT, cameo TEXT, value TEXT, first_day TEXT, last_day TEXT, "
             "precision TEXT, actor1 TEXT, actor2 TEXT, persons TEXT, place TEXT, "
             "status TEXT, mentions TEXT, text TEXT",
  .args = {"input", "anchor", "partial"},
  .nRequired = 1,
  .stateSize = sizeof(evt_state),
  .start = evt_start,
  .next = evt_next,
  .finish = evt_finish,
};

int dw_register_events(sqlite3 *db, char **pzErr) {
  return dw_register_tvf(db, &event_each, pzErr);
}
