/* Internal: the gazetteer object, shared by entities.c and events. */
#ifndef DIWAN_GAZETTEER_H
#define DIWAN_GAZETTEER_H
#include "diwan.h"
#include "match/phrase.h"

/* A surname noted while loading (names.c). */
typedef struct gz_sur {
  char *key;                /* the folded last word, owned */
  const char *word;         /* as written, in the gazetteer's arena */
  size_t n, idx;            /* its length; the person */
} gz_sur;

struct diwan_gazetteer {
  ph_table tab;             /* surfaces; payload = index into ents */
  ph_arena strings;
  diwan_entity *ents;
  int *kindrank;            /* per entity: 0 country … 3 person */
  size_t nents, capents;
  size_t *byid;             /* open addressing over ents by id, +1 (0 = empty) */
  size_t capid;
  gz_sur *sur;              /* surnames noted while loading (names.c) */
  size_t nsur, capsur;
};

/* The static string of a kind name, or NULL when it is not a kind. */
const char *diwan_kind_name(const char *s, size_t n, int *rank);

/* Phrase tag of a surface written in capitals only (UN, EU, US, ЕС): it
** matches only a text span with no lower-case letter, since its fold key is
** an ordinary word of another language (un, eu, us). */
#define GZ_ACRONYM 1

/* Phrase tag of a surname alone: in Latin and Cyrillic it matches only a
** capitalised word (Bush, not bush). */
#define GZ_CAPITAL 2

/* Phrase tag of a proper name written with a capital (La Réunion, Nice,
** Turkey): it matches only a text span with a capital letter or in a script
** without case, so the common noun it folds to (la réunion, nice, turkey)
** is not read as the place. */
#define GZ_PROPER 3

/* The entity of row f (id, kind, name, country), created on first sight. */
int gz_entity(diwan_gazetteer *g, const char *const f[6], const size_t len[6],
              size_t *idx);
/* The entity of this id, or NULL. */
const diwan_entity *gz_by_id(const diwan_gazetteer *g, const char *id);
/* One more written form of entity idx (a person's, noting its surname). */
int gz_add_surface(diwan_gazetteer *g, const char *s, size_t n, size_t idx);
/* The case forms of a person's name in a language that inflects names
** (ru, az), added as surfaces of idx (names.c). */
int gz_person_forms(diwan_gazetteer *g, const char *lang, const char *s,
                    size_t n, size_t idx);
/* Notes the last word of a person's full name (names.c). */
int gz_note_surname(diwan_gazetteer *g, const char *s, size_t n, size_t idx);
/* Adds the surnames noted: for the person, for the family of one state, or
** not at all (names.c). */
int gz_surnames(diwan_gazetteer *g);

/* 1 when s[0..n) is an acronym surface: 2 to 6 letters, all capitals. */
int gz_is_acronym(const char *s, size_t n);
/* The tag of a surface by its letter case: GZ_ACRONYM, GZ_PROPER or 0. */
int gz_case_tag(const char *s, size_t n);

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
