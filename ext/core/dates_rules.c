/* The patterns of date extraction, over the scanner's tokens. Each pattern
** looks at most DS_AHEAD tokens ahead of where it starts, so a text is read
** in linear time whatever it holds.
**
** Precision over recall: a bare number is a year only with a cue (a
** preposition, a year word, a qualifier, ©, a citation's parentheses, a
** caption's trailing year); month names that are also ordinary words need
** a day or a year next to them. */
#include <string.h>
#include "dates_int.h"

#define T(i) ds_tok(&c->sc, (i))

typedef struct core {
  dend e;
  long end;                 /* one past the last token */
  int alone;                /* a month name alone: needs a cue */
  int ambiguous;            /* that month name is also an ordinary word */
  int rel, rel_n;
  const char *lang;
} core;

static int is_p(const dtok *t, uint32_t cp) { return t->kind == T_PUNCT && t->cp == cp; }
static int glued(const dtok *t) { return !t->sp; }
static int has(const dtok *t, uint32_t k) { return t->lx && (t->lx->kinds & k); }
static int is_hyphen(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '-' || t->cp == 0x2010 || t->cp == 0x2011 ||
                                t->cp == 0x05BE);
}
static int is_apos_p(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '\'' || t->cp == 0x2019 || t->cp == 0x2018);
}
static int is_comma(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == ',' || t->cp == 0x060C);
}
static int is_sep(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '-' || t->cp == '/' || t->cp == '.');
}
static int is_numsep(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '.' || t->cp == ',' || t->cp == 0x066B ||
                                t->cp == 0x066C || t->cp == '/' || t->cp == ':');
}

/* The longest lexicon form of one of kinds starting at token i (its first
** token may have lost a prefix). Returns it and sets *end, or NULL. */
static const dlex *mw_walk(dctx *c, long i, uint32_t kinds, long *end);

static const dlex *mw(dctx *c, long i, uint32_t kinds, long *end) {
  dtok *t = (dtok *)T(i);
  if (!t->lx || t->kind == T_EOF) return NULL;
  if (!(t->lx->kinds & K_PFX)) {
    *end = i + 1;
    return (t->lx->kinds & kinds) ? t->lx : NULL;
  }
  /* Rules ask a token for many kinds: walk its multi-word forms once to
  ** learn which kinds start here at all. */
  if (!t->mwk_done) {
    long e;
    mw_walk(c, i, 0, &e);
    t = (dtok *)T(i);
    t->mwk_done = 1;
    t->mwk = c->walk_kinds;
  }
  if (!(t->mwk & kinds)) return NULL;
  return mw_walk(c, i, kinds, end);
}

/* The walk itself; with kinds 0, collects the union in c->walk_kinds. */
static const dlex *mw_walk(dctx *c, long i, uint32_t kinds, long *end) {
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
    const dlex *e = dl_find(key, n);
    if (!e) break;
    c->walk_kinds |= e->kinds & ~K_PFX;
    if (e->kinds & kinds) { best = e; *end = j + 1; }
    if (!(e->kinds & K_PFX)) break;
  }
  return best;
}

/* A number that is not part of a longer number (10,357  136.6  1.2.3). */
static int num_alone(dctx *c, long j) {
  const dtok *p = T(j - 1), *n = T(j + 1);
  if (glued(T(j)) && is_numsep(p) && glued(p) && T(j - 2)->kind == T_NUM) return 0;
  if (glued(T(j)) && p->kind == T_NUM) return 0;
  if (glued(n) && is_numsep(n) && T(j + 2)->kind == T_NUM && glued(T(j + 2))) return 0;
  return 1;
}

/* An era or year suffix at j (م, هـ, г., -ci il): its end, else j. */
static long era_at(dctx *c, long j, int *era) {
  long end;
  const dlex *e = mw(c, j, K_ERA, &end);
  *era = ERA_NONE;
  if (!e) return j;
  *era = e->era;
  return end;
}

