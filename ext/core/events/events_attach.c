/* What an event gets from its scope: the date the trigger governs (or one
** inherited within the report), the two actors, the place, the persons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "events_int.h"
#include "match/fold.h"

#define TITLE_GAP 24     /* bytes between a title and the country it names */
#define NEAR 200         /* bytes around the triggers where persons and the
                            place are taken: a long sentence names others */

#define PLACE_NEAR 100   /* a city further away is a topic ("the conflict
                            over Karabakh"), not where the event happened */

static int within(const ev_scope *sc, size_t pos, size_t w) {
  return pos + w >= sc->g0 && pos < sc->g1 + w;
}

static int near(const ev_scope *sc, size_t pos) { return within(sc, pos, NEAR); }

static size_t distance(size_t a0, size_t a1, size_t b0, size_t b1) {
  if (b0 >= a1) return b0 - a1;
  if (a0 >= b1) return a0 - b1;
  return 0;
}

/* A year-precision date for year y, keeping the span of the source. */
static void year_date(diwan_date *out, const diwan_date *src, int y) {
  diwan_date r;
  memset(&r, 0, sizeof r);
  r.start = src->start;
  r.len = src->len;
  if (y < 1 || y > 9999) { *out = *src; return; }
  snprintf(r.value, sizeof r.value, "%04d", y);
  snprintf(r.first_day, sizeof r.first_day, "%04d-01-01", y);
  snprintf(r.last_day, sizeof r.last_day, "%04d-12-31", y);
  r.precision = "year";
  r.calendar = "gregorian";
  r.lang = src->lang;
  *out = r;
}

static int year_of(const diwan_date *dt) {
  return dt->first_day[0] ? atoi(dt->first_day) : 0;
}

static int is_contact(const char *type) {
  return !strcmp(type, "visit") || !strcmp(type, "meeting") ||
         !strcmp(type, "talks") || !strcmp(type, "invitation");
}

static int same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static void attach_date(ev_doc *d, const ev_scope *sc, diwan_event *e) {
  size_t best = (size_t)-1, bd = 0;
  int n;
  for (size_t k = sc->d0; k < sc->d1; k++) {
    const diwan_date *dt = &d->date[k];
    size_t dist = distance(e->start, e->start + e->len, dt->start, dt->start + dt->len);
    if (best == (size_t)-1 || dist < bd) { best = k; bd = dist; }
  }
  if (best != (size_t)-1) {
    e->date = d->date[best];
    e->has_date = 1;
    if (ev_scope_has_cue(d, sc->i0, sc->i1, CUE_ANNIVERSARY, &n) && year_of(&e->date))
      year_date(&e->date, &e->date, year_of(&e->date) - n);
  } else if (ev_scope_has_cue(d, sc->i0, sc->i1, CUE_RELATIVE, &n) && d->has_last &&
             year_of(&d->last)) {
    year_date(&e->date, &d->last, year_of(&d->last) + n);
    e->has_date = 1;
  } else if (sc->inherit && d->has_last) {
    e->date = d->last;
    e->has_date = 1;
  } else if (d->has_para && (is_contact(e->type) || same(d->para_type, e->type))) {
    /* a meeting or talks later in the paragraph of a dated visit happened
    ** during it; an event of the type of the paragraph's dated one is that
    ** one told again ("Sept ambassadeurs ont remis leurs lettres de créance
    ** hier, 20 octobre. Les États-Unis, la France … ont donc officialisé la
    ** nomination …"); a statement of support there may be of any time */
    e->date = d->para;
    e->has_date = 1;
  }
  if (e->has_date) {
    d->last = d->para = e->date;
    d->has_last = d->has_para = 1;
    d->para_type = e->type;
  }
}

static int giving(const char *type) {
  return !strcmp(type, "aid") || !strcmp(type, "support");
}

static void add_actor(const char **a, int *na, const char *c) {
  if (*na < 2 && c && !same(a[0], c)) a[(*na)++] = c;
}

#define PRONOUN_LOOK 400  /* bytes back to the person a pronoun stands for */

