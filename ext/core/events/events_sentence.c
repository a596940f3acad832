/* The events of one sentence. It is cut into clauses at the boundary cues;
** a trigger counts when the argument it needs is in its clause and no
** non-event cue (habitual, future, existence) is; the valid
** triggers of one clause form a group that governs the clause and the
** trigger-less clauses after it (the first group also those before it).
** Each group gives one contact event (visit/meeting/talks/invitation, the
** highest rank) and one event per other type. Work per clause is bounded
** (MAXTRIG), so the whole is linear in the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "events_int.h"
#include "match/fold.h"

#define MAXTRIG 32   /* triggers considered per clause */
#define MAXPAIRS 8   /* events one trigger gives for a list of parties */
#define MAXCARGO 8   /* shipments told apart in one group */
#define STANCE_WORDS 3   /* words from a stance cue to the trigger it governs */

static int on_date(void *ctx, const diwan_date *dt) {
  ev_doc *d = ctx;
  diwan_date *p = ev_push((void **)&d->date, &d->ndate, &d->capdate, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = *dt;
  p->start += d->date_base;
  return 0;
}

/* The word right after trigger t is a locative marker (directions.tsv,
** type venue: в, во, à, in). */
static int venue_word_after(const ev_doc *d, const ev_item *t) {
  size_t a = t->end, b;
  while (a < d->n && (d->s[a] == ' ' || d->s[a] == '\n' || d->s[a] == '\t')) a++;
  for (b = a; b < d->n && d->s[b] != ' ' && d->s[b] != '\n' && d->s[b] != '\t'; b++) {}
  const diwan_event_lexicon *x = ev_lexicon_builtin();
  for (size_t i = 0; x && i < x->ndirs; i++) {
    const ev_dir *r = &x->dirs[i];
    if (r->form == DIR_WORD && strcmp(r->type, "venue") == 0 && r->len == b - a &&
        memcmp(d->s + a, r->marker, b - a) == 0)
      return 1;
  }
  return 0;
}

/* The item lies inside a mention of the gazetteer: "الشيخ" in the city
** "شرم الشيخ" is no person received. */
static int in_mention(const ev_doc *d, const ev_item *it) {
  size_t m = ev_ment_ended(d, it->start + 1);   /* the first ending after it starts */
  return m < d->nment && d->ment[m].start <= it->start &&
         d->ment[m].start + d->ment[m].len >= it->end;
}

static int blank_at(const char *s, size_t i) {
  return s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
}

static int blank_span(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (!blank_at(s, i)) return 0;
  return 1;
}

/* The argument class cls is in the clause of trigger t; an office title
** is a person ("принял министра иностранных дел", "استقبل رئيس الوزراء …",
** "שר החוץ … יוצא": the title is the longer phrase and hides the argument
** word it starts with, رئيس, שר). */
static int arg_of(const ev_doc *d, const clause *c, const char *cls) {
  int person = strcmp(cls, "person") == 0;
  for (size_t i = c->i0; i < c->i1; i++) {
    if (d->item[i].tag == EV_ARG && strcmp(d->item[i].name, cls) == 0 &&
        !in_mention(d, &d->item[i]))
      return 1;
    if (person && d->item[i].tag == EV_TITLE) return 1;
  }
  return 0;
}

/* The trigger opens its clause right after a comma and the clause before
** ends on the noun of its argument: a participle set off by commas
** describes that noun ("L'accord, signé le 3 mai entre la Grèce et la
** Turquie, prévoit…", "The deal, signed in Ankara by…", "Соглашение,
** подписанное…"): the noun is its argument. At most APPOSED_WORDS words
** from the noun to the comma ("the trade deal, signed", "l'accord de libre
** échange, signé"). */
#define APPOSED_WORDS 3
static int apposed(const ev_doc *d, const clause *c, const ev_item *t, const char *cls) {
  if (c->i0 == 0 || !blank_span(d->s, c->start, t->start)) return 0;
  const ev_item *comma = &d->item[c->i0 - 1];
  if (comma->tag != EV_CUE || comma->end - comma->start != 1 || d->s[comma->start] != ',') return 0;
  for (size_t i = c->i0 - 1; i-- > 0 && d->item[i].start >= c[-1].start;) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_ARG || strcmp(it->name, cls) || in_mention(d, it)) continue;
    return ev_words_between(d->s, it->end, comma->start, APPOSED_WORDS + 1) <= APPOSED_WORDS;
  }
  return 0;
}

/* first is the sentence's first clause: the noun a relative clause right
** before the trigger's describes is the trigger's subject ("ההסכם, שעל-פיו
** נערכות שיחות אלה, נחתם": the agreement … was signed). */
static int arg_in(const ev_doc *d, const clause *first, const clause *c, const ev_item *t) {
  const char *cls = t->trig->arg;
  if (!cls[0] || arg_of(d, c, cls)) return 1;
  if (c > first && apposed(d, c, t, cls)) return 1;
  if (c - first >= 2 && c[-1].rel && arg_of(d, c - 2, cls)) return 1;
  /* participation that names no object of its own ("отказался от участия
  ** из-за…") is in the summit the document tells; "участия в выборах",
  ** a venue marker after it, names another */
  return strcmp(cls, "summit") == 0 && d->summit && !venue_word_after(d, t);
}

#define MULTI_LOOK 48   /* bytes from a meeting to the body it is a meeting of */

static int cap_latin(const char *s, size_t i) {
  return (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] == 0xC3;
}