/* A year at j between lo and hi, not a quantity: sets *end past any era. */
static int year_at(dctx *c, long j, int lo, int hi, long *end, int *era) {
  const dtok *t = T(j);
  *era = ERA_NONE;
  if (t->kind != T_NUM || t->nd < 3 || t->nd > 4 || t->num < lo || t->num > hi) return 0;
  if (!num_alone(c, j)) return 0;
  long k = era_at(c, j + 1, era);
  const dtok *n = T(j + 1);
  if (k == j + 1) {
    if (n->kind == T_WORD && glued(n)) return 0;       /* 2000km */
    if (has(n, K_UNIT)) return 0;                      /* 2000 people */
  }
  *end = k;
  return 1;
}

/* A number where a year was expected but that is no year (99999). */
static int bad_year_at(dctx *c, long j) {
  const dtok *t = T(j);
  return t->kind == T_NUM && (t->nd >= 5 || (t->nd >= 3 && (t->num < 1000 || t->num > 2999))) &&
         num_alone(c, j);
}

/* A day number (1-2 digits, optional 1er / 21st) at j. */
static int day_at(dctx *c, long j, int *d, long *end) {
  const dtok *t = T(j);
  if (t->kind != T_NUM || t->nd > 2 || !num_alone(c, j)) return 0;
  *d = t->num;
  *end = j + 1;
  if (glued(T(j + 1)) && has(T(j + 1), K_ORDSUF)) *end = j + 2;
  else if (glued(T(j + 1)) && T(j + 1)->kind == T_WORD) return 0;
  return 1;
}

/* A month name at j, with a paired form (أيار/مايو, أيار (مايو)). */
static const dlex *month_at(dctx *c, long j, long *end) {
  const dlex *m = mw(c, j, K_MONTH, end);
  if (!m) return NULL;
  long k = *end, e2;
  const dtok *p = T(k);
  if (is_p(p, '/') || is_p(p, '(')) {
    const dlex *m2 = mw(c, k + 1, K_MONTH, &e2);
    if (m2 && m2->month == m->month && m2->cal == m->cal) {
      if (is_p(p, '/')) *end = e2;
      else if (is_p(T(e2), ')')) *end = e2 + 1;
    }
  }
  return m;
}

static void set_end(core *o, int y, int m, int d, int prec, int cal, long end) {
  o->e.y = y; o->e.m = m; o->e.d = d;
  o->e.prec = prec; o->e.cal = cal;
  o->end = end;
}

/* Y-M-D, D.M.Y, D/M/Y (M/D/Y for US English or a day over 12). */
static int numeric_at(dctx *c, long i, core *o) {
  const dtok *a = T(i), *s1 = T(i + 1), *b = T(i + 2), *s2 = T(i + 3), *y = T(i + 4);
  if (!is_sep(s1) || !glued(s1) || b->kind != T_NUM || !glued(b) ||
      !is_p(s2, s1->cp) || !glued(s2) || y->kind != T_NUM || !glued(y))
    return 0;
  const dtok *p = T(i - 1);
  if (glued(a) && (p->kind == T_NUM || (is_sep(p) && glued(p) && T(i - 2)->kind == T_NUM)))
    return 0;                                   /* inside 978-90-04-17855-7 */
  const dtok *n = T(i + 5);
  if (glued(n) && is_sep(n) && T(i + 6)->kind == T_NUM && glued(T(i + 6))) return 0;
  int time = n->kind == T_WORD && n->klen == 1 && n->key[0] == 't' &&
             T(i + 6)->kind == T_NUM && glued(T(i + 6));   /* 1974-10-31T10:00 */
  if (glued(n) && n->kind != T_PUNCT && n->kind != T_EOF && !time) return 0;
  int yy, mm, dd;
  if (a->nd == 4 && b->nd <= 2 && y->nd <= 2) {
    yy = a->num; mm = b->num; dd = y->num;
  } else if (y->nd == 4 && a->nd <= 2 && b->nd <= 2) {
    yy = y->num;
    int month_first = (c->us && a->num <= 12) || (b->num > 12 && a->num <= 12);
    mm = month_first ? a->num : b->num;
    dd = month_first ? b->num : a->num;
  } else {
    return 0;
  }
  set_end(o, yy, mm, dd, P_DAY, CAL_GREG, i + 5);
  o->lang = NULL;
  if (yy < 1000 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 ||
      dd > dd_days_in_month(yy, mm))
    return -1;
  return 1;
}

