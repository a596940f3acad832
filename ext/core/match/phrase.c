/* Phrase tables: every unit of every surface is stored as the set of its
** match keys, interned once per table, and the first unit's keys index the
** phrase so a scan looks up each text unit once. */
#include <stdlib.h>
#include <string.h>
#include "phrase.h"
#include "base/alloc.h"

/* --------------------------------------------------------------- arena */

struct ph_block {
  struct ph_block *next;
  size_t used, cap;
  char data[];
};

const char *ph_strdup(ph_arena *a, const char *s, size_t n) {
  struct ph_block *b = a->head;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > 16384 ? n + 1 : 16384;
    b = diwan_malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->next = a->head;
    b->used = 0;
    b->cap = cap;
    a->head = b;
  }
  char *p = b->data + b->used;
  if (n) memcpy(p, s, n);
  p[n] = 0;
  b->used += n + 1;
  return p;
}

const char *ph_strdup_clean(ph_arena *a, const char *s, size_t n) {
  if (diwan_utf8_check(s, n) == n) return ph_strdup(a, s, n);
  diwan_buf b;
  diwan_buf_init(&b);
  const char *r = NULL;
  if (diwan_utf8_sanitize(s, n, &b) >= 0) r = ph_strdup(a, b.p ? b.p : "", b.n);
  diwan_buf_free(&b);
  return r;
}

void ph_arena_free(ph_arena *a) {
  while (a->head) {
    struct ph_block *b = a->head;
    a->head = b->next;
    diwan_free(b);
  }
}

/* ---------------------------------------------------------------- keys */

/* Eight bytes a step (a word is hashed several times per look-up: the
** scan's cache, the memos, each table); the length is mixed in, so the
** zeros that pad the last step do not collide. Tables use the low bits:
** the last steps bring the high ones down. */
/* The k (1..7) bytes at p in one word, as memcpy into a zeroed word gives
** them on a little-endian machine (elsewhere another function of the same
** bytes, which is all a hash needs), without a call to memcpy of a
** variable length: most words end in such a tail. back: the 8 bytes before
** p are readable, so one load ending at the tail's end does. */
static inline uint64_t tail_bytes(const unsigned char *p, size_t k, int back) {
  uint64_t w;
  if (back) {
    memcpy(&w, p + k - 8, 8);
    return w >> (8 * (8 - k));
  }
  if (k >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, p, 4);
    memcpy(&hi, p + k - 4, 4);
    return lo | (uint64_t)hi << (8 * (k - 4));
  }
  w = p[0];
  if (k >= 2) w |= (uint64_t)p[1] << 8;
  if (k == 3) w |= (uint64_t)p[2] << 16;
  return w;
}

