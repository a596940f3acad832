/* Process-wide memos of dw_keys. The phrase scanner's own cache lives for
** one scan and the FTS5 tokenizer is called once per row, but extract.sql
** and an index build go one short document at a time, so most words would
** be folded and stemmed again in every call (Zipf: news repeats its words;
** folding and stemming are most of the cost). A word's keys depend on its
** bytes, the key mode and the language only, so a memo never changes an
** answer. Each user has its own table (one cannot crowd out the other);
** entries are immutable once added and a table only grows (to MEMO_MAX
** words): a slot, once set, never changes, so readers take no lock
** (acquire loads of the slot array and of each slot, which a writer fills
** under the lock with release stores; a reader that misses a word being
** added only computes its keys itself); everything is freed when SQLite
** unloads the extension. A failed allocation only
** means a word is not kept. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "phrase.h"
#include "base/alloc.h"

#define MEMO_SLOTS (1u << 17)     /* power of two */
#define MEMO_MAX (MEMO_SLOTS / 2)
#define MEMO_WORD 64              /* longer words are not kept */
#define MEMO_KEYS 8

typedef struct memo {
  uint64_t h;
  uint16_t wlen, nkeys;
  uint8_t mode, lang;
  uint16_t klen[MEMO_KEYS];
  char data[];                    /* the word, then its keys */
} memo;

typedef struct memo_table {
  memo **slots;
  size_t count;
} memo_table;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static memo_table tables[DW_MEMO_N];

__attribute__((destructor)) static void memo_free(void) {
  for (int t = 0; t < DW_MEMO_N; t++) {
    if (!tables[t].slots) continue;
    for (size_t i = 0; i < MEMO_SLOTS; i++) diwan_free(tables[t].slots[i]);
    diwan_free(tables[t].slots);
    tables[t].slots = NULL;
    tables[t].count = 0;
  }
}

static const memo *find(memo *const *slots, uint64_t h, const char *w, size_t n,
                        dw_keymode mode, dw_lang lang, size_t *at) {
  size_t j = h & (MEMO_SLOTS - 1);
  for (const memo *m; (m = __atomic_load_n(&slots[j], __ATOMIC_ACQUIRE));
       j = (j + 1) & (MEMO_SLOTS - 1))
    if (m->h == h && m->wlen == n && m->mode == mode && m->lang == lang &&
        memcmp(m->data, w, n) == 0)
      return m;
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

static void add(memo_table *t, uint64_t h, const char *w, size_t n, dw_keymode mode,
                dw_lang lang, const gather *g) {
  size_t at;
  if (!t->slots)
    __atomic_store_n(&t->slots, diwan_calloc(MEMO_SLOTS, sizeof *t->slots), __ATOMIC_RELEASE);
  if (!t->slots || t->count >= MEMO_MAX || find(t->slots, h, w, n, mode, lang, &at)) return;
  memo *m = diwan_malloc(sizeof *m + n + g->used);
  if (!m) return;
  m->h = h;
  m->wlen = (uint16_t)n;
  m->nkeys = (uint16_t)g->n;
  m->mode = (uint8_t)mode;
  m->lang = (uint8_t)lang;
  memcpy(m->klen, g->klen, sizeof m->klen);
  memcpy(m->data, w, n);
  memcpy(m->data + n, g->buf, g->used);
  __atomic_store_n(&t->slots[at], m, __ATOMIC_RELEASE);
  t->count++;
}

int dw_keys_memo(int which, const char *w, size_t n, dw_keymode mode, dw_lang lang,
                 dw_scratch *sc, diwan_key_cb cb, void *ctx) {
  if (n > MEMO_WORD || which < 0 || which >= DW_MEMO_N)
    return dw_keys(w, n, mode, lang, sc, cb, ctx);
  memo_table *t = &tables[which];
  uint64_t h = ph_hash(w, n);
  size_t at;
  memo **slots = __atomic_load_n(&t->slots, __ATOMIC_ACQUIRE);
  const memo *m = slots ? find(slots, h, w, n, mode, lang, &at) : NULL;
  if (m) return replay(m->data + m->wlen, m->klen, m->nkeys, cb, ctx);
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