/* A Hijri or Hebrew-calendar year after a month: digits or gematria. */
static int other_year_at(dctx *c, long j, int cal, int *y, long *end) {
  int era = ERA_NONE;
  long k = j, yk;
  if (mw(c, k, K_YEAR, &yk)) k = yk;
  const dtok *t = T(k);
  if (cal == CAL_HEBREW && t->kind == T_WORD && t->gem) {
    int v = dg_value(c->sc.s + t->s, t->e - t->s);
    if (v < 1) return 0;
    *y = v < 1000 ? v + 5000 : v;
    *end = k + 1;
    return 1;
  }
  if (t->kind != T_NUM || t->nd < 3 || t->nd > 4 || !num_alone(c, k)) return 0;
  *end = era_at(c, k + 1, &era);
  *y = t->num;
  if (cal == CAL_HEBREW) return *y >= 5000 && *y <= 6999;
  if (era == ERA_AH) return *y >= 1 && *y <= 2000;
  return era == ERA_NONE && *y >= 1300 && *y <= 1600;
}

/* After a day and a month (or a month alone): the year, if any. Returns
** 1 with or without a year, -1 for an impossible year. */
static int after_month(dctx *c, long k, const dlex *m, core *o, int d) {
  int era, y;
  long end, j = k;
  const char *lang = m->mlang;
  o->lang = lang;
  if (m->cal != CAL_GREG) {
    if (!other_year_at(c, k, m->cal, &y, &end)) return 0;
    set_end(o, y, m->month, d, d ? P_DAY : P_MONTH, m->cal, end);
    return 1;
  }
  long r;
  const dlex *ra = mw(c, j, K_RAFTER, &r);
  if (ra) j = r;
  if (is_comma(T(j)) && T(j + 1)->kind == T_NUM) j++;
  long yk;
  if (mw(c, j, K_YEAR, &yk) && T(yk)->kind == T_NUM) j = yk;
  if (year_at(c, j, 1000, 2999, &end, &era)) {
    set_end(o, T(j)->num, m->month, d, d ? P_DAY : P_MONTH, CAL_GREG, end);
    if (era == ERA_AZ) o->lang = "az";          /* may: English or Azerbaijani */
    else if (era == ERA_RU) o->lang = "ru";
    return 1;
  }
  if (bad_year_at(c, j)) { o->end = j + 1; return -1; }
  set_end(o, 0, m->month, d, d ? P_DAY : P_MONTH, CAL_GREG, ra ? r : k);
  if (ra && !d) { o->rel = ra->rel < 0 ? REL_MONTHNAME_PAST : REL_MONTHNAME_NEXT; o->rel_n = m->month; }
  else if (!d) { o->alone = 1; o->ambiguous = m->ambiguous; }
  return 1;
}

/* Hebrew-calendar day written in gematria: כ״ז באב תשנ״ב. */
static int gematria_day_at(dctx *c, long i, core *o) {
  const dtok *t = T(i);
  if (t->kind != T_WORD || !t->gem) return 0;
  int d = dg_value(c->sc.s + t->s, t->e - t->s);
  long k;
  if (d < 1 || d > 30) return 0;
  const dlex *m = month_at(c, i + 1, &k);
  if (!m || m->cal != CAL_HEBREW) return 0;
  return after_month(c, k, m, o, d) > 0 && o->e.y ? 1 : 0;
}

static int decade_num_at(dctx *c, long j, core *o) {
  const dtok *t = T(j);
  if (t->kind == T_WORD && t->klen == 2 && is_hyphen(T(j + 1)) && glued(T(j + 1)))
    t = T(j += 2);                                /* שנות ה-90 */
  if (t->kind != T_NUM || !num_alone(c, j)) return 0;
  int dec;
  if (t->nd == 2 && t->num % 10 == 0 && t->num >= 10) dec = 190 + t->num / 10;
  else if (t->nd == 4 && t->num % 10 == 0 && t->num >= 1000 && t->num <= 2090) dec = t->num / 10;
  else return 0;
  set_end(o, 0, 0, 0, P_DECADE, CAL_GREG, j + 1);
  o->e.decade = dec;
  return 1;
}

