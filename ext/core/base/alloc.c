/* The allocation hook of the core and the retrying lazy loader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "diwan.h"
#include "alloc.h"

static void *sys_malloc(size_t n) { return malloc(n); }
static void *sys_realloc(void *p, size_t n) { return realloc(p, n); }
static void sys_free(void *p) { free(p); }

static diwan_allocator cur = {sys_malloc, sys_realloc, sys_free};

void diwan_set_allocator(const diwan_allocator *a) {
  if (a && a->malloc && a->realloc && a->free) cur = *a;
  else cur = (diwan_allocator){sys_malloc, sys_realloc, sys_free};
}

void *diwan_malloc(size_t n) { return cur.malloc(n ? n : 1); }

void *diwan_calloc(size_t k, size_t n) {
  if (n && k > SIZE_MAX / n) return NULL;
  void *p = diwan_malloc(k * n);
  if (p) memset(p, 0, k * n);
  return p;
}

/* Some allocators free p on realloc(p, 0): never ask for 0 bytes. */
void *diwan_realloc(void *p, size_t n) { return cur.realloc(p, n ? n : 1); }

void diwan_free(void *p) {
  if (p) cur.free(p);
}

char *diwan_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = diwan_malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

int diwan_once_run(diwan_once *o, int (*init)(void)) {
  if (__atomic_load_n(&o->done, __ATOMIC_ACQUIRE)) return 0;
  pthread_mutex_lock(&o->mu);
  int rc = 0;
  if (!o->done) {
    rc = init();
    if (rc == 0) __atomic_store_n(&o->done, 1, __ATOMIC_RELEASE);
  }
  pthread_mutex_unlock(&o->mu);
  return rc;
}
