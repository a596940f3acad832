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
  CUE_ACCESSION, CUE_BODY, CUE_PRONOUN, CUE_SUBORDINATOR, CUE_THERE, CUE_ADDITIVE,
  CUE_FACTION, CUE_CHAIR, CUE_POSTING, CUE_HOMONYM
};

/* An event's status (status.tsv); the order breaks ties between cues.
** ST_PRESENT is a cue's only: it becomes planned or happened by the date. */
enum { ST_HAPPENED = 0, ST_PRESENT, ST_PLANNED, ST_HYPOTHETICAL, ST_NEGATED };
extern const char *const ev_status_names[5];

/* Where a status cue must stand, in words from the trigger (status.tsv). */
/* REACH_OPENS: anywhere before it, the cue opening its clause (Hebrew
** לו "if" is also "to him" inside a clause). */
enum { REACH_BEFORE = 1, REACH_AFTER, REACH_OPENS };

typedef struct ev_trigger {
  const char *type, *cameo, *arg;   /* cameo NULL when none; arg "" when none */
  int rank, contact;                /* contact: visit, meeting, talks, invitation */
} ev_trigger;

typedef struct ev_cue {
  int kind, value;                  /* CUE_STATUS: value is an ST_ status */
  const char *place;                /* CUE_HOMONYM: the id of the place
                                       the surface also names */
  int where, reach;                 /* CUE_STATUS: REACH_BEFORE or
                                       REACH_AFTER, at most reach words
                                       away; reach -1: anywhere before */
} ev_cue;

typedef struct ev_role {
  const char *person, *role, *country;
  long from, to;                    /* yyyymmdd; to 0: still in office */
  size_t next_who, next_office;     /* the next row of its bucket in each
                                       index, in load order (events_roles.c) */
} ev_role;

/* Dated roles indexed by person and by (role, country), kept as rows are
** added; read-only once the lexicon is built (events_roles.c). */
typedef struct ev_roles {
  ev_role *r;
  size_t n, cap;
  size_t *bucket;                   /* heads and tails by person, then by
                                       office: 4 * nb */
  size_t nb;                        /* a power of two, 0 when empty */
} ev_roles;

/* Adds a copy of r (its strings are not copied); DIWAN_NOMEM leaves t as
** it was. */
int ev_roles_add(ev_roles *t, const ev_role *r);
void ev_roles_free(ev_roles *t);
/* The rows of person who, in load order: the first with after NULL, then
** the one after `after`; NULL at the end (t may be NULL). */
const ev_role *ev_roles_of(const ev_roles *t, const ev_role *after, const char *who);
/* The same for the rows of role in country. */
const ev_role *ev_roles_in(const ev_roles *t, const ev_role *after, const char *role,
                           const char *country);

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
  ev_roles roles;                   /* dated offices */
  ev_roles admin;                   /* role "administration": person is a
                                       place id, country the state that
                                       administered it from, to */
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
/* Adds the conjugated forms of the French trigger s[0..n) when it is
** written as an infinitive in -er or -dre, the reflexive "se " before it
** kept (se rendre: se rendait, se rendra, s'est rendu …); the present
** singular of a lone word only when guarded (it needs an argument)
** (events_forms.c). */
int ev_add_fr_conjugation(ph_table *tab, const char *s, size_t n, int guarded, size_t idx);

/* yyyymmdd of an ISO day or year ("1994-10-10", "1994"), or 0. */
long ev_day_number(const char *s, size_t n);

#endif
