/* The longest-match scanner. Each text unit is looked up once: its keys
** (diwan_word_keys) are resolved to the interned keys of every table, and
** the result is cached by the unit's bytes, since news text repeats its
** words (Zipf) and folding is the expensive part. A queue of PH_MAXUNITS
** units is the only look-ahead, so a scan is linear in the text. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "phrase.h"
#include "base/alloc.h"

#define QCAP 16
#define CACHE_SLOTS_MAX 8192      /* power of two; cleared when half full */
#define CACHE_MAXLEN 64           /* longer units are not cached */

/* With a key's kind in a unit's kx: the key starts no phrase of its
** table, so the scan at the head need not read the key (a cache miss). */
#define KX_NOSTART 0x80

typedef struct qunit {
  size_t start, len;
  int nk;
  const ph_key *k[PH_UNITKEYS];
  const ph_table *kt[PH_UNITKEYS];
  unsigned char kx[PH_UNITKEYS];    /* PH_KFOLD … PH_KLOOSE | KX_NOSTART */
} qunit;

typedef struct centry {
  uint64_t h;
  uint32_t off, kofs;
  uint16_t len, nk;
} centry;

#define NCHAN 2

struct ph_scanner {
  const ph_table *tabs[PH_MAXTABS];
  int chan[PH_MAXTABS];
  int ntabs;
  size_t upos;              /* index of the head unit in the text */
  size_t until[NCHAN];      /* a channel's last match covers units < until */
  int next_chan;            /* the channel to try next at the head */
  int nchan;                /* 1 + the highest channel of a table: the
                               channels above have no phrase to try */
  const char *s;
  ph_units us;
  qunit q[QCAP];
  int qhead, qn, eof;
  uint16_t *slot;           /* 1 + the index of an entry, 0 when free: a
                               scan per short document clears only these */
  centry *cache;            /* the entries, slots / 2 at most */
  size_t slots;             /* sized to the text: short texts are common */
  size_t ncache;
  char *cbytes;
  size_t nbytes;
  const ph_key **pk;
  const ph_table **pt;
  unsigned char *px;
  size_t npool;
  int shared;               /* ph_shared_set of the tables, or -1 */
  int shared_first;         /* a short text: ask the shared cache first */
  int full;                 /* an insert did not fit: clear before the next */
  int oom;                  /* a word's keys could not be made: stop */
  ph_tape *rec;             /* units read are added here (record) */
  const ph_tape *play;      /* units are read from here (replay) */
  size_t ppos, pend;        /* the next byte of play; where its last unit ended */
};

ph_scanner *ph_scanner_new(const ph_table *const *tabs, const int *chan,
                           int ntabs, const char *s, size_t n) {
  /* The unit queue (most of the struct) is left unzeroed: a unit's fields
  ** are set when it is queued, before any read. The gazetteer's load makes
  ** a scanner per name (thousands). */
  ph_scanner *sc = diwan_malloc(sizeof *sc);
  if (!sc) return NULL;
  memset(sc, 0, offsetof(ph_scanner, q));
  memset(&sc->qhead, 0, sizeof *sc - offsetof(ph_scanner, qhead));
  for (int i = 0; i < ntabs && sc->ntabs < PH_MAXTABS; i++) {
    if (!tabs[i] || !tabs[i]->nphr) continue;
    sc->chan[sc->ntabs] = chan && chan[i] > 0 && chan[i] < NCHAN ? chan[i] : 0;
    if (sc->chan[sc->ntabs] >= sc->nchan) sc->nchan = sc->chan[sc->ntabs] + 1;
    sc->tabs[sc->ntabs++] = tabs[i];
  }
  /* shared only when every table given is built in (an empty user table
  ** too keeps the scan out: its set of tables is the caller's choice) */
  int all_persistent = 1;
  for (int i = 0; i < ntabs; i++) all_persistent &= !tabs[i] || tabs[i]->persistent;
  sc->shared = all_persistent ? ph_shared_set(sc->tabs, sc->ntabs) : -1;
  sc->s = s;
  ph_units_init(&sc->us, s, n);
  /* The cache in one block, sized to the text: the gazetteer's own load
  ** scans thousands of single names, and a document is often short. */
  sc->slots = 16;
  while (sc->slots < CACHE_SLOTS_MAX && sc->slots * 8 < n) sc->slots *= 2;
  /* A short text (an article) repeats few of its words: most would go
  ** through the scan's own cache once, paying its look-up and its copy for
  ** nothing, so the shared cache is asked first; a long one keeps its
  ** words at hand in its own, smaller cache. */
  sc->shared_first = sc->shared >= 0 && sc->slots < CACHE_SLOTS_MAX;
  size_t pool = sc->slots / 2 * 4;
  size_t a = pool * sizeof *sc->pk, b = pool * sizeof *sc->pt,
         c = sc->slots / 2 * sizeof *sc->cache, e = sc->slots * sizeof *sc->slot,
         d = sc->slots / 2 * CACHE_MAXLEN;
  char *blk = diwan_malloc(a + b + c + e + d + pool);
  if (!blk) {
    diwan_free(sc);
    return NULL;
  }
  sc->pk = (const ph_key **)blk;
  sc->pt = (const ph_table **)(blk + a);
  sc->cache = (centry *)(blk + a + b);
  sc->slot = (uint16_t *)(blk + a + b + c);
  sc->cbytes = blk + a + b + c + e;
  sc->px = (unsigned char *)(blk + a + b + c + e + d);
  memset(sc->slot, 0, e);
  return sc;
}