/* "of" and its French and Russian kin: "talks with the EU" is bilateral. */
static int of_word(const char *w, size_t n) {
  static const char *const of[] = {"of ", "du ", "de ", "des ", "d'", "d\xe2\x80\x99",
                                   "\xd0\xb3\xd0\xbb\xd0\xb0\xd0\xb2 "}; /* глав */
  for (size_t i = 0; i < sizeof of / sizeof of[0]; i++) {
    size_t k = strlen(of[i]);
    if (n >= k && memcmp(w, of[i], k) == 0) return 1;
  }
  return 0;
}

/* An international body right before the meeting noun, white space
** between: "an EU summit", "Iraq and Afghanistan in WTO talks" (the
** body's meeting; "Iran-EU talks" joins a party to it and is bilateral). */
static int body_before(const ev_doc *d, const ev_item *t) {
  size_t lo = ev_ment_ended(d, t->start);   /* the last mention ending before t */
  if (lo == 0) return 0;
  const diwan_mention *m = &d->ment[lo - 1];
  const char *p = gz_party(m->entity);
  size_t end = m->start + m->len;
  if (!p || strncmp(p, "org:", 4) || end == t->start) return 0;
  for (size_t i = end; i < t->start; i++)
    if (d->s[i] != ' ') return 0;
  return !(m->start > 0 && d->s[m->start - 1] == '-');
}

/* A body the gazetteer does not know, named after the meeting by its
** capitalised head noun (cues.tsv, kind body): "a meeting of the
** Commission for Africa", "a meeting of the Nordic Council", "la réunion
** du Conseil exécutif". "of" and two more words at most between, no
** party. */
static int body_named_after(const ev_doc *d, const ev_item *t) {
  size_t k = (size_t)(t - d->item) + 1;
  for (; k < d->nitem && d->item[k].start < t->end + MULTI_LOOK; k++) {
    const ev_item *it = &d->item[k];
    if (it->tag != EV_CUE || it->cue->kind != CUE_BODY || !cap_latin(d->s, it->start)) continue;
    size_t a = t->end;
    while (a < it->start && d->s[a] == ' ') a++;
    if (!of_word(d->s + a, it->start - a)) return 0;
    for (size_t i = a; i < it->start; i++)
      if (d->s[i] == ',' || d->s[i] == '.' || d->s[i] == ';') return 0;
    size_t m = ev_ment_from(d, a);      /* "of the Russian Council": a party */
    if (m < d->nment && d->ment[m].start < it->start) return 0;
    return ev_words_between(d->s, a, it->start, 4) <= 3;
  }
  return 0;
}

/* A meeting or talks of an international body ("a meeting of the
** Commission for Africa", "le sommet du COMESA", "саммит ШОС") is
** multilateral: no bilateral contact by itself (the contacts
** told around it are events of their own). The body follows the trigger
** with at most four lower-case words between. */
int ev_multilateral(const ev_doc *d, const ev_item *t) {
  if (strcmp(t->trig->type, "meeting") && strcmp(t->trig->type, "talks")) return 0;
  /* Arabic and Hebrew name the summit a meeting happened at in the same
  ** clause as the meeting (التقى … للمشاركة في مؤتمر القمة الإسلامي): left
  ** to the contact rules */
  if (ev_verb_first(d, t->start)) return 0;
  if (body_before(d, t) || body_named_after(d, t)) return 1;
  size_t lo = ev_ment_from(d, t->end);
  if (lo == d->nment || d->ment[lo].start - t->end > MULTI_LOOK) return 0;
  const char *p = gz_party(d->ment[lo].entity);
  if (!p || strncmp(p, "org:", 4)) return 0;
  int words = 0;
  for (size_t i = t->end; i < d->ment[lo].start; i++) {
    if (d->s[i] == ',' || d->s[i] == '.' || d->s[i] == ';') return 0;
    if (d->s[i] != ' ' && (i == t->end || d->s[i - 1] == ' ')) {
      if (cap_latin(d->s, i) || ++words > 4) return 0;
      if (words == 1 && !of_word(d->s + i, d->ment[lo].start - i)) return 0;
    }
  }
  return 1;
}

