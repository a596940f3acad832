/* One row per event per document. A report often tells its event several
** times (in the title, the lead, the body); those mentions are one event:
** the same type, the same pair of parties (either order) and the same
** status, with dates that agree (one inside the other, or one undated).
** The event keeps its first mention's trigger and sentence, the most
** precise date, the persons of all mentions and the list of mentions.
** Events are kept by a hash of type, pair and status; a new mention is
** compared with the last MERGE_RECENT events of its key only, so the work
** stays linear however many events a document has. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "events_int.h"
#include "base/alloc.h"

#define MERGE_RECENT 8

typedef struct mkey {
  uint64_t h;
  size_t recent[MERGE_RECENT];     /* indices into ev, oldest overwritten */
  int nrecent, next;
  size_t first;                    /* an event of the key, to compare with */
} mkey;

static uint64_t hash_str(uint64_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return (h ^ 0xff) * 1099511628211ULL;
}

static const char *lo(const diwan_event *e) {
  if (!e->actor1 || !e->actor2) return e->actor1 ? e->actor1 : e->actor2;
  return strcmp(e->actor1, e->actor2) <= 0 ? e->actor1 : e->actor2;
}

static const char *hi(const diwan_event *e) {
  if (!e->actor1 || !e->actor2) return NULL;
  return strcmp(e->actor1, e->actor2) <= 0 ? e->actor2 : e->actor1;
}

static uint64_t key_of(const diwan_event *e) {
  uint64_t h = 14695981039346656037ULL;
  h = hash_str(h, e->type);
  h = hash_str(h, lo(e));
  h = hash_str(h, hi(e));
  return hash_str(h, e->status);
}

static int same_key(const diwan_event *a, const diwan_event *b) {
  return ev_eq(a->type, b->type) && ev_eq(lo(a), lo(b)) && ev_eq(hi(a), hi(b)) &&
         ev_eq(a->status, b->status);
}

static int has_days(const diwan_event *e) {
  return e->has_date && e->date.first_day[0] && e->date.last_day[0];
}

/* Dates agree when one is unknown or one interval holds the other. */
static int dates_agree(const diwan_event *a, const diwan_event *b) {
  if (!has_days(a) || !has_days(b)) return 1;
  const diwan_date *x = &a->date, *y = &b->date;
  return (strcmp(x->first_day, y->first_day) <= 0 && strcmp(y->last_day, x->last_day) <= 0) ||
         (strcmp(y->first_day, x->first_day) <= 0 && strcmp(x->last_day, y->last_day) <= 0);
}

/* y is a better date than x: days where x has none, or a narrower span. */
static int more_precise(const diwan_event *x, const diwan_event *y) {
  if (!y->has_date) return 0;
  if (!x->has_date) return 1;
  if (!has_days(y)) return 0;
  if (!has_days(x)) return 1;
  return strcmp(y->date.first_day, x->date.first_day) >= 0 &&
         strcmp(y->date.last_day, x->date.last_day) <= 0 &&
         (strcmp(y->date.first_day, x->date.first_day) || strcmp(y->date.last_day, x->date.last_day));
}

static void absorb(diwan_event *into, const diwan_event *e) {
  if (more_precise(into, e)) {
    into->date = e->date;
    into->has_date = 1;
  }
  if (!into->place) into->place = e->place;
  for (int i = 0; i < e->npersons && into->npersons < DIWAN_EVENT_MAXPERSONS; i++) {
    int dup = 0;
    for (int k = 0; k < into->npersons && !dup; k++) dup = ev_eq(into->persons[k], e->persons[i]);
    if (!dup) into->persons[into->npersons++] = e->persons[i];
  }
  for (int i = 0; i < e->nmentions; i++) {
    if (into->nmentions < DIWAN_EVENT_MAXMENTIONS) into->mention[into->nmentions] = e->mention[i];
    into->nmentions++;
  }
}

