/* entity_each(text): one row per mention of a country, city, organization
** or person of the gazetteer (compiled in, plus the rows of a table
** diwan_gazetteer when the database has one). */
#include "dw.h"
#include "user_lexicon.h"

typedef struct ent_state {
  const char *s;
  diwan_gazetteer *user;
  dw_vec rows;               /* diwan_mention */
  size_t i;
  dw_charpos cp;
  diwan_buf clean;
} ent_state;

static int collect(void *ctx, const diwan_mention *m) {
  return dw_vec_push(&((ent_state *)ctx)->rows, m, sizeof *m);
}

static int ent_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  ent_state *st = p;
  size_t n;
  st->s = dw_arg_text(args[0], &n);
  if (!st->s) return SQLITE_OK;
  int rc = dw_user_gazetteer(db, "entity_each", &st->user, pzErr);
  if (rc != SQLITE_OK) return rc;
  if (diwan_entities(st->user, st->s, n, collect, st)) return SQLITE_NOMEM;
  dw_charpos_init(&st->cp, st->s, n);
  return SQLITE_OK;
}

static int ent_next(void *p, dw_val *row, char **pzErr) {
  ent_state *st = p;
  if (st->i >= st->rows.n) return 0;
  const diwan_mention *m = (const diwan_mention *)st->rows.p + st->i++;
  sqlite3_int64 a = dw_charpos_chars(&st->cp, m->start);
  sqlite3_int64 b = dw_charpos_chars(&st->cp, m->start + m->len);
  const diwan_entity *e = m->entity;
  dw_int(&row[0], a + 1);
  dw_int(&row[1], b - a);
  if (dw_clean_text(&row[2], st->s + m->start, m->len, &st->clean))
    return -SQLITE_NOMEM;
  dw_text(&row[3], e->kind, -1);
  dw_text(&row[4], e->id, -1);
  dw_text(&row[5], e->name, -1);
  if (e->country[0]) dw_text(&row[6], e->country, -1);
  return 1;
}

static void ent_finish(void *p) {
  ent_state *st = p;
  dw_vec_free(&st->rows);
  dw_user_release(st->user);
  diwan_buf_free(&st->clean);
}

static const dw_tvf entity_each = {
  .name = "entity_each",
  .columns = "start INTEGER, length INTEGER, surface TEXT, kind TEXT, id TEXT, "
             "name TEXT, country TEXT",
  .args = {"input"},
  .nRequired = 1,
  .stateSize = sizeof(ent_state),
  .start = ent_start,
  .next = ent_next,
  .finish = ent_finish,
};

int dw_register_entities(sqlite3 *db, char **pzErr) {
  return dw_register_tvf(db, &entity_each, pzErr);
}
