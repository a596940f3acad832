/* Which way a directed event goes: the visitor and the country visited, the
** country that opens an embassy and its host. The target is the country or
** city right after a marker of directions.tsv (إلى باكو, للكويت, au Koweït,
** visited Baku, בבאקו); the other actor is the source. Without a marker the
** actors keep the order of the sentence: a guess is worse than none. */
#include <string.h>
#include "events_int.h"
#include "base/alloc.h"
#include "base/data.h"

#define DIR_NEAR 200     /* bytes around the triggers where the target is
                            looked for, as for persons */

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A French elision glued to the place (à l’Azerbaïdjan) is skipped. */
static size_t skip_elision(const char *s, size_t lo, size_t pos) {
  if (pos >= lo + 4 && memcmp(s + pos - 3, "\xe2\x80\x99", 3) == 0 &&
      (s[pos - 4] == 'l' || s[pos - 4] == 'L'))
    return pos - 4;
  if (pos >= lo + 2 && s[pos - 1] == '\'' && (s[pos - 2] == 'l' || s[pos - 2] == 'L'))
    return pos - 2;
  return pos;
}

/* The word before pos, separated from it by white space: [*w0, *w1).
** 0 when there is none. */
static int word_before(const char *s, size_t lo, size_t pos, size_t *w0, size_t *w1) {
  size_t p = skip_elision(s, lo, pos), e;
  while (p > lo && blank(s[p - 1])) p--;
  if (p == pos || p == lo) return 0;
  e = p;
  while (p > lo && !blank(s[p - 1])) p--;
  *w0 = p;
  *w1 = e;
  return 1;
}

/* Bytes equal, ASCII and basic Cyrillic letters in either case (To, "В
** Москву" at the start of a sentence; À stays exact). */
static int same_word(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x - 'A' + 'a');
    if (x == 0xD0 && i + 1 < n && (unsigned char)a[i + 1] >= 0x90 &&
        (unsigned char)a[i + 1] <= 0xAF) {            /* А-Я -> а-я */
      unsigned char c = (unsigned char)a[i + 1], lx, ly;
      lx = c < 0xA0 ? 0xD0 : 0xD1;
      ly = c < 0xA0 ? (unsigned char)(c + 0x20) : (unsigned char)(c - 0x20);
      if ((unsigned char)b[i] != lx || (unsigned char)b[i + 1] != ly) return 0;
      i++;
      continue;
    }
    if (x != y) return 0;
  }
  return 1;
}

