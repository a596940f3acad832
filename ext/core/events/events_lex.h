/* Internal: the event lexicon (triggers, argument classes, titles, cues,
** dated roles) as one phrase table, and the pieces events.c works with. */
#ifndef DIWAN_EVENTS_LEX_H
#define DIWAN_EVENTS_LEX_H
#include "diwan.h"
#include "match/phrase.h"

enum { EV_TRIGGER = 1, EV_ARG, EV_TITLE, EV_CUE };
enum {
  CUE_PAIR = 1, CUE_NONEVENT, CUE_CITATION, CUE_INHERIT, CUE_RELATIVE,
  CUE_ANNIVERSARY, CUE_IGNORE, CUE_BOUNDARY, CUE_STATUS, CUE_TOPIC, CUE_SHIFT, CUE_JOINT,
  CUE_ANAPHOR, CUE_ANEW, CUE_OTHERS, CUE_URGE, CUE_COUNTERPART, CUE_STANCE,
  CUE_ACCESSION, CUE_BODY, CUE_ADDITIVE, CUE_FACTION, CUE_CHAIR
};

/* An event's status (status.tsv); the order breaks ties between cues.
** ST_PRESENT is a cue's only: it becomes planned or happened by the date. */
enum { ST_HAPPENED = 0, ST_PRESENT, ST_PLANNED, ST_HYPOTHETICAL, ST_NEGATED };
extern const char *const ev_status_names[5];

/* Where a status cue must stand, in words from the trigger (status.tsv). */
enum { REACH_BEFORE = 1, REACH_AFTER };

typedef struct ev_trigger {
  const char *type, *cameo, *arg;   /* cameo NULL when none; arg "" when none */
  int rank, contact;                /* contact: visit, meeting, talks, invitation */
} ev_trigger;

typedef struct ev_cue {
  int kind, value;                  /* CUE_STATUS: value is an ST_ status */
  int where, reach;                 /* CUE_STATUS: REACH_BEFORE or
                                       REACH_AFTER, at most reach words
                                       away; reach -1: anywhere before */
} ev_cue;

typedef struct ev_role {
  const char *person, *role, *country;
  long from, to;                    /* yyyymmdd; to 0: still in office */
} ev_role;

/* A marker of the target of a directed event (directions.tsv). */
typedef struct ev_dir {
  const char *type, *marker;
  size_t len;
  int form;                         /* DIR_WORD, DIR_PREFIX, DIR_TRIGGER, … */
  int script;                       /* of its language: DIR_BEFORE and
                                       DIR_ENDING hold for triggers of it */
} ev_dir;

enum { DIR_WORD = 1, DIR_PREFIX, DIR_TRIGGER,
       DIR_BEFORE,      /* +: the place, first in its clause, right before
                           the trigger (Москву посетил, Китай посетил Путин) */
       DIR_ENDING };    /* ~x: a place whose word ends in x, not after a
                           short word (a preposition): the Russian
                           accusative (Японию), the Azerbaijani dative */

struct diwan_event_lexicon {
  ph_table tab;
  ph_arena strings;
  ev_trigger *trig;
  size_t ntrig, captrig;
  const char **names;               /* argument classes and title roles */
  size_t nnames, capnames;
  ev_cue *cues;
  size_t ncues, capcues;
  ev_role *roles;
  size_t nroles, caproles;
  ev_role *admin;                   /* role "administration": person is a
                                       place id, country the state that
                                       administered it from, to */
  size_t nadmin, capadmin;
  ev_dir *dirs;
  size_t ndirs, capdirs;
};

/* The compiled-in lexicon, built once; NULL when out of memory. */
const diwan_event_lexicon *ev_lexicon_builtin(void);

/* The payload of a phrase hit, by its tag. */
static inline const ev_trigger *ev_hit_trigger(const diwan_event_lexicon *x,
                                               const ph_phrase *p) {
  return &x->trig[p->payload];
}

/* Adds the feminine and plural agreement forms of the French trigger
** s[0..n) (its first word in -é, -u or -i; s'est becomes se sont in the
** plural) for trigger idx (events_forms.c). */
int ev_add_fr_agreement(ph_table *tab, const char *s, size_t n, size_t idx);

/* yyyymmdd of an ISO day or year ("1994-10-10", "1994"), or 0. */
long ev_day_number(const char *s, size_t n);

#endif