/* 1990s, 90s, ’90s, 1990-е: a decade written with digits. */
static int digit_decade_at(dctx *c, long i, core *o) {
  long j = i;
  if (is_apos_p(T(i)) && T(i + 1)->kind == T_NUM && glued(T(i + 1)) && T(i + 1)->nd == 2) j = i + 1;
  const dtok *t = T(j), *s = T(j + 1);
  if (t->kind != T_NUM || t->num % 10 != 0 || (t->nd != 2 && t->nd != 4)) return 0;
  long end;
  if (s->kind == T_WORD && glued(s) && s->klen == 1 && s->key[0] == 's') end = j + 2;
  else if (is_apos_p(s) && glued(s) && T(j + 2)->klen == 1 && T(j + 2)->key[0] == 's' && glued(T(j + 2))) end = j + 3;
  else if (is_hyphen(s) && glued(s) && glued(T(j + 2)) && T(j + 2)->script == S_CYRILLIC &&
           T(j + 2)->klen == 2) end = j + 3;       /* -е, -х */
  else return 0;
  if (t->nd == 4 && (t->num < 1000 || t->num > 2090)) return 0;
  set_end(o, 0, 0, 0, P_DECADE, CAL_GREG, end);
  o->e.decade = t->nd == 4 ? t->num / 10 : 190 + t->num / 10;
  o->lang = NULL;
  return 1;
}

static int core_at(dctx *c, long i, core *o, int lead);

/* A weekday (or اليوم), ",", الموافق, then a full date. */
static int weekday_at(dctx *c, long i, core *o) {
  long j;
  const dlex *w = mw(c, i, K_WEEKDAY, &j);
  if (!w && has(T(i), K_RDAY) && T(i)->lx->rel == 0) {
    if (!mw(c, i + 1, K_WEEKDAY, &j)) return 0;
  } else if (!w) {
    return 0;
  }
  if (is_comma(T(j))) j++;
  long k;
  if (mw(c, j, K_MUWAFIQ, &k)) j = k;
  if (is_comma(T(j))) j++;
  int r = core_at(c, j, o, 0);
  if (r > 0 && o->e.prec != P_DAY) return 0;
  return r;
}

static int core_word_at(dctx *c, long i, core *o, int lead) {
  long j, k2;
  const dlex *e;
  if ((e = mw(c, i, K_CENTURY | K_DECADE, &j))) {
    int cent = (e->kinds & K_CENTURY) && !(e->kinds & K_DECADE);
    set_end(o, 0, 0, 0, cent ? P_CENTURY : P_DECADE, CAL_GREG, j);
    o->e.decade = e->num;
    o->lang = e->lang;
    return 1;
  }
  if ((e = mw(c, i, K_DECLEAD, &j)) && decade_num_at(c, j, o)) {
    o->lang = e->lang;
    return 1;
  }
  if ((e = month_at(c, i, &j))) {
    int d;
    long k;
    if (e->cal == CAL_GREG && day_at(c, j, &d, &k)) {
      long y = k, yend;
      int era;
      if (is_comma(T(y))) y++;
      if (year_at(c, y, 1000, 2999, &yend, &era)) {
        set_end(o, T(y)->num, e->month, d, P_DAY, CAL_GREG, yend);
        o->lang = e->mlang;
        return (d >= 1 && d <= dd_days_in_month(o->e.y, e->month)) ? 1 : -1;
      }
      /* May 5 but not "they may 5": a day without a year needs a capital */
      if (!strcmp(e->mlang, "en") && !bad_year_at(c, y) &&
          (!e->ambiguous || (c->sc.s[T(i)->s] >= 'A' && c->sc.s[T(i)->s] <= 'Z'))) {
        set_end(o, 0, e->month, d, P_DAY, CAL_GREG, k);
        o->lang = e->mlang;
        return (d >= 1 && d <= dd_days_in_month(2000, e->month)) ? 1 : -1;
      }
    }
    return after_month(c, j, e, o, 0);
  }
  if ((e = mw(c, i, K_YEAR, &j))) {
    int era;
    long end;
    if (year_at(c, j, 1000, 2100, &end, &era) && era != ERA_AH) {
      set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_GREG, end);
      o->lang = e->lang;
      return 1;
    }
    if (T(j)->kind == T_NUM && T(j)->nd <= 4 && num_alone(c, j) &&
        era_at(c, j + 1, &era) > j + 1 && era == ERA_AH) {
      set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_HIJRI, era_at(c, j + 1, &era));
      o->lang = e->lang;
      return o->e.y >= 1 && o->e.y <= 2000 ? 1 : -1;
    }
    if (bad_year_at(c, j)) { o->end = j + 1; return -1; }
    return 0;
  }
  if ((e = mw(c, i, K_ODAY, &j)) && has(T(j), K_OF)) {
    const dlex *mo = month_at(c, j + 1, &k2);
    if (mo) {
      int r = after_month(c, k2, mo, o, e->num);
      if (r <= 0) return r;
      if (mo->cal == CAL_GREG && e->num > dd_days_in_month(o->e.y ? o->e.y : 2000, mo->month))
        return -1;
      return 1;
    }
  }
  if (gematria_day_at(c, i, o)) return 1;
  if (lead) {
    int r = weekday_at(c, i, o);
    if (r) return r;
    if (has(T(i), K_ARTICLE) && (T(i + 1)->kind == T_NUM || has(T(i + 1), K_WEEKDAY))) {
      r = core_at(c, i + 1, o, T(i + 1)->kind != T_NUM);
      if (r > 0 && o->e.prec != P_DAY) return 0;
      return r;
    }
  }
  return 0;
}