static size_t skip_blank(const char *s, size_t a, size_t end) {
  while (a < end && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t')) a++;
  return a;
}

/* A cue of kind k that starts at byte pos, from item i on; NULL if none. */
static const ev_item *cue_at(const ev_doc *d, size_t i, size_t i1, size_t pos, int k) {
  for (; i < i1 && d->item[i].start <= pos; i++)
    if (d->item[i].start == pos && d->item[i].tag == EV_CUE && d->item[i].cue->kind == k)
      return &d->item[i];
  return NULL;
}

/* The word at s[0..n) opens with a French elided word (lorsqu'il, qu’elle:
** fr_elisions.txt, either apostrophe): its length with the apostrophe, or
** 0. The phrase scanner drops such an elision, so the pronoun's cue item
** starts at the word or after the elision. */
static size_t elided(const char *s, size_t n) {
  char w[12];
  size_t i = 0;
  while (i < n && i < 8 && s[i] != '\'' && s[i] != ' ' && (unsigned char)s[i] != 0xE2) i++;
  size_t k = i < n && s[i] == '\'' ? 1 : i + 2 < n && !memcmp(s + i, "\xe2\x80\x99", 3) ? 3 : 0;
  if (!i || !k || i + k >= n || i >= 8) return 0;
  memcpy(w, s, i);
  memcpy(w + i, "'x", 2);               /* dw_elision_len reads ' and a letter */
  return dw_elision_len(w, i + 2) ? i + k : 0;
}

static int capital_at(const char *s, size_t n) {
  size_t k;
  return n && ev_upper(diwan_utf8_decode((const unsigned char *)s, n, &k));
}

/* A clause that begins with a personal pronoun ("He is due to take part in
** talks", "Il a rencontré", "Он посетил"; cues.tsv, kind pronoun) is of the
** person named last before it, within PRONOUN_LOOK bytes: that person's
** party, else NULL. One subordinator may come first ("where he met", "et
** il a rencontré", "lorsqu'il"), the pronoun then in any case. */
static const char *pronoun_party(const ev_doc *d, const ev_scope *sc) {
  size_t a = skip_blank(d->s, sc->start, sc->end);
  size_t i = ev_item_from(d, sc->i0, sc->i1, a);
  const ev_item *p = cue_at(d, i, sc->i1, a, CUE_PRONOUN);
  size_t el = a < sc->end ? elided(d->s + a, sc->end - a) : 0;
  /* "Ce dernier" (value 1) in either case; "He" capitalised: a lower-case
  ** pronoun first in a clause is inside a sentence ("…, he said") */
  int is = p && (p->cue->value == 1 || el || capital_at(d->s + a, sc->end - a));
  if (!p && el)                                  /* qu'il: after the elision */
    is = cue_at(d, i, sc->i1, a + el, CUE_PRONOUN) != NULL;
  if (!p && !el) {
    const ev_item *sub = cue_at(d, i, sc->i1, a, CUE_SUBORDINATOR);
    size_t b = sub ? skip_blank(d->s, sub->end, sc->end) : a;
    is = sub && cue_at(d, ev_item_from(d, i, sc->i1, b), sc->i1, b, CUE_PRONOUN);
  }
  if (!is) return NULL;
  for (size_t m = sc->m0; m > 0; m--) {
    const diwan_mention *mt = &d->ment[m - 1];
    if (mt->start + PRONOUN_LOOK < a) break;
    if (mt->start < a && strcmp(mt->entity->kind, "person") == 0) return gz_party(mt->entity);
  }
  return NULL;
}

/* The scope names party p at all, even as a topic ("التعاون بين الكويت
** وأذربيجان"). */
static int mentions_party(const ev_doc *d, const ev_scope *sc, const char *p) {
  for (size_t m = sc->m0; m < sc->m1; m++)
    if (same(gz_party(d->ment[m].entity), p)) return 1;
  return 0;
}

/* The party named right next to a counterpart word (cues.tsv, kind
** counterpart: "نظيره الإيطالي", "بنظيريه، الأميركي", "עמיתו הירדני",
** "son homologue russe"; before it in "his Russian counterpart", "с
** российским коллегой"):
** the other side of a contact, whatever the document's pair is. White
** space (and one comma) only between. NULL when none. */
static const char *counterpart_party(const ev_doc *d, const ev_scope *sc,
                                     const char *type) {
  if (!is_contact(type)) return NULL;
  for (size_t i = sc->i0; i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_COUNTERPART) continue;
    /* value 1: the language puts the adjective before the noun ("his
    ** Russian counterpart", "с российским коллегой"), white space only
    ** between */
    size_t b = it->cue->value == 1 ? ev_ment_ended(d, it->start) : 0;
    if (b > sc->m0 && !ev_not_party(d, sc, b - 1, type) &&
        ev_words_between(d->s, d->ment[b - 1].start + d->ment[b - 1].len, it->start, 1) == 0)
      return gz_party(d->ment[b - 1].entity);
    size_t m = ev_ment_from(d, it->end);
    if (m >= sc->m1 || ev_not_party(d, sc, m, type)) continue;
    size_t gap = d->ment[m].start - it->end;
    int comma = 0;
    for (size_t k = it->end; k < d->ment[m].start && gap; k++)
      if (d->s[k] == ',' || !memcmp(d->s + k, "\xd8\x8c", 2)) comma++;   /* , ، */
    if (comma <= 1 && ev_words_between(d->s, it->end, d->ment[m].start, 1) <= comma)
      return gz_party(d->ment[m].entity);
  }
  return NULL;
}

