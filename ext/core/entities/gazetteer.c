/* The gazetteer: entities (one per id) and their surfaces in every
** language, from the compiled-in files and from a user's rows. */
#include <stdlib.h>
#include <string.h>
#include "base/data.h"
#include "gazetteer.h"
#include "base/alloc.h"

static const char *const kinds[] = {"country", "city", "organization", "person"};

const char *diwan_kind_name(const char *s, size_t n, int *rank) {
  for (int i = 0; i < 4; i++) {
    if (strlen(kinds[i]) == n && memcmp(kinds[i], s, n) == 0) {
      if (rank) *rank = i;
      return kinds[i];
    }
  }
  return NULL;
}

diwan_gazetteer *diwan_gazetteer_new(void) {
  diwan_gazetteer *g = diwan_calloc(1, sizeof *g);
  if (g) ph_table_init(&g->tab);
  return g;
}

void diwan_gazetteer_free(diwan_gazetteer *g) {
  if (!g) return;
  ph_table_free(&g->tab);
  ph_arena_free(&g->strings);
  for (size_t i = 0; i < g->nsur; i++) diwan_free(g->sur[i].key);
  diwan_free(g->sur);
  diwan_free(g->ents);
  diwan_free(g->kindrank);
  diwan_free(g->byid);
  diwan_free(g);
}

/* A copy of s with invalid UTF-8 replaced, in the gazetteer's arena. */
static const char *copy_clean(diwan_gazetteer *g, const char *s, size_t n) {
  return ph_strdup_clean(&g->strings, s, n);
}

static int grow_ids(diwan_gazetteer *g) {
  size_t cap = g->capid ? g->capid * 2 : 512;
  size_t *t = diwan_calloc(cap, sizeof *t);
  if (!t) return DIWAN_NOMEM;
  for (size_t i = 0; i < g->nents; i++) {
    size_t j = ph_hash(g->ents[i].id, strlen(g->ents[i].id)) & (cap - 1);
    while (t[j]) j = (j + 1) & (cap - 1);
    t[j] = i + 1;
  }
  diwan_free(g->byid);
  g->byid = t;
  g->capid = cap;
  return DIWAN_OK;
}

/* The index of the entity with this id, creating it from the row. */
static int entity_for(diwan_gazetteer *g, const char *const f[6],
                      const size_t len[6], const char *kind, int rank,
                      size_t *idx);

int gz_entity(diwan_gazetteer *g, const char *const f[6], const size_t len[6],
              size_t *idx) {
  int rank = 0;
  const char *kind = diwan_kind_name(f[1], len[1], &rank);
  return kind ? entity_for(g, f, len, kind, rank, idx) : DIWAN_ERROR;
}

const diwan_entity *gz_by_id(const diwan_gazetteer *g, const char *id) {
  size_t n = strlen(id);
  if (!g || !g->capid) return NULL;
  size_t j = ph_hash(id, n) & (g->capid - 1);
  for (; g->byid[j]; j = (j + 1) & (g->capid - 1))
    if (strcmp(g->ents[g->byid[j] - 1].id, id) == 0) return &g->ents[g->byid[j] - 1];
  return NULL;
}

static int entity_for(diwan_gazetteer *g, const char *const f[6],
                      const size_t len[6], const char *kind, int rank,
                      size_t *idx) {
  if ((g->nents + 1) * 2 > g->capid && grow_ids(g)) return DIWAN_NOMEM;
  size_t j = ph_hash(f[0], len[0]) & (g->capid - 1);
  for (; g->byid[j]; j = (j + 1) & (g->capid - 1)) {
    const char *id = g->ents[g->byid[j] - 1].id;
    if (strlen(id) == len[0] && memcmp(id, f[0], len[0]) == 0) {
      *idx = g->byid[j] - 1;
      return DIWAN_OK;
    }
  }
  if (g->nents == g->capents) {
    size_t cap = g->capents ? g->capents * 2 : 256;
    diwan_entity *e = diwan_realloc(g->ents, cap * sizeof *e);
    if (!e) return DIWAN_NOMEM;
    g->ents = e;
    int *r = diwan_realloc(g->kindrank, cap * sizeof *r);
    if (!r) return DIWAN_NOMEM;
    g->kindrank = r;
    g->capents = cap;
  }
  diwan_entity *e = &g->ents[g->nents];
  e->id = copy_clean(g, f[0], len[0]);
  e->kind = kind;
  e->name = copy_clean(g, f[2], len[2]);
  e->country = copy_clean(g, f[3], len[3]);
  if (!e->id || !e->name || !e->country) return DIWAN_NOMEM;
  g->kindrank[g->nents] = rank;
  g->byid[j] = g->nents + 1;
  *idx = g->nents++;
  return DIWAN_OK;
}

/* English possessives are one word to the tokenizer ("Brazil's foreign
** minister"): a place or a body is listed with them too. */
static int add_possessive(diwan_gazetteer *g, const char *s, size_t n, int tag,
                          size_t idx) {
  static const char *const suf[] = {"'s", "\xe2\x80\x99s"};
  char buf[256];
  if (n == 0 || n + 4 > sizeof buf || s[n - 1] == 's' || s[n - 1] == '.') return DIWAN_OK;
  for (int i = 0; i < 2; i++) {
    size_t k = strlen(suf[i]);
    memcpy(buf, s, n);
    memcpy(buf + n, suf[i], k);
    int rc = ph_table_add(&g->tab, buf, n + k, tag, idx, PH_EXACT | PH_BARE, NULL);
    if (rc) return rc;
  }
  return DIWAN_OK;
}

