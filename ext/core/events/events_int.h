/* Internal: what events.c gathers over a document and events_attach.c reads
** to give an event its date, actors, place and persons. */
#ifndef DIWAN_EVENTS_INT_H
#define DIWAN_EVENTS_INT_H
#include <string.h>
#include "events_lex.h"
#include "entities/gazetteer.h"

/* Two ids are the same (a NULL id, a missing party, equals only NULL). */
static inline int ev_eq(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* The character at s is an Arabic letter (U+0600..U+06FF: lead byte D8-DB);
** the rules that tell Arabic word order apart ask it of a word's first byte. */
static inline int ev_arabic(const char *s) {
  unsigned char b = (unsigned char)*s;
  return b >= 0xD8 && b <= 0xDB;
}

/* One hit of the event lexicon. A document holds about one per 28 bytes
** of text, the largest array of a call: what a hit points to depends on its
** tag, so the three share one word (32 bytes a hit, not 48; read a field
** only after checking the tag). */
typedef struct ev_item {
  size_t start, end;
  int tag;                          /* EV_TRIGGER, EV_ARG, EV_TITLE, EV_CUE */
  union {
    const ev_trigger *trig;         /* EV_TRIGGER */
    const char *name;               /* EV_ARG class, EV_TITLE role */
    const ev_cue *cue;              /* EV_CUE */
  };
} ev_item;

/* A dated event with persons, for the same visit told again later. */
typedef struct ev_recent {
  const char *type;
  int np;
  const char *p[DIWAN_EVENT_MAXPERSONS];
  diwan_date date;
} ev_recent;

#define EV_RECENT 8
#define EV_CONTACTS 4
#define EV_HOMES 8

typedef struct ev_npmemo ev_npmemo;

typedef struct ev_doc {
  const char *s;
  size_t n;
  diwan_mention *ment;
  size_t nment, capment;
  unsigned char *mstrip;            /* per mention: found only through a
                                       stripped clitic or prefix (للكويت) */
  size_t nmstrip, capmstrip;
  ev_item *item;
  size_t nitem, capitem;
  ph_tape tape;                     /* the units of the lexicon scan, for
                                       the bound names' scan (events_coref.c);
                                       freed after it */
  ev_npmemo *npmemo;                /* ev_not_party's answers in the
                                       current scope (events_parties.c) */
  diwan_date *date;                 /* of the current sentence */
  size_t ndate, capdate;
  size_t date_base;                 /* where the current sentence starts */
  const diwan_ymd *anchor;
  const char *pair[2];              /* the countries the document is about */
  const char *focus;                /* the first of them, even alone */
  const diwan_entity *pair_who[2];  /* the listed person (the gazetteer's
                                       entity) that named each, if one did:
                                       its state depends on the day */
  int has_last, has_para;           /* dates to inherit */
  diwan_date last, para;
  const char *para_type;            /* the type of the event dated para */
  ev_recent recent[EV_RECENT];      /* ring of the last dated events */
  int nrecent, rnext;
  const diwan_event_lexicon *ulex;  /* the user's, or NULL */
  const char *summit;               /* the host of the summit a
                                       participation last named (a trigger
                                       whose argument class is summit) */
  const char *there;                /* the host of the last visit told, */
  size_t there_end;                 /* and where its sentence ends: "There
                                       he …" opening the next sentence is
                                       in that host (events_attach.c) */
  diwan_entity *dated;              /* a copy of the entity of each
                                       mention of a listed person, its
                                       state that of the day read, owned
                                       (events_coref.c) */
  const diwan_entity **dated_base;  /* the gazetteer's entity of each */
  const char **dated_home;          /* and its state on no day: the
                                       gazetteer's, or the state of the
                                       title that introduces him */
  size_t ndated;
  long anchor_day;                  /* yyyymmdd, 0 without an anchor */
  long dated_day;                   /* the day the copies of mentions */
  size_t dated_m0, dated_m1;        /* [m0, m1) were last set for */
  diwan_entity *alias;              /* the persons events_coref.c bound to a
                                       party (id ""), owned */
  struct { const char *type, *cameo, *a1, *a2, *status; } contact[EV_CONTACTS];
  int ncontact, cnext;              /* ring of the last contacts told, for
                                       "the meeting" told again */
  struct { const char *place, *state, *who; int is; } home[EV_HOMES];
  int hnext;                        /* the last undated visits read against
                                       administered places (ev_domestic):
                                       the roles are read once per kind */
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

/* Adds the mentions of persons bound to a party by a title earlier in the
** document: their names, surnames and later bare titles (events_coref.c). */
int ev_coref(ev_doc *d);

/* A homonym of a state and a city (cues.tsv `homonym`: عمان, Oman or
** Amman) reads as the city where the document names the city's state and
** not the other (events_homonyms.c). */
int ev_homonyms(ev_doc *d, const diwan_gazetteer *const *gs, int ng);

/* One more element of a growable array; NULL when out of memory. */
void *ev_push(void **arr, size_t *n, size_t *cap, size_t size);

typedef struct clause {
  size_t start, end;        /* bytes: after the boundary before, to the next */
  size_t i0, i1;            /* items */
  size_t t0, t1;            /* its valid triggers in the sentence's list */
  int hard;                 /* it opens at a boundary cue of value 1 ("alors
                               que"): no group before it governs it */
  int rel;                  /* it opens at a boundary cue of value 2, a
                               relative clause ("שעל בסיסה", ", which"):
                               its group governs no clause after it */
} clause;

/* An event already given for this sentence, to drop repeats. */
typedef struct seen_ev {
  const char *type, *a1, *a2, *status;
  char value[64];
} seen_ev;

/* One sentence being read; walk() in events.c fills the first fields. */
typedef struct sent_ctx {
  ev_doc *d;
  size_t index, start, end;
  size_t i0, i1;
  clause *cl;
  size_t ncl, capcl;
  size_t *trig;             /* item indices of valid triggers */
  size_t ntrig, captrig;
  int inherit;
  seen_ev seen[16];
  int nseen;
  int own_status;           /* the event being told keeps its status */
  diwan_event_cb cb;
  void *ctx;
} sent_ctx;

/* The events of the sentence x, passed to x->cb. */
int ev_sentence(sent_ctx *x, ev_scope *cur);

int ev_scope_has_cue(const ev_doc *d, size_t i0, size_t i1, int kind,
                     int *value);
/* Puts the target of a directed event (the country visited, the host of an
** embassy) second when a marker of directions.tsv names it
** (events_direction.c); otherwise leaves the actors as they are. */
void ev_orient(const ev_doc *d, const ev_scope *sc, diwan_event *e);
/* "par" or "by" follows byte end, one adverb allowed between ("soutenues
** également par", "backed mainly by"): a passive support or aid whose giver
** follows (events_direction.c). */
int ev_by_agent(const ev_doc *d, size_t end);
/* The hosts of a tour: the countries and cities of the scope that follow a
** visit marker ("in Tanzania", "to Mozambique", "au Mali"), other than the
** visitor's (e->actor1), at most max; 0 when the trigger is no tour
** ("tour of", "tournée", "турне"), or an itinerary (a visit trigger whose
** argument is a site: "will see an orphanage in Tanzania"). *visitor: the
** visitor, e->actor1 unless that is one of the hosts; -1 when a tour or an
** itinerary has no visitor but its hosts (no event). */
int ev_tour_hosts(const ev_doc *d, const ev_scope *sc, const diwan_event *e,
                  const char **host, int max, const char **visitor);
/* The status of e, whose trigger is item ti of the clause's items
** [i0, i1): "happened", "planned", "hypothetical" or "negated"
** (events_status.c). */
const char *ev_status(const ev_doc *d, size_t i0, size_t i1, size_t ti,
                      const diwan_event *e);
/* Arabic and Hebrew put the verb first (زار وزير الخارجية الكويتي
** أذربيجان); in English, French and Russian what follows the trigger is its
** object. Read from the trigger's first byte at pos: U+0590..U+06FF. */
int ev_verb_first(const ev_doc *d, size_t pos);
/* Mention m follows a locative marker (directions.tsv, type venue: في
** جنيف, à Genève, in Geneva, в Женеве, בז'נבה); lo bounds the look-back. */
int ev_is_venue(const ev_doc *d, size_t m, size_t lo);
/* Mention m follows a posting marker (directions.tsv, type posting: the
** ambassador *to* Russia, l'ambassadeur russe *en* France, посол России
** *во* Франции); lo bounds the look-back. */
int ev_is_posting(const ev_doc *d, size_t m, size_t lo);
/* Mention m of the scope is an envoy's post, no party of an event of this
** type: after a posting marker, an envoy's title (cues.tsv kind posting)
** at most three words before it, two other parties in the scope
** (events_parties.c). */
int ev_posted(const ev_doc *d, const ev_scope *sc, size_t m, const char *type);
/* Mention m cannot be a party of an event of this type: a topic ("the
** Iranian nuclear deal", "الملف السوري") or, for a meeting, talks, a
** signing, a mediation or an invitation, its venue (events_parties.c). */
/* A topic cue stands right after mention mt or at most one word before it
** ("الأزمة السورية", "the Iranian nuclear deal"); sc bounds the items. */
int ev_is_topic(const ev_doc *d, const ev_scope *sc, const diwan_mention *mt);
/* Mention m is a city where something is held: after a locative marker
** (في جنيف) or right after a meeting noun (لقاء الدوحة); or a Hebrew
** country name in the construct of a meeting noun ("שיחות אורוגוואי"). */
int ev_city_venue(const ev_doc *d, const ev_scope *sc, size_t m);
int ev_not_party(const ev_doc *d, const ev_scope *sc, size_t m, const char *type);
/* Party a is named in the scope as a party of an event of the type (not a
** topic nor a venue), not only filled in from the document's pair
** (events_sentence.c). */
int ev_named_in(const ev_doc *d, const ev_scope *sc, const char *type, const char *a);
void ev_npmemo_free(ev_npmemo *p);
/* Talks or a meeting among the factions of one state (cues.tsv, kind
** faction, next to the state's name: "أطراف يمنية", "the Libyan
** factions") are no contact of that state with the other party: 1 when
** e became a mediation from that party (named in the scope) to the state,
** -1 when it is no event, 0 when e is no such talks (events_factions.c).
** -1 also for a meeting of an organisation with a state named only as its
** chair (cues.tsv, kind chair: "برئاسة", "chaired by"). */
int ev_factions(const ev_doc *d, const ev_scope *sc, diwan_event *e);
/* A meeting or talks of an international body ("a meeting of the African
** Union", "le sommet du COMESA", "саммит ШОС"): multilateral, no contact
** of its own; the body follows the trigger t (events_sentence.c). */
int ev_multilateral(const ev_doc *d, const ev_item *t);
/* In English a city, a seat of government or a body right before a meeting
** noun names where it is held or whose meeting it is, never a party: "the
** Downing Street talks", "the Geneva talks", "an EU summit", "WTO talks". */
int ev_premodifier(const ev_doc *d, const ev_scope *sc, size_t m);
/* Mention m is one of a list of three parties or more ("The Bahamas, East
** Timor, Madagascar and Swaziland are among…"): examples, not what the
** document is about. */
int ev_in_long_list(const ev_doc *d, const ev_scope *sc, size_t m);
/* The pairs of an event whose trigger has a list of parties on one side
** and one or more on the other ("the Egyptian and Saudi ministers met
** Assad", "visited Kenya, Tanzania and Mozambique"): source side first.
** 0 when there is no such list (the event keeps its two actors); -1 when
** the event is multilateral (a meeting, talks or a signing with three
** parties or more on one side) and gives none. */
int ev_pairs(const ev_doc *d, const ev_scope *sc, const diwan_event *e,
             const char *pair[][2], int max);
/* The events of a document, each told once (events_merge.c): ev_merge_add
** is the callback the sentences report to, ev_merge_flush hands the events
** on in the order of their first mention. */
#define EV_HEADS 8
typedef struct ev_merge {
  diwan_event *ev;
  size_t nev, capev;
  struct mkey *keys;
  size_t nkeys, capkeys;
  size_t title_end;                 /* bytes of the headline, 0 if none */
  size_t head[EV_HEADS];            /* its undated events told without a
                                       status cue, until the lead tells them */
  int nhead;
} ev_merge;
int ev_merge_add(void *ctx, const diwan_event *e);
int ev_merge_flush(ev_merge *m, int partial, diwan_event_cb cb, void *ctx);
void ev_merge_free(ev_merge *m);
/* Items are in text order: the first of [lo, hi) that starts at or after
** pos (events_parties.c). */
size_t ev_item_from(const ev_doc *d, size_t lo, size_t hi, size_t pos);
/* An upper-case letter (Latin, Cyrillic): what opens a sentence or a name
** (events_coref.c). */
int ev_upper(uint32_t c);
/* Dates from the discourse (events_discourse.c): the undated events
** m->ev[e0, e1) of a sentence take the one date of the next sentence
** [start, end) (its items [i0, i1), its own events m->ev[n1, m->nev)) when
** that one adds to the same occasion: an additive cue, no party outside
** the event's pair, the target of a directed event named. */
int ev_discourse_date(ev_doc *d, ev_merge *m, size_t e0, size_t e1, size_t n1,
                      size_t start, size_t end, size_t i0, size_t i1);
/* Words that start in [a, b), counting stops past max. */
int ev_words_between(const char *s, size_t a, size_t b, int max);
/* Mentions are in text order and do not overlap: the index of the first
** one starting at or after pos, and the number of those ending by pos. */
size_t ev_ment_from(const ev_doc *d, size_t pos);
size_t ev_ment_ended(const ev_doc *d, size_t pos);
/* The origin and the receiver of a shipment (a trigger of argument class
** cargo: "قادمة من ميناء العقبة الأردني"); leaves e as it is when the
** clause names no origin (events_attach.c). */
void ev_cargo_actors(const ev_doc *d, const ev_scope *sc, diwan_event *e);
/* A visit by an official of the state that administered its place on
** its day (administered.tsv, diwan_roles rows of role administration;
** undated with no anchor: on a day one of its listed persons held an
** office, else on any day): a domestic trip, no event. */
int ev_domestic(ev_doc *d, const diwan_event *e);
/* Sets the state of each listed person the scope names to the one he
** served on e's day (its date, else the anchor day; events_coref.c), and
** returns that day (yyyymmdd, 0 when neither). */
long ev_date_persons(ev_doc *d, const ev_scope *sc, const diwan_event *e);
/* The state listed person e (the gazetteer's entity) served on day. */
const char *ev_state_on(const ev_doc *d, const diwan_entity *e, long day);
/* Fills the date, actors, place and persons of e (type and trigger set). */
void ev_attach(ev_doc *d, const ev_scope *sc, diwan_event *e);
/* An undated visit or meeting with a person of an earlier dated one of the
** same type is that one told again ("خلال زيارة الرئيس إلهام علييف"):
** takes its date. 1 when it did. */
int ev_same_person(ev_doc *d, diwan_event *e);
/* Keeps a dated event for ev_same_person. */
void ev_remember(ev_doc *d, const diwan_event *e);

#endif