/* An others cue in the scope: parties the text leaves unnamed ("other
** countries", "מדינות מתפתחות"). One of value 1 counts only after a number
** written in digits ("נציגי 105 מדינות", "30 countries"): a count of states
** is a multilateral gathering, the plural alone may be the pair's. */
static int unnamed_others(const ev_doc *d, const ev_scope *sc) {
  for (size_t i = sc->i0; i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_OTHERS) continue;
    if (it->cue->value != 1) return 1;
    size_t p = it->start;
    while (p > sc->start && (d->s[p - 1] == ' ' || d->s[p - 1] == '\t')) p--;
    if (p > sc->start && d->s[p - 1] >= '0' && d->s[p - 1] <= '9') return 1;
  }
  return 0;
}

/* "There he is expected to strike a similar pact", "Là, il a rencontré…",
** "Там он…": a sentence that opens with a there cue (cues.tsv) and a
** personal pronoun, right after the sentence of a visit, tells what the
** visitor does in its host. The host, or NULL. */
static const char *there_party(const ev_doc *d, const diwan_event *e) {
  if (!d->there || d->there_end > e->sent_start ||
      ev_words_between(d->s, d->there_end, e->sent_start, 1) > 0)
    return NULL;
  const char *s = d->s;
  size_t a = e->sent_start, end = e->sent_start + e->sent_len;
  size_t i = ev_item_from(d, 0, d->nitem, a);
  const ev_item *t = cue_at(d, i, d->nitem, a, CUE_THERE);
  if (!t) return NULL;
  size_t b = t->end;
  if (b < end && s[b] == ',') b++;
  while (b < end && s[b] == ' ') b++;
  const ev_item *p = cue_at(d, ev_item_from(d, i, d->nitem, b), d->nitem, b, CUE_PRONOUN);
  return p && p->cue->value == 0 ? d->there : NULL;
}

/* An Arabic contact noun with a possessive of the third person singular
** (لقائه, زيارته, زيارتها): the party of the person named last before it
** in its sentence, within OWNER_LOOK bytes; NULL when none. */
#define OWNER_LOOK 120
static const char *suffix_owner(const ev_doc *d, const diwan_event *e) {
  static const char *const suf[] = {"\xd9\x87", "\xd9\x87\xd8\xa7"};   /* ه ها */
  if (!is_contact(e->type) || !ev_arabic(d->s + e->start) || e->len < 6) return NULL;
  const char *w = d->s + e->start;
  int ok = 0;
  for (size_t i = 0; i < 2 && !ok; i++) {
    size_t k = strlen(suf[i]);
    ok = memcmp(w + e->len - k, suf[i], k) == 0;
  }
  if (!ok) return NULL;
  for (size_t m = ev_ment_ended(d, e->start); m > 0; m--) {
    const diwan_mention *mt = &d->ment[m - 1];
    if (mt->start < e->sent_start || mt->start + OWNER_LOOK < e->start) break;
    if (strcmp(mt->entity->kind, "person") == 0) return gz_party(mt->entity);
  }
  return NULL;
}

/* Party p is named in the scope only as an envoy's post (ev_posted). */
static int posted_party(const ev_doc *d, const ev_scope *sc, const char *p, const char *type) {
  int any = 0;
  for (size_t m = sc->m0; m < sc->m1 && m - sc->m0 < 64; m++) {
    if (!same(gz_party(d->ment[m].entity), p)) continue;
    if (!ev_posted(d, sc, m, type)) return 0;
    any = 1;
  }
  return any;
}

