/* A process-wide memo of diwan_word_keys for the phrase scanner. Each scan
** has its own cache of resolved keys, but extract.sql scans one short
** document at a time, so most words would be folded and stemmed again in
** every call. Entries are immutable once added and the table only grows (to
** MEMO_MAX words), so a found entry can be read after the lock is released;
** everything is freed when SQLite unloads the extension. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "phrase.h"
#include "base/alloc.h"

#define MEMO_SLOTS (1u << 17)     /* power of two */
#define MEMO_MAX (MEMO_SLOTS / 2)
#define MEMO_WORD 64              /* longer words are not kept */
#define MEMO_KEYS 8

typedef struct memo {
  uint64_t h;
  uint16_t wlen, nkeys;
  uint16_t klen[MEMO_KEYS];
  char data[];                    /* the word, then its keys */
} memo;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static memo **slots;
static size_t count;

__attribute__((destructor)) static void memo_free(void) {
  if (!slots) return;
  for (size_t i = 0; i < MEMO_SLOTS; i++) diwan_free(slots[i]);
  diwan_free(slots);
  slots = NULL;
  count = 0;
}

static const memo *find(uint64_t h, const char *w, size_t n, size_t *at) {
  size_t j = h & (MEMO_SLOTS - 1);
  for (const memo *m; (m = slots[j]); j = (j + 1) & (MEMO_SLOTS - 1))
    if (m->h == h && m->wlen == n && memcmp(m->data, w, n) == 0) return m;
  *at = j;
  return NULL;
}

typedef struct gather {
  char buf[MEMO_KEYS * MEMO_WORD * 2];
  size_t used;
  uint16_t klen[MEMO_KEYS];
  int n, fits;
} gather;

static int gather_key(void *ctx, const char *k, size_t n) {
  gather *g = ctx;
  if (g->n == MEMO_KEYS || g->used + n > sizeof g->buf) { g->fits = 0; return 1; }
  memcpy(g->buf + g->used, k, n);
  g->used += n;
  g->klen[g->n++] = (uint16_t)n;
  return 0;
}

static int replay(const char *keys, const uint16_t *klen, int n,
                  diwan_key_cb cb, void *ctx) {
  for (int i = 0; i < n; i++) {
    int rc = cb(ctx, keys, klen[i]);
    if (rc) return rc;
    keys += klen[i];
  }
  return 0;
}

static void add(uint64_t h, const char *w, size_t n, const gather *g) {
  size_t at;
  if (!slots) slots = diwan_calloc(MEMO_SLOTS, sizeof *slots);
  if (!slots || count >= MEMO_MAX || find(h, w, n, &at)) return;
  memo *m = diwan_malloc(sizeof *m + n + g->used);
  if (!m) return;
  m->h = h;
  m->wlen = (uint16_t)n;
  m->nkeys = (uint16_t)g->n;
  memcpy(m->klen, g->klen, sizeof m->klen);
  memcpy(m->data, w, n);
  memcpy(m->data + n, g->buf, g->used);
  slots[at] = m;
  count++;
}

int ph_word_keys(const char *w, size_t n, diwan_key_cb cb, void *ctx) {
  if (n > MEMO_WORD) return diwan_word_keys(w, n, cb, ctx);
  uint64_t h = ph_hash(w, n);
  size_t at;
  pthread_mutex_lock(&lock);
  const memo *m = slots ? find(h, w, n, &at) : NULL;
  pthread_mutex_unlock(&lock);
  if (m) return replay(m->data + m->wlen, m->klen, m->nkeys, cb, ctx);
  gather g;
  g.used = 0;
  g.n = 0;
  g.fits = 1;
  int rc = diwan_word_keys(w, n, gather_key, &g);
  if (!g.fits) return diwan_word_keys(w, n, cb, ctx);
  if (rc) return rc;   /* out of memory: nothing memoized, nothing replayed */
  pthread_mutex_lock(&lock);
  add(h, w, n, &g);
  pthread_mutex_unlock(&lock);
  return replay(g.buf, g.klen, g.n, cb, ctx);
}
