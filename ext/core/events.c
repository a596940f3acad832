/* Events of a document. Mentions, lexicon hits and dates are gathered once
** over the whole text; then each sentence is cut into clauses at the
** boundary cues. A trigger counts when the argument it needs is in its
** clause and no non-event cue (habitual, future, existence) is; the valid
** triggers of one clause form a group that governs the clause and the
** trigger-less clauses after it (the first group also those before it).
** Each group gives one contact event (visit/meeting/talks/invitation, the
** highest rank) and one event per other type. Work per clause is bounded
** (MAXTRIG), so the whole is linear in the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "events_int.h"

#define MAXTRIG 32   /* triggers considered per clause */

static void *push(void **arr, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, c * size);
    if (!p) return NULL;
    *arr = p;
    *cap = c;
  }
  return (char *)*arr + (*n)++ * size;
}

static int on_mention(void *ctx, const diwan_mention *m) {
  ev_doc *d = ctx;
  diwan_mention *p = push((void **)&d->ment, &d->nment, &d->capment, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = *m;
  return 0;
}

static int on_date(void *ctx, const diwan_date *dt) {
  ev_doc *d = ctx;
  diwan_date *p = push((void **)&d->date, &d->ndate, &d->capdate, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = *dt;
  p->start += d->date_base;
  return 0;
}

static int add_item(ev_doc *d, const ph_match *m, const diwan_event_lexicon *x,
                    const ph_phrase *p) {
  ev_item *it = push((void **)&d->item, &d->nitem, &d->capitem, sizeof *it);
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

static int add_mention(ev_doc *d, const ph_match *m,
                       const diwan_gazetteer *const *gs, int ng) {
  diwan_mention mt = {m->start, m->len, gz_best_hit(m, gs, ng)};
  return mt.entity ? on_mention(d, &mt) : 0;
}

/* Mentions (channel 0) and event lexicon hits (channel 1) in one pass. */
static int collect(ev_doc *d, const diwan_event_opts *o) {
  const diwan_gazetteer *base = diwan_gazetteer_builtin();
  const diwan_event_lexicon *lbase = ev_lexicon_builtin();
  if (!base || !lbase) return DIWAN_NOMEM;
  const diwan_gazetteer *ugaz = o ? o->gazetteer : NULL;
  const diwan_event_lexicon *ulex = o ? o->lexicon : NULL;
  const diwan_gazetteer *gs[2] = {ugaz ? ugaz : base, base};
  int ng = ugaz ? 2 : 1;
  const diwan_event_lexicon *lx[2] = {ulex, lbase};
  const ph_table *tabs[4] = {ugaz ? &ugaz->tab : NULL, &base->tab,
                             ulex ? &ulex->tab : NULL, &lbase->tab};
  const int chan[4] = {0, 0, 1, 1};
  ph_scanner *sc = ph_scanner_new(tabs, chan, 4, d->s, d->n);
  if (!sc) return DIWAN_NOMEM;
  ph_match m;
  int rc = 0;
  while (!rc && ph_scanner_next(sc, &m) > 0) {
    if (m.channel == 0) {
      rc = add_mention(d, &m, gs, ng);
      continue;
    }
    for (int h = 0; h < m.nhits && !rc; h++)
      for (int k = 0; k < 2; k++)
        if (lx[k] && m.hit[h].tab == &lx[k]->tab)
          rc = add_item(d, &m, lx[k], m.hit[h].p);
  }
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

static const char *country_of(const diwan_entity *e) {
  if (e->kind[1] == 'o' && e->kind[2] == 'u') return e->id;   /* country */
  return e->country[0] ? e->country : NULL;
}

/* The two countries the document is about: the first two named in its first
** three sentences, countries before other kinds. */
static void find_pair(ev_doc *d, size_t end) {
  for (int pass = 0; pass < 2 && !d->pair[1]; pass++) {
    for (size_t i = 0; i < d->nment && d->ment[i].start < end; i++) {
      const diwan_entity *e = d->ment[i].entity;
      if (pass == 0 && strcmp(e->kind, "country") != 0) continue;
      const char *c = country_of(e);
      if (!c) continue;
      if (!d->pair[0]) d->pair[0] = c;
      else if (strcmp(d->pair[0], c) != 0) { d->pair[1] = c; break; }
    }
  }
  if (!d->pair[1]) d->pair[0] = NULL;
}

/* ------------------------------------------------------------ sentences */

typedef struct clause {
  size_t start, end;        /* bytes: after the boundary before, to the next */
  size_t i0, i1;            /* items */
  size_t t0, t1;            /* its valid triggers in the sentence's list */
} clause;

/* An event already given for this sentence, to drop repeats. */
typedef struct seen_ev {
  const char *type, *a1, *a2;
  char value[64];
} seen_ev;

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
  diwan_event_cb cb;
  void *ctx;
} sent_ctx;

static int arg_in(const ev_doc *d, const clause *c, const char *cls) {
  if (!cls[0]) return 1;
  for (size_t i = c->i0; i < c->i1; i++)
    if (d->item[i].tag == EV_ARG && strcmp(d->item[i].name, cls) == 0) return 1;
  return 0;
}

/* Splits the sentence into clauses and keeps each clause's valid triggers. */
static int find_clauses(sent_ctx *x) {
  ev_doc *d = x->d;
  int anniv = ev_scope_has_cue(d, x->i0, x->i1, CUE_ANNIVERSARY, NULL);
  size_t i = x->i0, start = x->start;
  x->ncl = x->ntrig = 0;
  while (i <= x->i1) {
    size_t j = i;
    while (j < x->i1 && !(d->item[j].tag == EV_CUE && d->item[j].cue->kind == CUE_BOUNDARY)) j++;
    clause *c = push((void **)&x->cl, &x->ncl, &x->capcl, sizeof *c);
    if (!c) return DIWAN_NOMEM;
    c->start = start;
    c->end = j < x->i1 ? d->item[j].start : x->end;
    c->i0 = i;
    c->i1 = j;
    c->t0 = c->t1 = x->ntrig;
    int blocked = !anniv && ev_scope_has_cue(d, i, j, CUE_NONEVENT, NULL);
    for (size_t k = i, n = 0; k < j && n < MAXTRIG && !blocked; k++) {
      if (d->item[k].tag != EV_TRIGGER) continue;
      n++;
      if (!arg_in(d, c, d->item[k].trig->arg)) continue;
      size_t *t = push((void **)&x->trig, &x->ntrig, &x->captrig, sizeof *t);
      if (!t) return DIWAN_NOMEM;
      *t = k;
    }
    c->t1 = x->ntrig;
    if (j >= x->i1) break;
    start = d->item[j].end;
    i = j + 1;
  }
  return DIWAN_OK;
}

/* The events of one group: one contact event, one per other type. */
static int group_events(const sent_ctx *x, const clause *c, size_t *ev,
                        size_t *nev) {
  const ev_doc *d = x->d;
  size_t best = (size_t)-1, n = 0;
  for (size_t t = c->t0; t < c->t1; t++) {
    const ev_trigger *tr = d->item[x->trig[t]].trig;
    if (tr->contact) {
      if (best == (size_t)-1 || tr->rank > d->item[best].trig->rank) best = x->trig[t];
      continue;
    }
    int seen = 0;
    for (size_t k = 0; k < n; k++)
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

static int eq(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* The same type, actors (either order) and date in one sentence is one
** event told twice ("دعم سيادة أذربيجان ... التصويت الإيجابي"). */
static int repeated(sent_ctx *x, const diwan_event *e) {
  const char *v = e->has_date ? e->date.value : "";
  for (int i = 0; i < x->nseen; i++) {
    const seen_ev *s = &x->seen[i];
    if (strcmp(s->type, e->type) || strcmp(s->value, v)) continue;
    if ((eq(s->a1, e->actor1) && eq(s->a2, e->actor2)) ||
        (eq(s->a1, e->actor2) && eq(s->a2, e->actor1)))
      return 1;
  }
  if (x->nseen < 16) {
    seen_ev *s = &x->seen[x->nseen++];
    s->type = e->type;
    s->a1 = e->actor1;
    s->a2 = e->actor2;
    snprintf(s->value, sizeof s->value, "%s", v);
  }
  return 0;
}

static int emit_group(sent_ctx *x, const clause *c, ev_scope *sc) {
  ev_doc *d = x->d;
  size_t ev[MAXTRIG + 1], nev = 0;
  scope_ranges(d, sc);
  group_events(x, c, ev, &nev);
  sc->g0 = d->item[x->trig[c->t0]].start;
  sc->g1 = d->item[x->trig[c->t1 - 1]].end;
  for (size_t k = 0; k < nev; k++) {
    const ev_item *it = &d->item[ev[k]];
    diwan_event e;
    memset(&e, 0, sizeof e);
    e.sentence = x->index;
    e.sent_start = x->start;
    e.sent_len = x->end - x->start;
    e.start = it->start;
    e.len = it->end - it->start;
    e.type = it->trig->type;
    e.cameo = it->trig->cameo;
    ev_attach(d, sc, &e);
    if (repeated(x, &e)) continue;
    int rc = x->cb(x->ctx, &e);
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

static int do_sentence(sent_ctx *x, ev_scope *cur) {
  ev_doc *d = x->d;
  if (ev_scope_has_cue(d, x->i0, x->i1, CUE_CITATION, NULL)) return 0;
  int rc = find_clauses(x);
  if (rc || x->ntrig == 0) return rc;
  if ((rc = sentence_dates(x, cur))) return rc;
  x->inherit = ev_scope_has_cue(d, x->i0, x->i1, CUE_INHERIT, NULL);
  x->nseen = 0;
  size_t pend = (size_t)-1, pstart = x->start;
  for (size_t g = 0; g < x->ncl; g++) {
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

/* ------------------------------------------------------------- document */

typedef struct span { size_t start, end; } span;

static int collect_sentences(ev_doc *d, span **out, size_t *nout) {
  diwan_sentencer st;
  size_t a, n, cap = 0;
  *out = NULL;
  *nout = 0;
  diwan_sentencer_init(&st, d->s, d->n);
  while (diwan_sentencer_next(&st, &a, &n)) {
    span *p = push((void **)out, nout, &cap, sizeof *p);
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

static int walk(ev_doc *d, const span *sent, size_t nsent, diwan_event_cb cb,
                void *ctx) {
  sent_ctx x;
  memset(&x, 0, sizeof x);
  x.d = d;
  x.cb = cb;
  x.ctx = ctx;
  ev_scope cur;
  memset(&cur, 0, sizeof cur);
  size_t it = 0, prev_end = 0;
  int rc = 0;
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
    rc = do_sentence(&x, &cur);
  }
  free(x.cl);
  free(x.trig);
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
  int rc = collect(&d, o);
  d.anchor = o ? o->anchor : NULL;
  if (!rc) rc = collect_sentences(&d, &sent, &nsent);
  if (!rc) {
    find_pair(&d, nsent ? sent[nsent < 3 ? nsent - 1 : 2].end : 0);
    rc = walk(&d, sent, nsent, cb, ctx);
  }
  free(sent);
  free(d.ment);
  free(d.item);
  free(d.date);
  return rc;
}
