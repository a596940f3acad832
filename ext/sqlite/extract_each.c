/* diwan_extract(text [, anchor]): a document's dates, entity mentions and
** events in one call (diwan_document_extract), one row each, tagged by
** `what` ('date', 'entity', 'event'), dates first. The columns are those of
** date_each, entity_each and event_each (an event's trigger is in surface,
** an entity's kind in kind); the rows are the rows those functions give.
** sql/extract.sql fills doc_dates, doc_entities and doc_events from it. */
#include <stdint.h>
#include <string.h>
#include "event_args.h"
#include "user_lexicon.h"

/* A mention as the rows need it: 16 bytes instead of diwan_mention's 24.
** This vector is alive during the event scan, the call's memory peak, so
** its size counts (make bench, diwan_extract B/byte). An SQLite value is
** shorter than 2^31 bytes (SQLITE_MAX_LENGTH), so offsets fit 32 bits. */
typedef struct ex_mention {
  uint32_t start, len;
  const diwan_entity *entity;
} ex_mention;

typedef struct ex_state {
  dw_event_args a;            /* the text, anchor, partial, user tables */
  diwan_months *months;
  dw_vec dates, ments, events;
  size_t i;                  /* next row over dates, then ments, then events */
  dw_charpos cpd, cpm, cpe;  /* one per kind: each asks in increasing order */
  sqlite3_int64 *mchars;     /* the events' mentions in characters */
  diwan_buf clean, json, text, ment;
} ex_state;

static int on_date(void *ctx, const diwan_date *d) {
  return dw_vec_push(&((ex_state *)ctx)->dates, d, sizeof *d);
}
static int on_mention(void *ctx, const diwan_mention *m) {
  if (m->start > UINT32_MAX || m->len > UINT32_MAX - m->start) return DIWAN_NOMEM;
  ex_mention x = {(uint32_t)m->start, (uint32_t)m->len, m->entity};
  return dw_vec_push(&((ex_state *)ctx)->ments, &x, sizeof x);
}
static int on_event(void *ctx, const diwan_event *e) {
  return dw_vec_push(&((ex_state *)ctx)->events, e, sizeof *e);
}

static int ex_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  ex_state *st = p;
  int rc = dw_event_args_read("diwan_extract", db, args, &st->a, pzErr);
  if (rc != SQLITE_OK || !st->a.s) return rc;
  rc = dw_user_months(db, "diwan_extract", &st->months, pzErr);
  if (rc != SQLITE_OK) return rc;
  diwan_extract_cbs cb = {on_date, on_mention, on_event, st};
  if (diwan_document_extract(st->months, &st->a.opts, st->a.s, st->a.n, &cb))
    return SQLITE_NOMEM;
  dw_charpos_init(&st->cpd, st->a.s, st->a.n);
  dw_charpos_init(&st->cpm, st->a.s, st->a.n);
  dw_charpos_init(&st->cpe, st->a.s, st->a.n);
  return dw_event_mention_chars(st->a.s, st->a.n, &st->events, &st->mchars);
}

static void text_or_null(dw_val *v, const char *z) {
  if (z && z[0]) dw_text(v, z, -1);
}

/* Columns: 0 what, 1 start, 2 length, 3 surface, 4 value, 5 first_day,
** 6 last_day, 7 precision, 8 calendar, 9 modifier, 10 lang, 11 kind, 12 id,
** 13 name, 14 country, 15 sentence, 16 type, 17 cameo, 18 actor1,
** 19 actor2, 20 persons, 21 place, 22 status, 23 mentions, 24 text. */
static void span(dw_val *row, dw_charpos *cp, size_t start, size_t len) {
  sqlite3_int64 a = dw_charpos_chars(cp, start);
  sqlite3_int64 b = dw_charpos_chars(cp, start + len);
  dw_int(&row[1], a + 1);
  dw_int(&row[2], b - a);
}

static int date_row(ex_state *st, const diwan_date *d, dw_val *row) {
  dw_text(&row[0], "date", -1);
  span(row, &st->cpd, d->start, d->len);
  if (dw_clean_text(&row[3], st->a.s + d->start, d->len, &st->clean)) return -SQLITE_NOMEM;
  dw_text(&row[4], d->value, -1);
  text_or_null(&row[5], d->first_day);
  text_or_null(&row[6], d->last_day);
  text_or_null(&row[7], d->precision);
  text_or_null(&row[8], d->calendar);
  text_or_null(&row[9], d->modifier);
  text_or_null(&row[10], d->lang);
  return 1;
}

