/* Collation DIWAN: texts ordered by their fold keys (diwan_fold), compared
** as a stream, word by word, without allocating.
**
** A collation cannot report an error, and an index stays in order only if
** every comparison gives the same answer. So the comparison never depends
** on memory: each word is folded into a buffer reserved when the collation
** is registered, big enough for the fold of any word of up to MAXWORD
** bytes; a longer word (no natural word is) is compared by its own bytes,
** always. The result equals comparing diwan_fold(a) and diwan_fold(b). */
#include <string.h>
#include "dw.h"
#include "match/fold.h"

#define MAXWORD 256
#define WORDBUF (MAXWORD * 24)   /* far above the largest NFKC expansion */

typedef struct stream {
  diwan_tokenizer t;
  const char *s;
  diwan_buf *w;               /* the current word's key */
  const char *key;
  size_t n, pos;
  int any;                    /* a word was given out: the next needs " " */
  int sep;                    /* the separator is owed before key */
} stream;

/* Loads the next non-empty word key; 0 at the end. */
static int next_word(stream *st) {
  size_t start, len;
  diwan_token_kind kind;
  while (diwan_tokenizer_next(&st->t, &start, &len, &kind)) {
    if (kind != DIWAN_TOKEN_WORD && kind != DIWAN_TOKEN_NUMBER) continue;
    diwan_buf_reset(st->w);
    if (len <= MAXWORD && st->w->cap > WORDBUF / 2 &&
        dw_fold_word(st->s + start, len, st->w) == DIWAN_OK) {
      st->key = st->w->p;
      st->n = st->w->n;
    } else {
      st->key = st->s + start;   /* by its bytes, whatever the memory */
      st->n = len;
    }
    if (st->n == 0) continue;    /* a word of marks only */
    st->sep = st->any;
    st->any = 1;
    st->pos = 0;
    return 1;
  }
  return 0;
}

/* The next byte of the fold key, or -1 at its end. */
static int next_byte(stream *st) {
  if (st->sep) { st->sep = 0; return ' '; }
  if (st->pos == st->n && !next_word(st)) return -1;
  if (st->sep) { st->sep = 0; return ' '; }
  return (unsigned char)st->key[st->pos++];
}

typedef struct collation { diwan_buf a, b; } collation;

static int collate(void *arg, int n1, const void *a, int n2, const void *b) {
  collation *c = arg;
  stream x = {.s = a, .w = &c->a}, y = {.s = b, .w = &c->b};
  diwan_tokenizer_init(&x.t, a, (size_t)n1);
  diwan_tokenizer_init(&y.t, b, (size_t)n2);
  for (;;) {
    int p = next_byte(&x), q = next_byte(&y);
    if (p != q) return p < q ? -1 : 1;
    if (p < 0) return 0;
  }
}

static void destroy(void *arg) {
  collation *c = arg;
  diwan_buf_free(&c->a);
  diwan_buf_free(&c->b);
  sqlite3_free(c);
}

int dw_register_collation(sqlite3 *db, char **pzErr) {
  collation *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  diwan_buf_init(&c->a);
  diwan_buf_init(&c->b);
  /* The fold tables load now, so that comparing never allocates. */
  if (dw_latin_load() || diwan_buf_reserve(&c->a, WORDBUF) ||
      diwan_buf_reserve(&c->b, WORDBUF)) {
    destroy(c);
    return SQLITE_NOMEM;
  }
  int rc = sqlite3_create_collation_v2(db, "DIWAN", SQLITE_UTF8, c, collate, destroy);
  if (rc != SQLITE_OK)
    *pzErr = sqlite3_mprintf("diwan: cannot register collation DIWAN: %s", sqlite3_errstr(rc));
  return rc;
}