/* The trigger is a capitalised word inside the sentence, so part of a name
** ("Équipe … d'Urgence et Soutien", "the Bilateral Meeting Room"): not at
** the sentence's start nor after a colon, a dash, a quote or a bracket.
** Latin and Cyrillic only (no capitals elsewhere). */
static int in_name(const sent_ctx *x, const ev_item *t) {
  const char *s = x->d->s;
  size_t n;
  uint32_t c = diwan_utf8_decode((const unsigned char *)s + t->start, t->end - t->start, &n);
  diwan_script sc = diwan_script_of(c);
  int upper = (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
              (c >= 0x400 && c <= 0x42F);
  if ((sc != DIWAN_SCRIPT_LATIN && sc != DIWAN_SCRIPT_CYRILLIC) || !upper) return 0;
  size_t p = t->start;
  while (p > x->start && blank_at(s, p - 1)) p--;
  if (p == x->start) return 0;
  unsigned char b = (unsigned char)s[p - 1];
  if (b == ':' || b == '"' || b == '\'' || b == '(' || b == '-' || b == '.') return 0;
  /* « – — “ ”: whole sequences, not their last byte, which also ends
  ** letters (Д is D0 94, Н D0 9D) */
  if (p - x->start >= 2 && !memcmp(s + p - 2, "\xc2\xab", 2)) return 0;
  return !(p - x->start >= 3 && (unsigned char)s[p - 3] == 0xE2 && (unsigned char)s[p - 2] == 0x80 &&
           (b == 0x93 || b == 0x94 || b == 0x9C || b == 0x9D));
}

/* "idée soutenue par la Russie", "militias backed by Iran": a passive
** support or aid whose receiver, the word right before it, is no party
** gives no event between states. */
static int passive_orphan(const ev_doc *d, const ev_item *t) {
  if (strcmp(t->trig->type, "support") && strcmp(t->trig->type, "aid")) return 0;
  const char *s = d->s;
  if (!ev_by_agent(d, t->end)) return 0;
  size_t lo = ev_ment_ended(d, t->start);   /* the last mention ending before t */
  if (lo == 0) return 1;
  const diwan_mention *m = &d->ment[lo - 1];
  if (!gz_party(m->entity)) return 1;
  /* only auxiliaries between the party and the participle */
  static const char *const aux[] = {"is", "was", "are", "were", "been", "has", "have",
                                    "est", "sont", "a", "ont", "\xc3\xa9t\xc3\xa9"};
  for (size_t i = m->start + m->len; i < t->start;) {
    if (blank_at(s, i)) { i++; continue; }
    size_t e = i;
    while (e < t->start && !blank_at(s, e)) e++;
    int ok = 0;
    for (size_t k = 0; k < sizeof aux / sizeof aux[0] && !ok; k++)
      ok = strlen(aux[k]) == e - i && memcmp(s + i, aux[k], e - i) == 0;
    if (!ok) return 1;
    i = e;
  }
  return 0;
}

/* "to", "à", "de", "d'" at most three words before the trigger, in its
** clause from lo: the trigger is what is urged ("urged Kiev to sign", "to
** hold talks", "à reprendre les négociations"), not the occasion ("to act
** during talks": a preposition between ends the look-back). */
static int infinitive(const ev_doc *d, const ev_item *t, size_t lo) {
  static const char *const to[] = {"to", "\xc3\xa0", "de", "d'", "d\xe2\x80\x99"};
  static const char *const occasion[] = {"during", "at", "after", "before", "in", "lors",
                                         "pendant", "avant", "apr\xc3\xa8s", "au", "en"};
  const char *s = d->s;
  size_t p = t->start;
  for (int w = 0; w < 3 && p > lo; w++) {
    if (w == 0 && (s[p - 1] == '\'' || (p >= 3 && memcmp(s + p - 3, "\xe2\x80\x99", 3) == 0))) {
      size_t a = s[p - 1] == '\'' ? p - 1 : p - 3;
      if (a >= 1 && (s[a - 1] == 'd' || s[a - 1] == 'D') && (a < 2 || blank_at(s, a - 2))) return 1;
    }
    while (p > lo && blank_at(s, p - 1)) p--;
    size_t e = p;
    while (p > lo && !blank_at(s, p - 1)) p--;
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++)
      if (strlen(to[i]) == e - p && memcmp(s + p, to[i], e - p) == 0) return 1;
    for (size_t i = 0; i < sizeof occasion / sizeof occasion[0]; i++)
      if (strlen(occasion[i]) == e - p && memcmp(s + p, occasion[i], e - p) == 0) return 0;
  }
  return 0;
}

/* An Arabic visit noun without the article whose next word is a definite
** common noun (no mention, title or lexicon word there) visits a place of
** no state: "وزيارة المناطق السياحية", "زيارة المسجد النبوي" (tourists,
** pilgrims). "زيارة المملكة", "زيارة الرئيس", "الزيارة التاريخية" stay. */
static int visits_a_site(const ev_doc *d, const ev_item *t) {
  if (strcmp(t->trig->type, "visit") || !ev_arabic(d->s + t->start)) return 0;
  size_t w = t->start;
  w += dw_proclitic(d->s + w, t->end - w, DW_PRE_CONJ);               /* و ف */
  w += dw_proclitic(d->s + w, t->end - w, DW_PRE_IN | DW_PRE_TO);     /* ب ل */
  if (dw_proclitic(d->s + w, t->end - w, DW_PRE_ARTICLE)) return 0;   /* الزيارة */
  size_t a = t->end;
  while (a < d->n && blank_at(d->s, a)) a++;
  size_t al = dw_proclitic(d->s + a, d->n - a, DW_PRE_ARTICLE);
  if (a == t->end || !al) return 0;                                   /* ال */
  size_t m = ev_ment_ended(d, a + 1);
  if (m < d->nment && d->ment[m].start <= a + al) return 0;
  for (const ev_item *it = t + 1; it < d->item + d->nitem && it->start <= a; it++)
    if (it->start == a) return 0;
  return 1;
}

/* An aid or trade trigger right next to an agreement noun ("a debt relief
** pact", "a gas export deal", "un accord d'exportation") tells what the
** agreement holds, signed or not ("India and Iran in gas export deal"):
** the agreement's row, if any, is the event; the trigger makes none. */
static int agreement_next(const ev_doc *d, const clause *c, const ev_item *t) {
  for (size_t i = c->i0; i < c->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_ARG || strcmp(it->name, "agreement")) continue;
    if (it->start >= t->end && ev_words_between(d->s, t->end, it->start, 1) == 0) return 1;
    if (it->end <= t->start && ev_words_between(d->s, it->end, t->start, 2) <= 1) return 1;
  }
  return 0;
}

static void drop_content(const ev_doc *d, clause *c, size_t *trig, size_t *ntrig) {
  size_t w = c->t0;
  for (size_t k = c->t0; k < c->t1; k++) {
    const ev_item *t = &d->item[trig[k]];
    if ((strcmp(t->trig->type, "aid") && strcmp(t->trig->type, "trade")) || !agreement_next(d, c, t))
      trig[w++] = trig[k];
  }
  *ntrig = w;
  c->t1 = w;
}

