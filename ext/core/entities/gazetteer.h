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

/* The entity a match stands for: on equal length the hit matched on the
** fewest derived keys (an exact spelling beats a stem), then the first
** gazetteer of gs (the user's), then the kind order, then file order. NULL
** if none. */
const diwan_entity *gz_best_hit(const ph_match *m,
                                const diwan_gazetteer *const *gs, int ng);

#endif
