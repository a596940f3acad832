/* entity mentions: the longest gazetteer phrase at each position. */
#include "gazetteer.h"

const diwan_entity *gz_best_hit(const ph_match *m,
                                const diwan_gazetteer *const *gs, int ng) {
  const diwan_entity *best = NULL;
  int bg = 0, br = 0, bd = 0;
  size_t bp = 0;
  for (int i = 0; i < m->nhits; i++) {
    for (int k = 0; k < ng; k++) {
      const diwan_gazetteer *g = gs[k];
      if (m->hit[i].tab != &g->tab) continue;
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
    diwan_mention mt = {m.start, m.len, gz_best_hit(&m, gs, ng)};
    if (!mt.entity) continue;
    if ((rc = cb(ctx, &mt))) break;
  }
  if (r < 0) rc = -r;
  ph_scanner_free(sc);
  return rc;
}