/* Splits the sentence into clauses and keeps each clause's valid triggers. */
static int find_clauses(sent_ctx *x) {
  ev_doc *d = x->d;
  int anniv = ev_scope_has_cue(d, x->i0, x->i1, CUE_ANNIVERSARY, NULL);
  size_t i = x->i0, start = x->start;
  int hard = 0;
  x->ncl = x->ntrig = 0;
  while (i <= x->i1) {
    size_t j = i;
    while (j < x->i1 && !(d->item[j].tag == EV_CUE && d->item[j].cue->kind == CUE_BOUNDARY)) j++;
    /* ", שעל-פיו": the relative pronoun right after a comma opens the
    ** clause the comma opened */
    if (j < x->i1 && j == i && d->item[j].cue->value == 2 && blank_span(d->s, start, d->item[j].start)) {
      start = d->item[j].end;
      hard = 2;
      i = j + 1;
      continue;
    }
    clause *c = ev_push((void **)&x->cl, &x->ncl, &x->capcl, sizeof *c);
    if (!c) return DIWAN_NOMEM;
    c->start = start;
    c->end = j < x->i1 ? d->item[j].start : x->end;
    c->i0 = i;
    c->i1 = j;
    c->t0 = c->t1 = x->ntrig;
    c->hard = hard == 1;
    c->rel = hard == 2;
    int blocked = !anniv && ev_scope_has_cue(d, i, j, CUE_NONEVENT, NULL);
    /* what one party urges another to do ("pressing the US to cut … sign",
    ** "exhorte Kiev à signer") is no event: an urge cue governs the
    ** triggers after it in its clause */
    /* an urge cue of value N (Arabic hope, تأمل): the triggers at most N
    ** words after it are what is hoped for */
    int urged = 0, reach = -1;
    size_t urge_end = 0, stance = 0;
    for (size_t k = i, n = 0; k < j && n < MAXTRIG && !blocked; k++) {
      if (d->item[k].tag == EV_CUE && d->item[k].cue->kind == CUE_URGE) {
        urged = 1;
        if (d->item[k].cue->value > 0) {
          reach = d->item[k].cue->value;
          urge_end = d->item[k].end;
        }
      }
      if (d->item[k].tag == EV_CUE && d->item[k].cue->kind == CUE_STANCE) stance = d->item[k].end;
      if (d->item[k].tag != EV_TRIGGER) continue;
      if (reach >= 0 && d->item[k].start >= urge_end &&
          ev_words_between(d->s, urge_end, d->item[k].start, reach) <= reach)
        continue;
      if (urged && infinitive(d, &d->item[k], c->start)) continue;
      /* what a party argues for or against ("a proponent of talks",
      ** "favorable à un accord", "выступает за переговоры") is a stance,
      ** no event: the trigger a stance cue governs, three words at most
      ** after it */
      if (stance && d->item[k].start >= stance &&
          ev_words_between(d->s, stance, d->item[k].start, 4) <= STANCE_WORDS)
        continue;
      n++;
      if (!arg_in(d, x->cl, c, &d->item[k]) || ev_multilateral(d, &d->item[k]) ||
          visits_a_site(d, &d->item[k]) ||
          in_name(x, &d->item[k]) || passive_orphan(d, &d->item[k]))
        continue;
      size_t *t = ev_push((void **)&x->trig, &x->ntrig, &x->captrig, sizeof *t);
      if (!t) return DIWAN_NOMEM;
      *t = k;
    }
    c->t1 = x->ntrig;
    drop_content(d, c, x->trig, &x->ntrig);
    if (j >= x->i1) break;
    start = d->item[j].end;
    hard = d->item[j].cue->value;
    i = j + 1;
  }
  return DIWAN_OK;
}

/* The events of one group: one contact event, one per other type. */
static int group_events(const sent_ctx *x, const clause *c, size_t *ev,
                        size_t *nev) {
  const ev_doc *d = x->d;
  size_t best = (size_t)-1, n = 0;
  int ncargo = 0;
  for (size_t t = c->t0; t < c->t1; t++) {
    const ev_trigger *tr = d->item[x->trig[t]].trig;
    if (tr->contact) {
      if (best == (size_t)-1 || tr->rank > d->item[best].trig->rank) best = x->trig[t];
      continue;
    }
    /* each shipment is an event of its own (its own origin), up to
    ** MAXCARGO in a group: each event reads the whole scope */
    int seen = 0, cargo = strcmp(tr->arg, "cargo") == 0 && ncargo < MAXCARGO;
    ncargo += cargo;
    for (size_t k = 0; k < n && !cargo; k++)
      seen |= strcmp(d->item[ev[k]].trig->type, tr->type) == 0;
    if (!seen) ev[n++] = x->trig[t];
  }
  if (best != (size_t)-1) ev[n++] = best;
  /* in text order */
  for (size_t a = 1; a < n; a++)
    for (size_t b = a; b > 0 && d->item[ev[b]].start < d->item[ev[b - 1]].start; b--) {
      size_t tmp = ev[b];
      ev[b] = ev[b - 1];
      ev[b - 1] = tmp;
    }
  *nev = n;
  return 0;
}

static void scope_ranges(const ev_doc *d, ev_scope *sc) {
  while (sc->m0 < d->nment && d->ment[sc->m0].start < sc->start) sc->m0++;
  sc->m1 = sc->m0;
  while (sc->m1 < d->nment && d->ment[sc->m1].start < sc->end) sc->m1++;
  while (sc->i0 < d->nitem && d->item[sc->i0].start < sc->start) sc->i0++;
  sc->i1 = sc->i0;
  while (sc->i1 < d->nitem && d->item[sc->i1].start < sc->end) sc->i1++;
  while (sc->d0 < d->ndate && d->date[sc->d0].start < sc->start) sc->d0++;
  sc->d1 = sc->d0;
  while (sc->d1 < d->ndate && d->date[sc->d1].start < sc->end) sc->d1++;
}