/* Any self-standing date at i. lead: weekday and article leads allowed. */
static int core_at(dctx *c, long i, core *o, int lead) {
  const dtok *t = T(i);
  memset(o, 0, sizeof *o);
  if (t->kind == T_WORD) return core_word_at(c, i, o, lead);
  if (t->kind == T_PUNCT) return digit_decade_at(c, i, o);
  if (t->kind != T_NUM) return 0;
  int r = numeric_at(c, i, o);
  if (r) return r;
  if (digit_decade_at(c, i, o)) return 1;
  long j, k, end;
  const dlex *e;
  if ((e = mw(c, i, K_CENTURY, &j))) {
    set_end(o, 0, 0, 0, P_CENTURY, CAL_GREG, j);
    o->e.decade = e->num;
    o->lang = e->lang;
    return 1;
  }
  int d, era;
  if (day_at(c, i, &d, &j)) {
    if (has(T(j), K_OF)) j++;
    if ((e = month_at(c, j, &k))) {
      r = after_month(c, k, e, o, d);
      if (r <= 0) return r;
      int ok = e->cal == CAL_GREG
                   ? d >= 1 && d <= dd_days_in_month(o->e.y ? o->e.y : 2000, e->month)
                   : d >= 1 && d <= 30;
      return ok ? 1 : -1;
    }
  }
  if (year_at(c, i, 1, 2999, &end, &era) && era != ERA_NONE) {
    int hij = era == ERA_AH;
    set_end(o, t->num, 0, 0, P_YEAR, hij ? CAL_HIJRI : CAL_GREG, end);
    if (!hij && (t->num < 1000 || t->num > 2100)) return 0;
    return hij && t->num > 2000 ? -1 : 1;
  }
  return 0;
}

/* ------------------------------------------------------------ matching */
static void span(dctx *c, dmatch *m, long t0, long t1) {
  const dtok *a = T(t0);
  m->t0 = t0;
  m->t1 = t1;
  m->bs = a->s + a->pre;
  m->be = T(t1 - 1)->e;
}

static void from_core(dctx *c, dmatch *m, const core *o, long t0) {
  memset(m, 0, sizeof *m);
  m->a = o->e;
  m->rel = o->rel;
  m->rel_n = o->rel_n;
  m->lang = o->lang;
  span(c, m, t0, o->end);
}

static int bare_year(dctx *c, long j, core *o, const char *lang) {
  int era;
  long end;
  if (!year_at(c, j, 1000, 2100, &end, &era) || era == ERA_AH) return 0;
  memset(o, 0, sizeof *o);
  set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_GREG, end);
  o->lang = lang;
  return 1;
}

/* What may follow a cue or qualifier: a date, a bare year, a month alone. */
static int after_cue(dctx *c, long j, core *o, const char *lang, long *skip, long i) {
  int r = core_at(c, j, o, 1);
  if (r < 0) { *skip = o->end - i; return -1; }
  if (r > 0 && !(o->alone && o->ambiguous)) return 1;
  return bare_year(c, j, o, lang);
}

