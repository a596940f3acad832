/* Entities: diwan_entities with the compiled-in gazetteer, and with user
** rows, one of them made from the input's first line (a surface of any
** bytes must be refused or matched, never crash). Mentions are non-empty
** spans inside the input, in text order, with an entity that has an id, a
** kind and a name. */
#include "fuzz.h"

typedef struct seen { size_t n, last; } seen;

static int on_mention(void *ctx, const diwan_mention *m) {
  seen *s = ctx;
  CHECK(m->len > 0 && m->start >= s->last);
  fz_span(m->start, m->len, s->n);
  s->last = m->start;
  CHECK(m->entity && m->entity->id[0] && m->entity->kind && m->entity->name);
  fz_valid_z(m->entity->id);
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  seen a = {size, 0};
  CHECK(diwan_entities(NULL, s, size, on_mention, &a) == DIWAN_OK);
  diwan_gazetteer *g = diwan_gazetteer_new();
  if (!g) return 0;
  size_t line = 0;
  while (line < size && line < 80 && s[line] != '\n') line++;
  const char *rows[][6] = {
    {"city:xanadu", "city", "Xanadu", "CN", "en", "Xanadu"},
    {"org:gcc", "organization", "GCC", "", "", "Gulf Cooperation Council"},
    {"person:x", "person", "X", "KW", "ar", "الشيخ صباح الخالد"}};
  for (size_t i = 0; i < 3; i++) {
    size_t len[6];
    for (int k = 0; k < 6; k++) len[k] = strlen(rows[i][k]);
    diwan_gazetteer_add(g, rows[i], len);
  }
  const char *f[6] = {"city:fuzz", "city", "Fuzz", "", "", s};
  size_t len[6] = {9, 4, 4, 0, 0, line};
  diwan_gazetteer_add(g, f, len);
  seen b = {size, 0};
  CHECK(diwan_entities(g, s, size, on_mention, &b) == DIWAN_OK);
  diwan_gazetteer_free(g);
  return 0;
}