void ph_scanner_record(ph_scanner *sc, ph_tape *t) { sc->rec = t; }

ph_scanner *ph_scanner_replay(const ph_table *const *tabs, const int *chan,
                              int ntabs, const char *s, size_t n,
                              const ph_tape *t) {
  ph_scanner *sc = ph_scanner_new(tabs, chan, ntabs, s, n);
  if (sc) sc->play = t;
  return sc;
}

void ph_tape_free(ph_tape *t) {
  diwan_free(t->b);
  memset(t, 0, sizeof *t);
}

static size_t put_varint(unsigned char *p, size_t v) {
  size_t k = 0;
  for (; v >= 0x80; v >>= 7) p[k++] = (unsigned char)(v | 0x80);
  p[k++] = (unsigned char)v;
  return k;
}

static size_t get_varint(const unsigned char *p, size_t *pos) {
  size_t v = 0;
  for (int sh = 0;; sh += 7) {
    unsigned char c = p[(*pos)++];
    v |= (size_t)(c & 0x7F) << sh;
    if (!(c & 0x80)) return v;
  }
}

static void tape_add(ph_tape *t, size_t start, size_t len, int word) {
  if (t->off) return;
  if (t->n + 1 + 2 * 10 > t->cap) {   /* the longest form: two 64-bit varints */
    size_t cap = t->cap ? t->cap * 2 : 1024;
    unsigned char *b = diwan_realloc(t->b, cap);
    if (!b) { t->off = 1; return; }
    t->b = b;
    t->cap = cap;
  }
  size_t gap = start - t->last;
  unsigned char w = word ? 0x80 : 0;
  if (gap <= 1 && len >= 1 && len <= 63) {
    t->b[t->n++] = (unsigned char)(w | gap << 6 | len);
  } else {
    t->b[t->n++] = w;
    t->n += put_varint(t->b + t->n, gap);
    t->n += put_varint(t->b + t->n, len);
  }
  t->last = start + len;
}

/* The next unit, from the tape being replayed or the text. */
static int next_unit(ph_scanner *sc, size_t *start, size_t *len, int *word) {
  if (sc->play) {
    const ph_tape *t = sc->play;
    if (sc->ppos >= t->n) return 0;
    unsigned char c = t->b[sc->ppos++];
    *word = c >> 7;
    if (c & 0x3F) {
      *start = sc->pend + (c >> 6 & 1);
      *len = c & 0x3F;
    } else {
      *start = sc->pend + get_varint(t->b, &sc->ppos);
      *len = get_varint(t->b, &sc->ppos);
    }
    sc->pend = *start + *len;
    return 1;
  }
  if (!ph_units_next(&sc->us, start, len, word)) {
    if (sc->rec) sc->rec->done = 1;
    return 0;
  }
  if (sc->rec) tape_add(sc->rec, *start, *len, *word);
  return 1;
}

void ph_scanner_free(ph_scanner *sc) {
  if (!sc) return;
  diwan_free(sc->pk);   /* the cache's block */
  diwan_free(sc);
}

static void add_resolved(ph_scanner *sc, qunit *u, const char *key, size_t n,
                         int kind) {
  uint64_t h = ph_hash(key, n);
  for (int t = 0; t < sc->ntabs && u->nk < PH_UNITKEYS; t++) {
    const ph_key *k = ph_table_find(sc->tabs[t], h, key, n);
    if (!k) continue;
    int dup = 0;
    for (int i = 0; i < u->nk; i++) dup |= u->k[i] == k;
    if (dup) continue;
    u->k[u->nk] = k;
    u->kx[u->nk] = (unsigned char)(kind | (k->nstarts ? 0 : KX_NOSTART));
    u->kt[u->nk++] = sc->tabs[t];
  }
}

