/* The dated roles of an event lexicon (roles*.tsv, administered.tsv, the
** user's diwan_roles) with two hash indexes kept as rows are added: by
** person, and by (role, country). The event code asks "what did this person
** hold on that day" (events_coref.c, events_attach.c) and "who held this
** office of that state on that day" (events_attach.c) for every mention and
** title: each question reads one bucket, not every row.
**
** Buckets chain their rows in load order (head and tail per bucket), so a
** walk meets rows in the order of the files, as the linear walk did: the
** first row that matches still wins. There is no step after loading; the
** table is read-only once its lexicon is built (shared between threads). */
#include <stdint.h>
#include <string.h>
#include "events_lex.h"
#include "base/alloc.h"

#define NONE ((size_t)-1)

#define FNV_BASIS 14695981039346656037u
static uint64_t hash_str(uint64_t h, const char *s) {   /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static size_t hash_who(const char *who) { return (size_t)hash_str(FNV_BASIS, who); }

static size_t hash_office(const char *role, const char *country) {
  return (size_t)hash_str(hash_str(FNV_BASIS, role) ^ 0x1f, country);
}

/* Links row i at the tail of its two buckets. */
static void link_row(ev_roles *t, size_t i) {
  ev_role *r = &t->r[i];
  size_t *head = t->bucket, *tail = head + t->nb;
  size_t b = hash_who(r->person) & (t->nb - 1);
  r->next_who = NONE;
  if (head[b] == NONE) head[b] = i;
  else t->r[tail[b]].next_who = i;
  tail[b] = i;
  head += 2 * t->nb;
  tail += 2 * t->nb;
  b = hash_office(r->role, r->country) & (t->nb - 1);
  r->next_office = NONE;
  if (head[b] == NONE) head[b] = i;
  else t->r[tail[b]].next_office = i;
  tail[b] = i;
}

/* Twice the buckets, every row linked again in load order: amortised
** constant time per row. On failure the table is as it was. */
static int grow_buckets(ev_roles *t) {
  size_t nb = t->nb ? t->nb * 2 : 64;
  size_t *b = diwan_malloc(4 * nb * sizeof *b);
  if (!b) return DIWAN_NOMEM;
  memset(b, 0xff, 4 * nb * sizeof *b);   /* NONE everywhere */
  diwan_free(t->bucket);
  t->bucket = b;
  t->nb = nb;
  for (size_t i = 0; i < t->n; i++) link_row(t, i);
  return DIWAN_OK;
}

int ev_roles_add(ev_roles *t, const ev_role *r) {
  if (t->n == t->cap) {
    size_t c = t->cap ? t->cap * 2 : 64;
    ev_role *p = diwan_realloc(t->r, c * sizeof *p);
    if (!p) return DIWAN_NOMEM;
    t->r = p;
    t->cap = c;
  }
  if (t->n >= t->nb && grow_buckets(t)) return DIWAN_NOMEM;
  t->r[t->n] = *r;
  link_row(t, t->n++);
  return DIWAN_OK;
}

void ev_roles_free(ev_roles *t) {
  diwan_free(t->r);
  diwan_free(t->bucket);
  memset(t, 0, sizeof *t);
}

const ev_role *ev_roles_of(const ev_roles *t, const ev_role *after, const char *who) {
  if (!t || !t->nb) return NULL;
  size_t i = after ? after->next_who : t->bucket[hash_who(who) & (t->nb - 1)];
  for (; i != NONE; i = t->r[i].next_who)
    if (strcmp(t->r[i].person, who) == 0) return &t->r[i];
  return NULL;
}

const ev_role *ev_roles_in(const ev_roles *t, const ev_role *after, const char *role,
                           const char *country) {
  if (!t || !t->nb) return NULL;
  size_t i = after ? after->next_office
                   : t->bucket[2 * t->nb + (hash_office(role, country) & (t->nb - 1))];
  for (; i != NONE; i = t->r[i].next_office)
    if (strcmp(t->r[i].role, role) == 0 && strcmp(t->r[i].country, country) == 0)
      return &t->r[i];
  return NULL;
}
