/* Events of a document: mentions and lexicon hits are gathered in one pass
** over the whole text, the sentences are listed, the pair the document is
** about is found in its opening, and each sentence is handed to
** events_sentence.c. */
#include <stdlib.h>
#include <string.h>
#include "events_int.h"
#include "match/fold.h"
#include "base/alloc.h"

void *ev_push(void **arr, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    void *p = diwan_realloc(*arr, c * size);
    if (!p) return NULL;
    *arr = p;
    *cap = c;
  }
  return (char *)*arr + (*n)++ * size;
}

static int on_mention(void *ctx, const diwan_mention *m) {
  ev_doc *d = ctx;
  diwan_mention *p = ev_push((void **)&d->ment, &d->nment, &d->capment, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = *m;
  return 0;
}

static int add_item(ev_doc *d, const ph_match *m, const diwan_event_lexicon *x,
                    const ph_phrase *p) {
  ev_item *it = ev_push((void **)&d->item, &d->nitem, &d->capitem, sizeof *it);
  if (!it) return DIWAN_NOMEM;
  memset(it, 0, sizeof *it);
  it->start = m->start;
  it->end = m->start + m->len;
  it->tag = p->tag;
  if (p->tag == EV_TRIGGER) it->trig = &x->trig[p->payload];
  else if (p->tag == EV_CUE) it->cue = &x->cues[p->payload];
  else it->name = x->names[p->payload];
  return 0;
}

/* The best hit is also the least derived one: no hit on the exact spelling
** means the place was read through a stripped prefix, which
** events_direction.c takes as a marker (للكويت: to Kuwait). */
static int add_mention(ev_doc *d, const ph_match *m,
                       const diwan_gazetteer *const *gs, int ng) {
  diwan_mention mt = {m->start, m->len, gz_best_hit(m, d->s, gs, ng)};
  if (!mt.entity) return 0;
  int stripped = 1;
  for (int i = 0; i < m->nhits; i++) stripped &= m->hit[i].derived > 0;
  unsigned char *f = ev_push((void **)&d->mstrip, &d->nmstrip, &d->capmstrip, 1);
  if (!f) return DIWAN_NOMEM;
  *f = (unsigned char)stripped;
  return on_mention(d, &mt);
}

/* An ignore cue that spans exactly what a trigger spans hides it: a word
** that reads as a trigger only through a clitic (وزارة "ministry" as و +
** زاره "visited him") is listed as ignore. A longer ignore phrase already
** wins in the scanner. */
static int ignored(const ph_match *m, const diwan_event_lexicon *const *lx) {
  for (int h = 0; h < m->nhits; h++) {
    const ph_phrase *p = m->hit[h].p;
    if (p->tag != EV_CUE) continue;
    for (int k = 0; k < 2; k++)
      if (lx[k] && m->hit[h].tab == &lx[k]->tab &&
          lx[k]->cues[p->payload].kind == CUE_IGNORE)
        return 1;
  }
  return 0;
}

/* Mentions (channel 0) and event lexicon hits (channel 1) in one pass. */
static int collect(ev_doc *d, const diwan_event_opts *o) {
  const diwan_gazetteer *base = diwan_gazetteer_builtin();
  const diwan_event_lexicon *lbase = ev_lexicon_builtin();
  if (!base || !lbase) return DIWAN_NOMEM;
  const diwan_gazetteer *ugaz = o ? o->gazetteer : NULL;
  const diwan_event_lexicon *ulex = o ? o->lexicon : NULL;
  d->ulex = ulex;
  const diwan_gazetteer *gs[2] = {ugaz ? ugaz : base, base};
  int ng = ugaz ? 2 : 1;
  const diwan_event_lexicon *lx[2] = {ulex, lbase};
  const ph_table *tabs[4] = {ugaz ? &ugaz->tab : NULL, &base->tab,
                             ulex ? &ulex->tab : NULL, &lbase->tab};
  const int chan[4] = {0, 0, 1, 1};
  ph_scanner *sc = ph_scanner_new(tabs, chan, 4, d->s, d->n);
  if (!sc) return DIWAN_NOMEM;
  ph_scanner_record(sc, &d->tape);
  ph_match m;
  int rc = 0, r = 0;
  while (!rc && (r = ph_scanner_next(sc, &m)) > 0) {
    if (m.channel == 0) {
      size_t had = d->nment;
      rc = add_mention(d, &m, gs, ng);
      if (!rc && d->nment > had && o && o->on_mention)
        rc = o->on_mention(o->mention_ctx, &d->ment[had]);
      continue;
    }
    int ignore = ignored(&m, lx);
    for (int h = 0; h < m.nhits && !rc; h++)
      for (int k = 0; k < 2; k++)
        if (lx[k] && m.hit[h].tab == &lx[k]->tab &&
            !(ignore && m.hit[h].p->tag == EV_TRIGGER))
          rc = add_item(d, &m, lx[k], m.hit[h].p);
  }
  if (!rc && r < 0) rc = -r;
  ph_scanner_free(sc);
  return rc;
}

int ev_scope_has_cue(const ev_doc *d, size_t i0, size_t i1, int kind,
                     int *value) {
  for (size_t i = i0; i < i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag == EV_CUE && it->cue->kind == kind) {
      if (value) *value = it->cue->value;
      return 1;
    }
  }
  return 0;
}