typedef struct keys_ctx {
  ph_scanner *sc;
  qunit *u;
  int nkeys;
  size_t nfold;             /* bytes of the word's fold key */
  char fold[64];            /* its first bytes */
} keys_ctx;

#define AR_WAW "\xD9\x88"
#define AR_FA "\xD9\x81"
#define AR_BA "\xD8\xA8"
#define AR_LAM "\xD9\x84"
#define AR_KAF "\xD9\x83"
#define AR_ALEF "\xD8\xA7"

static int starts(const char *k, size_t n, const char *p) {
  size_t m = strlen(p);
  return n > m + 4 && memcmp(k, p, m) == 0;
}

/* Lexicon words are keyed by their fold key, which keeps Arabic proclitics:
** also offer the key without a leading و/ف and without ب/ل/ك before the
** article (بالذكرى → الذكرى, للبلدين → البلدين). A bare ب/ل/ك before
** any other word (بأمير → أمير) and the word without its article are
** offered as PH_KBARE: only PH_BARE phrases take them, since most words
** that begin with those letters are not prefixed (لبنان, كندا). */
static void clitic_keys(ph_scanner *sc, qunit *u, const char *k, size_t n) {
  char buf[256];
  if (n > sizeof buf - 2) return;
  if (starts(k, n, AR_WAW) || starts(k, n, AR_FA)) {
    k += 2;
    n -= 2;
    add_resolved(sc, u, k, n, PH_KDERIVED);
  }
  int bkl = starts(k, n, AR_BA) || starts(k, n, AR_LAM) || starts(k, n, AR_KAF);
  if (starts(k, n, AR_LAM AR_LAM)) {
    memcpy(buf, AR_ALEF, 2);
    memcpy(buf + 2, k + 2, n - 2);
    k = buf;
    add_resolved(sc, u, k, n, PH_KDERIVED);
  } else if (bkl && starts(k + 2, n - 2, AR_ALEF AR_LAM)) {
    k += 2;
    n -= 2;
    add_resolved(sc, u, k, n, PH_KDERIVED);
  } else if (bkl) {
    add_resolved(sc, u, k + 2, n - 2, PH_KBARE);
  }
  /* the gazetteer lists adjectives without the article (جزائرية) and is
  ** not stemmed: الجزائرية must meet it without it (PH_BARE too: a cue
  ** keeps its article, "العادة" is not "عادة") */
  if (starts(k, n, AR_ALEF AR_LAM)) add_resolved(sc, u, k + 4, n - 4, PH_KBARE);
}

#define HE_HE "\xD7\x94"

/* The second byte of the last prefix letter before the Hebrew candidate
** cand (a suffix, up to final letters, of the fold key c->fold), or 0. */
static unsigned he_prefix_end(const keys_ctx *c, size_t n) {
  if (c->nfold > sizeof c->fold || n + 2 > c->nfold) return 0;
  const unsigned char *p = (const unsigned char *)c->fold + c->nfold - n - 2;
  return p[0] == 0xD7 ? p[1] : 0;
}

/* Hebrew ב/ל/כ take the article's place (באומות is ב+האומות): a word
** left by such a prefix is also offered with the article, since the
** lexicon is not prefix-stripped. */
static void he_article(keys_ctx *c, const char *cand, size_t n, unsigned last,
                       int kind) {
  char buf[256];
  if (n + 2 > sizeof buf || (last != 0x91 && last != 0x9C && last != 0x9B)) return;
  memcpy(buf, HE_HE, 2);
  memcpy(buf + 2, cand, n);
  add_resolved(c->sc, c->u, buf, n + 2, kind);
}

/* Arabic letters are U+0600..U+06FF: lead bytes D8..DB. */
static int ar_letter(const char *k) {
  unsigned char b = (unsigned char)k[0];
  return b >= 0xD8 && b <= 0xDB;
}

static int on_key(void *ctx, const char *key, size_t n) {
  keys_ctx *c = ctx;
  if (!n) return 0;
  int kind = c->nkeys ? PH_KDERIVED : PH_KFOLD;
  int he = c->nkeys && n < c->nfold && (unsigned char)key[0] == 0xD7;
  unsigned last = he ? he_prefix_end(c, n) : 0;
  /* an Arabic stem; a Hebrew word after ש or כ, which mostly begin a word
  ** (שמאלי "left", כיוון "direction", כלוב "cage") */
  if ((c->nkeys == 1 && ar_letter(key)) || last == 0xA9 || last == 0x9B)
    kind = PH_KLOOSE;
  add_resolved(c->sc, c->u, key, n, kind);
  if (c->nkeys == 0) {
    c->nfold = n;
    if (n <= sizeof c->fold) memcpy(c->fold, key, n);
    clitic_keys(c->sc, c->u, key, n);
  } else if (he) {
    he_article(c, key, n, last, kind);
  }
  c->nkeys++;
  return 0;
}