static void attach_actors(ev_doc *d, const ev_scope *sc, diwan_event *e) {
  const char *c[8], *a[2] = {NULL, NULL};
  int nc = 0, na = 0, person[8], thing[8];   /* named by a person; by a
                                                country, city or title */
  const char *he = ev_verb_first(d, e->start) ? NULL : pronoun_party(d, sc);
  if (he) { person[0] = 1; thing[0] = 0; c[nc++] = he; }
  for (size_t m = sc->m0; m < sc->m1 && nc < 8; m++) {
    if (ev_not_party(d, sc, m, e->type)) continue;    /* a topic, a venue */
    const char *x = gz_party(d->ment[m].entity);
    int dup = !x, is_person = strcmp(d->ment[m].entity->kind, "person") == 0;
    for (int i = 0; i < nc && !dup; i++)
      if (same(c[i], x)) { dup = 1; person[i] |= is_person; thing[i] |= !is_person; }
    if (!dup) { person[nc] = is_person; thing[nc] = !is_person; c[nc++] = x; }
  }
  /* "ما قدمه مملوك … خلال لقائه السياسيين السعوديين": the possessive on
  ** the noun is the person named last before it, a party as sure as one
  ** named by a country */
  const char *owner = suffix_owner(d, e);
  for (int i = 0; i < nc && owner; i++)
    if (same(c[i], owner)) { thing[i] = 1; owner = NULL; }
  const char *cp = d->pair[0] ? counterpart_party(d, sc, e->type) : NULL;
  /* the host "there" stands for is the other side when the sentence names
  ** one party at most (the visitor, as "he") */
  if (!cp && nc <= 1) cp = there_party(d, e);
  if (cp) {
    /* "الجبير … مع نظيره الإيطالي": one of the pair (else the first other
    ** party named) and the counterpart */
    for (int i = 0; i < nc; i++)
      if (!same(c[i], cp) && (same(c[i], d->pair[0]) || same(c[i], d->pair[1])))
        add_actor(a, &na, c[i]);
    for (int i = 0; i < nc && !na; i++)
      if (!same(c[i], cp)) add_actor(a, &na, c[i]);
    if (!na) add_actor(a, &na, same(cp, d->pair[0]) ? d->pair[1] : d->pair[0]);
    add_actor(a, &na, cp);
  /* "talks involving the United States and developing countries",
  ** "rencontrer d'autres pays africains": the other side is named, as
  ** parties the text leaves unnamed, so the document's pair fills in none */
  } else if (d->pair[0] && !unnamed_others(d, sc)) {
    for (int i = 0; i < nc; i++)
      if (same(c[i], d->pair[0]) || same(c[i], d->pair[1])) add_actor(a, &na, c[i]);
    /* one of the pair and a person of another party: the two the sentence
    ** names ("talks with Mr Blair, Mr Abbas said" in a report on Israel
    ** and the Palestinians). Not in Arabic and Hebrew, where a person of a
    ** third state is more often the one quoted about the pair. */
    for (int i = 0; i < nc && na == 1 && !ev_verb_first(d, e->start); i++)
      if (person[i]) add_actor(a, &na, c[i]);
    /* Arabic: one of the pair and one other party named by a country, a
    ** city or a title, and no more, the pair's other not named even as a
    ** topic, are the two ("وصل لافروف إلى الدوحة
    ** للقاء أمير دولة قطر" is RU–QA in a report on RU–SA); a person of a
    ** third state is more often the one quoted, and Hebrew reports of
    ** 1990 name bystanders so (measured: he P 0.692 -> 0.600) */
    if (na == 1 && nc == 2 && ev_arabic(d->s + e->start) &&
        !mentions_party(d, sc, same(a[0], d->pair[0]) ? d->pair[1] : d->pair[0]))
      for (int i = 0; i < nc; i++)
        if (thing[i]) add_actor(a, &na, c[i]);
    /* aid or support from an organisation the sentence names ("the
    ** decision by the Paris Club to write off Iraq's debts", "l'UE a
    ** suspendu son aide"): the organisation, not the document's pair */
    for (int i = 0; i < nc && na == 1 && giving(e->type); i++)
      if (!strncmp(c[i], "org:", 4)) add_actor(a, &na, c[i]);
    /* the pair's other is the envoy's post here ("the French ambassador to
    ** Russia met the Turkish minister" in a report on France and Russia):
    ** the other party the sentence names */
    const char *po = same(a[0], d->pair[0]) ? d->pair[1] : d->pair[0];
    for (int i = 0; i < nc && na == 1 && posted_party(d, sc, po, e->type); i++)
      if (!same(c[i], a[0])) add_actor(a, &na, c[i]);
    if (na == 1) add_actor(a, &na, po);
    if (na == 0 && (nc == 0 || ev_scope_has_cue(d, sc->i0, sc->i1, CUE_PAIR, NULL))) {
      add_actor(a, &na, d->pair[0]);
      add_actor(a, &na, d->pair[1]);
    }
  }
  if (na == 0)
    for (int i = 0; i < nc; i++) add_actor(a, &na, c[i]);
  /* an organisation gives aid to a state, not the other way round */
  if (!strcmp(e->type, "aid") && a[1] && !strncmp(a[1], "org:", 4) &&
      (!a[0] || strncmp(a[0], "org:", 4))) {
    const char *t = a[0];
    a[0] = a[1];
    a[1] = t;
  }
  e->actor1 = a[0];
  e->actor2 = a[1];
  e->place = NULL;
  for (size_t m = sc->m0; m < sc->m1 && !e->place; m++)
    if (within(sc, d->ment[m].start, PLACE_NEAR) &&
        strcmp(d->ment[m].entity->kind, "city") == 0)
      e->place = d->ment[m].entity->id;
  /* a third country is the place only between the triggers of the group
  ** ("التقى … عندما زار المملكة المغربية … مؤتمر القمة"): elsewhere in the
  ** sentence it is a topic (the conflict with Armenia) */
  for (size_t m = sc->m0; m < sc->m1 && !e->place; m++) {
    const diwan_entity *x = d->ment[m].entity;
    if (d->ment[m].start >= sc->g0 && d->ment[m].start < sc->g1 &&
        strcmp(x->kind, "country") == 0 && !same(x->id, a[0]) && !same(x->id, a[1]))
      e->place = x->id;
  }
}

