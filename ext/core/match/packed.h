/* Internal: a process-wide hash table laid out for the cache, for the memos
** that a scan per article asks for every word (phrase_shared.c, the
** resolved units; keys_memo.c, the word keys). Entries, immutable once
** added, are packed one after the other in one block (no allocation per
** entry: the words of the first articles, the frequent ones, share a few
** pages), and the index holds 4-byte slots, an entry's offset and 12 bits
** of its hash, sized to the entries kept (doubled at half full), so a
** probe reads one small array that stays in cache and touches an entry
** only when the tag agrees. An entry begins with its 64-bit hash, is
** 8-aligned and its size a multiple of 8.
**
** Readers take no lock: acquire loads of the index, of the block and of
** each slot, which a writer fills under the owner's lock with release
** stores, after the entry's bytes (a reader that misses an entry being
** added only computes it itself). An index outgrown stays allocated until
** pk_free, since a reader may still be probing it. */
#ifndef DIWAN_PACKED_H
#define DIWAN_PACKED_H
#include <stddef.h>
#include <stdint.h>

#define PK_OFF_BITS 20             /* slot: 1 + offset / 8 below, tag above */
#define PK_TAG(h) ((uint32_t)((h) >> (64 - (32 - PK_OFF_BITS))))

typedef struct pk_index {
  uint32_t mask;
  uint32_t slot[];
} pk_index;

typedef struct pk_table {
  pk_index *idx;
  unsigned char *block;
  size_t used, count;
  pk_index *old[16];               /* outgrown indexes */
  int nold;
} pk_table;

/* A probe for hash h: pk_next gives each entry whose tag agrees, then NULL
** with it->at the free slot where h would go. */
typedef struct pk_iter {
  pk_index *ix;
  const unsigned char *block;
  uint32_t tag;
  size_t j;
  uint32_t *at;
} pk_iter;

/* 0 when the table is empty (nothing to probe). */
static inline int pk_probe(pk_table *t, uint64_t h, pk_iter *it) {
  /* the block is stored before the first index (release), so it is seen */
  it->ix = __atomic_load_n(&t->idx, __ATOMIC_ACQUIRE);
  if (!it->ix) return 0;
  it->block = __atomic_load_n(&t->block, __ATOMIC_ACQUIRE);
  it->tag = PK_TAG(h);
  it->j = h & it->ix->mask;
  return 1;
}

static inline const unsigned char *pk_next(pk_iter *it) {
  for (uint32_t x; (x = __atomic_load_n(&it->ix->slot[it->j], __ATOMIC_ACQUIRE));) {
    it->j = (it->j + 1) & it->ix->mask;
    if (x >> PK_OFF_BITS == it->tag)
      return it->block + ((size_t)(x & ((1u << PK_OFF_BITS) - 1)) - 1) * 8;
  }
  it->at = &it->ix->slot[it->j];
  return NULL;
}

/* Under the owner's lock: room for one more entry of size bytes (a block
** of block bytes, at most max entries, index from min slots), or 0. */
int pk_room(pk_table *t, size_t size, size_t block, size_t max, uint32_t min);
/* Under the lock, after pk_room and a probe that found no entry: publishes
** the size bytes written at t->block + t->used in the free slot it->at. */
void pk_publish(pk_table *t, const pk_iter *it, size_t size, uint64_t h);
void pk_free(pk_table *t);

#endif
