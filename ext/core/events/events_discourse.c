/* Dates from the discourse: an event whose own sentence gives no date takes
** the one the next sentence gives when that sentence adds to the same
** occasion. News often announces an event in its lead and dates it in the
** sentence after ("Foreign Secretary X will visit Auschwitz … . Prince Y
** will also join the UK delegation in Poland for … Day on 27 January.";
** "سيزور الوزير … . وسيشارك أيضا … في الرياض يوم الأحد").
**
** The next sentence tells the same occasion when all of these hold:
** - it has an additive cue (cues.tsv, kind additive: also, aussi,
**   également, также, أيضا, גם): it adds a participant or a part to
**   something told just before;
** - every party it names is a party of the event, and for a directed
**   event (a visit) it names the target (the host): it is the same trip,
**   not another one with other parties;
** - the events it tells of its own (if any) are all between the event's
**   parties;
** - it holds exactly one date, of a day or a month: two dates, or a
**   year alone, do not say which is the occasion's.
** Only the sentence right after is read, and its dates only once the
** cheaper tests have passed: the cost stays linear. */
#include <stdint.h>
#include <string.h>
#include "events_int.h"

static int of_pair(const char *p, const diwan_event *e) {
  return ev_eq(p, e->actor1) || ev_eq(p, e->actor2);
}

/* Directed types whose target the next sentence must name. */
static int directed(const char *type) {
  return !strcmp(type, "visit") || !strcmp(type, "embassy_opened") ||
         !strcmp(type, "ambassador_appointed");
}

/* The parties the sentence [start, end) names all belong to e, at least
** one is named, and the target of a directed e is among them. */
static int names_only(const ev_doc *d, size_t start, size_t end,
                      const diwan_event *e) {
  int any = 0, target = 0;
  for (size_t m = ev_ment_from(d, start); m < d->nment && d->ment[m].start < end; m++) {
    const char *p = gz_party(d->ment[m].entity);
    if (!p) continue;
    if (!of_pair(p, e)) return 0;
    any = 1;
    if (ev_eq(p, e->actor2)) target = 1;
  }
  return any && (target || !directed(e->type));
}

typedef struct one_date {
  int n;
  diwan_date date;
} one_date;

static int on_date(void *ctx, const diwan_date *dt) {
  one_date *o = ctx;
  if (o->n++ == 0) o->date = *dt;
  return 0;
}

/* A date of a day or a month whose month at least is known. */
static int usable(const diwan_date *dt) {
  if (!dt->precision || (strcmp(dt->precision, "day") && strcmp(dt->precision, "month")))
    return 0;
  return strncmp(dt->value, "XXXX-XX", 7) != 0;
}

#define PENDING_MAX 64   /* events of one sentence read: a longer list of
                            events is a list of many parties, no occasion */

int ev_discourse_date(ev_doc *d, ev_merge *m, size_t e0, size_t e1, size_t n1,
                      size_t start, size_t end, size_t i0, size_t i1) {
  if (e0 >= e1 || !ev_scope_has_cue(d, i0, i1, CUE_ADDITIVE, NULL)) return 0;
  if (e1 - e0 > PENDING_MAX) e1 = e0 + PENDING_MAX;
  uint64_t want = 0;
  for (size_t i = e0; i < e1; i++) {
    const diwan_event *e = &m->ev[i];
    if (e->has_date || !e->actor1 || !e->actor2 || !names_only(d, start, end, e)) continue;
    int alone = 1;      /* the next sentence's own events stay within the pair */
    for (size_t k = n1; k < m->nev && alone; k++)
      alone = of_pair(m->ev[k].actor1, e) && of_pair(m->ev[k].actor2, e);
    if (alone) want |= (uint64_t)1 << (i - e0);
  }
  if (!want) return 0;
  one_date o;
  memset(&o, 0, sizeof o);
  int rc = diwan_dates(d->s + start, end - start, d->anchor, NULL, on_date, &o);
  if (rc || o.n != 1 || !usable(&o.date)) return rc;
  o.date.start += start;
  for (size_t i = e0; i < e1; i++)
    if (want >> (i - e0) & 1) {
      m->ev[i].date = o.date;
      m->ev[i].has_date = 1;
    }
  return 0;
}