/* N years ago / il y a N ans / N ans plus tard / بعد عامين. */
static int count_years(dctx *c, long j, int *n, long *end) {
  const dtok *t = T(j);
  long k;
  if (t->kind == T_NUM && t->nd <= 2 && num_alone(c, j)) { *n = t->num; k = j + 1; }
  else if (has(t, K_NUMW)) { *n = t->lx->num; k = j + 1; }
  else if (has(t, K_YUNIT) && t->lx->num > 0) { *n = t->lx->num; *end = j + 1; return 1; }
  else return 0;
  if (!has(T(k), K_YUNIT)) return 0;
  *end = k + 1;
  return *n > 0;
}

static int relative_at(dctx *c, long i, dmatch *m) {
  long j, end;
  int n;
  const dlex *e;
  memset(m, 0, sizeof *m);
  if ((e = mw(c, i, K_RDAY | K_RMONTH | K_RYEAR, &j))) {
    m->rel = (e->kinds & K_RDAY) ? REL_DAY : (e->kinds & K_RMONTH) ? REL_MONTH : REL_YEAR;
    m->rel_n = e->rel;
    m->lang = e->lang;
    span(c, m, i, j);
    return 1;
  }
  if ((e = mw(c, i, K_RBEFORE, &j))) {
    const dlex *mo = month_at(c, j, &end);
    if (!mo || mo->cal != CAL_GREG) return 0;
    m->rel = e->rel < 0 ? REL_MONTHNAME_PAST : REL_MONTHNAME_NEXT;
    m->rel_n = mo->month;
    m->lang = e->lang;
    span(c, m, i, end);
    return 1;
  }
  if ((e = mw(c, i, K_AGO | K_LATER, &j)) && !e->after && count_years(c, j, &n, &end)) {
    m->rel = (e->kinds & K_LATER) ? REL_LATER : REL_YEAR;
    m->rel_n = (e->kinds & K_LATER) ? n : -n;
    m->lang = e->lang;
    span(c, m, i, end);
    return 1;
  }
  if (count_years(c, i, &n, &j) && (e = mw(c, j, K_AGO | K_LATER, &end)) && e->after) {
    m->rel = (e->kinds & K_LATER) ? REL_LATER : REL_YEAR;
    m->rel_n = (e->kinds & K_LATER) ? n : -n;
    m->lang = e->lang;
    span(c, m, i, end);
    return 1;
  }
  return 0;
}

/* A range: [starter] A joiner B, A taking what it lacks from B. */
static int range_at(dctx *c, long i, dmatch *m, long *skip) {
  long j, k, end;
  const dlex *st = mw(c, i, K_RSTART, &j);
  if (!st) return 0;
  if (is_hyphen(T(j)) && glued(T(j))) j++;          /* מ-1990 */
  core a, b;
  int d;
  if (core_at(c, j, &a, 0) <= 0) {
    memset(&a, 0, sizeof a);
    if (day_at(c, j, &d, &end) && d >= 1 && d <= 31) {
      set_end(&a, 0, 0, d, P_DAY, CAL_GREG, end);
    } else if (!bare_year(c, j, &a, st->lang)) {
      return 0;
    }
  }
  if (a.rel) return 0;
  long bstart;
  const dtok *jt = T(a.end);
  if (mw(c, a.end, K_RJOIN, &k)) bstart = k;
  else if (jt->kind == T_WORD && jt->pre && (jt->script == S_ARABIC || jt->script == S_HEBREW) &&
           jt->pre <= 2 && has(jt, K_MONTH)) bstart = a.end;   /* وسبتمبر */
  else return 0;
  int r = core_at(c, bstart, &b, 0);
  if (r <= 0 && !(a.e.prec == P_YEAR && bare_year(c, bstart, &b, st->lang))) return 0;
  if (b.rel || b.alone || b.e.prec == P_DECADE || b.e.prec == P_CENTURY) return 0;
  if (a.e.cal != b.e.cal) return 0;
  if (!a.e.m && a.e.d) a.e.m = b.e.m;            /* 13 … 15 تموز */
  if (!a.e.y && a.e.m) a.e.y = b.e.y;             /* يناير … سبتمبر 2024 */
  if (!b.e.y && b.e.m && a.e.y) {                 /* du 20 décembre 2019 au 5 janvier */
    b.e.y = a.e.y;
    if (dd_day_number(b.e.y, b.e.m, b.e.d ? b.e.d : 1) < dd_day_number(a.e.y, a.e.m ? a.e.m : 1, a.e.d ? a.e.d : 1))
      b.e.y++;
  }
  if (a.e.prec == P_DAY && !a.e.m) return 0;
  if (a.e.prec != b.e.prec && !(a.e.prec == P_DAY && b.e.prec == P_DAY)) return 0;
  if (a.e.cal == CAL_GREG && a.e.m && a.e.d && a.e.d > dd_days_in_month(a.e.y ? a.e.y : 2000, a.e.m)) {
    *skip = b.end - i;
    return 0;
  }
  if (a.e.y && b.e.y &&
      dd_day_number(a.e.y, a.e.m ? a.e.m : 1, a.e.d ? a.e.d : 1) >=
          dd_day_number(b.e.y, b.e.m ? b.e.m : 1, b.e.d ? b.e.d : 1))
    return 0;
  memset(m, 0, sizeof *m);
  m->a = a.e;
  m->b = b.e;
  m->lang = b.lang ? b.lang : a.lang ? a.lang : st->lang;
  span(c, m, i, b.end);
  return 1;
}

