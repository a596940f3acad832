/* Resolved text units shared by every scanner over the same built-in
** tables. A scanner's own cache lives for one call, and extract.sql calls
** once per short document, so most words of a document would be resolved
** again (keys, then a hash look-up per key and table). Built-in tables
** (ph_table.persistent) live until the extension unloads, like this cache
** (a destructor frees both), so the key pointers kept here stay valid.
** Entries are immutable once added and the table only grows (to SH_MAX
** words per set of tables): a slot, once set, never changes, so readers
** take no lock (acquire loads of the slot array and of each slot, which a
** writer fills under the lock with release stores; a reader that misses a
** word being added only resolves it itself). A failed allocation only
** means a word is not kept. */
#include <pthread.h>
#include <string.h>
#include "phrase.h"
#include "base/alloc.h"

#define SH_SETS 4                 /* distinct sets of tables (entities, events) */
#define SH_SLOTS (1u << 16)       /* power of two */
#define SH_MAX (SH_SLOTS / 2)

typedef struct sh_entry {
  uint64_t h;
  uint16_t len;
  uint8_t nk;
  unsigned char kx[PH_UNITKEYS];
  unsigned char kt[PH_UNITKEYS];  /* index into the set's tables */
  const ph_key *k[];              /* nk keys, then the word's bytes */
} sh_entry;

typedef struct sh_set {
  int ntabs;
  const ph_table *tabs[PH_MAXTABS];
  sh_entry **slots;
  size_t count;
} sh_set;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sh_set sets[SH_SETS];
static int nsets;

__attribute__((destructor)) static void shared_free(void) {
  for (int s = 0; s < nsets; s++) {
    if (!sets[s].slots) continue;
    for (size_t i = 0; i < SH_SLOTS; i++) diwan_free(sets[s].slots[i]);
    diwan_free(sets[s].slots);
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

static const char *word_of(const sh_entry *e) { return (const char *)(e->k + e->nk); }

/* The entry, or NULL and *at the free slot (where a writer holding the
** lock may put it). Needs no lock: see the top of the file. */
static inline __attribute__((always_inline)) sh_entry *
find(sh_entry **slots, uint64_t h, const char *w, size_t n, size_t *at) {
  size_t j = h & (SH_SLOTS - 1);
  for (sh_entry *e; (e = __atomic_load_n(&slots[j], __ATOMIC_ACQUIRE));
       j = (j + 1) & (SH_SLOTS - 1))
    if (e->h == h && e->len == n && ph_same(word_of(e), w, n)) return e;
  *at = j;
  return NULL;
}

int ph_shared_get(int set, uint64_t h, const char *w, size_t n, const ph_key **k,
                  const ph_table **kt, unsigned char *kx) {
  sh_set *st = &sets[set];
  size_t at;
  sh_entry **slots = __atomic_load_n(&st->slots, __ATOMIC_ACQUIRE);
  const sh_entry *e = slots ? find(slots, h, w, n, &at) : NULL;
  if (!e) return -1;
  for (int i = 0; i < e->nk; i++) {
    k[i] = e->k[i];
    kt[i] = st->tabs[e->kt[i]];
    kx[i] = e->kx[i];
  }
  return e->nk;
}

void ph_shared_put(int set, uint64_t h, const char *w, size_t n, int nk,
                   const ph_key *const *k, const ph_table *const *kt,
                   const unsigned char *kx) {
  sh_set *st = &sets[set];
  if (n > UINT16_MAX || nk < 0 || nk > PH_UNITKEYS) return;
  sh_entry *e = diwan_malloc(sizeof *e + (size_t)nk * sizeof e->k[0] + n);
  if (!e) return;
  e->h = h;
  e->len = (uint16_t)n;
  e->nk = (uint8_t)nk;
  for (int i = 0; i < nk; i++) {
    int t = 0;
    while (t < st->ntabs && st->tabs[t] != kt[i]) t++;
    if (t == st->ntabs) { diwan_free(e); return; }
    e->k[i] = k[i];
    e->kt[i] = (unsigned char)t;
    e->kx[i] = kx[i];
  }
  memcpy((char *)(e->k + nk), w, n);
  size_t at;
  pthread_mutex_lock(&lock);
  if (!st->slots)
    __atomic_store_n(&st->slots, diwan_calloc(SH_SLOTS, sizeof *st->slots), __ATOMIC_RELEASE);
  if (st->slots && st->count < SH_MAX && !find(st->slots, h, w, n, &at)) {
    __atomic_store_n(&st->slots[at], e, __ATOMIC_RELEASE);
    st->count++;
    e = NULL;
  }
  pthread_mutex_unlock(&lock);
  diwan_free(e);
}