static void cache_clear(ph_scanner *sc) {
  memset(sc->slot, 0, sc->slots * sizeof *sc->slot);
  sc->ncache = sc->nbytes = sc->npool = 0;
  sc->full = 0;
}

/* Keeps u's keys in the free slot j. */
static void cache_put(ph_scanner *sc, size_t j, uint64_t h, const qunit *u) {
  if (sc->ncache >= sc->slots / 2 || sc->nbytes + u->len > (sc->slots / 2 * CACHE_MAXLEN) ||
      sc->npool + (size_t)u->nk > (sc->slots / 2 * 4)) {
    sc->full = 1;
    return;
  }
  memcpy(sc->cbytes + sc->nbytes, sc->s + u->start, u->len);
  centry *e = &sc->cache[sc->ncache];
  sc->slot[j] = (uint16_t)(sc->ncache + 1);
  e->h = h;
  e->off = (uint32_t)sc->nbytes;
  e->len = (uint16_t)u->len;
  e->nk = (uint16_t)u->nk;
  e->kofs = (uint32_t)sc->npool;
  for (int i = 0; i < u->nk; i++) {
    sc->pk[sc->npool + (size_t)i] = u->k[i];
    sc->pt[sc->npool + (size_t)i] = u->kt[i];
    sc->px[sc->npool + (size_t)i] = u->kx[i];
  }
  sc->nbytes += u->len;
  sc->npool += (size_t)u->nk;
  sc->ncache++;
}

/* Resolves a word unit through the cache. */
static void resolve_word(ph_scanner *sc, qunit *u) {
  const char *w = sc->s + u->start;
  if (u->len > CACHE_MAXLEN) {
    keys_ctx c = {sc, u, 0, 0, {0}};
    if (ph_word_keys(w, u->len, on_key, &c)) sc->oom = 1;
    return;
  }
  uint64_t h = ph_hash(w, u->len);
  if (sc->shared_first) {
    int nk = ph_shared_get(sc->shared, h, w, u->len, u->k, u->kt, u->kx);
    if (nk >= 0) { u->nk = nk; return; }
  }
  if (sc->full) cache_clear(sc);
  size_t j = h & (sc->slots - 1);
  for (unsigned x; (x = sc->slot[j]) != 0; j = (j + 1) & (sc->slots - 1)) {
    const centry *e = &sc->cache[x - 1];
    if (e->h == h && e->len == u->len &&
        ph_same(sc->cbytes + e->off, w, u->len)) {
      for (unsigned i = 0; i < e->nk; i++) {
        u->k[i] = sc->pk[e->kofs + i];
        u->kt[i] = sc->pt[e->kofs + i];
        u->kx[i] = sc->px[e->kofs + i];
      }
      u->nk = (int)e->nk;
      return;
    }
  }
  int nk = sc->shared >= 0 && !sc->shared_first ? ph_shared_get(sc->shared, h, w, u->len, u->k, u->kt, u->kx) : -1;
  if (nk >= 0) {
    u->nk = nk;
  } else {
    keys_ctx c = {sc, u, 0, 0, {0}};
    if (ph_word_keys(w, u->len, on_key, &c)) { sc->oom = 1; return; }
    if (sc->shared >= 0) ph_shared_put(sc->shared, h, w, u->len, u->nk, u->k, u->kt, u->kx);
  }
  cache_put(sc, j, h, u);
}

static void fill(ph_scanner *sc) {
  while (!sc->eof && sc->qn < PH_MAXUNITS) {
    qunit *u = &sc->q[(sc->qhead + sc->qn) % QCAP];
    int word;
    if (!next_unit(sc, &u->start, &u->len, &word)) {
      sc->eof = 1;
      break;
    }
    u->nk = 0;
    if (sc->ntabs) {
      if (word) resolve_word(sc, u);
      else add_resolved(sc, u, sc->s + u->start, u->len, PH_KFOLD);
    }
    sc->qn++;
  }
}