/* The person holding role in country on day (yyyymmdd) in lexicon x, or
** NULL. */
static const char *holder_in(const diwan_event_lexicon *x, const char *role,
                             const char *country, long day) {
  for (const ev_role *r = NULL; x && (r = ev_roles_in(&x->roles, r, role, country));)
    if (r->from <= day && (r->to == 0 || day <= r->to)) return r->person;
  return NULL;
}

/* The user's diwan_roles first, then the compiled-in roles. */
static const char *holder(const ev_doc *d, const char *role, const char *country,
                          long day) {
  const char *p = holder_in(d->ulex, role, country, day);
  return p ? p : holder_in(ev_lexicon_builtin(), role, country, day);
}

/* Does lexicon x say state administered place on day (yyyymmdd), or, day
** 0, on some day in [from, to] (to 0: open)? */
static int administered_in(const diwan_event_lexicon *x, const char *place,
                           const char *state, long day, long from, long to) {
  for (const ev_role *r = NULL; x && (r = ev_roles_of(&x->admin, r, place));) {
    if (strcmp(r->country, state)) continue;
    if (day ? r->from <= day && (r->to == 0 || day <= r->to)
            : (to == 0 || r->from <= to) && (r->to == 0 || from <= r->to))
      return 1;
  }
  return 0;
}

static int administered(const ev_doc *d, const char *place, const char *state,
                        long day, long from, long to) {
  return administered_in(d->ulex, place, state, day, from, to) ||
         administered_in(ev_lexicon_builtin(), place, state, day, from, to);
}

/* An undated visit falls on a day one of its listed persons held an office
** of the visiting state (the dated roles): 1 when one of those overlaps
** the administration of place by state; *known once a person has one. */
static int offices_at(const diwan_event_lexicon *x, const ev_doc *d, const char *who,
                      const char *place, const char *state, int *known) {
  for (const ev_role *r = NULL; x && (r = ev_roles_of(&x->roles, r, who));) {
    if (strcmp(r->country, state)) continue;   /* the host's own */
    *known = 1;
    if (administered(d, place, state, 0, r->from, r->to)) return 1;
  }
  return 0;
}

