/* Internal: the gazetteer object, shared by entities.c and events. */
#ifndef DIWAN_GAZETTEER_H
#define DIWAN_GAZETTEER_H
#include "diwan.h"
#include "match/phrase.h"

struct diwan_gazetteer {
  ph_table tab;             /* surfaces; payload = index into ents */
  ph_arena strings;
  diwan_entity *ents;
  int *kindrank;            /* per entity: 0 country … 3 person */
  size_t nents, capents;
  size_t *byid;             /* open addressing over ents by id, +1 (0 = empty) */
  size_t capid;
};

/* The static string of a kind name, or NULL when it is not a kind. */
const char *diwan_kind_name(const char *s, size_t n, int *rank);

/* Phrase tag of a surface written in capitals only (UN, EU, US, ЕС): it
** matches only a text span with no lower-case letter, since its fold key is
** an ordinary word of another language (un, eu, us). */
#define GZ_ACRONYM 1

/* 1 when s[0..n) is an acronym surface: 2 to 6 letters, all capitals. */
int gz_is_acronym(const char *s, size_t n);

/* The entity a match in the text s stands for: on equal length the hit
** matched on the fewest derived keys (an exact spelling beats a stem), then
** the first gazetteer of gs (the user's), then the kind order, then file
** order; an acronym only where the text has no lower-case letter. NULL if
** none. */
const diwan_entity *gz_best_hit(const ph_match *m, const char *s,
                                const diwan_gazetteer *const *gs, int ng);

/* The party an entity stands for in an event: a country is itself; a city,
** a person or a national body is its country; an international
** organisation is itself (org:un), and one of its bodies is the organisation
** its country column names (the WFP acts for org:un). NULL if none. */
const char *gz_party(const diwan_entity *e);

#endif