/* The best kind of text key by which u matches pu, or -1. A fold key is
** the best there is: the first one found ends the search. */
static int unit_kind(const qunit *u, const ph_unit *pu, int flags) {
  int best = -1;
  for (int i = 0; i < u->nk; i++) {
    int kind = u->kx[i] & ~KX_NOSTART;
    if (kind == PH_KBARE && !(flags & PH_BARE)) continue;
    if (kind == PH_KLOOSE && (flags & PH_EXACT)) continue;
    for (int j = 0; j < pu->n; j++) {
      if (u->k[i] != pu->k[j]) continue;
      if (best < 0 || kind < best) best = kind;
      if (best == PH_KFOLD) return best;
      break;                  /* a unit's keys are distinct */
    }
  }
  return best;
}

/* -1 if p does not fit at the head, else how many of its units matched on
** a derived key only: an exact spelling beats a stem ("مصراتة" is Misrata,
** not the stem of مصر). */
static int phrase_fits(const ph_scanner *sc, const ph_phrase *p) {
  if (p->nunits > sc->qn) return -1;
  int derived = 0;
  for (int j = 0; j < p->nunits; j++) {
    int k = unit_kind(&sc->q[(sc->qhead + j) % QCAP], &p->units[j], p->flags);
    if (k < 0) return -1;
    derived += k != PH_KFOLD;
  }
  return derived;
}

/* Keeps a hit; when full, in place of one matched on more derived keys. */
static void add_hit(ph_match *m, const ph_table *t, const ph_phrase *p, int d) {
  int worst = 0;
  for (int i = 0; i < m->nhits; i++) {
    if (m->hit[i].p == p) return;
    if (m->hit[i].derived > m->hit[worst].derived) worst = i;
  }
  if (m->nhits < PH_MAXHITS) m->hit[m->nhits++] = (ph_hit){t, p, d};
  else if (m->hit[worst].derived > d) m->hit[worst] = (ph_hit){t, p, d};
}

static int chan_of(const ph_scanner *sc, const ph_table *t) {
  for (int i = 0; i < sc->ntabs; i++)
    if (sc->tabs[i] == t) return sc->chan[i];
  return -1;
}

/* The longest phrases of channel c at the head unit; their length in units. */
static int longest_at_head(ph_scanner *sc, int c, ph_match *m) {
  const qunit *u0 = &sc->q[sc->qhead];
  int best = 0;
  m->nhits = 0;
  /* A unit with no key fits no phrase unit (unit_kind): no phrase longer
  ** than the run of units with keys from the head fits, and most words
  ** after a lexicon word have none. */
  int reach = 1;
  while (reach < sc->qn && sc->q[(sc->qhead + reach) % QCAP].nk) reach++;
  for (int i = 0; i < u0->nk; i++) {
    const ph_key *k = u0->k[i];
    const ph_table *t = u0->kt[i];
    if (sc->nchan > 1 && chan_of(sc, t) != c) continue;
    if (u0->kx[i] & KX_NOSTART) continue;
    for (size_t s = 0; s < k->nstarts; s++) {
      size_t x = k->starts[s];
      if (PH_START_UNITS(x) < best || PH_START_UNITS(x) > reach) continue;
      const ph_phrase *p = &t->phr[PH_START_IDX(x)];
      /* k is a key of p's first unit: a one-unit phrase met on the fold
      ** key fits as well as it can, without reading it (a cache miss) */
      int d = PH_START_UNITS(x) == 1 && (u0->kx[i] & ~KX_NOSTART) == PH_KFOLD
                  ? 0 : phrase_fits(sc, p);
      if (d < 0) continue;
      if (p->nunits > best) { best = p->nunits; m->nhits = 0; }
      add_hit(m, t, p, d);
    }
  }
  return best;
}

int ph_scanner_next(ph_scanner *sc, ph_match *m) {
  for (;;) {
    fill(sc);
    if (sc->oom) return -DIWAN_NOMEM;
    if (sc->qn == 0) return 0;
    const qunit *u0 = &sc->q[sc->qhead];
    while (sc->next_chan < sc->nchan && u0->nk) {
      int c = sc->next_chan++;
      if (sc->upos < sc->until[c]) continue;
      int best = longest_at_head(sc, c, m);
      if (!best) continue;
      const qunit *ul = &sc->q[(sc->qhead + best - 1) % QCAP];
      m->start = u0->start;
      m->len = ul->start + ul->len - u0->start;
      m->channel = c;
      sc->until[c] = sc->upos + (size_t)best;
      return 1;
    }
    sc->next_chan = 0;
    sc->qhead = (sc->qhead + 1) % QCAP;
    sc->qn--;
    sc->upos++;
  }
}