/* Characters of the UTF-8 text [a, b). */
static size_t chars(const char *s, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Nothing but white space, or a mark that opens a clause (, ; : « " ( —),
** before pos since lo. */
static int clause_first(const char *s, size_t lo, size_t pos) {
  while (pos > lo && blank(s[pos - 1])) pos--;
  if (pos == lo) return 1;
  unsigned char c = (unsigned char)s[pos - 1];
  if (c == ',' || c == ';' || c == ':' || c == '"' || c == '(') return 1;
  /* «, —: whole sequences, not their last byte, which ends Cyrillic
  ** letters too (Д is D0 94: "МИД Японии посетил") */
  return (pos - lo >= 2 && !memcmp(s + pos - 2, "\xc2\xab", 2)) ||
         (pos - lo >= 3 && !memcmp(s + pos - 3, "\xe2\x80\x94", 3));
}

/* The trigger is written in the script of the marker's language. */
static int same_script(const ev_doc *d, const diwan_event *e, const ev_dir *r) {
  size_t k;
  uint32_t c = diwan_utf8_decode((const unsigned char *)d->s + e->start, e->len, &k);
  return (int)diwan_script_of(c) == r->script;
}

/* The word before a mention (word_before), read once for all the markers
** marked_as tries on it. */
typedef struct before_word { int state; size_t w0, w1; } before_word;  /* state: 0 unread, 1 none, 2 read */

static int word_before_once(const ev_doc *d, size_t lo, const diwan_mention *mt,
                            before_word *b, size_t *w0, size_t *w1) {
  if (!b->state) b->state = word_before(d->s, lo, mt->start, &b->w0, &b->w1) ? 2 : 1;
  *w0 = b->w0;
  *w1 = b->w1;
  return b->state == 2;
}

static int marker_at(const ev_doc *d, size_t m, const diwan_event *e,
                     const ev_dir *r, size_t lo, before_word *b) {
  const diwan_mention *mt = &d->ment[m];
  size_t w0, w1, end = mt->start + mt->len;
  switch (r->form) {
    case DIR_BEFORE:
      if (!same_script(d, e, r) || !clause_first(d->s, lo, mt->start) || e->start < end)
        return 0;
      for (size_t i = end; i < e->start; i++)
        if (!blank(d->s[i])) return 0;
      return 1;
    case DIR_ENDING:
      if (e && !same_script(d, e, r)) return 0;
      if (mt->len <= r->len || memcmp(d->s + end - r->len, r->marker, r->len)) return 0;
      return !word_before_once(d, lo, mt, b, &w0, &w1) || chars(d->s, w0, w1) > 3;
    case DIR_PREFIX:
      return d->mstrip[m] && mt->len > r->len &&
             memcmp(d->s + mt->start, r->marker, r->len) == 0;
    case DIR_TRIGGER:
      return word_before_once(d, lo, mt, b, &w0, &w1) && w1 == e->start + e->len;
    default:
      return word_before_once(d, lo, mt, b, &w0, &w1) && w1 - w0 == r->len &&
             same_word(d->s + w0, r->marker, r->len);
  }
}

/* The built-in markers grouped by type, built once: marked_as is asked for
** every mention near every trigger and read the whole list, comparing
** types, each time. Whether any marker of a type holds does not depend on
** their order. */
#define DIR_TYPES 64
typedef struct dir_group { const char *type; const ev_dir **dir; size_t n; } dir_group;
static dir_group groups[DIR_TYPES];
static int ngroups;
static const ev_dir **grouped;

static void free_groups(void *unused) {
  (void)unused;
  diwan_free(grouped);
  grouped = NULL;
  ngroups = 0;
}

static int build_groups(void) {
  const diwan_event_lexicon *x = ev_lexicon_builtin();
  if (!x) return DIWAN_NOMEM;
  const ev_dir **g = diwan_malloc((x->ndirs ? x->ndirs : 1) * sizeof *g);
  if (!g) return DIWAN_NOMEM;
  size_t k = 0;
  int n = 0;
  for (size_t i = 0; i < x->ndirs && n < DIR_TYPES; i++) {
    int seen = 0;
    for (int t = 0; t < n && !seen; t++) seen = strcmp(groups[t].type, x->dirs[i].type) == 0;
    if (seen) continue;
    groups[n].type = x->dirs[i].type;
    groups[n].dir = g + k;
    for (size_t j = i; j < x->ndirs; j++)
      if (strcmp(x->dirs[j].type, groups[n].type) == 0) g[k++] = &x->dirs[j];
    groups[n].n = (size_t)(g + k - groups[n].dir);
    n++;
  }
  if (k < x->ndirs) {        /* more types than groups: never with our data */
    diwan_free(g);
    return DIWAN_ERROR;
  }
  grouped = g;
  ngroups = n;
  diwan_at_unload(free_groups, NULL);
  return DIWAN_OK;
}

/* -1: the type has no markers; 1: mention m follows one; 0: it does not.
** e may be NULL when type has no `*` marker. */
static int marked_as(const ev_doc *d, size_t m, const char *type,
                     const diwan_event *e, size_t lo) {
  static diwan_once once = DIWAN_ONCE_INIT;
  int any = -1;
  before_word b = {0, 0, 0};
  /* without the groups (out of memory) the lexicon's list is read */
  if (!diwan_once_run(&once, build_groups)) {
    const dir_group *gr = NULL;
    for (int t = 0; t < ngroups && !gr; t++)
      if (groups[t].type[0] == type[0] && strcmp(groups[t].type, type) == 0) gr = &groups[t];
    for (size_t i = 0; gr && i < gr->n; i++) {
      const ev_dir *r = gr->dir[i];
      if (!e && (r->form == DIR_TRIGGER || r->form == DIR_BEFORE)) continue;
      if (marker_at(d, m, e, r, lo, &b)) return 1;
      any = 0;
    }
    return any;
  }
  const diwan_event_lexicon *x = ev_lexicon_builtin();
  for (size_t i = 0; x && i < x->ndirs; i++) {
    const ev_dir *r = &x->dirs[i];
    if (strcmp(r->type, type) ||
        (!e && (r->form == DIR_TRIGGER || r->form == DIR_BEFORE)))
      continue;
    if (marker_at(d, m, e, r, lo, &b)) return 1;
    any = 0;
  }
  return any;
}

static int marked(const ev_doc *d, size_t m, const diwan_event *e, size_t lo) {
  return marked_as(d, m, e->type, e, lo);
}

int ev_is_venue(const ev_doc *d, size_t m, size_t lo) {
  return marked_as(d, m, "venue", NULL, lo) > 0;
}

int ev_is_posting(const ev_doc *d, size_t m, size_t lo) {
  return marked_as(d, m, "posting", NULL, lo) > 0;
}

static const char *place_country(const diwan_entity *x) {
  if (strcmp(x->kind, "country") == 0) return x->id;
  if (strcmp(x->kind, "city") == 0 && x->country[0]) return x->country;
  return NULL;            /* a person or a body is an actor, not a place */
}

/* The party of the person named nearest the triggers whose party is not
** target, or NULL. */
static const char *nearest_person(const ev_doc *d, const ev_scope *sc,
                                  const char *target) {
  const char *best = NULL;
  size_t bd = 2 * DIR_NEAR;
  for (size_t m = sc->m0; m < sc->m1; m++) {
    const diwan_mention *mt = &d->ment[m];
    if (strcmp(mt->entity->kind, "person")) continue;
    const char *p = gz_party(mt->entity);
    if (!p || strcmp(p, target) == 0) continue;
    size_t end = mt->start + mt->len;
    /* the subject, before the trigger, first */
    size_t dist = end <= sc->g0 ? sc->g0 - end
                  : mt->start >= sc->g1 ? DIR_NEAR + mt->start - sc->g1 : 0;
    if (dist < bd) { bd = dist; best = p; }
  }
  return best;
}

/* The party of the person named nearest the trigger elsewhere in its
** sentence, not target: the subject of the main clause is the subject of
** a participle before it ("Before visiting Israel, Mr Blair made…"). */
static const char *sentence_person(const ev_doc *d, const diwan_event *e,
                                   const char *target) {
  size_t lo = ev_ment_from(d, e->sent_start), end = e->sent_start + e->sent_len;
  size_t bd = (size_t)-1;
  const char *best = NULL;
  for (size_t m = lo; m < d->nment && d->ment[m].start < end; m++) {
    const diwan_mention *mt = &d->ment[m];
    const char *p = gz_party(mt->entity);
    if (strcmp(mt->entity->kind, "person") || !p || strcmp(p, target) == 0) continue;
    size_t dist = mt->start >= e->start ? mt->start - e->start : e->start - mt->start;
    if (dist < bd) { bd = dist; best = p; }
  }
  return best;
}

/* The sentence names party p (else the document's pair put it there). */
static int named(const ev_doc *d, const ev_scope *sc, const char *p) {
  for (size_t m = sc->m0; m < sc->m1; m++) {
    const char *x = gz_party(d->ment[m].entity);
    if (x && strcmp(x, p) == 0) return 1;
  }
  return 0;
}

/* A visit whose target the sentence marks ("was in India visiting", "un
** voyage en Allemagne", "visited the tomb … in Ramallah") whose other
** actor the sentence does not name (the document's pair filled it in) is the visit of the
** person named nearest the trigger, before it first, to that place ("שר
** החוץ קואן קיצן יוצא היום לבגדאד" is CN, IQ in a report on the US and
** Iraq). Not in Arabic, whose verb-first clauses name the visitor after. */
static void retarget(const ev_doc *d, const ev_scope *sc, diwan_event *e) {
  if (strcmp(e->type, "visit") || ev_arabic(d->s + e->start)) return;
  for (size_t m = sc->m0; m < sc->m1; m++) {
    size_t pos = d->ment[m].start;
    if (pos >= sc->g1 + DIR_NEAR) break;
    if (pos + DIR_NEAR < sc->g0) continue;
    const char *c = place_country(d->ment[m].entity);
    if (!c || ev_not_party(d, sc, m, e->type) || marked(d, m, e, sc->start) <= 0) continue;
    int t1 = e->actor1 && strcmp(c, e->actor1) == 0, t2 = e->actor2 && strcmp(c, e->actor2) == 0;
    const char *other = t1 ? e->actor2 : t2 ? e->actor1 : NULL;
    if (other && named(d, sc, other)) return;     /* ev_orient puts it second */
    const char *who = nearest_person(d, sc, c);
    if (!who) who = sentence_person(d, e, c);
    /* no person: the one actor the scope names, by a country or its
    ** adjective ("The French minister arrived in Moscow"), the other
    ** being the pair's */
    int n1 = e->actor1 && !t1 && named(d, sc, e->actor1);
    int n2 = e->actor2 && !t2 && named(d, sc, e->actor2);
    if (!who && n1 != n2) who = n1 ? e->actor1 : e->actor2;
    if (!who) return;
    e->actor1 = who;
    e->actor2 = c;
    return;
  }
}

int ev_by_agent(const ev_doc *d, size_t end) {
  const char *s = d->s;
  size_t a = end;
  while (a < d->n && blank(s[a])) a++;
  /* one adverb may come first: "soutenues également par", "backed mainly by" */
  size_t w = a;
  while (w < d->n && w - a < 24 && !blank(s[w])) w++;
  if ((w > a + 4 && (memcmp(s + w - 4, "ment", 4) == 0 || memcmp(s + w - 2, "ly", 2) == 0)) ||
      (w - a == 4 && memcmp(s + a, "also", 4) == 0) ||
      (w - a == 5 && memcmp(s + a, "aussi", 5) == 0)) {
    a = w;
    while (a < d->n && blank(s[a])) a++;
  }
  return (a + 3 < d->n && memcmp(s + a, "par", 3) == 0 && blank(s[a + 3])) ||
         (a + 2 < d->n && memcmp(s + a, "by", 2) == 0 && blank(s[a + 2]));
}

/* "X was backed by Y", "X a été soutenu par Y": the giver follows. */
static int passive(const ev_doc *d, const diwan_event *e) {
  if (strcmp(e->type, "support") && strcmp(e->type, "aid")) return 0;
  return ev_by_agent(d, e->start + e->len);
}

/* An Arabic visit noun whose visitor is the name right after it and whose
** host a marker names next ("زيارة مملوك للسعودية", "زيارة الجبير إلى
** موسكو"): those two, whatever the document's pair (a third party the
** sentence names as the one quoted, a pair that fills in). 1 when set. */
static int construct_visit(const ev_doc *d, const ev_scope *sc, diwan_event *e) {
  if (strcmp(e->type, "visit") || !ev_arabic(d->s + e->start)) return 0;
  size_t end = e->start + e->len, m = ev_ment_from(d, end);
  if (m + 1 >= sc->m1 || strcmp(d->ment[m].entity->kind, "person")) return 0;
  for (size_t i = end; i < d->ment[m].start; i++)
    if (!blank(d->s[i])) return 0;
  const char *who = gz_party(d->ment[m].entity);
  size_t n = m + 1, after = d->ment[m].start + d->ment[m].len;
  const char *host = place_country(d->ment[n].entity);
  if (!who || !host || strcmp(who, host) == 0 ||
      ev_words_between(d->s, after, d->ment[n].start, 2) > 1 ||
      marked(d, n, e, sc->start) <= 0)
    return 0;
  e->actor1 = who;
  e->actor2 = host;
  return 1;
}

void ev_orient(const ev_doc *d, const ev_scope *sc, diwan_event *e) {
  if (construct_visit(d, sc, e)) return;
  retarget(d, sc, e);
  if (!e->actor1 || !e->actor2) return;
  if (passive(d, e)) {
    const char *t = e->actor1;
    e->actor1 = e->actor2;
    e->actor2 = t;
    return;
  }
  for (size_t m = sc->m0; m < sc->m1; m++) {
    size_t pos = d->ment[m].start;
    if (pos >= sc->g1 + DIR_NEAR) break;          /* mentions are in order */
    if (pos + DIR_NEAR < sc->g0) continue;
    const char *c = place_country(d->ment[m].entity);
    int a1 = c && strcmp(c, e->actor1) == 0, a2 = c && strcmp(c, e->actor2) == 0;
    if (!a1 && !a2) continue;         /* a third country is no target */
    int k = marked(d, m, e, sc->start);
    if (k < 0) return;
    if (!k) continue;
    if (a1) {
      e->actor1 = e->actor2;
      e->actor2 = c;
    }
    return;
  }
}

/* A tour: the trigger is "tour", "tournée" or "турне" ("on a tour of Africa,
** spent two days in Tanzania before heading to Mozambique"). */
static int tour_trigger(const ev_doc *d, const diwan_event *e) {
  const char *w = d->s + e->start;
  size_t n = e->len;
  return (n >= 4 && same_word(w, "tour", 4)) ||
         (n >= 10 && memcmp(w, "\xd1\x82\xd1\x83\xd1\x80\xd0\xbd\xd0\xb5", 10) == 0);
}

/* A visit whose trigger needs a site ("will see an orphanage in Tanzania
** and a credit union in Mozambique", arguments.tsv class site): an
** itinerary, one visit per place it names, as a tour. */
static int site_trigger(const ev_doc *d, const ev_scope *sc, const diwan_event *e) {
  for (size_t i = sc->i0; i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag == EV_TRIGGER && it->start == e->start && strcmp(it->trig->arg, "site") == 0)
      return 1;
  }
  return 0;
}

int ev_tour_hosts(const ev_doc *d, const ev_scope *sc, const diwan_event *e,
                  const char **host, int max, const char **visitor) {
  *visitor = e->actor1;
  if (strcmp(e->type, "visit") || !e->actor1) return 0;
  int site = site_trigger(d, sc, e), tour = site || tour_trigger(d, e);
  int n = 0, self = 0;
  for (size_t m = sc->m0; m < sc->m1 && n < max; m++) {
    const char *p = place_country(d->ment[m].entity);
    if (!p || marked(d, m, e, sc->start) <= 0) continue;
    int dup = 0;
    for (int i = 0; i < n && !dup; i++) dup = strcmp(host[i], p) == 0;
    if (!dup) host[n++] = p;
    self |= strcmp(p, e->actor1) == 0;
  }
  /* the event's first actor is itself a host ("Mark Rutte spent two days
  ** in Ghana before heading to Togo", "She will see a camp in Togo and a
  ** school in Benin"): the visitor is the party of the person named
  ** nearest, else, for an itinerary, the document's party that is no
  ** host; every marked place is a host */
  if (self) {
    const char *v = nearest_person(d, sc, e->actor1);
    for (int i = 0; i < n && v; i++)
      if (strcmp(host[i], v) == 0) v = NULL;
    for (int k = 0; k < 2 && !v && site; k++) {
      const char *p = d->pair[k];
      int is_host = !p;
      for (int i = 0; i < n && !is_host; i++) is_host = strcmp(host[i], p) == 0;
      if (!is_host) v = p;
    }
    if (!v) return tour ? -1 : 0;    /* an itinerary of no known visitor */
    *visitor = v;
  } else if (!tour) {
    return 0;
  }
  int k = 0;                        /* the visitor visits no host of its own */
  for (int i = 0; i < n; i++)
    if (strcmp(host[i], *visitor)) host[k++] = host[i];
  return k;
}
