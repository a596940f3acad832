/* The writers' side of packed.h: lazy block and index, growth, publishing. */
#include <string.h>
#include "packed.h"
#include "base/alloc.h"

#define PK_SLOTS_MAX (1u << 20)

static pk_index *index_new(uint32_t ns) {
  pk_index *ix = diwan_calloc(1, sizeof *ix + ns * sizeof ix->slot[0]);
  if (ix) ix->mask = ns - 1;
  return ix;
}

/* A twice larger index, published, the old one kept for its readers. */
static void grow(pk_table *t) {
  pk_index *ix = t->idx;
  if (ix->mask + 1 >= PK_SLOTS_MAX || t->nold == (int)(sizeof t->old / sizeof t->old[0]))
    return;
  pk_index *nx = index_new(2 * (ix->mask + 1));
  if (!nx) return;
  for (uint32_t i = 0; i <= ix->mask; i++) {
    uint32_t x = ix->slot[i];
    if (!x) continue;
    uint64_t h;
    memcpy(&h, t->block + ((size_t)(x & ((1u << PK_OFF_BITS) - 1)) - 1) * 8, sizeof h);
    size_t j = h & nx->mask;
    while (nx->slot[j]) j = (j + 1) & nx->mask;
    nx->slot[j] = x;
  }
  t->old[t->nold++] = ix;
  __atomic_store_n(&t->idx, nx, __ATOMIC_RELEASE);
}

int pk_room(pk_table *t, size_t size, size_t block, size_t max, uint32_t min) {
  if (t->count >= max || t->used + size > block ||
      (t->used + size) / 8 >= (1u << PK_OFF_BITS) - 1)
    return 0;
  if (!t->block) {
    unsigned char *b = diwan_malloc(block);
    if (!b) return 0;
    __atomic_store_n(&t->block, b, __ATOMIC_RELEASE);
  }
  if (!t->idx) {
    pk_index *ix = index_new(min);
    if (!ix) return 0;
    __atomic_store_n(&t->idx, ix, __ATOMIC_RELEASE);
  }
  if ((t->count + 1) * 2 > (size_t)t->idx->mask + 1) grow(t);
  return (t->count + 1) * 2 <= (size_t)t->idx->mask + 1;
}

void pk_publish(pk_table *t, const pk_iter *it, size_t size, uint64_t h) {
  uint32_t x = (uint32_t)(t->used / 8 + 1) | PK_TAG(h) << PK_OFF_BITS;
  __atomic_store_n(it->at, x, __ATOMIC_RELEASE);
  t->used += size;
  t->count++;
}

void pk_free(pk_table *t) {
  diwan_free(t->idx);
  diwan_free(t->block);
  for (int i = 0; i < t->nold; i++) diwan_free(t->old[i]);
  memset(t, 0, sizeof *t);
}
