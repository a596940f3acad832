/* Resolved text units shared by every scanner over the same built-in
** tables. A scanner's own cache lives for one call, and extract.sql calls
** once per short document, so most words of a document would be resolved
** again (keys, then a hash look-up per key and table). Built-in tables
** (ph_table.persistent) live until the extension unloads, like this cache
** (a destructor frees both), so the key pointers kept here stay valid.
**
** Laid out for the cache (packed.h): a scan per article asks here for
** every word, and this look-up was most of the last-level misses of
** entity_each per article.
**
** Entries are immutable once added and the set only grows (to SH_MAX
** words); readers take no lock (packed.h). A failed allocation, a full
** block or a full set only means a word is not kept. */
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include "phrase.h"
#include "packed.h"
#include "base/alloc.h"

#define SH_SETS 4                  /* distinct sets of tables (entities, events) */
#define SH_SLOTS_MIN 4096u         /* a power of two */
#define SH_MAX (1u << 15)          /* words per set */
#define SH_BLOCK (4u << 20)        /* bytes of entries per set: 128 a word */

/* An entry: h, len, nk, then the word's bytes, kx[nk] and kt[nk] (indexes
** into the set's tables), then, 8-aligned, the nk key pointers. */
typedef struct sh_entry {
  uint64_t h;
  uint16_t len;
  uint8_t nk;
  unsigned char b[];
} sh_entry;

typedef struct sh_set {
  int ntabs;
  const ph_table *tabs[PH_MAXTABS];
  pk_table pk;
} sh_set;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sh_set sets[SH_SETS];
static int nsets;

__attribute__((destructor)) static void shared_free(void) {
  for (int s = 0; s < nsets; s++) pk_free(&sets[s].pk);
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

/* The entry of word w (hash h), or NULL and it->at the free slot (where a
** writer holding the lock may put it). Needs no lock (packed.h). */
static inline __attribute__((always_inline)) const sh_entry *
find(pk_iter *it, uint64_t h, const char *w, size_t n) {
  for (const sh_entry *e; (e = (const sh_entry *)pk_next(it));)
    if (e->h == h && e->len == n && ph_same((const char *)e->b, w, n)) return e;
  return NULL;
}

int ph_shared_get(int set, uint64_t h, const char *w, size_t n, const ph_key **k,
                  const ph_table **kt, unsigned char *kx) {
  sh_set *st = &sets[set];
  pk_iter it;
  const sh_entry *e = pk_probe(&st->pk, h, &it) ? find(&it, h, w, n) : NULL;
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
  pk_iter it;
  pthread_mutex_lock(&lock);
  if (pk_room(&st->pk, size, SH_BLOCK, SH_MAX, SH_SLOTS_MIN) && pk_probe(&st->pk, h, &it) &&
      !find(&it, h, w, n)) {
    sh_entry *e = (sh_entry *)(st->pk.block + st->pk.used);
    e->h = h;
    e->len = (uint16_t)n;
    e->nk = (uint8_t)nk;
    memcpy(e->b, w, n);
    memcpy(e->b + n, kx, (size_t)nk);
    memcpy(e->b + n + nk, t, (size_t)nk);
    memcpy((unsigned char *)e + keys_at(n, nk), k, (size_t)nk * sizeof *k);
    pk_publish(&st->pk, &it, size, h);
  }
  pthread_mutex_unlock(&lock);
}