uint64_t ph_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull ^ ((uint64_t)n * 0x9E3779B97F4A7C15ull);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
  }
  if (i < n) {
    uint64_t w = tail_bytes((const unsigned char *)s + i, n - i, i >= 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
  }
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

void ph_table_init(ph_table *t) { memset(t, 0, sizeof *t); }

void ph_table_free(ph_table *t) {
  for (size_t i = 0; i < t->cap; i++) {
    if (t->slots[i]) {
      diwan_free(t->slots[i]->starts);
      diwan_free(t->slots[i]);
    }
  }
  diwan_free(t->slots);
  for (size_t i = 0; i < t->nphr; i++) diwan_free(t->phr[i].units);
  diwan_free(t->phr);
  ph_arena_free(&t->arena);
  ph_table_memo(t, 0);
  memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------- build memo */
/* A word's units depend on its bytes, the exact flag and the table's
** interned keys only, so a copy is what making them again would give. The
** built-in gazetteer adds 97,744 words, 43,779 of them distinct, and
** folding and stemming them was half of its load. */
typedef struct memo_entry {
  uint64_t h;
  char *w;
  size_t n;
  int exact;
  ph_unit u;
} memo_entry;

struct ph_memo {
  uint32_t *slot;           /* 1 + entry index, 0 free; at most half full */
  size_t nslot;
  memo_entry *e;            /* in order of insertion */
  size_t n, cap;
};

void ph_table_memo(ph_table *t, int on) {
  struct ph_memo *m = t->memo;
  if (m) {
    for (size_t i = 0; i < m->n; i++) diwan_free(m->e[i].w);
    diwan_free(m->e);
    diwan_free(m->slot);
    diwan_free(m);
    t->memo = NULL;
  }
  if (!on) return;
  m = diwan_calloc(1, sizeof *m);
  if (!m) return;
  m->nslot = 8192;
  m->slot = diwan_calloc(m->nslot, sizeof *m->slot);
  if (!m->slot) { diwan_free(m); return; }
  t->memo = m;
}

/* The slot of a word: its entry's, or the free one where it would go. */
static uint32_t *memo_slot(const struct ph_memo *m, uint32_t *slot, size_t nslot,
                           uint64_t h, const char *w, size_t n, int exact) {
  size_t j = h & (nslot - 1);
  for (; slot[j]; j = (j + 1) & (nslot - 1)) {
    const memo_entry *x = &m->e[slot[j] - 1];
    if (x->h == h && x->n == n && x->exact == exact && memcmp(x->w, w, n) == 0) break;
  }
  return &slot[j];
}

static const ph_unit *memo_get(const struct ph_memo *m, uint64_t h, const char *w,
                               size_t n, int exact) {
  uint32_t k = *memo_slot(m, m->slot, m->nslot, h, w, n, exact);
  return k ? &m->e[k - 1].u : NULL;
}

/* Keeps a word's units; without memory it is simply not kept. */
static void memo_put(struct ph_memo *m, uint64_t h, const char *w, size_t n, int exact,
                     const ph_unit *u) {
  if (m->n >= UINT32_MAX - 1) return;
  if ((m->n + 1) * 2 > m->nslot) {
    size_t ns = m->nslot * 2;
    uint32_t *slot = diwan_calloc(ns, sizeof *slot);
    if (!slot) return;
    for (size_t i = 0; i < m->n; i++)
      *memo_slot(m, slot, ns, m->e[i].h, m->e[i].w, m->e[i].n, m->e[i].exact) = (uint32_t)i + 1;
    diwan_free(m->slot);
    m->slot = slot;
    m->nslot = ns;
  }
  if (m->n == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 1024;
    memo_entry *e = diwan_realloc(m->e, cap * sizeof *e);
    if (!e) return;
    m->e = e;
    m->cap = cap;
  }
  uint32_t *at = memo_slot(m, m->slot, m->nslot, h, w, n, exact);
  if (*at) return;
  char *copy = diwan_malloc(n ? n : 1);
  if (!copy) return;
  if (n) memcpy(copy, w, n);
  m->e[m->n] = (memo_entry){h, copy, n, exact, *u};
  *at = (uint32_t)++m->n;
}

static int grow_slots(ph_table *t) {
  size_t cap = t->cap ? t->cap * 2 : 256;
  ph_key **slots = diwan_calloc(cap, sizeof *slots);
  if (!slots) return DIWAN_NOMEM;
  for (size_t i = 0; i < t->cap; i++) {
    ph_key *k = t->slots[i];
    if (!k) continue;
    size_t j = k->h & (cap - 1);
    while (slots[j]) j = (j + 1) & (cap - 1);
    slots[j] = k;
  }
  diwan_free(t->slots);
  t->slots = slots;
  t->cap = cap;
  return DIWAN_OK;
}

static ph_key *intern(ph_table *t, const char *s, size_t n) {
  if ((t->count + 1) * 2 > t->cap && grow_slots(t)) return NULL;
  uint64_t h = ph_hash(s, n);
  size_t j = h & (t->cap - 1);
  for (ph_key *k; (k = t->slots[j]); j = (j + 1) & (t->cap - 1))
    if (k->h == h && k->n == n && memcmp(k->s, s, n) == 0) return k;
  ph_key *k = diwan_calloc(1, sizeof *k);
  if (!k) return NULL;
  k->s = ph_strdup(&t->arena, s, n);
  if (!k->s) { diwan_free(k); return NULL; }
  k->h = h;
  k->n = n;
  t->slots[j] = k;
  t->count++;
  return k;
}

typedef struct unit_ctx {
  ph_table *t;
  ph_unit *u;
  int oom, exact;
  size_t nfold;             /* letters of the fold key */
} unit_ctx;

static size_t nchars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* The first key is the fold key; the others (stems, prefix-stripped forms)
** index a lexicon word only when they keep MINSTEM letters: the stem of
** "ألباني" is "بان", which is also "that" (بانه). An exact word keeps only
** the keys as long as its fold key, i.e. spelling normalizations (Hebrew
** final letters: קזחסטן → קזחסטנ, the form the text's prefix-stripped keys
** take), never a stem: stemmed, "الرياض" would be "رياض" and catch
** "الرياضة" (sport). */
#define MINSTEM 4

static int add_key(void *ctx, const char *key, size_t n) {
  unit_ctx *c = ctx;
  if (c->u->n >= PH_MAXKEYS || n == 0) return 0;
  /* a Hebrew exact word's final-letter form is a spelling, not a stem: it
  ** is kept however short (יפן → יפנ, which "ביפן", "לסין" give) */
  int spelling = c->exact && c->u->n > 0 && (unsigned char)key[0] == 0xD7 &&
                 nchars(key, n) == c->nfold;
  if (c->u->n > 0 && nchars(key, n) < MINSTEM && !spelling) return 0;
  if (c->u->n > 0 && c->exact && nchars(key, n) != c->nfold) return 0;
  const ph_key *k = intern(c->t, key, n);
  if (!k) { c->oom = 1; return 1; }
  for (int i = 0; i < c->u->n; i++) if (c->u->k[i] == k) return 0;
  if (c->u->n == 0) c->nfold = nchars(key, n);
  c->u->k[c->u->n++] = k;
  return 0;
}

static int add_start(ph_key *k, size_t idx) {
  if (k->nstarts && k->starts[k->nstarts - 1] == idx) return DIWAN_OK;
  if (k->nstarts == k->capstarts) {
    size_t cap = k->capstarts ? k->capstarts * 2 : 2;
    size_t *p = diwan_realloc(k->starts, cap * sizeof *p);
    if (!p) return DIWAN_NOMEM;
    k->starts = p;
    k->capstarts = cap;
  }
  k->starts[k->nstarts++] = idx;
  return DIWAN_OK;
}

/* Splits a surface into units with their interned keys. */
static int surface_units(ph_table *t, const char *s, size_t n, int exact,
                         ph_unit *units, int *nunits) {
  ph_units us;
  size_t a, len;
  int word, nu = 0;
  ph_units_init(&us, s, n);
  while (ph_units_next(&us, &a, &len, &word)) {
    if (nu == PH_MAXUNITS) { *nunits = 0; return DIWAN_OK; }
    uint64_t h = 0;
    const ph_unit *known = NULL;
    if (word && t->memo) {
      h = ph_hash(s + a, len);
      known = memo_get(t->memo, h, s + a, len, exact);
    }
    if (known) {
      units[nu] = *known;
    } else {
      unit_ctx c = {t, &units[nu], 0, exact, 0};
      units[nu].n = 0;
      /* add_key stops the walk only when out of memory; a word's keys can
      ** also fail to be made: either way the row is not silently dropped. */
      int rc = word ? diwan_word_keys(s + a, len, add_key, &c)
                    : add_key(&c, s + a, len);
      if (c.oom || rc) return DIWAN_NOMEM;
      if (word && t->memo) memo_put(t->memo, h, s + a, len, exact, &units[nu]);
    }
    if (units[nu].n == 0) continue;    /* nothing to match on: skip */
    nu++;
  }
  *nunits = nu;
  return DIWAN_OK;
}

int ph_table_add(ph_table *t, const char *s, size_t n, int tag, size_t payload,
                 int flags, int *added) {
  int exact = (flags & PH_EXACT) != 0;
  ph_unit units[PH_MAXUNITS];
  int nu = 0;
  if (added) *added = 0;
  if (surface_units(t, s, n, exact, units, &nu)) return DIWAN_NOMEM;
  if (nu == 0) return DIWAN_OK;
  if (t->nphr == t->capphr) {
    size_t cap = t->capphr ? t->capphr * 2 : 64;
    ph_phrase *p = diwan_realloc(t->phr, cap * sizeof *p);
    if (!p) return DIWAN_NOMEM;
    t->phr = p;
    t->capphr = cap;
  }
  ph_phrase *p = &t->phr[t->nphr];
  p->units = diwan_malloc((size_t)nu * sizeof *p->units);
  if (!p->units) return DIWAN_NOMEM;
  memcpy(p->units, units, (size_t)nu * sizeof *p->units);
  p->nunits = nu;
  p->flags = flags;
  p->tag = tag;
  p->payload = payload;
  for (int i = 0; i < units[0].n; i++)
    if (add_start((ph_key *)units[0].k[i], t->nphr << 4 | (size_t)nu)) {
      diwan_free(p->units);
      return DIWAN_NOMEM;
    }
  t->nphr++;
  if (added) *added = 1;
  return DIWAN_OK;
}

const ph_key *ph_table_find(const ph_table *t, uint64_t h, const char *s,
                            size_t n) {
  if (!t->cap) return NULL;
  size_t j = h & (t->cap - 1);
  for (const ph_key *k; (k = t->slots[j]); j = (j + 1) & (t->cap - 1))
    if (k->h == h && k->n == n && memcmp(k->s, s, n) == 0) return k;
  return NULL;
}