static int undated_domestic(ev_doc *d, const diwan_event *e) {
  if (!administered(d, e->place, e->actor1, 0, 0, 0)) return 0;   /* most places */
  for (int k = 0; k < EV_HOMES; k++)
    if (d->home[k].place == e->place && d->home[k].state == e->actor1 &&
        d->home[k].who == (e->npersons ? e->persons[0] : NULL))
      return d->home[k].is;
  int known = 0, is = 0;
  for (int p = 0; p < e->npersons && !is; p++)
    is = offices_at(d->ulex, d, e->persons[p], e->place, e->actor1, &known) ||
         offices_at(ev_lexicon_builtin(), d, e->persons[p], e->place, e->actor1, &known);
  if (!known) is = 1;
  d->home[d->hnext].place = e->place;
  d->home[d->hnext].state = e->actor1;
  d->home[d->hnext].who = e->npersons ? e->persons[0] : NULL;
  d->home[d->hnext].is = is;
  d->hnext = (d->hnext + 1) % EV_HOMES;
  return is;
}

int ev_domestic(ev_doc *d, const diwan_event *e) {
  if (strcmp(e->type, "visit") || !e->place || !e->actor1) return 0;
  long day = e->has_date ? ev_day_number(e->date.first_day, strlen(e->date.first_day)) : 0;
  if (!day && d->anchor)
    day = (long)d->anchor->y * 10000 + d->anchor->m * 100 + d->anchor->d;
  return day ? administered(d, e->place, e->actor1, day, 0, 0) : undated_domestic(d, e);
}

typedef struct pref { size_t pos; const char *id; } pref;

static void add_person(pref *p, int *np, size_t pos, const char *id) {
  if (*np < 16 && id[0]) p[(*np)++] = (pref){pos, id};   /* "": known only
                                                            by the text */
}

/* Bytes of white space only between a and b, else (size_t)-1. */
static size_t blank_gap(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') return (size_t)-1;
  return b - a;
}

/* The mention a title names its country by: the one right after it (أمير
** دولة الكويت, the Emir of Kuwait) or a country adjective right before it
** (the Azerbaijani foreign minister), whichever is nearer, after on a tie.
** m is the first mention after the title. NULL if none. */
static const diwan_entity *title_country(const ev_doc *d, const ev_scope *sc,
                                         const ev_item *it, size_t m) {
  size_t after = (size_t)-1, before = (size_t)-1;
  if (m < sc->m1 && d->ment[m].start - it->end <= TITLE_GAP)
    after = d->ment[m].start - it->end;
  if (m > sc->m0) {
    const diwan_mention *b = &d->ment[m - 1];
    if (b->start + b->len <= it->start && strcmp(b->entity->kind, "country") == 0)
      before = blank_gap(d->s, b->start + b->len, it->start);
  }
  if (before < after) return d->ment[m - 1].entity;
  return after != (size_t)-1 ? d->ment[m].entity : NULL;
}

/* A title resolves through the country it is bound to (title_country). */
static void title_persons(ev_doc *d, const ev_scope *sc, long day, pref *p, int *np) {
  size_t m = sc->m0;
  for (size_t i = sc->i0; i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_TITLE || strcmp(it->name, "-") == 0 || !near(sc, it->start))
      continue;
    while (m < sc->m1 && d->ment[m].start < it->end) m++;
    const diwan_entity *e = title_country(d, sc, it, m);
    if (!e || strcmp(e->kind, "person") == 0) continue;
    const char *c = gz_party(e);
    const char *who = c ? holder(d, it->name, c, day) : NULL;
    if (who) add_person(p, np, it->start, who);
  }
}

static void attach_persons(ev_doc *d, const ev_scope *sc, diwan_event *e) {
  pref p[16];
  int np = 0;
  for (size_t m = sc->m0; m < sc->m1; m++)
    if (near(sc, d->ment[m].start) && strcmp(d->ment[m].entity->kind, "person") == 0)
      add_person(p, &np, d->ment[m].start, d->ment[m].entity->id);
  long day = e->has_date ? ev_day_number(e->date.first_day, strlen(e->date.first_day)) : 0;
  if (day) title_persons(d, sc, day, p, &np);
  for (int a = 1; a < np; a++)
    for (int b = a; b > 0 && p[b].pos < p[b - 1].pos; b--) {
      pref t = p[b];
      p[b] = p[b - 1];
      p[b - 1] = t;
    }
  e->npersons = 0;
  for (int i = 0; i < np && e->npersons < DIWAN_EVENT_MAXPERSONS; i++) {
    int dup = 0;
    for (int k = 0; k < e->npersons && !dup; k++) dup = strcmp(e->persons[k], p[i].id) == 0;
    if (!dup) e->persons[e->npersons++] = p[i].id;
  }
}