/* The same type, actors (either order) and date in one sentence is one
** event told twice ("دعم سيادة أذربيجان ... التصويت الإيجابي"). */
static int repeated(sent_ctx *x, const diwan_event *e) {
  const char *v = e->has_date ? e->date.value : "";
  for (int i = 0; i < x->nseen; i++) {
    const seen_ev *s = &x->seen[i];
    if (strcmp(s->type, e->type) || strcmp(s->value, v)) continue;
    if ((ev_eq(s->a1, e->actor1) && ev_eq(s->a2, e->actor2)) ||
        (ev_eq(s->a1, e->actor2) && ev_eq(s->a2, e->actor1)))
      return 1;
  }
  if (x->nseen < 16) {
    seen_ev *s = &x->seen[x->nseen++];
    s->type = e->type;
    s->a1 = e->actor1;
    s->a2 = e->actor2;
    s->status = e->status;
    snprintf(s->value, sizeof s->value, "%s", v);
  }
  return 0;
}

static int contact(const char *t) {
  return !strcmp(t, "visit") || !strcmp(t, "meeting") || !strcmp(t, "talks");
}

/* Contacts of one pair in one sentence are one contact told in parts: "يزور
** … موسكو اليوم، لإجراء محادثات" (the talks are the visit's, planned with
** it), "visited Baku, where he held talks". The later parts take the status
** of the first. */
static void contact_status(const sent_ctx *x, diwan_event *e) {
  if (!contact(e->type) || !e->actor1 || !e->actor2 || x->own_status) return;
  /* a part with a status cue of its own keeps it: "وصل أمس إلى الدوحة
  ** للقاء أمير قطر" is an arrival that happened and a meeting planned */
  if (strcmp(e->status, ev_status_names[ST_HAPPENED])) return;
  for (int i = 0; i < x->nseen; i++) {
    const seen_ev *s = &x->seen[i];
    if (!contact(s->type)) continue;
    if ((ev_eq(s->a1, e->actor1) && ev_eq(s->a2, e->actor2)) ||
        (ev_eq(s->a1, e->actor2) && ev_eq(s->a2, e->actor1))) {
      e->status = s->status;
      return;
    }
  }
}

/* Keeps a contact told with both parties, for "the meeting" told again. */
static void remember_contact(ev_doc *d, const diwan_event *e) {
  if (!contact(e->type) || !e->actor1 || !e->actor2) return;
  d->contact[d->cnext].type = e->type;
  d->contact[d->cnext].cameo = e->cameo;
  d->contact[d->cnext].a1 = e->actor1;
  d->contact[d->cnext].a2 = e->actor2;
  d->contact[d->cnext].status = e->status;
  d->cnext = (d->cnext + 1) % EV_CONTACTS;
  if (d->ncontact < EV_CONTACTS) d->ncontact++;
}

/* Talks in a sentence about joining a body (cues.tsv, kind accession:
** "China's admission took 15 years and talks with Russia and Saudi Arabia
** …", "les négociations d'adhésion de la Serbie") are with the body: talks
** between two states there are none. */
static int accession_talks(const sent_ctx *x, const diwan_event *e) {
  if (strcmp(e->type, "talks") || !e->actor1 || !e->actor2 ||
      !strncmp(e->actor1, "org:", 4) || !strncmp(e->actor2, "org:", 4))
    return 0;
  return ev_scope_has_cue(x->d, x->i0, x->i1, CUE_ACCESSION, NULL);
}

/* The sentence names party p (a mention of it), or says "the two
** countries" (cues.tsv, kind pair). */
static int sentence_names(const sent_ctx *x, const char *p) {
  const ev_doc *d = x->d;
  for (size_t m = ev_ment_from(d, x->start); m < d->nment && d->ment[m].start < x->end; m++) {
    const char *q = gz_party(d->ment[m].entity);
    if (q && strcmp(q, p) == 0) return 1;
  }
  return ev_scope_has_cue(d, x->i0, x->i1, CUE_PAIR, NULL);
}

/* Trade is told of two parties the sentence names: "India imports 70% of
** its oil" names no partner, the document's pair fills in none. */
static int trade_unnamed(const sent_ctx *x, const diwan_event *e) {
  return strcmp(e->type, "trade") == 0 && e->actor1 && e->actor2 &&
         (!sentence_names(x, e->actor1) || !sentence_names(x, e->actor2));
}

static int emit_one(sent_ctx *x, const diwan_event *e) {
  if (accession_talks(x, e) || trade_unnamed(x, e)) return 0;
  diwan_event one = *e;
  contact_status(x, &one);
  if (repeated(x, &one)) return 0;
  remember_contact(x->d, &one);
  if (strcmp(one.type, "visit") == 0 && one.actor2 && strncmp(one.actor2, "org:", 4)) {
    x->d->there = one.actor2;
    x->d->there_end = one.sent_start + one.sent_len;
  }
  return x->cb(x->ctx, &one);
}

