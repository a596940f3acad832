/* Process-wide memos of dw_keys. The phrase scanner's own cache lives for
** one scan and the FTS5 tokenizer is called once per row, but extract.sql
** and an index build go one short document at a time, so most words would
** be folded and stemmed again in every call (Zipf: news repeats its words;
** folding and stemming are most of the cost). A word's keys depend on its
** bytes, the key mode and the language only, so a memo never changes an
** answer. Each user has its own table (one cannot crowd out the other),
** laid out for the cache (packed.h: a scan per article asks it for every
** word its own cache and the shared one do not hold); entries are
** immutable once added and a table only grows (to MEMO_MAX words or
** MEMO_BLOCK bytes); readers take no lock (packed.h); everything is freed
** when SQLite unloads the extension. A failed allocation only means a word
** is not kept. */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "phrase.h"
#include "packed.h"
#include "base/alloc.h"

#define MEMO_SLOTS_MIN 4096u      /* a power of two */
#define MEMO_MAX (1u << 16)       /* words per table */
#define MEMO_BLOCK (8u << 20)     /* bytes of entries per table */
#define MEMO_WORD 64              /* longer words are not kept */
#define MEMO_KEYS 8

/* An entry: the klen of its nkeys keys, then the word, then its keys. */
typedef struct memo {
  uint64_t h;
  uint16_t wlen, nkeys;
  uint8_t mode, lang;
  uint16_t klen[];
} memo;

static const char *data_of(const memo *m) { return (const char *)(m->klen + m->nkeys); }

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pk_table tables[DW_MEMO_N];

__attribute__((destructor)) static void memo_free(void) {
  for (int t = 0; t < DW_MEMO_N; t++) pk_free(&tables[t]);
}

/* The entry, or NULL and it->at the free slot (packed.h). */
static const memo *find(pk_iter *it, uint64_t h, const char *w, size_t n,
                        dw_keymode mode, dw_lang lang) {
  for (const memo *m; (m = (const memo *)pk_next(it));)
    if (m->h == h && m->wlen == n && m->mode == mode && m->lang == lang &&
        ph_same(data_of(m), w, n))
      return m;
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

/* Under the lock. */
static void add(pk_table *t, uint64_t h, const char *w, size_t n, dw_keymode mode,
                dw_lang lang, const gather *g) {
  size_t size = (offsetof(memo, klen) + (size_t)g->n * 2 + n + g->used + 7) & ~(size_t)7;
  pk_iter it;
  if (!pk_room(t, size, MEMO_BLOCK, MEMO_MAX, MEMO_SLOTS_MIN) || !pk_probe(t, h, &it) ||
      find(&it, h, w, n, mode, lang))
    return;
  memo *m = (memo *)(t->block + t->used);
  m->h = h;
  m->wlen = (uint16_t)n;
  m->nkeys = (uint16_t)g->n;
  m->mode = (uint8_t)mode;
  m->lang = (uint8_t)lang;
  memcpy(m->klen, g->klen, (size_t)g->n * sizeof m->klen[0]);
  char *d = (char *)(m->klen + g->n);
  memcpy(d, w, n);
  memcpy(d + n, g->buf, g->used);
  pk_publish(t, &it, size, h);
}

int dw_keys_memo(int which, const char *w, size_t n, dw_keymode mode, dw_lang lang,
                 dw_scratch *sc, diwan_key_cb cb, void *ctx) {
  if (n > MEMO_WORD || which < 0 || which >= DW_MEMO_N)
    return dw_keys(w, n, mode, lang, sc, cb, ctx);
  pk_table *t = &tables[which];
  uint64_t h = ph_hash(w, n);
  pk_iter it;
  const memo *m = pk_probe(t, h, &it) ? find(&it, h, w, n, mode, lang) : NULL;
  if (m) return replay(data_of(m) + m->wlen, m->klen, m->nkeys, cb, ctx);
  gather g;
  g.used = 0;
  g.n = 0;
  g.fits = 1;
  int rc = dw_keys(w, n, mode, lang, sc, gather_key, &g);
  if (!g.fits) return dw_keys(w, n, mode, lang, sc, cb, ctx);
  if (rc) return rc;   /* out of memory: nothing memoized, nothing replayed */
  pthread_mutex_lock(&lock);
  add(t, h, w, n, mode, lang, &g);
  pthread_mutex_unlock(&lock);
  return replay(g.buf, g.klen, g.n, cb, ctx);
}

int ph_word_keys(const char *w, size_t n, diwan_key_cb cb, void *ctx) {
  return dw_keys_memo(DW_MEMO_PHRASE, w, n, DW_KEYS_ALL, DW_LANG_NONE, NULL, cb, ctx);
}