/* Two countries joined by a conjunction alone ("India and Pakistan", "le
** Canada et l'UE", "Россия и Турция") are what the text is about: "the UK
** welcomed the decision by India and Pakistan" is about India and
** Pakistan. Latin and Cyrillic words only: an Arabic or Hebrew conjunction
** is a prefix, read by the list rules. The last two of a longer list are
** not such a pair. */
static int word_in(const char *w, size_t n, const char *const *set, size_t k) {
  for (size_t i = 0; i < k; i++)
    if (strlen(set[i]) == n && memcmp(w, set[i], n) == 0) return 1;
  return 0;
}

/* Between a and b: a conjunction, then articles only ("et de l'"). */
static int conjoined(const char *s, size_t a, size_t b) {
  static const char *const conj[] = {"and", "et", "\xd0\xb8"};
  static const char *const art[] = {"the", "de", "du", "des", "la", "le", "les", "l'",
                                    "l\xe2\x80\x99", "d'", "d\xe2\x80\x99"};
  int words = 0;
  while (a < b) {
    while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t')) a++;
    size_t e = a;
    while (e < b && s[e] != ' ' && s[e] != '\n' && s[e] != '\t') e++;
    if (e == a) break;
    if (words++ == 0 ? !word_in(s + a, e - a, conj, 3) : !word_in(s + a, e - a, art, sizeof art / sizeof art[0]))
      return 0;
    a = e;
  }
  return words > 0;
}

/* Hebrew and Arabic, for a pair found after the opening (the opening's
** own rules read these as lists): the second name carries the conjunction as a prefix
** with white space only between ("ארה\"ב וישראל", "الكويت وأذربيجان"), or
** ל after בין ("בין ארצות הברית לישראל"); found only through the stripped
** prefix, so a name that begins with the letter (ונצואלה) is no such pair. */
static int prefix_conjoined(const ev_doc *d, size_t ia, size_t ib) {
  const diwan_mention *a = &d->ment[ia], *b = &d->ment[ib];
  const char *s = d->s;
  for (size_t i = a->start + a->len; i < b->start; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  if (ib >= d->nmstrip || !d->mstrip[ib] || b->start == a->start + a->len) return 0;
  if (dw_proclitic(s + b->start, b->len, DW_PRE_CONJ)) return 1;       /* ו و ف */
  /* בין X לY */
  size_t p = a->start;
  while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) p--;
  return dw_proclitic(s + b->start, b->len, DW_PRE_TO) && p >= 7 && (p == 7 || s[p - 7] == ' ' || s[p - 7] == '\n') &&
         !memcmp(s + p - 6, "\xd7\x91\xd7\x99\xd7\x9f", 6);                     /* בין */
}