/* A determiner of English or French right before the trigger, or before a
** place or seat that modifies it ("the meeting", "The Downing Street
** talks", "la rencontre", "l'entretien", "cette visite"). */
static int definite(const ev_doc *d, const ev_scope *sc, const ev_item *t) {
  static const char *const det[] = {"the", "The", "this", "This", "these", "These",
                                    "la", "La", "le", "Le", "les", "Les", "cette",
                                    "Cette", "ce", "Ce", "cet", "Cet", "ces", "Ces"};
  const char *s = d->s;
  size_t p = t->start;
  if ((p >= 2 && (s[p - 1] == '\'' ) && (s[p - 2] == 'l' || s[p - 2] == 'L')) ||
      (p >= 4 && memcmp(s + p - 3, "\xe2\x80\x99", 3) == 0 && (s[p - 4] == 'l' || s[p - 4] == 'L')))
    return 1;
  /* a mention right before the trigger is skipped: "the Downing Street" */
  for (size_t m = sc->m1; m > sc->m0; m--) {
    const diwan_mention *mt = &d->ment[m - 1];
    size_t end = mt->start + mt->len;
    if (end > p) continue;
    if (end + 1 == p && s[end] == ' ') p = mt->start;
    break;
  }
  while (p > sc->start && blank_at(s, p - 1)) p--;
  size_t e = p;
  while (p > sc->start && !blank_at(s, p - 1)) p--;
  for (size_t i = 0; i < sizeof det / sizeof det[0]; i++)
    if (strlen(det[i]) == e - p && memcmp(s + p, det[i], e - p) == 0) return 1;
  return 0;
}

/* "The Israelis described the meeting as important", "The Downing Street
** talks covered…": a definite contact noun whose clause names no party
** outside a contact the document told just before is that contact told
** again. It takes that one's type, parties and status (and keeps a date only
** from its own sentence) so that it joins it as one more mention; it never
** makes a new pair of its own. 1 when it did. */
static int told_again(const sent_ctx *x, const ev_scope *sc, const ev_item *t,
                      diwan_event *e) {
  const ev_doc *d = x->d;
  if (!d->ncontact || !contact(e->type) || !definite(d, sc, t)) return 0;
  const char *named[8];
  int nn = 0;
  for (size_t m = sc->m0; m < sc->m1 && nn < 8; m++) {
    const char *p = gz_party(d->ment[m].entity);
    if (!p || ev_not_party(d, sc, m, e->type)) continue;
    int dup = 0;
    for (int i = 0; i < nn && !dup; i++) dup = strcmp(named[i], p) == 0;
    if (!dup) named[nn++] = p;
  }
  for (int k = 1; k <= d->ncontact; k++) {
    int at = (d->cnext - k + EV_CONTACTS) % EV_CONTACTS;
    const char *a1 = d->contact[at].a1, *a2 = d->contact[at].a2;
    int all = 1;
    for (int i = 0; i < nn && all; i++) all = ev_eq(named[i], a1) || ev_eq(named[i], a2);
    if (!all) continue;
    e->actor1 = a1;
    e->actor2 = a2;
    e->status = d->contact[at].status;
    e->type = d->contact[at].type;
    e->cameo = d->contact[at].cameo;
    if (sc->d0 == sc->d1) e->has_date = 0;
    return 1;
  }
  return 0;
}

/* One event per pair when a list of parties stands on one side of the
** trigger (events_parties.c), else the event as it is. */
static int emit_pairs(sent_ctx *x, const ev_scope *sc, const diwan_event *e) {
  const char *pair[MAXPAIRS][2];
  int n = ev_pairs(x->d, sc, e, pair, MAXPAIRS), rc = 0;
  if (n < 0) return 0;                      /* multilateral */
  const char *host[MAXPAIRS], *visitor;
  int nh = ev_tour_hosts(x->d, sc, e, host, MAXPAIRS, &visitor);
  if (nh < 0) return 0;
  int each = nh > 1 || (nh == 1 && visitor != e->actor1);
  for (int i = 0; i < nh && each && !rc; i++) {   /* one visit per host of a tour */
    diwan_event one = *e;
    one.actor1 = visitor;
    one.actor2 = host[i];
    rc = emit_one(x, &one);
  }
  if (each || rc) return rc;
  if (!n) return emit_one(x, e);
  for (int i = 0; i < n && !rc; i++) {
    diwan_event one = *e;
    one.actor1 = pair[i][0];
    one.actor2 = pair[i][1];
    rc = emit_one(x, &one);
  }
  return rc;
}

/* An anaphor cue (cues.tsv) that covers the trigger: the definite or
** demonstrative noun names an event already told (events_merge.c), unless
** an anew cue follows it at once (الاجتماع الرابع, הביקור הבא: another). */
/* A Hebrew word whose article the prefix ב, ל or כ swallows ("לשיחות" is
** "to talks" as well as "to the talks"): it reads as the definite noun only
** through the prefix, so it does not name an event already told.
** "והשיחות", "מהשיחות", "כשהשיחות" keep the article. */
static int he_elided(const ev_doc *d, const ev_item *it) {
  const unsigned char *w = (const unsigned char *)d->s + it->start;
  size_t n = it->end - it->start, i = 0;
  for (size_t k = 0; k < n; k++)
    if (w[k] == ' ') return 0;                     /* "לביקור זה": a demonstrative */
  if (i + 2 <= n && w[i] == 0xD7 && w[i + 1] == 0x95) i += 2;   /* ו */
  if (i + 2 <= n && w[i] == 0xD7 && w[i + 1] == 0xA9) i += 2;   /* ש */
  if (i + 4 > n || w[i] != 0xD7 || w[i + 2] != 0xD7) return 0;
  int bkl = w[i + 1] == 0x91 || w[i + 1] == 0x9C || w[i + 1] == 0x9B;   /* ב ל כ */
  return bkl && w[i + 3] != 0x94;                                     /* not ה */
}

