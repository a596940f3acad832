/* Talks among the factions of one state. "محادثات … تشارك فيها أطراف
** يمنية", "talks between the Libyan factions", "les parties libyennes":
** the parties of such talks are sides inside one state, so the talks are
** no contact between that state and the other state the clause names (the
** host or the mediator, "المساعي العمانية", "in Oman"). That other state,
** named in the clause as a party, mediates: one mediation from it to the
** state; named nowhere in the clause (the document's pair filled it in),
** there is no event. A faction word is a cue of kind faction (cues.tsv)
** with the state's adjective or name right next to it, white space only
** between.
**
** A meeting of an organisation chaired by a state's official ("برئاسة
** وزير الخارجية القطري", "chaired by", "sous la présidence de", "под
** председательством"; cues.tsv, kind chair) is no contact between that
** state and the organisation when the clause names the state only there:
** no event. */
#include <string.h>
#include "events_int.h"

static int blank_between(const char *s, size_t a, size_t b) {
  if (a > b) return 0;
  for (size_t i = a; i < b; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') return 0;
  return 1;
}

/* The party whose factions the scope names, or NULL. */
static const char *faction_state(const ev_doc *d, const ev_scope *sc) {
  for (size_t i = sc->i0; i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_FACTION) continue;
    for (size_t m = sc->m0; m < sc->m1; m++) {
      const diwan_mention *mt = &d->ment[m];
      if (blank_between(d->s, it->end, mt->start) ||
          blank_between(d->s, mt->start + mt->len, it->start))
        return gz_party(mt->entity);
    }
  }
  return NULL;
}

#define CHAIR_REACH 4   /* words from a chair cue to the chair's state:
                           "برئاسة وزير الخارجية القطري" */

/* Every mention of party p in the scope (its venue aside) stands at most CHAIR_REACH words
** after a chair cue: p is named only as the one who chairs. */
static int only_chair(const ev_doc *d, const ev_scope *sc, const char *p,
                      const char *type) {
  int any = 0;
  size_t last = 0;        /* the end of the chair's last mention */
  for (size_t m = sc->m0; m < sc->m1; m++) {
    const diwan_mention *mt = &d->ment[m];
    if (!ev_eq(gz_party(mt->entity), p) || ev_not_party(d, sc, m, type)) continue;
    /* the chair's name after his title ("القطري الدكتور خالد …") */
    int chair = any && ev_words_between(d->s, last, mt->start, CHAIR_REACH) < CHAIR_REACH;
    for (size_t i = sc->i0; i < sc->i1 && !chair; i++) {
      const ev_item *it = &d->item[i];
      chair = it->tag == EV_CUE && it->cue->kind == CUE_CHAIR && it->end <= mt->start &&
              ev_words_between(d->s, it->end, mt->start, CHAIR_REACH) < CHAIR_REACH;
    }
    if (!chair) return 0;
    any = 1;
    last = mt->start + mt->len;
  }
  return any;
}

int ev_factions(const ev_doc *d, const ev_scope *sc, diwan_event *e) {
  if ((strcmp(e->type, "talks") && strcmp(e->type, "meeting")) || !e->actor1 || !e->actor2)
    return 0;
  /* a meeting of a body chaired by one of its members: the chair is no
  ** counterpart of the body ("لقاء تنسيقيا … برئاسة وزير الخارجية القطري،
  ** وحضور الأمين العام لمجلس التعاون") */
  int org1 = !strncmp(e->actor1, "org:", 4), org2 = !strncmp(e->actor2, "org:", 4);
  if ((org1 && !org2 && only_chair(d, sc, e->actor2, e->type)) ||
      (org2 && !org1 && only_chair(d, sc, e->actor1, e->type)))
    return -1;
  const char *x = faction_state(d, sc);
  if (!x || (!ev_eq(x, e->actor1) && !ev_eq(x, e->actor2))) return 0;
  const char *y = ev_eq(x, e->actor1) ? e->actor2 : e->actor1;
  if (!ev_named_in(d, sc, "mediation", y)) return -1;
  e->type = "mediation";
  e->cameo = "045";
  e->actor1 = y;
  e->actor2 = x;
  return 1;
}
