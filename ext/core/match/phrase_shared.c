/* Resolved text units shared by every scanner over the same built-in
** tables. A scanner's own cache lives for one call, and extract.sql calls
** once per short document, so most words of a document would be resolved
** again (keys, then a hash look-up per key and table). Built-in tables
** (ph_table.persistent) live until the extension unloads, like this cache
** (a destructor frees both), so the key pointers kept here stay valid.
**
** Laid out for the cache (a scan per article asks here for every word, so
** this look-up was most of the last-level misses of entity_each per
** article): entries are packed one after the other in one block per set
** (no malloc per word, no pointer per slot: the words of the first
** articles, the frequent ones, share a few pages), and the index holds
** 4-byte slots, an entry's offset and 12 bits of its hash, sized to the
** words kept (from 4,096 slots, doubled at half full), so a probe reads
** one small array that stays in cache and touches an entry only when the
** tag agrees.
**
** Entries are immutable once added and the set only grows (to SH_MAX
** words): readers take no lock (acquire loads of the index, of the block
** and of each slot, which a writer fills under the lock with release
** stores, after the entry's bytes; a reader that misses a word being added
** only resolves it itself). An index outgrown stays allocated until unload,
** since a reader may still be probing it. A failed allocation, a full
** block or a full set only means a word is not kept. */
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include "phrase.h"
#include "base/alloc.h"

#define SH_SETS 4                  /* distinct sets of tables (entities, events) */
#define SH_SLOTS_MIN 4096u         /* powers of two */
#define SH_SLOTS_MAX (1u << 16)
#define SH_MAX (SH_SLOTS_MAX / 2)  /* words per set */
#define SH_BLOCK (4u << 20)        /* bytes of entries per set: 128 a word */
#define OFF_BITS 20                /* slot: 1 + offset / 8 below, tag above */
#define TAG_OF(h) ((uint32_t)((h) >> (64 - (32 - OFF_BITS))))

/* An entry: h, len, nk, then the word's bytes, kx[nk] and kt[nk] (indexes
** into the set's tables), then, 8-aligned, the nk key pointers. */
typedef struct sh_entry {
  uint64_t h;
  uint16_t len;
  uint8_t nk;
  unsigned char b[];
} sh_entry;

typedef struct sh_index {
  uint32_t mask;
  uint32_t slot[];
} sh_index;

typedef struct sh_set {
  int ntabs;
  const ph_table *tabs[PH_MAXTABS];
  sh_index *idx;
  unsigned char *block;
  size_t used, count;
  sh_index *old[16];               /* outgrown indexes (4 at most) */
  int nold;
} sh_set;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sh_set sets[SH_SETS];
static int nsets;

__attribute__((destructor)) static void shared_free(void) {
  for (int s = 0; s < nsets; s++) {
    diwan_free(sets[s].idx);
    diwan_free(sets[s].block);
    for (int i = 0; i < sets[s].nold; i++) diwan_free(sets[s].old[i]);
  }
  memset(sets, 0, sizeof sets);
  nsets = 0;
}

int ph_shared_set(const ph_table *const *tabs, int ntabs) {
  if (ntabs <= 0 || ntabs > PH_MAXTABS) return -1;
  for (int i = 0; i < ntabs; i++)
    if (!tabs[i]->persistent) return -1;
  int found = -1;
  pthread_mutex_lock(&lock);
  for (int s = 0; s < nsets && found < 0; s++)
    if (sets[s].ntabs == ntabs && !memcmp(sets[s].tabs, tabs, (size_t)ntabs * sizeof *tabs))
      found = s;
  if (found < 0 && nsets < SH_SETS) {
    found = nsets++;
    sets[found].ntabs = ntabs;
    memcpy(sets[found].tabs, tabs, (size_t)ntabs * sizeof *tabs);
  }
  pthread_mutex_unlock(&lock);
  return found;
}

static size_t keys_at(size_t len, int nk) {
  return (offsetof(sh_entry, b) + len + 2 * (size_t)nk + 7) & ~(size_t)7;
}

static const sh_entry *entry_at(const unsigned char *block, uint32_t x) {
  return (const sh_entry *)(block + ((size_t)(x & ((1u << OFF_BITS) - 1)) - 1) * 8);
}

/* The entry, or NULL and *at the free slot (where a writer holding the
** lock may put it). Needs no lock: see the top of the file. */
static inline __attribute__((always_inline)) const sh_entry *
find(sh_index *ix, const unsigned char *block, uint64_t h, const char *w, size_t n,
     uint32_t **at) {
  uint32_t tag = TAG_OF(h), x;
  size_t j = h & ix->mask;
  for (; (x = __atomic_load_n(&ix->slot[j], __ATOMIC_ACQUIRE)); j = (j + 1) & ix->mask) {
    if (x >> OFF_BITS != tag) continue;
    const sh_entry *e = entry_at(block, x);
    if (e->h == h && e->len == n && ph_same((const char *)e->b, w, n)) return e;
  }
  *at = &ix->slot[j];
  return NULL;
}