/* A name right after the noun at end, white space only between: a person,
** or for a meeting or talks a city (its venue): the construct "زيارة
** لافروف" (Lavrov's visit), "لقاء الدوحة" (the Doha meeting) is definite.
** "زيارة موسكو" names the place visited, not a visit told before. */
static int construct_name(const ev_doc *d, const ev_item *t, size_t end) {
  size_t m = ev_ment_from(d, end);
  if (m >= d->nment) return 0;
  for (size_t i = end; i < d->ment[m].start; i++)
    if (d->s[i] != ' ') return 0;
  const char *k = d->ment[m].entity->kind;
  return strcmp(k, "person") == 0 ||
         (strcmp(k, "city") == 0 && strcmp(t->trig->type, "visit") != 0);
}

/* 1: a definite or demonstrative noun; 2: a noun made definite by the name
** after it (cues.tsv, anaphor of value 1); 0: neither. */
static int anaphoric(const ev_doc *d, const clause *c, const ev_item *t) {
  int ana = 0;
  size_t end = t->end;
  for (size_t i = c->i0; i < c->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE) continue;
    if (it->cue->kind == CUE_ANAPHOR && it->start <= t->start && t->end <= it->end &&
        !he_elided(d, it)) {
      int kind = it->cue->value == 1 ? 2 : 1;
      if (kind == 2 && !construct_name(d, t, it->end)) continue;
      if (!ana || kind < ana) ana = kind;
      if (it->end > end) end = it->end;
    }
  }
  for (size_t i = c->i0; i < c->i1 && ana; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag == EV_CUE && it->cue->kind == CUE_ANEW && it->start >= end &&
        ev_words_between(d->s, end, it->start, 1) == 0)
      ana = 0;
  }
  return ana;
}

/* The event of trigger t refers back when its trigger does and, for a
** contact, every contact trigger of the group does: "زيارة … المرتقبة …
** سوف تستكمل المباحثات" tells a new visit whatever the talks are. */
static int refers_back(const sent_ctx *x, const clause *c, const ev_item *t) {
  const ev_doc *d = x->d;
  int ana = anaphoric(d, c, t);
  if (!ana || !t->trig->contact) return ana;
  for (size_t k = c->t0; k < c->t1; k++) {
    const ev_item *o = &d->item[x->trig[k]];
    if (o->trig->contact && !anaphoric(d, c, o)) return 0;
  }
  return ana;
}

/* Party a is named in the scope as a party (not a topic nor a venue), not
** only filled in from the document's pair. */
int ev_named_in(const ev_doc *d, const ev_scope *sc, const char *type,
                const char *a) {
  for (size_t m = sc->m0; m < sc->m1; m++)
    if (ev_eq(gz_party(d->ment[m].entity), a) && !ev_not_party(d, sc, m, type)) return 1;
  return 0;
}

/* Taking part in a summit: the host its report names is the host of the
** later reports that name none ("Впервые на подобном мероприятии обещал
** быть председатель КНР", after "ядерный саммит в США"). */
static int summit_host(ev_doc *d, diwan_event *e) {
  if (e->actor1 && e->actor2) d->summit = e->actor2;
  else if (e->actor1 && d->summit && strcmp(e->actor1, d->summit)) {
    e->actor2 = d->summit;
    return 1;
  }
  return 0;
}

static void make_event(sent_ctx *x, const clause *c, ev_scope *sc, size_t ti,
                       diwan_event *e) {
  ev_doc *d = x->d;
  const ev_item *it = &d->item[ti];
  memset(e, 0, sizeof *e);
  e->sentence = x->index;
  e->sent_start = x->start;
  e->sent_len = x->end - x->start;
  e->start = it->start;
  e->len = it->end - it->start;
  e->nmentions = 1;
  e->mention[0].start = e->start;
  e->mention[0].len = e->len;
  e->type = it->trig->type;
  e->cameo = it->trig->cameo;
  ev_attach(d, sc, e);
  if (strcmp(it->trig->arg, "cargo") == 0) ev_cargo_actors(d, sc, e);
  /* troops sent where the sentence names no state ("משלוח הכוחות … במפרץ",
  ** forces to the Gulf) support none: the document's pair never fills in
  ** their receiver */
  if (!strcmp(it->trig->arg, "troops") && e->actor2 && !ev_named_in(d, sc, e->type, e->actor2))
    e->actor2 = NULL;
  int hosted = strcmp(it->trig->arg, "summit") == 0 && summit_host(d, e);
  e->status = ev_status(d, c->i0, c->i1, ti, e);
  /* a participant the clause names, at the summit told before: its own
  ** visit, not the one of another party told again */
  int ana = hosted ? 0 : refers_back(x, c, it);
  e->refers = ana != 0;
  if (e->refers && ((e->actor1 && !ev_named_in(d, sc, e->type, e->actor1)) ||
                    (e->actor2 && !ev_named_in(d, sc, e->type, e->actor2))))
    e->refers = 2;
  /* a construct whose parties are all named ("زيارة مملوك للسعودية") may
  ** be the first report of its event: it names one told before only where
  ** the document's pair fills a party in ("محور زيارة لافروف") */
  else if (ana == 2)
    e->refers = 0;
}

