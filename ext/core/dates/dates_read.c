/* Reading single items of a date at a token: lexicon forms of one or more
** words, numbers that stand alone, years, eras, days, month names. */
#include <string.h>
#include "dates_pat.h"

static const dlex *dp_mw_walk(dctx *c, long i, uint64_t kinds, long *end);

/* The kinds of the forms that start at a token that starts a multi-word
** form. Rules ask a token for many kinds: its forms are walked once to
** learn which kinds start here at all. */
uint64_t dp_mw_kinds(dctx *c, long i) {
  dtok *t = (dtok *)T(i);
  if (!t->mwk_done) {
    long e;
    dp_mw_walk(c, i, 0, &e);
    t = (dtok *)T(i);
    t->mwk_done = 1;
    t->mwk = c->walk_kinds;
  }
  return t->mwk;
}

/* dp_mw (dates_pat.h) for a token that starts a multi-word form. */
const dlex *dp_mw_multi(dctx *c, long i, uint64_t kinds, long *end) {
  if (!(dp_mw_kinds(c, i) & kinds)) return NULL;
  return dp_mw_walk(c, i, kinds, end);
}

/* The walk itself; with kinds 0, collects the union in c->walk_kinds. */
static const dlex *dp_mw_walk(dctx *c, long i, uint64_t kinds, long *end) {
  const dtok *t = T(i);
  c->walk_kinds = t->lx->kinds & ~K_PFX;
  const dlex *best = (t->lx->kinds & kinds) ? t->lx : NULL;
  *end = i + 1;
  if (!(t->lx->kinds & K_PFX)) return best;
  char key[DL_KEYMAX];
  size_t n = (size_t)(t->klen - t->kpre);
  memcpy(key, t->key + t->kpre, n);
  for (long j = i + 1; j < i + 8; j++) {
    const dtok *u = T(j);
    if (u->kind == T_EOF || !u->klen || u->nl) break;
    size_t need = u->klen + (u->sp ? 1 : 0);
    if (n + need >= DL_KEYMAX) break;
    if (u->sp) key[n++] = ' ';
    memcpy(key + n, u->key, u->klen);
    n += u->klen;
    const dlex *e = ds_find(&c->sc, key, n);
    if (!e && u->klen > 2 && u->script == S_LATIN && key[n - 2] == '\'' && key[n - 1] == 's')
      e = ds_find(&c->sc, key, n - 2);              /* this week's */
    if (!e) break;
    c->walk_kinds |= e->kinds & ~K_PFX;
    if (e->kinds & kinds) { best = e; *end = j + 1; }
    if (!(e->kinds & K_PFX)) break;
  }
  return best;
}

/* A number that is not part of a longer number (10,357  136.6  1.2.3). */
int dp_num_alone(dctx *c, long j) {
  const dtok *p = T(j - 1), *n = T(j + 1);
  if (glued(T(j)) && is_numsep(p) && glued(p) && T(j - 2)->kind == T_NUM) return 0;
  if (glued(T(j)) && p->kind == T_NUM) return 0;
  if (glued(n) && is_numsep(n) && T(j + 2)->kind == T_NUM && glued(T(j + 2))) return 0;
  return 1;
}

/* An era or year suffix at j (م, هـ, г., -ci il): its end, else j. */
long dp_era_at(dctx *c, long j, int *era) {
  long end;
  const dlex *e = dp_mw(c, j, K_ERA, &end);
  *era = ERA_NONE;
  if (!e) return j;
  *era = e->era;
  return end;
}

/* A year at j between lo and hi, not a quantity: sets *end past any era. */
int dp_year_at(dctx *c, long j, int lo, int hi, long *end, int *era) {
  const dtok *t = T(j);
  *era = ERA_NONE;
  if (t->kind != T_NUM || t->nd < 3 || t->nd > 4 || t->num < lo || t->num > hi) return 0;
  if (!dp_num_alone(c, j)) return 0;
  long k = dp_era_at(c, j + 1, era);
  const dtok *n = T(j + 1);
  if (k == j + 1) {
    if (n->kind == T_WORD && glued(n)) return 0;       /* 2000km */
    if (has(n, K_UNIT)) return 0;                      /* 2000 people */
  }
  *end = k;
  return 1;
}

/* A number where a year was expected but that is no year (99999). */
int dp_bad_year_at(dctx *c, long j) {
  const dtok *t = T(j);
  return t->kind == T_NUM && (t->nd >= 5 || (t->nd >= 3 && (t->num < 1000 || t->num > 2999))) &&
         dp_num_alone(c, j);
}

/* A day number (1-2 digits, optional 1er / 21st, or glued to a Latin month name: 14april) at j. */
int dp_day_at(dctx *c, long j, int *d, long *end) {
  const dtok *t = T(j);
  if (t->kind != T_NUM || t->nd > 2 || !dp_num_alone(c, j)) return 0;
  *d = t->num;
  *end = j + 1;
  if (glued(T(j + 1)) && has(T(j + 1), K_ORDSUF)) *end = j + 2;
  else if (is_hyphen(T(j + 1)) && glued(T(j + 1)) && glued(T(j + 2)) &&
           has(T(j + 2), K_ORDSUF))
    *end = j + 3;                                 /* 18-го, 3-е */
  else if (glued(T(j + 1)) && T(j + 1)->kind == T_WORD &&
           !(has(T(j + 1), K_MONTH) && T(j + 1)->script == S_LATIN))
    return 0;                                     /* 14april 2015, 15SEPT: the day */
  return 1;
}

/* A month name at j, with a paired form (أيار/مايو, أيار (مايو)): a pair
** is no ordinary word (آب (أغسطس) is August), c->pair_end says where it ends. */
const dlex *dp_month_at(dctx *c, long j, long *end) {
  const dlex *m = dp_mw(c, j, K_MONTH, end);
  if (!m) {
    /* the word "month" before a month name (شهر شباط, בחודש מאי) is part
    ** of it, and makes it a month even when it is also a word (شهر آب) */
    long k;
    const dlex *u = dp_mw(c, j, K_TUNIT, &k);
    if (!u || u->unit != U_MONTH || u->num != 1 || u->ntok != 1 || T(k)->nl ||
        (T(j)->script != S_ARABIC && T(j)->script != S_HEBREW) ||
        !(m = dp_mw(c, k, K_MONTH, end)) || T(k)->script != T(j)->script || T(k)->pre)
      return NULL;
    c->pair_end = *end;
    return m;
  }
  long k = *end, e2;
  const dtok *p = T(k);
  if (is_p(p, '/') || is_p(p, '(')) {
    const dlex *m2 = dp_mw(c, k + 1, K_MONTH, &e2);
    if (m2 && m2->month == m->month && m2->cal == m->cal) {
      if (is_p(p, '/')) *end = e2;
      else if (is_p(T(e2), ')')) *end = e2 + 1;
      if (*end > k) c->pair_end = *end;
    }
  }
  return m;
}