int ph_shared_get(int set, uint64_t h, const char *w, size_t n, const ph_key **k,
                  const ph_table **kt, unsigned char *kx) {
  sh_set *st = &sets[set];
  uint32_t *at;
  /* the block is stored before the first index (release), so it is seen */
  sh_index *ix = __atomic_load_n(&st->idx, __ATOMIC_ACQUIRE);
  if (!ix) return -1;
  const unsigned char *block = __atomic_load_n(&st->block, __ATOMIC_ACQUIRE);
  const sh_entry *e = find(ix, block, h, w, n, &at);
  if (!e) return -1;
  const unsigned char *x = e->b + n, *t = x + e->nk;
  const unsigned char *kp = (const unsigned char *)e + keys_at(n, e->nk);
  for (int i = 0; i < e->nk; i++) {
    memcpy(&k[i], kp + (size_t)i * sizeof *k, sizeof *k);
    kt[i] = st->tabs[t[i]];
    kx[i] = x[i];
  }
  return e->nk;
}

/* A twice larger index for st, published, the old one kept. Under the lock. */
static void grow(sh_set *st) {
  sh_index *ix = st->idx;
  uint32_t ns = ix->mask + 1 < SH_SLOTS_MAX ? 2 * (ix->mask + 1) : 0;
  if (!ns || st->nold == (int)(sizeof st->old / sizeof st->old[0])) return;
  sh_index *nx = diwan_calloc(1, sizeof *nx + ns * sizeof nx->slot[0]);
  if (!nx) return;
  nx->mask = ns - 1;
  for (uint32_t i = 0; i <= ix->mask; i++) {
    uint32_t x = ix->slot[i];
    if (!x) continue;
    size_t j = entry_at(st->block, x)->h & nx->mask;
    while (nx->slot[j]) j = (j + 1) & nx->mask;
    nx->slot[j] = x;
  }
  st->old[st->nold++] = ix;
  __atomic_store_n(&st->idx, nx, __ATOMIC_RELEASE);
}

/* The set's block and index, made on first use. Under the lock. */
static int ready(sh_set *st) {
  if (!st->block) {
    unsigned char *b = diwan_malloc(SH_BLOCK);
    if (!b) return 0;
    __atomic_store_n(&st->block, b, __ATOMIC_RELEASE);
  }
  if (!st->idx) {
    sh_index *ix = diwan_calloc(1, sizeof *ix + SH_SLOTS_MIN * sizeof ix->slot[0]);
    if (!ix) return 0;
    ix->mask = SH_SLOTS_MIN - 1;
    __atomic_store_n(&st->idx, ix, __ATOMIC_RELEASE);
  }
  if ((st->count + 1) * 2 > (size_t)st->idx->mask + 1) grow(st);
  return (st->count + 1) * 2 <= (size_t)st->idx->mask + 1;
}

void ph_shared_put(int set, uint64_t h, const char *w, size_t n, int nk,
                   const ph_key *const *k, const ph_table *const *kt,
                   const unsigned char *kx) {
  sh_set *st = &sets[set];
  if (n > UINT16_MAX || nk < 0 || nk > PH_UNITKEYS) return;
  unsigned char t[PH_UNITKEYS];
  for (int i = 0; i < nk; i++) {
    int j = 0;
    while (j < st->ntabs && st->tabs[j] != kt[i]) j++;
    if (j == st->ntabs) return;
    t[i] = (unsigned char)j;
  }
  size_t size = keys_at(n, nk) + (size_t)nk * sizeof *k;
  uint32_t *at;
  pthread_mutex_lock(&lock);
  if (st->count < SH_MAX && st->used + size <= SH_BLOCK && ready(st) &&
      !find(st->idx, st->block, h, w, n, &at)) {
    sh_entry *e = (sh_entry *)(st->block + st->used);
    e->h = h;
    e->len = (uint16_t)n;
    e->nk = (uint8_t)nk;
    memcpy(e->b, w, n);
    memcpy(e->b + n, kx, (size_t)nk);
    memcpy(e->b + n + nk, t, (size_t)nk);
    memcpy((unsigned char *)e + keys_at(n, nk), k, (size_t)nk * sizeof *k);
    uint32_t x = (uint32_t)(st->used / 8 + 1) | TAG_OF(h) << OFF_BITS;
    __atomic_store_n(at, x, __ATOMIC_RELEASE);
    st->used += size;
    st->count++;
  }
  pthread_mutex_unlock(&lock);
}