/* A contact trigger of the group whose own status differs from the
** group's contact event: "وصل أمس إلى الدوحة للقاء أمير قطر" (arrived
** yesterday to meet the Emir) is a visit that happened and a meeting still
** planned, two events; (size_t)-1 when none. The status is read with the
** group's date, without attaching the trigger (bounded: MAXTRIG). */
static size_t other_status(const sent_ctx *x, const clause *c, size_t best,
                           const diwan_event *be) {
  const ev_doc *d = x->d;
  for (size_t t = c->t0; t < c->t1; t++) {
    size_t ti = x->trig[t];
    const ev_trigger *tr = d->item[ti].trig;
    if (ti == best || !tr->contact || strcmp(tr->type, be->type) == 0) continue;
    diwan_event probe = *be;
    probe.start = d->item[ti].start;
    probe.len = d->item[ti].end - d->item[ti].start;
    if (strcmp(ev_status(d, c->i0, c->i1, ti, &probe), be->status)) return ti;
  }
  return (size_t)-1;
}

static int emit_group(sent_ctx *x, const clause *c, ev_scope *sc) {
  ev_doc *d = x->d;
  size_t ev[MAXTRIG + 2], nev = 0;
  diwan_event evs[MAXTRIG + 2];
  scope_ranges(d, sc);
  group_events(x, c, ev, &nev);
  sc->g0 = d->item[x->trig[c->t0]].start;
  sc->g1 = d->item[x->trig[c->t1 - 1]].end;
  for (size_t k = 0; k < nev; k++) make_event(x, c, sc, ev[k], &evs[k]);
  int own[MAXTRIG + 2] = {0};
  for (size_t k = 0, n = nev; k < n; k++) {
    if (!d->item[ev[k]].trig->contact) continue;
    size_t o = other_status(x, c, ev[k], &evs[k]);
    if (o == (size_t)-1) break;
    /* in text order, as the group's events are */
    size_t at = nev++;
    for (; at > 0 && d->item[ev[at - 1]].start > d->item[o].start; at--) {
      ev[at] = ev[at - 1];
      evs[at] = evs[at - 1];
      own[at] = own[at - 1];
    }
    ev[at] = o;
    make_event(x, c, sc, o, &evs[at]);
    own[at] = 1;
    break;
  }
  /* a visit told again dates the rest of its group: what was signed or set
  ** up during it */
  size_t from = nev;
  for (size_t k = 0; k < nev && from == nev; k++)
    if (ev_same_person(d, &evs[k])) from = k;
  for (size_t k = 0; k < nev && from < nev; k++) {
    if (evs[k].has_date) continue;
    evs[k].date = evs[from].date;
    evs[k].has_date = 1;
  }
  for (size_t k = 0; k < nev; k++) {
    ev_date_persons(d, sc, &evs[k]);   /* its parties read on its own day */
    if (ev_domestic(d, &evs[k])) continue;   /* a trip at home */
    if (ev_factions(d, sc, &evs[k]) < 0) continue;   /* talks at home */
    ev_remember(d, &evs[k]);
    x->own_status = own[k];            /* split off for its status: keep it */
    const ev_item *it = &d->item[ev[k]];
    int rc = told_again(x, sc, it, &evs[k]) || strcmp(it->trig->arg, "cargo") == 0
                 ? emit_one(x, &evs[k])
                 : emit_pairs(x, sc, &evs[k]);
    x->own_status = 0;
    if (rc) return rc;
  }
  return 0;
}

/* cur carries the mention, item and date cursors from scope to scope. */
static int do_group(sent_ctx *x, size_t g, size_t start, size_t end,
                    ev_scope *cur) {
  ev_scope sc = *cur;
  sc.start = start;
  sc.end = end;
  sc.inherit = x->inherit;
  int rc = emit_group(x, &x->cl[g], &sc);
  cur->m0 = sc.m0;
  cur->i0 = sc.i0;
  cur->d0 = sc.d0;
  return rc;
}

/* Dates are read only in sentences that have events: most have none, and
** reading dates is the costly part. */
static int sentence_dates(sent_ctx *x, ev_scope *cur) {
  ev_doc *d = x->d;
  d->ndate = 0;
  d->date_base = x->start;
  cur->d0 = 0;
  return diwan_dates(d->s + x->start, x->end - x->start, d->anchor, NULL,
                     on_date, d);
}

int ev_sentence(sent_ctx *x, ev_scope *cur) {
  ev_doc *d = x->d;
  if (ev_scope_has_cue(d, x->i0, x->i1, CUE_CITATION, NULL)) return 0;
  int rc = find_clauses(x);
  if (rc || x->ntrig == 0) return rc;
  if ((rc = sentence_dates(x, cur))) return rc;
  x->inherit = ev_scope_has_cue(d, x->i0, x->i1, CUE_INHERIT, NULL);
  x->nseen = 0;
  size_t pend = (size_t)-1, pstart = x->start;
  for (size_t g = 0; g < x->ncl; g++) {
    /* a subordinate clause of contrast ("alors que", "whereas") tells
    ** something else: the group before it governs up to it only */
    /* nor is what follows a relative clause governed by the triggers in
    ** it: "התוכנית, שעל בסיסה ניהל פרימאקוב מגעים, הם: נסיגה עיראקית" */
    if (pend != (size_t)-1 && (x->cl[g].hard || x->cl[pend].rel)) {
      rc = do_group(x, pend, pstart, x->cl[g - 1].end, cur);
      if (rc) return rc;
      pend = (size_t)-1;
      pstart = x->cl[g].start;
    }
    if (x->cl[g].t0 == x->cl[g].t1) continue;
    if (pend != (size_t)-1) {
      rc = do_group(x, pend, pstart, x->cl[g - 1].end, cur);
      if (rc) return rc;
      pstart = x->cl[g].start;
    }
    pend = g;
  }
  if (pend != (size_t)-1) rc = do_group(x, pend, pstart, x->end, cur);
  return rc;
}

