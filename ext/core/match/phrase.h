/* Internal: multi-word phrase tables and the longest-match scanner that the
** gazetteer and the event lexicon share. A phrase is a sequence of units
** (words split at inner hyphens, French elisions dropped; punctuation and
** numbers as they are). A text word offers every key that diwan_word_keys
** gives for it (fold key, stem, Hebrew prefix-stripped forms) and its
** Arabic clitic-stripped forms; a lexicon word is indexed by its fold key,
** plus its stems unless the phrase is PH_EXACT. A hit says on how many
** derived keys it matched, so an owner can prefer exact spellings. */
#ifndef DIWAN_PHRASE_H
#define DIWAN_PHRASE_H
#include <stddef.h>
#include <stdint.h>
#include "diwan.h"

#define PH_MAXUNITS 8     /* longest phrase, in units */
#define PH_MAXKEYS 6      /* keys kept per lexicon unit */
#define PH_UNITKEYS 16    /* keys kept per text unit, all tables together */
#define PH_MAXHITS 8      /* phrases of equal (longest) length kept per match */
#define PH_MAXTABS 4

/* Small strings that live as long as their owner; never moved. */
typedef struct ph_arena {
  struct ph_block *head;
} ph_arena;
const char *ph_strdup(ph_arena *a, const char *s, size_t n);
/* The same, with invalid UTF-8 replaced by U+FFFD (user rows may hold any
** bytes, and what comes out of the lexicons must be valid text). */
const char *ph_strdup_clean(ph_arena *a, const char *s, size_t n);
void ph_arena_free(ph_arena *a);

typedef struct ph_key {
  uint64_t h;
  const char *s;
  size_t n;
  size_t *starts;           /* phrases whose first unit has this key: the
                               index << 4 | the phrase's units (PH_START_*),
                               so the scanner skips a phrase of the wrong
                               length without reading it */
  size_t nstarts, capstarts;
} ph_key;

#define PH_START_IDX(x) ((x) >> 4)
#define PH_START_UNITS(x) ((int)((x) & 15))

typedef struct ph_unit {
  int n;
  const ph_key *k[PH_MAXKEYS];
} ph_unit;

/* Flags of a phrase (ph_table_add). */
#define PH_EXACT 1      /* lexicon words keyed by their fold key only */
#define PH_BARE 2       /* also matches a text word with a bare proclitic
                           (بأمير → أمير) or without its article
                           (الجزائرية → جزائرية) */

/* How a text key was derived, best first. */
#define PH_KFOLD 0      /* the word's fold key */
#define PH_KDERIVED 1   /* stem, Hebrew candidate, proclitic before the article */
#define PH_KBARE 2      /* a bare proclitic or the article dropped:
                           PH_BARE phrases only */
#define PH_KLOOSE 3     /* not for PH_EXACT phrases, whose short surfaces
                           are often part of other words: an Arabic stem
                           (قطرة "drop" → قطر, حلبة → حلب), a Hebrew word
                           after ש or כ (שמאלי → מאלי) */

typedef struct ph_phrase {
  int nunits;
  int flags;
  ph_unit *units;
  int tag;                  /* what the payload is, owner-defined */
  size_t payload;           /* index into the owner's array */
} ph_phrase;

typedef struct ph_table {
  ph_key **slots;
  size_t cap, count;
  ph_phrase *phr;
  size_t nphr, capphr;
  ph_arena arena;
  int persistent;           /* built in: lives until the extension unloads,
                               so scanners share what they resolve against
                               it (phrase_shared.c); set by its builder */
  struct ph_memo *memo;     /* while a builder loads it: ph_table_memo */
} ph_table;

void ph_table_init(ph_table *t);
void ph_table_free(ph_table *t);
/* on: from now on a word added again copies the units it gave before
** instead of being folded and stemmed again (a built-in lexicon repeats
** its words); off: frees that memo. Best effort: without memory there is
** no memo and the adds are the same. Single-threaded, as a build is. */
void ph_table_memo(ph_table *t, int on);
/* Adds a surface; a surface with no units or more than PH_MAXUNITS is
** ignored (*added = 0). flags: PH_EXACT, its words are keyed by their fold
** key only, not by stem ("خلال الزيارة" is not "خلال زيارة"); PH_BARE.
** DIWAN_OK or DIWAN_NOMEM. */
int ph_table_add(ph_table *t, const char *s, size_t n, int tag, size_t payload,
                 int flags, int *added);

const ph_key *ph_table_find(const ph_table *t, uint64_t h, const char *s,
                            size_t n);

typedef struct ph_hit {
  const ph_table *tab;
  const ph_phrase *p;
  int derived;              /* units matched on a derived key only: fewer
                               is better ("مصراتة" is Misrata, not مصر+) */
} ph_hit;

