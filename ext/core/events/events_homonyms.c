/* A name that is a state's and also a city's of another state (Arabic
** عمان: Oman, and Amman, the capital of Jordan, written alike without
** vowels): cues.tsv kind `homonym` gives the surface and the city. The
** gazetteer reads the state; the document reads the city when it names
** the city's state and never the other state by another name (عماني,
** سلطنة عمان, مسقط, قابوس), and the name stands in no list of states
** ("الأردن وعمان"). One pass over the mentions and one over the hits. */
#include "events_int.h"
#include "base/alloc.h"

#define MEMO 8   /* distinct homonyms a document is read for */

typedef struct memo { const ev_cue *cue; const diwan_entity *city; int city_named, state_named; } memo;

static const diwan_mention *mention_at(const ev_doc *d, const ev_item *it) {
  size_t m = ev_ment_from(d, it->start);
  if (m < d->nment && d->ment[m].start == it->start && d->ment[m].start + d->ment[m].len == it->end)
    return &d->ment[m];
  return NULL;
}

static int is_country(const diwan_mention *m) { return strcmp(m->entity->kind, "country") == 0; }

/* Between a and b only white space and a comma or the conjunction و, or
** white space only when the name after it begins with و ("الأردن وعمان");
** two names side by side are no list ("أمير قطر الكويت"). */
static int list_gap(const char *s, size_t n, size_t a, size_t b) {
  int sep = b + 1 < n && (unsigned char)s[b] == 0xD9 && (unsigned char)s[b + 1] == 0x88;
  for (size_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n') continue;
    if (c == ',') { sep = 1; continue; }
    if (i + 1 < b && c == 0xD8 && (unsigned char)s[i + 1] == 0x8C) { sep = 1; i++; continue; } /* ، */
    if (i + 1 < b && c == 0xD9 && (unsigned char)s[i + 1] == 0x88) { sep = 1; i++; continue; } /* و */
    return 0;
  }
  return sep;
}

/* Mention k stands in a list of states: a country right before or after it
** with only a comma or و between. */
static int in_list(const ev_doc *d, size_t k) {
  const diwan_mention *m = &d->ment[k];
  if (k > 0 && is_country(&d->ment[k - 1]) &&
      list_gap(d->s, d->n, d->ment[k - 1].start + d->ment[k - 1].len, m->start))
    return 1;
  return k + 1 < d->nment && is_country(&d->ment[k + 1]) &&
         list_gap(d->s, d->n, m->start + m->len, d->ment[k + 1].start);
}

static const diwan_entity *find_place(const char *id, const diwan_gazetteer *const *gs, int ng) {
  for (int i = 0; i < ng; i++) {
    const diwan_entity *e = gz_by_id(gs[i], id);
    if (e) return e;
  }
  return NULL;
}

/* Whether the document names the city's state, and the homonym's own state
** other than through the homonym's hits (flagged in hom). */
static void read_document(const ev_doc *d, const unsigned char *hom, const char *state, memo *mo) {
  const char *cstate = gz_party(mo->city);
  for (size_t k = 0; k < d->nment; k++) {
    const char *p = gz_party(d->ment[k].entity);
    if (!p) continue;
    if (cstate && strcmp(p, cstate) == 0) mo->city_named = 1;
    if (!hom[k] && strcmp(p, state) == 0) mo->state_named = 1;
  }
}

int ev_homonyms(ev_doc *d, const diwan_gazetteer *const *gs, int ng) {
  unsigned char *hom = NULL;
  memo mo[MEMO];
  int nmo = 0, rc = DIWAN_OK;
  for (size_t i = 0; i < d->nitem && rc == DIWAN_OK; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_HOMONYM) continue;
    const diwan_mention *m = mention_at(d, it);
    if (!m) continue;
    if (!hom) {        /* flag every homonym hit first: one pass each */
      hom = diwan_malloc(d->nment ? d->nment : 1);
      if (!hom) return DIWAN_NOMEM;
      memset(hom, 0, d->nment);
      for (size_t j = i; j < d->nitem; j++) {
        const ev_item *h = &d->item[j];
        const diwan_mention *hm;
        if (h->tag == EV_CUE && h->cue->kind == CUE_HOMONYM && (hm = mention_at(d, h)))
          hom[hm - d->ment] = 1;
      }
    }
    int k = 0;
    while (k < nmo && mo[k].cue != it->cue) k++;
    if (k == nmo) {
      if (nmo == MEMO) continue;
      mo[k].cue = it->cue;
      mo[k].city = find_place(it->cue->place, gs, ng);
      mo[k].city_named = mo[k].state_named = 0;
      nmo++;
      if (mo[k].city) read_document(d, hom, gz_party(m->entity) ? gz_party(m->entity) : "", &mo[k]);
    }
    if (!mo[k].city || !mo[k].city_named || mo[k].state_named) continue;
    size_t idx = (size_t)(m - d->ment);
    if (!in_list(d, idx)) d->ment[idx].entity = mo[k].city;
  }
  diwan_free(hom);
  return rc;
}