/* A Russian compound adjective joins two states with the first one's stem
** in -о (российско-китайские переговоры, турецко-сирийская граница): the
** tokenizer keys a compound by its parts, so a country adjective in
** -ский/-цкий also gives that first part (российско, турецко). Irregular
** parts (американо-, франко-, германо-) are listed in countries.tsv. */
static int add_ru_combining(diwan_gazetteer *g, const char *s, size_t n, int tag,
                            size_t idx) {
  static const char *const adj[][2] = {{"ский", "ско"}, {"цкий", "цко"}};
  char buf[256];
  for (size_t i = 0; i < sizeof adj / sizeof adj[0]; i++) {
    size_t a = strlen(adj[i][0]), c = strlen(adj[i][1]);
    if (n <= a || n - a + c > sizeof buf || memcmp(s + n - a, adj[i][0], a)) continue;
    if (memchr(s, ' ', n)) return DIWAN_OK;          /* one word only */
    memcpy(buf, s, n - a);
    memcpy(buf + n - a, adj[i][1], c);
    return ph_table_add(&g->tab, buf, n - a + c, tag, idx, PH_EXACT | PH_BARE, NULL);
  }
  return DIWAN_OK;
}

int diwan_gazetteer_add(diwan_gazetteer *g, const char *const f[6],
                        const size_t len[6]) {
  int rank = 0;
  const char *kind = diwan_kind_name(f[1], len[1], &rank);
  if (!len[0] || !len[5] || !kind) return DIWAN_ERROR;
  size_t idx;
  int rc = entity_for(g, f, len, kind, rank, &idx);
  if (rc) return rc;
  if (rank == 3) {                                   /* a person */
    char lang[4] = "";
    if (len[4] < sizeof lang) memcpy(lang, f[4], len[4]), lang[len[4]] = 0;
    rc = gz_add_surface(g, f[5], len[5], idx);
    return rc ? rc : gz_person_forms(g, lang, f[5], len[5], idx);
  }
  int tag = gz_case_tag(f[5], len[5]);
  rc = ph_table_add(&g->tab, f[5], len[5], tag, idx, PH_EXACT | PH_BARE, NULL);
  if (!rc && len[4] == 2 && memcmp(f[4], "en", 2) == 0)
    rc = add_possessive(g, f[5], len[5], tag, idx);
  if (!rc && rank == 0 && len[4] == 2 && memcmp(f[4], "ru", 2) == 0)
    rc = add_ru_combining(g, f[5], len[5], tag, idx);
  return rc;
}

int gz_add_surface(diwan_gazetteer *g, const char *s, size_t n, size_t idx) {
  /* a one-word name (Putin) wants a capital, like a surname alone */
  int tag = memchr(s, ' ', n) ? gz_case_tag(s, n) : GZ_CAPITAL;
  int rc = ph_table_add(&g->tab, s, n, tag, idx, PH_EXACT | PH_BARE, NULL);
  return rc ? rc : gz_note_surname(g, s, n, idx);
}

typedef struct load_ctx {
  diwan_gazetteer *g;
  int rc;
} load_ctx;

static int load_row(void *ctx, int nf, const char **f, const size_t *lens,
                    size_t lineno) {
  load_ctx *c = ctx;
  (void)lineno;
  if (nf < 6) return 0;
  int rc = diwan_gazetteer_add(c->g, f, lens);
  if (rc == DIWAN_NOMEM) { c->rc = rc; return 1; }
  return 0;
}

static diwan_gazetteer *builtin;

static int build_builtin(void) {
  /* persons.tsv holds the corpus countries' people, persons_<region>.tsv
  ** the leaders of every other state (roles in roles*.tsv, events_lex.c) */
  static const char *const files[] = {
      "countries.tsv",        "cities.tsv",          "regions.tsv",
      "organizations.tsv",
      "persons.tsv",          "persons_mideast.tsv", "persons_eurasia.tsv",
      "persons_europe.tsv",   "persons_americas.tsv", "persons_asia.tsv",
      "persons_africa.tsv",   "persons_europe_small.tsv",
      "persons_oceania.tsv"};
  diwan_gazetteer *g = diwan_gazetteer_new();
  if (!g) return DIWAN_NOMEM;
  load_ctx c = {g, DIWAN_OK};
  ph_table_memo(&g->tab, 1);   /* the files repeat their words */
  for (size_t i = 0; i < sizeof files / sizeof files[0] && !c.rc; i++) {
    size_t len;
    const char *text = diwan_data(files[i], &len);
    if (text) diwan_tsv_each(text, len, 6, load_row, &c);
  }
  if (!c.rc) c.rc = gz_surnames(g);
  ph_table_memo(&g->tab, 0);
  if (c.rc) { diwan_gazetteer_free(g); return c.rc; }
  g->tab.persistent = 1;
  builtin = g;
  return DIWAN_OK;
}

/* SQLite unloads the extension when its last connection closes: free the
** gazetteer then, or every close would leak it. */
__attribute__((destructor)) static void free_builtin(void) {
  diwan_gazetteer_free(builtin);
  builtin = NULL;
}

const diwan_gazetteer *diwan_gazetteer_builtin(void) {
  static diwan_once once = DIWAN_ONCE_INIT;
  return diwan_once_run(&once, build_builtin) ? NULL : builtin;
}