static int conjoined_pair(ev_doc *d, const ev_scope *all, size_t from, size_t end,
                          int prefixed) {
  size_t i = ev_ment_from(d, from);
  for (; i + 1 < d->nment && d->ment[i + 1].start < end; i++) {
    const diwan_mention *a = &d->ment[i], *b = &d->ment[i + 1];
    if (strcmp(a->entity->kind, "country") || strcmp(b->entity->kind, "country")) continue;
    const char *x = gz_party(a->entity), *y = gz_party(b->entity);
    if (!x || !y || strcmp(x, y) == 0 ||
        !(conjoined(d->s, a->start + a->len, b->start) || (prefixed && prefix_conjoined(d, i, i + 1))) ||
        ev_is_topic(d, all, a) || ev_is_topic(d, all, b))
      continue;
    size_t p = a->start;
    while (p > 0 && (d->s[p - 1] == ' ' || d->s[p - 1] == '\t')) p--;
    if (p > 0 && d->s[p - 1] == ',') continue;
    d->focus = d->pair[0] = x;
    d->pair[1] = y;
    d->pair_who[0] = d->pair_who[1] = NULL;   /* countries */
    return 1;
  }
  return 0;
}

/* The two countries the document is about: two joined by a conjunction in
** its first three sentences (conjoined_pair), else the first two named
** there, countries before other kinds. An organisation is a party only
** where the text makes it one, never by default; a country that is only
** discussed ("بشأن الأزمة السورية") is none, nor a city where a meeting is
** held ("في جنيف", "لقاء الدوحة"). The first of them is the focus even when
** no second one is named (a report on Burundi). */
static void find_pair(ev_doc *d, size_t end) {
  ev_scope all;
  memset(&all, 0, sizeof all);
  all.i1 = d->nitem;
  if (conjoined_pair(d, &all, 0, end, 0)) return;
  for (int pass = 0; pass < 2 && !d->pair[1]; pass++) {
    for (size_t i = 0; i < d->nment && d->ment[i].start < end; i++) {
      const diwan_entity *e = d->ment[i].entity;
      if (pass == 0 && strcmp(e->kind, "country") != 0) continue;
      if (ev_is_topic(d, &all, &d->ment[i]) || ev_city_venue(d, &all, i) ||
          ev_premodifier(d, &all, i) || ev_in_long_list(d, &all, i))
        continue;
      const char *c = gz_party(e);
      if (!c || strncmp(c, "org:", 4) == 0) continue;
      if (!d->focus) d->focus = c;
      const diwan_entity *who = d->ndated && e >= d->dated && e < d->dated + d->ndated
                                    ? d->dated_base[e - d->dated] : NULL;
      if (!d->pair[0]) { d->pair[0] = c; d->pair_who[0] = who; }
      else if (strcmp(d->pair[0], c) != 0) { d->pair[1] = c; d->pair_who[1] = who; break; }
    }
  }
  if (!d->pair[1]) { d->pair[0] = NULL; d->pair_who[0] = NULL; }
}

/* ------------------------------------------------------------- document */

typedef struct span { size_t start, end; } span;

static int collect_sentences(ev_doc *d, span **out, size_t *nout) {
  diwan_sentencer st;
  size_t a, n, cap = 0;
  *out = NULL;
  *nout = 0;
  diwan_sentencer_init(&st, d->s, d->n);
  while (diwan_sentencer_next(&st, &a, &n)) {
    span *p = ev_push((void **)out, nout, &cap, sizeof *p);
    if (!p) return DIWAN_NOMEM;
    p->start = a;
    p->end = a + n;
  }
  return DIWAN_OK;
}

static int new_paragraph(const char *s, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (s[i] == '\n') return 1;
  return 0;
}

#define HEADLINE_MAX 300   /* bytes: a longer first line is a paragraph */

/* A headline is a first line of its own, short, that is one sentence and
** has more text after it. Its end, or 0. */
static size_t headline_end(const char *s, size_t n, const span *sent, size_t nsent) {
  if (nsent < 2) return 0;
  const char *nl = memchr(s, '\n', n < HEADLINE_MAX ? n : HEADLINE_MAX);
  if (!nl) return 0;
  size_t end = (size_t)(nl - s);
  return sent[1].start >= end ? end : 0;
}

