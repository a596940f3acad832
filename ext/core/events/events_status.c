/* Whether an event happened, was denied or cancelled, is yet to happen, or
** is only supposed. A cue of status.tsv governs a trigger of its clause when
** it stands within its reach (a negation or an auxiliary right before the
** verb, a denial or a condition anywhere before it, "المرتقبة" right after
** it); the nearest cue wins. Two forms of the trigger word itself say
** planned: the Arabic future prefix (سيزور, ستوقع) and the French simple
** future (visitera, signeront); one says hypothetical: the French
** conditional (rencontrerait, se rendraient). Last, an event dated after the day the text
** was published (the anchor) is planned, and so is one told in the present
** (the Arabic imperfect) and dated on that day or after; the event an anniversary recalls
** has happened. The work per trigger is bounded
** (LOOK items, reach words), so the whole stays linear. */
#include <string.h>
#include "events_int.h"

#define LOOK 64          /* items looked at on each side of a trigger */

static int blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Words that start in [a, b): 0 when b directly follows a word ending at a.
** Stops counting past max. */
size_t ev_ment_from(const ev_doc *d, size_t pos) {
  size_t lo = 0, hi = d->nment;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->ment[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

size_t ev_ment_ended(const ev_doc *d, size_t pos) {
  size_t lo = 0, hi = d->nment;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->ment[mid].start + d->ment[mid].len <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int ev_words_between(const char *s, size_t a, size_t b, int max) {
  int n = 0;
  for (size_t i = a; i < b && n <= max; i++)
    if (!blank((unsigned char)s[i]) && (i == a || blank((unsigned char)s[i - 1]))) n++;
  return n;
}

/* The word of the text that holds byte pos: [*w0, *w1). */
static void word_at(const ev_doc *d, size_t pos, size_t *w0, size_t *w1) {
  size_t a = pos, b = pos;
  while (a > 0 && !blank((unsigned char)d->s[a - 1]) && pos - a < 64) a--;
  while (b < d->n && !blank((unsigned char)d->s[b]) && b - pos < 64) b++;
  *w0 = a;
  *w1 = b;
}

static int starts(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

static int ends(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* سيزور, وستوقع: the future prefix س before an imperfect prefix (ي ت ن أ),
** after an optional و or ف. Triggers are nouns and verbs of the lexicon:
** none begins with سي or ست of its own, so the س is the prefix. */
static int arabic_future(const char *w, size_t n) {
  if (starts(w, n, "\xd9\x88") || starts(w, n, "\xd9\x81")) { w += 2; n -= 2; }
  if (n < 8 || !starts(w, n, "\xd8\xb3")) return 0;            /* س + 3 letters */
  return starts(w + 2, n - 2, "\xd9\x8a") || starts(w + 2, n - 2, "\xd8\xaa") ||
         starts(w + 2, n - 2, "\xd9\x86") || starts(w + 2, n - 2, "\xd8\xa3");
}

/* A word of Latin letters (and apostrophes). */
static int latin_word(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)w[i] < 'A' && w[i] != '\'') return 0;
  return n && (unsigned char)w[0] < 0x80;
}

/* visitera, rencontreront, signera, recevra, tiendra: a Latin word of six
** letters or more ending in -ra or -ront (no trigger noun ends so). */
static int french_future(const char *w, size_t n) {
  return latin_word(w, n) && ((n >= 6 && ends(w, n, "ra")) || (n >= 7 && ends(w, n, "ront")));
}

/* rencontrerait, se rendraient, recevrait: the French conditional, a Latin
** word of seven letters or more ending in -rait or -raient after e, d or v
** (the imperfect of a stem in r is not one: rencontrait, déclarait). News
** uses it for what is only reported or supposed ("le ministre se rendrait
** à Tunis"), as it uses "aurait rencontré" (status.tsv). */
static int french_conditional(const char *w, size_t n) {
  size_t k = n >= 7 && ends(w, n, "rait") ? 4 : n >= 9 && ends(w, n, "raient") ? 6 : 0;
  return k && latin_word(w, n) && strchr("edv", w[n - k - 1]);
}

/* The status the form of the trigger says: ST_PLANNED, ST_HYPOTHETICAL or
** ST_HAPPENED (nothing). Its first word, and for French also its last:
** the verb of a reflexive or particle verb comes second ("se rendra"). */
static int morph_status(const ev_doc *d, const ev_item *t) {
  size_t w0, w1;
  word_at(d, t->start, &w0, &w1);
  for (int k = 0; k < 2; k++) {
    if (k) {
      if (t->end <= w1) break;
      word_at(d, t->end - 1, &w0, &w1);
    }
    const char *w = d->s + w0;
    size_t n = w1 - w0;
    while (n && strchr(",.;:!?)\"", w[n - 1])) n--;   /* rencontrerait, */
    if (french_conditional(w, n)) return ST_HYPOTHETICAL;
    if ((!k && arabic_future(w, n)) || french_future(w, n)) return ST_PLANNED;
  }
  return ST_HAPPENED;
}

/* modal: the nearest planned, hypothetical or negated cue, kept apart from
** the winner, for a present verb form that a modal governs ("من المقرر أن
** يزور", "نفى أن يلتقي"): the imperfect after أن is the modal's, not the
** present of the news. */
/* hyp: a condition reaches the trigger; "if he will meet" is no plan: a
** condition outranks a future however near the future is. */
typedef struct best { int status, dist, modal, mdist, hyp; } best;

/* Status s wins a tie against t: the stronger, except that a happened
** phrase beats the present of the verb it stands before (the relative
** "الذي يزور الدوحة حاليا": the visitor is there as the paper writes). */
static int outranks(int s, int t) {
  if (s == ST_HAPPENED && t == ST_PRESENT) return 1;
  if (s == ST_PRESENT && t == ST_HAPPENED) return 0;
  return s > t;
}

static void consider(best *b, int status, int dist) {
  if (status == ST_HYPOTHETICAL) b->hyp = 1;
  if (status > ST_PRESENT && (b->mdist < 0 || dist < b->mdist ||
                              (dist == b->mdist && status > b->modal))) {
    b->modal = status;
    b->mdist = dist;
  }
  if (b->dist < 0 || dist < b->dist || (dist == b->dist && outranks(status, b->status))) {
    b->status = status;
    b->dist = dist;
  }
}

/* Nothing but white space or a mark that ends a clause or opens a quote
** stands before pos ("לו נפגש …", "…, לו חתמה"). */
static int opens_clause(const ev_doc *d, size_t pos) {
  static const char *const marks[] = {"\xc2\xab", "\xc2\xbb", "\xe2\x80\x94",
                                      "\xe2\x80\x9c", "\xe2\x80\x9d", "\xd7\xb4",
                                      "\xd8\x8c", "\xd8\x9b", "\xd8\x9f"};
  while (pos > 0 && blank((unsigned char)d->s[pos - 1])) pos--;
  if (pos == 0 || (d->s[pos - 1] && strchr(".,;:!?()\"'-", d->s[pos - 1]))) return 1;
  for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
    size_t k = strlen(marks[i]);
    if (pos >= k && memcmp(d->s + pos - k, marks[i], k) == 0) return 1;
  }
  return 0;
}

/* The status cues of the items [i0, i1) of the trigger's clause. */
static void cue_status(const ev_doc *d, size_t i0, size_t i1, size_t ti, best *b) {
  const ev_item *t = &d->item[ti];
  for (size_t i = ti, n = 0; i > i0 && n < LOOK; i--) {
    const ev_item *it = &d->item[i - 1];
    if (it->tag != EV_CUE || it->cue->kind != CUE_STATUS) continue;
    n++;
    const ev_cue *c = it->cue;
    if (c->where == REACH_AFTER || it->start >= t->start) continue;
    if (c->where == REACH_OPENS && !opens_clause(d, it->start)) continue;
    int w = ev_words_between(d->s, it->end, t->start, c->reach < 0 ? 1000 : c->reach);
    if (c->reach < 0 || w <= c->reach) consider(b, c->value, w);
  }
  size_t j = ti;            /* a cue on the trigger's own word may come first */
  while (j > i0 && ti - j < LOOK && d->item[j - 1].start >= t->start) j--;
  for (size_t i = j, n = 0; i < i1 && n < LOOK; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_STATUS) continue;
    n++;
    const ev_cue *c = it->cue;
    if (c->where != REACH_AFTER || it->start < t->start) continue;
    int w = it->start < t->end ? 0 : ev_words_between(d->s, t->end, it->start, c->reach);
    if (w <= c->reach) consider(b, c->value, w);
  }
}

/* How the event's first day compares with the day of publication: -1
** before, 0 the same day, 1 after; -2 when either is unknown. */
static int first_date(void *ctx, const diwan_date *dt) {
  diwan_date *out = ctx;
  if (!out->first_day[0]) *out = *dt;
  return 1;
}

/* A relative date read without an anchor ("היום", "غدا", "yesterday"):
** which side of the day of publication it falls on, read again against a
** day of our own. -2 when it says nothing. */
static int relative_side(const ev_doc *d, const diwan_event *e) {
  static const diwan_ymd probe = {2001, 6, 15};
  diwan_date r;
  memset(&r, 0, sizeof r);
  if (!e->date.relative || e->date.start + e->date.len > d->n) return -2;
  diwan_dates(d->s + e->date.start, e->date.len, &probe, NULL, first_date, &r);
  if (!r.first_day[0]) return -2;
  int c = strcmp(r.first_day, "2001-06-15");
  return c < 0 ? -1 : c > 0;
}

static int vs_anchor(const ev_doc *d, const diwan_event *e) {
  if (!d->anchor && e->has_date && !e->date.first_day[0]) return relative_side(d, e);
  if (!d->anchor || !d->anchor->d || !e->has_date || !e->date.first_day[0]) return -2;
  long a = d->anchor->y * 10000L + d->anchor->m * 100L + d->anchor->d;
  long x = ev_day_number(e->date.first_day, strlen(e->date.first_day));
  if (!x) return -2;
  return x < a ? -1 : x > a;
}

/* A present verb whose clause tells the same event again in a form with no
** cue (the past): a run-in headline "أمير قطر يلتقي وزير الخارجية الأمريكي
** التقى الشيخ تميم …" reports what happened. */
static int retold_past(const ev_doc *d, size_t i0, size_t i1, size_t ti) {
  const ev_item *t = &d->item[ti];
  for (size_t i = i0, n = 0; i < i1 && n < LOOK; i++) {
    const ev_item *o = &d->item[i];
    if (o->tag != EV_TRIGGER || i == ti) continue;
    n++;
    if (strcmp(o->trig->type, t->trig->type) || (o->start < t->end && t->start < o->end))
      continue;
    best b = {ST_HAPPENED, -1, ST_HAPPENED, -1, 0};
    cue_status(d, i0, i1, i, &b);
    if (b.status == ST_HAPPENED && morph_status(d, o) == ST_HAPPENED) return 1;
  }
  return 0;
}

const char *ev_status(const ev_doc *d, size_t i0, size_t i1, size_t ti,
                      const diwan_event *e) {
  best b = {ST_HAPPENED, -1, ST_HAPPENED, -1, 0};
  /* "سيتم الاحتفال بالذكرى الثلاثين لإقامة العلاقات": what is planned is
  ** the anniversary; the event it recalls happened */
  if (ev_scope_has_cue(d, i0, i1, CUE_ANNIVERSARY, NULL)) return ev_status_names[ST_HAPPENED];
  cue_status(d, i0, i1, ti, &b);
  int m = morph_status(d, &d->item[ti]);
  if (m != ST_HAPPENED) consider(&b, m, 0);
  int when = vs_anchor(d, e);
  if (b.status == ST_PRESENT && b.mdist >= 0) b.status = b.modal;
  if (b.status == ST_PRESENT && retold_past(d, i0, i1, ti)) b.status = ST_HAPPENED;
  if (b.status == ST_PRESENT) b.status = when >= 0 ? ST_PLANNED : ST_HAPPENED;
  if (b.status == ST_HAPPENED && when > 0) b.status = ST_PLANNED;
  if (b.status == ST_PLANNED && b.hyp) b.status = ST_HYPOTHETICAL;
  return ev_status_names[b.status];
}