#define ORIGIN_WORDS 8   /* words from a shipment trigger to its origin */
#define RECEIVER_LOOK 64 /* mentions from the sentence's start read for the
                            receiver: a hostile sentence of one origin
                            named a million times stays linear */

/* A shipment (a trigger whose argument is cargo: "قادمة من", "تسلمت"):
** the origin is the first party named after the trigger in its clause
** (within ORIGIN_WORDS words), the receiver the sentence's first other
** party (the port's state: "استقبل ميناء الزيتيات المصري …"), else the
** country the document is about. One shipment, one event: its own origin,
** whatever the other shipments of the sentence. */
void ev_cargo_actors(const ev_doc *d, const ev_scope *sc, diwan_event *e) {
  size_t end = e->start + e->len;
  const char *origin = NULL, *to = NULL;
  for (size_t m = ev_ment_from(d, end); m < sc->m1 && !origin; m++) {
    if (ev_words_between(d->s, end, d->ment[m].start, ORIGIN_WORDS) > ORIGIN_WORDS) break;
    if (!ev_is_topic(d, sc, &d->ment[m])) origin = gz_party(d->ment[m].entity);
  }
  if (!origin) return;
  size_t m0 = ev_ment_from(d, e->sent_start);
  for (size_t m = m0; m < d->nment && m < m0 + RECEIVER_LOOK && !to; m++) {
    if (d->ment[m].start >= e->sent_start + e->sent_len) break;
    const char *p = gz_party(d->ment[m].entity);
    if (p && !same(p, origin) && !ev_is_topic(d, sc, &d->ment[m])) to = p;
  }
  if (!to) to = same(d->focus, origin) ? d->pair[1] : d->focus;
  if (!to || same(to, origin)) return;
  e->actor1 = origin;
  e->actor2 = to;
}

void ev_attach(ev_doc *d, const ev_scope *sc, diwan_event *e) {
  attach_date(d, sc, e);
  /* a 1990 event of a 2015 report is read with 1990's offices; so is a
  ** party of the document's pair that a listed person named */
  long day = ev_date_persons(d, sc, e);
  const char *pair[2] = {d->pair[0], d->pair[1]};
  for (int k = 0; k < 2 && day; k++)
    if (d->pair_who[k] && d->pair[k]) {
      const char *p = ev_state_on(d, d->pair_who[k], day);
      if (!same(p, d->pair[1 - k])) d->pair[k] = p;
    }
  attach_actors(d, sc, e);
  ev_orient(d, sc, e);
  attach_persons(d, sc, e);
  d->pair[0] = pair[0];
  d->pair[1] = pair[1];
}

static int shares_person(const ev_recent *r, const diwan_event *e) {
  for (int i = 0; i < r->np; i++)
    for (int k = 0; k < e->npersons; k++)
      if (strcmp(r->p[i], e->persons[k]) == 0) return 1;
  return 0;
}

int ev_same_person(ev_doc *d, diwan_event *e) {
  if (e->has_date || !e->npersons) return 0;
  if (strcmp(e->type, "visit") && strcmp(e->type, "meeting")) return 0;
  for (int k = 1; k <= d->nrecent; k++) {
    const ev_recent *r = &d->recent[(d->rnext - k + EV_RECENT) % EV_RECENT];
    if (strcmp(r->type, e->type) == 0 && shares_person(r, e)) {
      e->date = r->date;
      e->has_date = 1;
      d->last = d->para = e->date;
      d->has_last = d->has_para = 1;
      d->para_type = e->type;
      return 1;
    }
  }
  return 0;
}

void ev_remember(ev_doc *d, const diwan_event *e) {
  if (!e->has_date || !e->npersons) return;
  ev_recent *r = &d->recent[d->rnext];
  r->type = e->type;
  r->np = e->npersons;
  for (int i = 0; i < e->npersons; i++) r->p[i] = e->persons[i];
  r->date = e->date;
  d->rnext = (d->rnext + 1) % EV_RECENT;
  if (d->nrecent < EV_RECENT) d->nrecent++;
}