static int mention_row(ex_state *st, const ex_mention *m, dw_val *row) {
  const diwan_entity *e = m->entity;
  dw_text(&row[0], "entity", -1);
  span(row, &st->cpm, m->start, m->len);
  if (dw_clean_text(&row[3], st->a.s + m->start, m->len, &st->clean)) return -SQLITE_NOMEM;
  dw_text(&row[11], e->kind, -1);
  dw_text(&row[12], e->id, -1);
  dw_text(&row[13], e->name, -1);
  if (e->country[0]) dw_text(&row[14], e->country, -1);
  return 1;
}

static int event_row(ex_state *st, size_t r, const diwan_event *e, dw_val *row) {
  dw_text(&row[0], "event", -1);
  span(row, &st->cpe, e->start, e->len);
  if (dw_clean_text(&row[3], st->a.s + e->start, e->len, &st->clean)) return -SQLITE_NOMEM;
  if (e->has_date) {
    dw_text(&row[4], e->date.value, -1);
    if (e->date.first_day[0]) dw_text(&row[5], e->date.first_day, -1);
    if (e->date.last_day[0]) dw_text(&row[6], e->date.last_day, -1);
    dw_text(&row[7], e->date.precision, -1);
  }
  dw_int(&row[15], (sqlite3_int64)e->sentence + 1);
  dw_text(&row[16], e->type, -1);
  dw_text(&row[17], e->cameo, -1);
  dw_text(&row[18], e->actor1, -1);
  dw_text(&row[19], e->actor2, -1);
  dw_persons_json(&st->json, e);
  if (st->json.oom) return -SQLITE_NOMEM;
  dw_text(&row[20], st->json.p, (sqlite3_int64)st->json.n);
  dw_text(&row[21], e->place, -1);
  dw_text(&row[22], e->status, -1);
  dw_event_mentions_json(&st->ment, st->mchars, r, e);
  if (st->ment.oom) return -SQLITE_NOMEM;
  dw_text(&row[23], st->ment.p, (sqlite3_int64)st->ment.n);
  if (dw_clean_text(&row[24], st->a.s + e->sent_start, e->sent_len, &st->text))
    return -SQLITE_NOMEM;
  return 1;
}

static int ex_next(void *p, dw_val *row, char **pzErr) {
  ex_state *st = p;
  size_t i = st->i++;
  if (i < st->dates.n) return date_row(st, (const diwan_date *)st->dates.p + i, row);
  i -= st->dates.n;
  if (i < st->ments.n) return mention_row(st, (const ex_mention *)st->ments.p + i, row);
  i -= st->ments.n;
  if (i < st->events.n) return event_row(st, i, (const diwan_event *)st->events.p + i, row);
  return 0;
}

static void ex_finish(void *p) {
  ex_state *st = p;
  dw_vec_free(&st->dates);
  dw_vec_free(&st->ments);
  dw_vec_free(&st->events);
  dw_event_args_free(&st->a);
  dw_user_release(st->months);
  diwan_buf_free(&st->clean);
  diwan_buf_free(&st->json);
  diwan_buf_free(&st->text);
  diwan_buf_free(&st->ment);
  sqlite3_free(st->mchars);
}

static const dw_tvf diwan_extract = {
  .name = "diwan_extract",
  .columns = "what TEXT, start INTEGER, length INTEGER, surface TEXT, value TEXT, "
             "first_day TEXT, last_day TEXT, precision TEXT, calendar TEXT, "
             "modifier TEXT, lang TEXT, kind TEXT, id TEXT, name TEXT, country TEXT, "
             "sentence INTEGER, type TEXT, cameo TEXT, actor1 TEXT, actor2 TEXT, "
             "persons TEXT, place TEXT, status TEXT, mentions TEXT, text TEXT",
  .args = {"input", "anchor", "partial"},
  .nRequired = 1,
  .stateSize = sizeof(ex_state),
  .start = ex_start,
  .next = ex_next,
  .finish = ex_finish,
};

int dw_register_extract(sqlite3 *db, char **pzErr) {
  return dw_register_tvf(db, &diwan_extract, pzErr);
}