static int walk(ev_doc *d, const span *sent, size_t nsent, ev_merge *mg) {
  sent_ctx x;
  memset(&x, 0, sizeof x);
  x.d = d;
  x.cb = ev_merge_add;
  x.ctx = mg;
  size_t e0 = 0, e1 = 0;   /* the events the sentence before added */
  ev_scope cur;
  memset(&cur, 0, sizeof cur);
  size_t it = 0, prev_end = 0;
  int rc = 0, shifted = 0;
  for (size_t k = 0; k < nsent && !rc; k++) {
    if (new_paragraph(d->s, prev_end, sent[k].start)) d->has_para = 0;
    prev_end = sent[k].end;
    while (it < d->nitem && d->item[it].start < sent[k].start) it++;
    x.index = k;
    x.start = sent[k].start;
    x.end = sent[k].end;
    x.i0 = it;
    while (it < d->nitem && d->item[it].start < sent[k].end) it++;
    x.i1 = it;
    /* "في شأن آخر", "par ailleurs": the rest is about other parties */
    if (ev_scope_has_cue(d, x.i0, x.i1, CUE_SHIFT, NULL)) {
      d->pair[0] = d->pair[1] = NULL;
      shifted = 1;
    }
    /* an opening that named no pair (a report cut out of a longer one):
    ** the first two countries joined by a conjunction further on are the
    ** pair from there ("טיב היחסים בין ארה\"ב וישראל. … נציגי שתי המדינות") */
    if (!d->pair[1] && !shifted) {
      ev_scope all;
      memset(&all, 0, sizeof all);
      all.i1 = d->nitem;
      const char *focus = d->focus;
      if (conjoined_pair(d, &all, sent[k].start, sent[k].end, 1) && focus) d->focus = focus;
    }
    size_t n1 = mg->nev;
    rc = ev_sentence(&x, &cur);
    if (!rc) rc = ev_discourse_date(d, mg, e0, e1, n1, x.start, x.end, x.i0, x.i1);
    e0 = n1;
    e1 = mg->nev;
  }
  diwan_free(x.cl);
  diwan_free(x.trig);
  return rc;
}

int diwan_events(const diwan_event_opts *o, const char *s, size_t n,
                 diwan_event_cb cb, void *ctx) {
  ev_doc d;
  memset(&d, 0, sizeof d);
  d.s = s;
  d.n = n;
  span *sent = NULL;
  size_t nsent = 0;
  d.anchor = o ? o->anchor : NULL;
  int rc = collect(&d, o);
  if (!rc) {
    const diwan_gazetteer *base = diwan_gazetteer_builtin();
    const diwan_gazetteer *gs[2] = {o && o->gazetteer ? o->gazetteer : base, base};
    rc = ev_homonyms(&d, gs, o && o->gazetteer ? 2 : 1);
  }
  if (!rc) rc = ev_coref(&d);
  ph_tape_free(&d.tape);
  if (!rc) rc = collect_sentences(&d, &sent, &nsent);
  if (!rc) {
    find_pair(&d, nsent ? sent[nsent < 3 ? nsent - 1 : 2].end : 0);
    ev_merge mg;
    memset(&mg, 0, sizeof mg);
    mg.title_end = headline_end(s, n, sent, nsent);
    rc = walk(&d, sent, nsent, &mg);
    if (!rc) rc = ev_merge_flush(&mg, o && o->partial, cb, ctx);
    ev_merge_free(&mg);
  }
  diwan_free(sent);
  diwan_free(d.ment);
  diwan_free(d.mstrip);
  diwan_free(d.alias);
  diwan_free(d.dated);
  diwan_free(d.dated_base);
  diwan_free(d.dated_home);
  diwan_free(d.item);
  diwan_free(d.date);
  ev_npmemo_free(d.npmemo);
  return rc;
}
