/* Country names that are also a person's name or a place of another state
** (`cues.tsv` kind `namesake`, value 0: Jordan, Chad, Georgia). Such a
** mention is no country where the text makes it something else:
**   - a name: a capitalised word right after it ("Chad Smith", "Jordan
**     Henderson", "Georgia Governor") or right before it ("Michael
**     Jordan"), that is no mention, title or lexicon word, and, before it,
**     no capitalised function word opening the sentence (`namesake` value 1:
**     "The", "In": "In Jordan, the king…" stays the country);
**   - a place of another state: right after a city of another state and a
**     comma ("Atlanta, Georgia").
** The mention is dropped before anything reads it, so it names no party,
** no pair and no place. Each mention looks at its two neighbours only:
** linear in the text. */
#include <string.h>
#include "events_int.h"

static int blank(char c) { return c == ' ' || c == '\t'; }

/* A capital at s[i] of s[0..n): ASCII, or Latin-1 À..Þ. */
static int upper_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  return (c >= 'A' && c <= 'Z') || (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                                    (unsigned char)s[i + 1] <= 0x9E);
}

/* The item (of tag, and of cue kind when a cue) that spans exactly [a, b),
** or starts at a when b is 0; NULL when none. */
static const ev_item *item_at(const ev_doc *d, size_t a, size_t b, int kind) {
  for (size_t i = ev_item_from(d, 0, d->nitem, a); i < d->nitem && d->item[i].start == a; i++) {
    const ev_item *it = &d->item[i];
    if (b && it->end != b) continue;
    if (kind < 0 || (it->tag == EV_CUE && it->cue->kind == kind)) return it;
  }
  return NULL;
}

/* A mention other than m starts at a. */
static int mention_at(const ev_doc *d, size_t m, size_t a) {
  size_t k = ev_ment_from(d, a);
  return k < d->nment && k != m && d->ment[k].start == a;
}

/* The capitalised word [a, e) is an ordinary name word: no mention, no
** lexicon item starts there. */
static int name_word(const ev_doc *d, size_t m, size_t a, size_t e) {
  return e > a + 1 && upper_at(d->s, d->n, a) && !mention_at(d, m, a) && !item_at(d, a, 0, -1);
}

static int person_name(const ev_doc *d, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  const char *s = d->s;
  size_t end = mt->start + mt->len, a = end, e;
  /* the word after, on the same line */
  if (a < d->n && blank(s[a])) {
    while (a < d->n && blank(s[a])) a++;
    for (e = a; e < d->n && !blank(s[e]) && !strchr(",.;:!?()\"\n", s[e]); e++) {}
    if (e > a && name_word(d, m, a, e)) return 1;
  }
  /* the word before */
  e = mt->start;
  if (e == 0 || !blank(s[e - 1])) return 0;
  while (e > 0 && blank(s[e - 1])) e--;
  for (a = e; a > 0 && !blank(s[a - 1]) && !strchr(",.;:!?()\"\n", s[a - 1]); a--) {}
  if (a == e || !name_word(d, m, a, e)) return 0;
  const ev_item *fw = item_at(d, a, e, CUE_NAMESAKE);
  return !fw;
}

/* "Atlanta, Georgia": a city of another state, a comma, the mention. */
static int place_of_other(const ev_doc *d, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  size_t p = mt->start;
  while (p > 0 && blank(d->s[p - 1])) p--;
  if (p == 0 || d->s[p - 1] != ',' || m == 0) return 0;
  const diwan_mention *c = &d->ment[m - 1];
  if (c->start + c->len != p - 1 || strcmp(c->entity->kind, "city")) return 0;
  return c->entity->country[0] && !ev_eq(c->entity->country, gz_party(mt->entity));
}

void ev_drop_namesakes(ev_doc *d) {
  size_t w = 0;
  for (size_t m = 0; m < d->nment; m++) {
    const diwan_mention *mt = &d->ment[m];
    const ev_item *h = item_at(d, mt->start, mt->start + mt->len, CUE_NAMESAKE);
    int drop = h && h->cue->value == 0 && !strcmp(mt->entity->kind, "country") &&
               (person_name(d, m) || place_of_other(d, m));
    if (drop) continue;
    if (w != m) {
      d->ment[w] = d->ment[m];
      if (m < d->nmstrip) d->mstrip[w] = d->mstrip[m];
    }
    w++;
  }
  if (d->nmstrip > w) d->nmstrip = w;
  d->nment = w;
}