typedef struct ph_match {
  size_t start, len;        /* byte span in the text */
  int channel;              /* of the tables that matched */
  int nhits;
  ph_hit hit[PH_MAXHITS];
} ph_match;

typedef struct ph_scanner ph_scanner;
/* A scanner over s reporting, left to right, the longest phrase at each
** position. Tables are grouped in channels (chan[i] of tabs[i], 0 or 1):
** phrases of one channel compete and never overlap, the channels are
** independent, and the text is tokenized and looked up once for all.
** NULL tables are skipped. */
ph_scanner *ph_scanner_new(const ph_table *const *tabs, const int *chan,
                           int ntabs, const char *s, size_t n);
/* 1 and *m, 0 at the end, -DIWAN_NOMEM when a word's keys could not be
** made (the scan stops). Matches come in order of start, channel 0 first. */
int ph_scanner_next(ph_scanner *sc, ph_match *m);
void ph_scanner_free(ph_scanner *sc);

/* The units a scan read, to scan the same text again without tokenizing it
** (the event layer's second scan, for the names it bound: tokenizing is
** half of a scan). Packed, since it lives while the document's other arrays
** are at their largest: one byte for a unit one blank or none after the
** previous one and of 1 to 63 bytes (most units: bit 7 a word, bit 6 the
** blank, bits 0-5 the length), else a 0 length and the gap and the length
** as LEB128 varints (an eighth of a byte per input byte in news text, where
** the tape of two 32-bit words a unit cost one byte). */
typedef struct ph_tape {
  unsigned char *b;
  size_t n, cap;
  size_t last;              /* where the previous recorded unit ended */
  int done;                 /* the scan read the text to its end */
  int off;                  /* not kept: out of memory */
} ph_tape;
/* From now on the units sc reads are added to t, which must be zeroed and
** outlive the scan. Best effort: when a unit cannot be kept, t->off. */
void ph_scanner_record(ph_scanner *sc, ph_tape *t);
/* A scanner over s that reads the units of t (recorded by a scan of the
** same s, done and not off) instead of tokenizing s: the same matches. */
ph_scanner *ph_scanner_replay(const ph_table *const *tabs, const int *chan,
                              int ntabs, const char *s, size_t n,
                              const ph_tape *t);
void ph_tape_free(ph_tape *t);

uint64_t ph_hash(const char *s, size_t n);

/* a[0..n) == b[0..n), inline: the caches compare a short word once their
** 64-bit hashes agree, where a call to memcmp costs more than the bytes. */
static inline int ph_same(const char *a, const char *b, size_t n) {
  uint64_t x, y;
  while (n >= 8) {
    __builtin_memcpy(&x, a, 8);
    __builtin_memcpy(&y, b, 8);
    if (x != y) return 0;
    a += 8;
    b += 8;
    n -= 8;
  }
  if (n >= 4) {
    uint32_t p, q, r, t;
    __builtin_memcpy(&p, a, 4);
    __builtin_memcpy(&q, b, 4);
    __builtin_memcpy(&r, a + n - 4, 4);
    __builtin_memcpy(&t, b + n - 4, 4);
    return p == q && r == t;
  }
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

/* The process-wide cache of resolved units (phrase_shared.c), for a
** scanner whose tables are all persistent: ph_shared_set gives the set's
** number, or -1 (not all persistent, or too many sets). ph_shared_get
** fills k, kt, kx and returns their count, or -1 when the word (hash h)
** is not kept; ph_shared_put keeps it, when it can. Thread-safe. */
int ph_shared_set(const ph_table *const *tabs, int ntabs);
int ph_shared_get(int set, uint64_t h, const char *w, size_t n, const ph_key **k,
                  const ph_table **kt, unsigned char *kx);
void ph_shared_put(int set, uint64_t h, const char *w, size_t n, int nk,
                   const ph_key *const *k, const ph_table *const *kt,
                   const unsigned char *kx);

/* diwan_word_keys through the phrase scanner's memo (dw_keys_memo). */
int ph_word_keys(const char *w, size_t n, diwan_key_cb cb, void *ctx);

/* The unit stream of a text: tokens of diwan_tokenizer, words split at inner
** hyphens and stripped of a leading French elision (l’, d’, qu’ …). */
typedef struct ph_units {
  diwan_tokenizer tk;
  const char *s;
  size_t rest, end;         /* the part of a word still to split */
  int pending;
} ph_units;
void ph_units_init(ph_units *u, const char *s, size_t n);
/* 1 and a unit (word: 1 for letters, 0 for numbers and punctuation), 0 at end. */
int ph_units_next(ph_units *u, size_t *start, size_t *len, int *word);

#endif
