/* Internal: what events.c gathers over a document and events_attach.c reads
** to give an event its date, actors, place and persons. */
#ifndef DIWAN_EVENTS_INT_H
#define DIWAN_EVENTS_INT_H
#include "events_lex.h"
#include "gazetteer.h"

/* One hit of the event lexicon. */
typedef struct ev_item {
  size_t start, end;
  int tag;                          /* EV_TRIGGER, EV_ARG, EV_TITLE, EV_CUE */
  const ev_trigger *trig;           /* EV_TRIGGER */
  const char *name;                 /* EV_ARG class, EV_TITLE role */
  const ev_cue *cue;                /* EV_CUE */
} ev_item;

typedef struct ev_doc {
  const char *s;
  size_t n;
  diwan_mention *ment;
  size_t nment, capment;
  ev_item *item;
  size_t nitem, capitem;
  diwan_date *date;                 /* of the current sentence */
  size_t ndate, capdate;
  size_t date_base;                 /* where the current sentence starts */
  const diwan_ymd *anchor;
  const char *pair[2];              /* the countries the document is about */
  int has_last, has_para;           /* dates to inherit */
  diwan_date last, para;
} ev_doc;

/* A part of a sentence that one group of triggers governs. */
typedef struct ev_scope {
  size_t start, end;
  size_t m0, m1;                    /* mentions in it: [m0, m1) */
  size_t i0, i1;                    /* items */
  size_t d0, d1;                    /* dates */
  int inherit;                      /* the sentence has an inherit cue */
  size_t g0, g1;                    /* bytes from the group's first trigger
                                       to its last */
} ev_scope;

int ev_scope_has_cue(const ev_doc *d, size_t i0, size_t i1, int kind,
                     int *value);
/* Fills the date, actors, place and persons of e (type and trigger set). */
void ev_attach(ev_doc *d, const ev_scope *sc, diwan_event *e);

#endif
