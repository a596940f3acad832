/* The user's month names (diwan_months): rows in the shape of
** dates_months.tsv, kept in a small hash table of their own that the
** scanner asks before the compiled-in lexicon (ds_find). An entry here
** copies the compiled-in entry of the same key, if any, and adds to it, so
** one probe answers for both; a form the lexicon already has as a month
** keeps its compiled-in meaning (no second reading, no double rows). */
#include <stdlib.h>
#include <string.h>
#include "dates_int.h"
#include "base/alloc.h"

struct diwan_months {
  dlex *e;
  int n, cap;
  int32_t *slot;            /* entry index + 1, 0 = empty; nslot a power of 2 */
  uint32_t nslot;
  uint8_t filter[1024];     /* one bit per (a few) keys: most words miss */
};

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static unsigned filter_bit(const char *key, size_t n) {
  const unsigned char *u = (const unsigned char *)key;
  return (u[0] * 31u + u[n - 1] * 131u + u[n / 2] * 7u + (unsigned)n * 1009u) & 0x1FFFu;
}

static dlex *own(const diwan_months *m, const char *key, size_t n) {
  if (!m->n || n == 0 || n >= DL_KEYMAX) return NULL;
  unsigned fb = filter_bit(key, n);
  if (!(m->filter[fb >> 3] & (1u << (fb & 7)))) return NULL;
  uint32_t mask = m->nslot - 1, h = hash(key, n) & mask;
  for (;;) {
    int32_t k = m->slot[h];
    if (!k) return NULL;
    dlex *e = &m->e[k - 1];
    if (e->klen == n && memcmp(e->key, key, n) == 0) return e;
    h = (h + 1) & mask;
  }
}

const dlex *du_find(const diwan_months *m, const char *key, size_t n) {
  const dlex *e = own(m, key, n);
  return e ? e : dl_find(key, n);
}

static int grow_slots(diwan_months *m) {
  uint32_t ns = m->nslot ? m->nslot * 2 : 64;
  int32_t *s = diwan_calloc(ns, sizeof *s);
  if (!s) return -1;
  for (int i = 0; i < m->n; i++) {
    uint32_t h = hash(m->e[i].key, m->e[i].klen) & (ns - 1);
    while (s[h]) h = (h + 1) & (ns - 1);
    s[h] = i + 1;
  }
  diwan_free(m->slot);
  m->slot = s;
  m->nslot = ns;
  return 0;
}

/* The entry of key in m, made on first use from the compiled-in one. */
static dlex *get(diwan_months *m, const char *key, size_t n) {
  dlex *e = own(m, key, n);
  if (e) return e;
  if ((uint32_t)(m->n + 1) * 2 > m->nslot && grow_slots(m)) return NULL;
  if (m->n == m->cap) {
    int cap = m->cap ? m->cap * 2 : 16;
    dlex *p = diwan_realloc(m->e, sizeof *p * (size_t)cap);
    if (!p) return NULL;
    m->e = p;
    m->cap = cap;
  }
  e = &m->e[m->n++];
  const dlex *base = dl_find(key, n);
  if (base) {
    *e = *base;
  } else {
    memset(e, 0, sizeof *e);
    memcpy(e->key, key, n);
    e->klen = (uint8_t)n;
  }
  unsigned fb = filter_bit(key, n);
  m->filter[fb >> 3] |= (uint8_t)(1u << (fb & 7));
  uint32_t h = hash(key, n) & (m->nslot - 1);
  while (m->slot[h]) h = (h + 1) & (m->nslot - 1);
  m->slot[h] = m->n;
  return e;
}

diwan_months *diwan_months_new(void) { return diwan_calloc(1, sizeof(diwan_months)); }

void diwan_months_free(diwan_months *m) {
  if (!m) return;
  diwan_free(m->e);
  diwan_free(m->slot);
  diwan_free(m);
}

/* A decimal number of at most 2 digits (blanks around allowed), else -1. */
static int small_int(const char *f, size_t n) {
  while (n && (*f == ' ' || *f == '\t')) f++, n--;
  while (n && (f[n - 1] == ' ' || f[n - 1] == '\t')) n--;
  if (n == 0 || n > 2) return -1;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (f[i] < '0' || f[i] > '9') return -1;
    v = v * 10 + (f[i] - '0');
  }
  return v;
}

int diwan_months_add(diwan_months *m, const char *const f[5],
                     const size_t len[5], int *bad) {
  int junk;
  if (!bad) bad = &junk;
  *bad = -1;
  if (dl_init() != DIWAN_OK) return DIWAN_NOMEM;
  int cal = len[2] == 1 && f[2][0] == 'g' ? CAL_GREG
          : len[2] == 1 && f[2][0] == 'h' ? CAL_HIJRI
          : len[2] == 1 && f[2][0] == 'j' ? CAL_HEBREW : -1;
  int month = small_int(f[1], len[1]);
  dl_form_key fk;
  int k = len[0] ? dl_form_to_key(f[0], len[0], &fk) : -1;
  if (k == -2) return DIWAN_NOMEM;
  if (k || !fk.word0) { *bad = 0; return DIWAN_ERROR; }
  if (month < 1 || month > 13 || (month == 13 && cal >= 0 && cal != CAL_HEBREW)) {
    *bad = 1;                 /* 13: a month of the Hebrew calendar only */
    return DIWAN_ERROR;
  }
  if (cal < 0) { *bad = 2; return DIWAN_ERROR; }
  int amb = 0;
  if (len[4] == 1 && f[4][0] == 'a') amb = 1;
  else if (len[4] != 0) { *bad = 4; return DIWAN_ERROR; }
  const dlex *known = du_find(m, fk.key, fk.klen);
  if (known && (known->kinds & K_MONTH)) return DIWAN_OK;   /* the first listing wins */
  /* prefixes first: they may move entries */
  for (int t = 0; t + 1 < fk.ntok; t++) {
    dlex *p = get(m, fk.key, fk.cut[t]);
    if (!p) return DIWAN_NOMEM;
    p->kinds |= K_PFX;
  }
  dlex *e = get(m, fk.key, fk.klen);
  if (!e) return DIWAN_NOMEM;
  if (e->kinds & K_MONTH) return DIWAN_OK;    /* the first listing wins */
  e->kinds |= K_MONTH;
  e->ntok = (uint8_t)fk.ntok;
  e->month = (int8_t)month;
  e->cal = (int8_t)cal;
  e->ambiguous = (int8_t)amb;
  size_t ln = 0;
  while (ln < len[3] && ln < 3 && f[3][ln] != '-' && f[3][ln] != '_') ln++;
  memcpy(e->mlang, f[3], ln);
  e->mlang[ln] = 0;
  return DIWAN_OK;
}