static int cue_at(dctx *c, long i, dmatch *m, long *skip) {
  long j;
  const dlex *q = mw(c, i, K_CUE, &j);
  if (!q) return 0;
  if (is_hyphen(T(j)) && glued(T(j))) j++;
  core o;
  int r = after_cue(c, j, &o, q->lang, skip, i);
  if (r <= 0) return r;
  from_core(c, m, &o, j);
  if (!m->lang) m->lang = q->lang;
  return 1;
}

static int qual_at(dctx *c, long i, dmatch *m, long *skip) {
  long j;
  const dlex *q = mw(c, i, K_QUAL, &j);
  if (!q) return 0;
  if (is_hyphen(T(j)) && glued(T(j)) && !(q->kinds & K_PFX)) j++;
  core o;
  int r = after_cue(c, j, &o, q->lang, skip, i);
  if (r <= 0 || o.rel) return r;
  from_core(c, m, &o, i);
  m->mod = q->mod;
  if (!m->lang) m->lang = q->lang;
  return 1;
}

/* © 2024, (1998), and a caption's trailing year ("בבאקו, 2017."). */
static int marked_year_at(dctx *c, long i, dmatch *m) {
  const dtok *t = T(i);
  core o;
  if ((is_p(t, 0xA9) || is_p(t, '(')) && bare_year(c, i + 1, &o, NULL)) {
    if (is_p(t, '(') && (!is_p(T(o.end), ')') || o.end != i + 2)) return 0;
    from_core(c, m, &o, i + 1);
    return 1;
  }
  const dtok *p = T(i - 1), *n = T(i + 1);
  if (t->kind != T_NUM || !t->sp || t->nl || !(is_p(p, ',') || is_p(p, '.'))) return 0;
  if (T(i - 2)->kind != T_WORD) return 0;
  int at_end = n->kind == T_EOF || n->nl ||
               (is_p(n, '.') && glued(n) && (T(i + 2)->nl || T(i + 2)->kind == T_EOF));
  if (!at_end || !bare_year(c, i, &o, NULL) || o.end != i + 1) return 0;
  from_core(c, m, &o, i);
  return 1;
}

int dr_match(dctx *c, long i, dmatch *m, long *skip) {
  const dtok *t = T(i);
  *skip = 0;
  if (t->kind == T_EOF) return 0;
  if (t->kind == T_WORD && !t->lx && !t->gem) return 0;
  int r;
  if ((r = qual_at(c, i, m, skip))) return r > 0;
  if ((r = range_at(c, i, m, skip)) || *skip) return r > 0;
  if ((r = cue_at(c, i, m, skip))) return r > 0;
  core o;
  r = core_at(c, i, &o, 1);
  if (r < 0) { *skip = o.end - i; return 0; }
  if (r > 0 && !o.alone) {
    from_core(c, m, &o, i);
    return 1;
  }
  if (relative_at(c, i, m)) return 1;
  return marked_year_at(c, i, m);
}
