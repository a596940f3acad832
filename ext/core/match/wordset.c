/* Read-only string sets for lexicons (protected words, affixes): built
** once, then looked up in O(length) with open addressing. */
#include <stdlib.h>
#include <string.h>
#include "base/data.h"
#include "fold.h"
#include "base/alloc.h"

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

typedef struct loader {
  int pairs;           /* entries are "key NUL value" (dw_wordset_load_pairs) */
  const char *kind;
  dw_entry_fn norm, vnorm;     /* vnorm: of a pair's value */
  diwan_buf pool;      /* normalised entries, each followed by NUL */
  diwan_buf tmp;
  size_t count;
} loader;

static int collect_pair(loader *L, int nf, const char **f, const size_t *lens);

static int collect(void *ctx, int nf, const char **f, const size_t *lens,
                   size_t lineno) {
  loader *L = ctx;
  if (L->pairs) return collect_pair(L, nf, f, lens);
  if (L->kind && (nf < 2 || lens[1] != strlen(L->kind) ||
                  memcmp(f[1], L->kind, lens[1]) != 0))
    return 0;
  diwan_buf_reset(&L->tmp);
  if (L->norm) L->norm(f[0], lens[0], &L->tmp);
  else diwan_buf_append(&L->tmp, f[0], lens[0]);
  if (L->tmp.oom) return 1;   /* out of memory: the load fails, retried later */
  if (L->tmp.n == 0) return 0;
  diwan_buf_append(&L->pool, L->tmp.p, L->tmp.n + 1);
  L->count++;
  return 0;
}

static int collect_pair(loader *L, int nf, const char **f, const size_t *lens) {
  if (nf < 2) return 0;
  diwan_buf_reset(&L->tmp);
  L->norm(f[0], lens[0], &L->tmp);
  size_t kn = L->tmp.n;
  diwan_buf_append(&L->tmp, "", 1);
  L->vnorm(f[1], lens[1], &L->tmp);
  if (L->tmp.oom) return 1;
  if (kn == 0 || L->tmp.n == kn + 1) return 0;
  diwan_buf_append(&L->pool, L->tmp.p, L->tmp.n + 1);
  L->count++;
  return 0;
}

static void insert(dw_wordset *set, uint32_t off, uint32_t n) {
  const char *s = set->pool + off;
  size_t i = hash(s, n) & set->mask;
  while (set->slot[i]) {
    if (set->len[i] == n && memcmp(set->pool + set->slot[i] - 1, s, n) == 0)
      return;
    i = (i + 1) & set->mask;
  }
  set->slot[i] = off + 1;
  set->len[i] = n;
  set->count++;
  if (n > set->maxlen) set->maxlen = n;
}

static void wordset_free(void *p) {
  dw_wordset *set = p;
  diwan_free(set->slot);
  diwan_free(set->len);
  diwan_free((void *)set->pool);
  memset(set, 0, sizeof *set);
}

/* Builds the set from L's pool (entries each followed by NUL); stopped:
** the walk over the lines was cut short (out of memory). */
static int build(dw_wordset *set, loader *L, int stopped) {
  size_t cap = 16;
  while (cap < L->count * 2 + 2) cap *= 2;
  set->slot = diwan_calloc(cap, sizeof *set->slot);
  set->len = diwan_calloc(cap, sizeof *set->len);
  if (stopped || L->pool.oom || !set->slot || !set->len) {
    diwan_free(set->slot); diwan_free(set->len); diwan_buf_free(&L->pool);
    memset(set, 0, sizeof *set);
    return DIWAN_NOMEM;
  }
  set->pool = L->pool.p;
  set->mask = cap - 1;
  diwan_at_unload(wordset_free, set);
  for (size_t off = 0; off < L->pool.n;) {
    uint32_t n = (uint32_t)strlen(L->pool.p + off);
    insert(set, (uint32_t)off, n);
    off += n + 1;
    if (L->pairs) off += strlen(L->pool.p + off) + 1;   /* the value */
  }
  return DIWAN_OK;
}

int dw_wordset_load(dw_wordset *set, const char *name, const char *kind,
                    dw_entry_fn norm) {
  if (set->slot) return DIWAN_OK;   /* loaded by an earlier, retried load */
  memset(set, 0, sizeof *set);
  size_t len;
  const char *text = diwan_data(name, &len);
  if (!text) return DIWAN_OK;
  loader L = {0, kind, norm, NULL, {0}, {0}, 0};
  int stopped = diwan_tsv_each(text, len, 2, collect, &L);
  diwan_buf_free(&L.tmp);
  return build(set, &L, stopped);
}

int dw_wordset_load_pairs(dw_wordset *set, const char *name, dw_entry_fn norm,
                          dw_entry_fn vnorm) {
  if (set->slot) return DIWAN_OK;
  size_t len;
  const char *text = diwan_data(name, &len);
  return dw_wordset_load_pairs_text(set, text, text ? len : 0, norm, vnorm);
}

int dw_wordset_load_pairs_text(dw_wordset *set, const char *text, size_t len,
                               dw_entry_fn norm, dw_entry_fn vnorm) {
  if (set->slot) return DIWAN_OK;
  memset(set, 0, sizeof *set);
  if (!text || !len) return DIWAN_OK;
  loader L = {1, NULL, norm, vnorm, {0}, {0}, 0};
  int stopped = diwan_tsv_each(text, len, 2, collect, &L);
  diwan_buf_free(&L.tmp);
  return build(set, &L, stopped);
}

/* Gathers field `field` of lines whose field `kfield` is kind. */
typedef struct field_loader {
  loader L;
  int field, kfield;
} field_loader;

static int collect_field(void *ctx, int nf, const char **f, const size_t *lens,
                         size_t lineno) {
  field_loader *F = ctx;
  if (nf <= F->field || nf <= F->kfield) return 0;
  const char *ff[2] = {f[F->field], f[F->kfield]};
  size_t ll[2] = {lens[F->field], lens[F->kfield]};
  return collect(&F->L, 2, ff, ll, lineno);
}

int dw_wordset_add_files(dw_wordset *set, const char *const *names, int field,
                         int kfield, const char *kind, dw_entry_fn norm) {
  if (set->slot) return DIWAN_OK;
  memset(set, 0, sizeof *set);
  field_loader F = {{0, kind, norm, NULL, {0}, {0}, 0}, field, kfield};
  int stopped = 0;
  for (int i = 0; names[i] && !stopped; i++) {
    size_t len;
    const char *text = diwan_data(names[i], &len);
    if (text) stopped = diwan_tsv_each(text, len, 8, collect_field, &F);
  }
  diwan_buf_free(&F.L.tmp);
  return build(set, &F.L, stopped);
}

int dw_wordset_has(const dw_wordset *set, const char *s, size_t n) {
  if (!set->slot || n > set->maxlen) return 0;
  size_t i = hash(s, n) & set->mask;
  while (set->slot[i]) {
    if (set->len[i] == n && memcmp(set->pool + set->slot[i] - 1, s, n) == 0)
      return 1;
    i = (i + 1) & set->mask;
  }
  return 0;
}

const char *dw_wordset_value(const dw_wordset *set, const char *s, size_t n) {
  if (!set->slot || n > set->maxlen) return NULL;
  size_t i = hash(s, n) & set->mask;
  while (set->slot[i]) {
    const char *k = set->pool + set->slot[i] - 1;
    if (set->len[i] == n && memcmp(k, s, n) == 0) return k + n + 1;
    i = (i + 1) & set->mask;
  }
  return NULL;
}
