/* entity mentions: the longest gazetteer phrase at each position. */
#include <string.h>
#include "gazetteer.h"

const char *gz_party(const diwan_entity *e) {
  if (strcmp(e->kind, "country") == 0) return e->id;
  if (e->country[0]) return e->country;
  return strcmp(e->kind, "organization") == 0 ? e->id : NULL;
}

/* Letter case of a code point: 1 upper, -1 lower, 0 neither (Latin,
** Greek and Cyrillic, which is where acronyms are written). */
static int letter_case(uint32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
      (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F))
    return 1;
  if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
      (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F))
    return -1;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) ? -1 : 1;   /* Latin Ext-A, mostly */
  return 0;
}

/* Counts capitals; -1 as soon as a lower-case letter shows. */
static int capitals(const char *s, size_t n) {
  int up = 0;
  if (n > 2 && memcmp(s + n - 2, "'s", 2) == 0) n -= 2;           /* the UN's */
  else if (n > 4 && memcmp(s + n - 4, "\xe2\x80\x99s", 4) == 0) n -= 4;
  for (size_t i = 0, l; i < n; i += l) {
    int c = letter_case(diwan_utf8_decode((const unsigned char *)s + i, n - i, &l));
    if (c < 0) return -1;
    up += c;
  }
  return up;
}

/* Latin or Cyrillic text starting with a capital, or text of a script
** without capitals. */
static int capitalised(const char *s, size_t n) {
  size_t l;
  return letter_case(diwan_utf8_decode((const unsigned char *)s, n, &l)) >= 0;
}

int gz_is_acronym(const char *s, size_t n) {
  int up = capitals(s, n);
  return up >= 2 && up <= 6;
}

/* 1 when s[0..n) has a capital letter or no cased letter at all. */
static int any_capital(const char *s, size_t n) {
  int cased = 0;
  for (size_t i = 0, l; i < n; i += l) {
    int c = letter_case(diwan_utf8_decode((const unsigned char *)s + i, n - i, &l));
    if (c > 0) return 1;
    cased |= c != 0;
  }
  return !cased;
}

int gz_case_tag(const char *s, size_t n) {
  if (gz_is_acronym(s, n)) return GZ_ACRONYM;
  for (size_t i = 0, l; i < n; i += l)
    if (letter_case(diwan_utf8_decode((const unsigned char *)s + i, n - i, &l)) > 0)
      return GZ_PROPER;
  return 0;
}

const diwan_entity *gz_best_hit(const ph_match *m, const char *s,
                                const diwan_gazetteer *const *gs, int ng) {
  const diwan_entity *best = NULL;
  int bg = 0, br = 0, bd = 0;
  size_t bp = 0;
  for (int i = 0; i < m->nhits; i++) {
    for (int k = 0; k < ng; k++) {
      const diwan_gazetteer *g = gs[k];
      if (m->hit[i].tab != &g->tab) continue;
      if (m->hit[i].p->tag == GZ_ACRONYM && capitals(s + m->start, m->len) < 0)
        continue;
      if (m->hit[i].p->tag == GZ_CAPITAL && !capitalised(s + m->start, m->len))
        continue;
      if (m->hit[i].p->tag == GZ_PROPER && !any_capital(s + m->start, m->len))
        continue;
      size_t e = m->hit[i].p->payload;
      int r = g->kindrank[e], d = m->hit[i].derived;
      if (!best || d < bd || (d == bd && (k < bg || (k == bg && (r < br ||
                                          (r == br && e < bp)))))) {
        best = &g->ents[e];
        bg = k;
        br = r;
        bd = d;
        bp = e;
      }
    }
  }
  return best;
}

int diwan_entities(const diwan_gazetteer *user, const char *s, size_t n,
                   diwan_mention_cb cb, void *ctx) {
  const diwan_gazetteer *base = diwan_gazetteer_builtin();
  if (!base) return DIWAN_NOMEM;
  const diwan_gazetteer *gs[2];
  int ng = 0;
  if (user) gs[ng++] = user;
  gs[ng++] = base;
  const ph_table *tabs[2] = {&gs[0]->tab, ng > 1 ? &gs[1]->tab : NULL};
  ph_scanner *sc = ph_scanner_new(tabs, NULL, ng, s, n);
  if (!sc) return DIWAN_NOMEM;
  ph_match m;
  int rc = 0, r;
  while ((r = ph_scanner_next(sc, &m)) > 0) {
    diwan_mention mt = {m.start, m.len, gz_best_hit(&m, s, gs, ng)};
    if (!mt.entity) continue;
    if ((rc = cb(ctx, &mt))) break;
  }
  if (r < 0) rc = -r;
  ph_scanner_free(sc);
  return rc;
}
