/* diwan_match: are all the query's words in the text, under fold + stem?
** The text's word keys go into a hash set once; each query word then
** costs a few lookups, so the whole is linear. */
#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "base/alloc.h"

typedef struct keyset {
  diwan_buf pool;
  size_t *off, *len;    /* slot: offset + 1 into pool (0 = empty), length */
  size_t cap, count;
  int oom;
} keyset;

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static size_t find(const keyset *ks, const char *s, size_t n) {
  size_t i = (size_t)hash(s, n) & (ks->cap - 1);
  while (ks->off[i] &&
         !(ks->len[i] == n && memcmp(ks->pool.p + ks->off[i] - 1, s, n) == 0))
    i = (i + 1) & (ks->cap - 1);
  return i;
}

static int grow(keyset *ks) {
  size_t cap = ks->cap ? ks->cap * 2 : 256;
  size_t *off = diwan_calloc(cap, sizeof *off), *len = diwan_calloc(cap, sizeof *len);
  if (!off || !len) { diwan_free(off); diwan_free(len); return DIWAN_NOMEM; }
  keyset old = *ks;
  ks->off = off; ks->len = len; ks->cap = cap;
  for (size_t i = 0; i < old.cap; i++) {
    if (!old.off[i]) continue;
    size_t j = find(ks, old.pool.p + old.off[i] - 1, old.len[i]);
    ks->off[j] = old.off[i];
    ks->len[j] = old.len[i];
  }
  diwan_free(old.off);
  diwan_free(old.len);
  return DIWAN_OK;
}

static int add_key(void *ctx, const char *k, size_t n) {
  keyset *ks = ctx;
  if (ks->count * 2 >= ks->cap && grow(ks)) return DIWAN_NOMEM;
  size_t i = find(ks, k, n);
  if (ks->off[i]) return 0;
  size_t at = ks->pool.n;
  if (diwan_buf_append(&ks->pool, k, n)) return DIWAN_NOMEM;
  ks->off[i] = at + 1;
  ks->len[i] = n;
  ks->count++;
  return 0;
}

/* Stops the walk over a query word's keys at the first one in the set
** (-1: not an error code). */
#define HIT (-1)
static int has_key(void *ctx, const char *k, size_t n) {
  const keyset *ks = ctx;
  return ks->off[find(ks, k, n)] ? HIT : 0;
}

static int each_word(const char *s, size_t n, dw_keymode mode, dw_lang lang,
                     diwan_key_cb cb, void *ctx, int *all) {
  dw_scratch sc;
  int rc = 0;
  diwan_tokenizer t;
  size_t start, len;
  diwan_token_kind kind;
  dw_scratch_init(&sc);
  diwan_tokenizer_init(&t, s, n);
  while (diwan_tokenizer_next(&t, &start, &len, &kind)) {
    if (kind != DIWAN_TOKEN_WORD && kind != DIWAN_TOKEN_NUMBER) continue;
    rc = dw_keys(s + start, len, mode, lang, &sc, cb, ctx);
    if (all) {                       /* query side: every word must hit */
      if (rc == 0) { *all = 0; break; }
      if (rc != HIT) break;
      rc = 0;
    } else if (rc) {
      break;
    }
  }
  dw_scratch_free(&sc);
  return rc;
}

int diwan_match(const char *text, size_t n, const char *query, size_t qn,
                int *found) {
  return diwan_match_lang(text, n, query, qn, NULL, found);
}

int diwan_match_lang(const char *text, size_t n, const char *query, size_t qn,
                     const char *lang, int *found) {
  const char *code = lang ? lang : diwan_lang_detect(text, n);
  dw_lang L = dw_lang_of(code, strlen(code));
  keyset ks;
  memset(&ks, 0, sizeof ks);
  int rc = grow(&ks);
  if (!rc) rc = each_word(text, n, DW_KEYS_DOC, L, add_key, &ks, NULL);
  *found = 1;
  if (!rc) rc = each_word(query, qn, DW_KEYS_QUERY, L, has_key, &ks, found);
  if (ks.pool.oom) rc = DIWAN_NOMEM;
  diwan_buf_free(&ks.pool);
  diwan_free(ks.off);
  diwan_free(ks.len);
  return rc ? DIWAN_NOMEM : DIWAN_OK;
}