static int grow_keys(ev_merge *m) {
  size_t cap = m->capkeys ? m->capkeys * 2 : 16;   /* most documents tell few */
  mkey *k = diwan_calloc(cap, sizeof *k);
  if (!k) return DIWAN_NOMEM;
  for (size_t i = 0; i < m->capkeys; i++) {
    if (!m->keys[i].nrecent) continue;
    size_t j = m->keys[i].h & (cap - 1);
    while (k[j].nrecent) j = (j + 1) & (cap - 1);
    k[j] = m->keys[i];
  }
  diwan_free(m->keys);
  m->keys = k;
  m->capkeys = cap;
  return DIWAN_OK;
}

/* The slot of e's key: found, or the empty one where it goes. */
static mkey *slot(ev_merge *m, const diwan_event *e, uint64_t h) {
  size_t j = h & (m->capkeys - 1);
  for (; m->keys[j].nrecent; j = (j + 1) & (m->capkeys - 1))
    if (m->keys[j].h == h && same_key(&m->ev[m->keys[j].first], e)) break;
  return &m->keys[j];
}

static int is_contact(const char *t) {
  return !strcmp(t, "visit") || !strcmp(t, "meeting") || !strcmp(t, "talks");
}

/* Adds event i to the recent list of its key. */
static void keep(ev_merge *m, size_t i) {
  const diwan_event *e = &m->ev[i];
  uint64_t h = key_of(e);
  mkey *k = slot(m, e, h);
  if (!k->nrecent) { k->h = h; k->first = i; m->nkeys++; }
  k->recent[k->next] = i;
  k->next = (k->next + 1) % MERGE_RECENT;
  if (k->nrecent < MERGE_RECENT) k->nrecent++;
}

/* A headline has no tense of its own ("محادثات بين موسكو والرياض", "Talks
** in Moscow"): its event is the one the body first tells with the same
** pair (and type, or both contacts), and takes that one's status. Only
** undated headline events marked happened by default are waiting. */
static int settle_heads(ev_merge *m, const diwan_event *e) {
  if (e->start < m->title_end) return 0;
  for (int i = 0; i < m->nhead; i++) {
    diwan_event *x = &m->ev[m->head[i]];
    if (!ev_eq(lo(x), lo(e)) || !ev_eq(hi(x), hi(e))) continue;
    if (!ev_eq(x->type, e->type) && !(is_contact(x->type) && is_contact(e->type))) continue;
    size_t idx = m->head[i];
    m->head[i] = m->head[--m->nhead];
    i--;
    if (ev_eq(x->status, e->status)) continue;
    x->status = e->status;    /* its old key stops matching it: slot() probes on */
    if ((m->nkeys + 1) * 2 > m->capkeys && grow_keys(m)) return DIWAN_NOMEM;
    keep(m, idx);
  }
  return 0;
}

static int shares_actor(const diwan_event *a, const diwan_event *b) {
  const char *x[2] = {a->actor1, a->actor2}, *y[2] = {b->actor1, b->actor2};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      if (x[i] && ev_eq(x[i], y[j])) return 1;
  return 0;
}

/* Both name persons and none of a's is among b's: two different events. */
static int other_persons(const diwan_event *a, const diwan_event *b) {
  if (!a->npersons || !b->npersons) return 0;
  for (int i = 0; i < a->npersons; i++)
    for (int k = 0; k < b->npersons; k++)
      if (ev_eq(a->persons[i], b->persons[k])) return 0;
  return 1;
}

static int shares_person(const diwan_event *a, const diwan_event *b) {
  return a->npersons && b->npersons && !other_persons(a, b);
}

/* The event e tells again, whatever its status: for a definite or
** demonstrative event noun (e->refers: "وتناولت المحادثات", "הביקור",
** "שיחות אלה"), the latest event of its type (any contact, for a contact)
** of its pair, else that shares a party with it and no other persons, with
** no other date ("جرت في النصف الثاني من يوليو" dates it): the noun names the
** event in focus, its local pair and tense are the sentence's, not a new
** event's ("سوف تتطرق المباحثات" tells what the talks will cover). Else a
** mention of the same type and pair with a person of it and dates that
** agree, both dated ("زيارة الجبير إلى موسكو" after "يزور … الجبير موسكو
** اليوم"). A headline event still waiting for the body's tense is no
** antecedent (settle_heads). Looks back at most MERGE_BACK events, so the
** work stays linear. NULL when none. */
#define MERGE_BACK 16
static int waiting_head(const ev_merge *m, size_t i) {
  for (int k = 0; k < m->nhead; k++)
    if (m->head[k] == i) return 1;
  return 0;
}

static diwan_event *told_before(ev_merge *m, const diwan_event *e) {
  size_t stop = m->nev > MERGE_BACK ? m->nev - MERGE_BACK : 0;
  /* one pair of a list ("اللقاء الثلاثي الذي جمع …"): its siblings came
  ** from the same trigger, and it names only its own pair */
  int listed = 0;
  for (size_t i = m->nev; i-- > stop && !listed;) {
    const diwan_event *x = &m->ev[i];
    int nm = x->nmentions < DIWAN_EVENT_MAXMENTIONS ? x->nmentions : DIWAN_EVENT_MAXMENTIONS;
    for (int k = 0; k < nm && !listed; k++) listed = x->mention[k].start == e->start;
  }
  diwan_event *near = NULL;
  for (size_t i = m->nev; i-- > stop;) {
    diwan_event *x = &m->ev[i];
    if (waiting_head(m, i)) continue;
    if (e->refers) {
      if (!ev_eq(x->type, e->type) && !(is_contact(x->type) && is_contact(e->type)))
        continue;
      if (!dates_agree(x, e)) continue;
      if (ev_eq(lo(x), lo(e)) && ev_eq(hi(x), hi(e))) return x;
      if (!near && !listed && shares_actor(x, e) && !other_persons(x, e)) near = x;
      continue;
    }
    if (ev_eq(x->type, e->type) && ev_eq(lo(x), lo(e)) && ev_eq(hi(x), hi(e)) &&
        shares_person(x, e) && has_days(x) && has_days(e) && dates_agree(x, e))
      return x;
  }
  return near;
}

int ev_merge_add(void *ctx, const diwan_event *e) {
  ev_merge *m = ctx;
  if ((m->nkeys + 1) * 2 > m->capkeys && grow_keys(m)) return DIWAN_NOMEM;
  if (m->nhead && settle_heads(m, e)) return DIWAN_NOMEM;
  diwan_event *told = e->start >= m->title_end ? told_before(m, e) : NULL;
  if (told) { absorb(told, e); return 0; }
  /* a definite or demonstrative noun that names no event told before and
  ** not its parties either ("وتمهيدا لهذا الاجتماع،": a party only the
  ** document's pair fills in) is no event: never a new pair out of the
  ** event in focus. With its parties named ("لا تزال المباحثات الكويتية
  ** الأذربيجانية جارية") it may be the first report. */
  if (e->refers == 2 && e->start >= m->title_end) return 0;
  if ((m->nkeys + 1) * 2 > m->capkeys && grow_keys(m)) return DIWAN_NOMEM;
  uint64_t h = key_of(e);
  mkey *k = slot(m, e, h);
  for (int i = 0; i < k->nrecent; i++) {
    diwan_event *x = &m->ev[k->recent[i]];
    if (dates_agree(x, e)) { absorb(x, e); return 0; }
  }
  diwan_event *p = ev_push((void **)&m->ev, &m->nev, &m->capev, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = *e;
  if (!k->nrecent) { k->h = h; k->first = m->nev - 1; m->nkeys++; }
  k->recent[k->next] = m->nev - 1;
  k->next = (k->next + 1) % MERGE_RECENT;
  if (k->nrecent < MERGE_RECENT) k->nrecent++;
  if (e->start < m->title_end && !e->has_date && m->nhead < EV_HEADS &&
      ev_eq(e->status, ev_status_names[ST_HAPPENED]) && e->actor1 && e->actor2)
    m->head[m->nhead++] = m->nev - 1;
  return 0;
}

int ev_merge_flush(ev_merge *m, int partial, diwan_event_cb cb, void *ctx) {
  int rc = 0;
  for (size_t i = 0; i < m->nev && !rc; i++) {
    const diwan_event *e = &m->ev[i];
    if (!partial && (!e->actor1 || !e->actor2)) continue;
    rc = cb(ctx, e);
  }
  return rc;
}

void ev_merge_free(ev_merge *m) {
  diwan_free(m->ev);
  diwan_free(m->keys);
  memset(m, 0, sizeof *m);
}
