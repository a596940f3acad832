/* The Nth of a kind inside a period: the first Tuesday of October, the last
** Monday of March 2014, the third Monday of this month, the first week of
** October 2014, the second last week of 2018, the fifth last day of May,
** the third day of October. The ordinal is an oday word or a number with
** its suffix (first, 3rd), "last" (a rspan/rbefore word of value -1), or
** both (second last); the kind a weekday, the singular week or day unit;
** then of/in and the period: a month (with or without a year), a year, or
** this/last/next month or year, or the month / the year (the anchor's).
** dates_resolve.c places it once the period's year is known. */
#include <string.h>
#include "dates_pat.h"

/* The ordinal at k: 1..5 (or 0 when there is none), *last when "last"
** follows or stands alone; *end past them. */
static int ordinal_at(dctx *c, long k, int *last, int *bare, long *end) {
  long e;
  int n = 0, d;
  const dlex *o = dp_mw(c, k, K_ODAY, &e);
  *bare = 0;
  if (o && o->ord_nth >= 0 && o->num >= 1 && o->num <= 31) { n = o->num; k = e; }
  else if (T(k)->kind == T_NUM && dp_day_at(c, k, &d, &e) && d >= 1 && d <= 31) {
    n = d;                                       /* 3rd, 20th, or 20 */
    *bare = e == k + 1;
    k = e;
  }
  const dlex *l = dp_mw(c, k, K_RSPAN | K_RBEFORE, &e);
  *last = l && (l->rel == -1 || ((l->kinds & K_RSPAN) && l->num == -1)) && e == k + 1;
  if (*last) k = e;
  *end = k;
  return *last && !n ? 1 : n;
}

/* The period after of/in: sets m->a (a month or year, its year maybe 0)
** or m->per_rel/per_off (this month, next year; 2: the month, the year);
** *end. 0: none. */
static int period_at(dctx *c, long k, dmatch *m, long *end) {
  core o;
  long e;
  int era;
  if (dp_core_at(c, k, &o, 0) > 0 && !o.rel && o.e.cal == CAL_GREG &&
      (o.e.prec == P_MONTH || o.e.prec == P_YEAR)) {
    m->a = o.e;
    *end = o.end;
    return 1;
  }
  if (o.rel == REL_YEAR && o.e.prec == P_MONTH && o.e.cal == CAL_GREG) {
    m->a = o.e;                                    /* مارس السنة القادمة */
    m->per_rel = REL_YEAR;
    m->per_off = o.rel_n;
    *end = o.end;
    return 1;
  }
  if (dp_year_at(c, k, 1000, 2999, &e, &era) && era != ERA_AH) {
    memset(&m->a, 0, sizeof m->a);
    m->a.y = T(k)->num;
    m->a.prec = P_YEAR;
    *end = e;
    return 1;
  }
  const dlex *r = dp_mw(c, k, K_RMONTH | K_RYEAR, &e);
  if (r && !(r->kinds & K_QUAL)) {
    m->per_rel = (r->kinds & K_RMONTH) ? REL_MONTH : REL_YEAR;
    m->per_off = r->rel;
    *end = e;
    return 1;
  }
  if (has(T(k), K_ARTICLE)) k++;                   /* the month, the year */
  const dlex *u = dp_mw(c, k, K_TUNIT | K_YUNIT, &e);
  if (u && u->unit == U_MONTH && dp_core_at(c, e, &o, 0) > 0 && !o.rel &&
      o.e.cal == CAL_GREG && o.e.prec == P_MONTH) {
    m->a = o.e;                                    /* شهر مارس: the month of March */
    *end = o.end;
    return 1;
  }
  if (u && u->num == 1 && u->ntok == 1 && (u->unit == U_MONTH || u->unit == U_YEAR) &&
      T(e)->kind != T_NUM) {
    m->per_rel = u->unit == U_MONTH ? REL_MONTH : REL_YEAR;
    m->per_off = 0;
    *end = e;
    return 2;
  }
  return 0;
}

/* The weekday first, then its ordinal or "last": الاثنين الأخير من شهر
** مارس, الثلاثاء الثالث من أيلول, שני האחרון של מרץ. n 0: none. */
static const dlex *weekday_first(dctx *c, long k, int *n, int *last, long *end) {
  long e, f;
  const dlex *w = dp_mw(c, k, K_WEEKDAY, &e), *o;
  *n = 0;
  if (!w) return NULL;
  if ((o = dp_mw(c, e, K_ODAY, &f)) && o->ord_nth >= 0 && o->num >= 1 && o->num <= 5) {
    *n = o->num;
    *last = 0;
  } else if ((o = dp_mw(c, e, K_RAFTER | K_RSPAN | K_RBEFORE, &f)) &&
             ((o->kinds & K_RAFTER) ? o->rel : o->num ? o->num : o->rel) == -1) {
    *n = 1;
    *last = 1;
  } else {
    return NULL;
  }
  *end = f;
  return w;
}

/* French de elided onto the period: la première semaine d'octobre; the
** Arabic and Hebrew prefix "in" on it: ثالث ثلاثاء بأيلول, اول اسبوع بشهر
** اكتوبر, שני האחרון במרץ. */
static int elided_de(const dtok *t) {
  if (t->kind != T_WORD || !t->kpre) return 0;
  if (t->script == S_LATIN) return t->kpre == 2 && t->key[0] == 'd' && t->key[1] == '\'';
  return t->kpre == 2 && (!memcmp(t->key, "\xd8\xa8", 2) || !memcmp(t->key, "\xd7\x91", 2));
}

/* An Arabic definite day or week (اليوم, الأسبوع) before its ordinal:
** الأسبوع الأول من شهر عشرة, اليوم الأخير من شهر عشرة. The unit, its
** ordinal and *last; NULL when there is none. */
static const dlex *unit_first(dctx *c, long k, int *n, int *last, long *end) {
  const dtok *t = T(k);
  long f;
  const char *key = t->key + t->kpre;             /* after و, ف: والأسبوع */
  size_t kn = (size_t)(t->klen - t->kpre);
  if (!dp_ar_definite(t)) return NULL;
  const dlex *u = ds_find(&c->sc, key + 4, kn - 4), *o;
  if (!u || !(u->kinds & K_TUNIT) || u->num != 1 || (u->unit != U_DAY && u->unit != U_WEEK))
    return NULL;
  if ((o = dp_mw(c, k + 1, K_ODAY, &f)) && o->ord_nth >= 0 && o->num >= 1 && o->num <= 5) {
    *n = o->num;
    *last = 0;
  } else if ((o = dp_mw(c, k + 1, K_RAFTER, &f)) && o->rel == -1) {
    *n = 1;
    *last = 1;
  } else {
    return NULL;
  }
  *end = f;
  return u;
}

int dr_nth_at(dctx *c, long i, dmatch *m) {
  long k = i, e;
  int last, bare = 0, n;
  if (dp_word_without(c, i, DP_NTH_KINDS) && !dp_ar_definite(T(i))) return 0;
  if (has(T(k), K_ARTICLE)) k++;
  const dlex *w = weekday_first(c, k, &n, &last, &e), *u = NULL;
  if (!w && (u = unit_first(c, k, &n, &last, &e))) {
    /* the unit, then its ordinal */
  } else if (!w && !(n = ordinal_at(c, k, &last, &bare, &k))) {
    return 0;
  }
  memset(m, 0, sizeof *m);
  if (!w && !u) w = dp_mw(c, k, K_WEEKDAY, &e);
  if (!w && !u) u = dp_mw(c, k, K_TUNIT, &e);
  if (w && w->num >= 1 && w->num <= 7 && n <= 5 && !bare) {
    m->rel_mode = NTH_WEEKDAY;
    m->wd = w->num;
  } else if (u && u->num == 1 && u->ntok == 1 && u->unit == U_WEEK && n <= 5 && !bare) {
    m->rel_mode = NTH_WEEK;
  } else if (u && u->num == 1 && u->ntok == 1 && u->unit == U_DAY && !bare) {
    m->rel_mode = NTH_DAY;
  } else if (!last && has(T(k), K_OF)) {
    m->rel_mode = NTH_DAY;                         /* 20th of next month */
    e = k;
  } else {
    return 0;
  }
  const dlex *of = T(e)->nl ? NULL : dp_mw(c, e, K_OF | K_CUE, &k);
  int per = of ? period_at(c, k, m, &k) : elided_de(T(e)) ? period_at(c, e, m, &k) : 0;
  if (!per) return 0;
  if (m->rel_mode != NTH_WEEK && m->a.prec == P_YEAR) return 0;   /* the first Monday of 2015: rare */
  /* a day number before of: only this/last/next month (the 20th of March
  ** is a plain date, "3 of the month's" no date) */
  if (m->rel_mode == NTH_DAY && !u && per != 1) return 0;
  if (m->rel_mode == NTH_DAY && !u && !m->per_rel) return 0;
  m->rel = REL_NTH;
  m->rel_n = last ? -n : n;
  m->lang = w ? w->lang : u ? u->lang : of ? of->lang : "fr";
  m->t0 = i;
  m->t1 = k;
  m->bs = T(i)->s + T(i)->pre;
  m->be = T(k - 1)->e;
  return 1;
}

/* A day of the month alone: on the 15th, the 24th, on 24th, on the first
** (an ordinal word only after on). It must end the phrase (punctuation,
** a line end, the text's end): "the 24th floor" is no date. Its month is
** the anchor's, or a neighbour, by prefer (dates_resolve.c). */
int dr_mday_at(dctx *c, long i, dmatch *m) {
  long k = i, e, s;
  int d;
  /* "on" is a cue, outside the surface */
  int on = has(T(i), K_CUE) && T(i)->klen == 2 && !memcmp(T(i)->key, "on", 2);
  if (on) k = i + 1;
  s = k;
  const dlex *art = dp_mw(c, k, K_ARTICLE, &e);
  if (art) k = e;
  else if (!on) return 0;
  /* French "le 16" ends a phrase without a suffix (il arrive le 16.) */
  int le = art && !strcmp(art->lang, "fr");
  const dlex *o = dp_mw(c, k, K_ODAY, &e);
  if (o && on && !o->ord_nth && o->num >= 1 && o->num <= 31) d = o->num;
  else if (!(T(k)->kind == T_NUM && dp_day_at(c, k, &d, &e) && (e > k + 1 || le) &&
             d >= 1 && d <= 31))
    return 0;
  /* le 3e, le 3ème: a rank, not a day */
  const dtok *sf = T(e - 1);
  if (sf->kind == T_WORD && sf->script == S_LATIN && sf->key[0] == 'e') return 0;
  const dtok *n = T(e);
  if (!(n->kind == T_EOF || n->nl ||
        (n->kind == T_PUNCT && !is_hyphen(n) && n->cp != '/' && n->cp != '\'')))
    return 0;
  memset(m, 0, sizeof *m);
  m->rel = REL_NTH;
  m->rel_mode = NTH_MDAY;
  m->rel_n = d;
  m->lang = T(i)->lx->lang;
  m->t0 = s;
  m->t1 = e;
  m->bs = T(s)->s + T(s)->pre;
  m->be = T(e - 1)->e;
  return 1;
}

/* One end of a day range without a month: an article or a contracted one
** (du, au: à le) and a day, a day with its ordinal suffix (the 13th, 13e),
** or a cardinal or ordinal day word (dix-huit, eighteenth). *d its day,
** *end past it; 0 when it is a bare number (de 13 à 18 is a quantity). */
static int range_day_at(dctx *c, long k, int marked, int *d, long *end) {
  long e;
  if (has(T(k), K_ARTICLE) && !T(k + 1)->nl) { k++; marked = 1; }
  const dlex *o = dp_mw(c, k, K_ODAY, &e);
  if (o && o->ord_nth <= 0 && o->num >= 1 && o->num <= 31) { *d = o->num; *end = e; return 1; }
  if (T(k)->kind != T_NUM || T(k)->nl || !dp_day_at(c, k, d, &e) || *d < 1 || *d > 31) return 0;
  *end = e;
  return marked || e > k + 1;
}

/* A range of days without a month (du 13 au 18, entre le 13 et le 18,
** from the 13th to the 18th): those days of the month by prefer, as a day
** alone (dates_resolve.c). Not before a month (range_at reads it), a unit,
** a number, a French plural noun (du 13 au 18 ans, entre le 3 et le 5
** mai) or a glued word. */
int dr_mday_range_at(dctx *c, long i, dmatch *m) {
  long j, k, e;
  const dlex *st = dp_mw(c, i, K_RSTART, &j);
  if (!st || st->ntok != 1 || T(j)->nl) return 0;
  /* du is de + le: the article is in it */
  int du = T(i)->klen == 2 && !memcmp(T(i)->key, "du", 2);
  int d1, d2;
  if (!range_day_at(c, j, du, &d1, &k)) return 0;
  const dlex *jn = dp_mw(c, k, K_RJOIN, &j);
  if (!jn || (jn->kinds & K_CUE) || T(k)->nl) return 0;
  int au = T(k)->klen == 2 && !memcmp(T(k)->key, "au", 2);
  if (!range_day_at(c, j, au, &d2, &e) || d2 <= d1) return 0;
  const dtok *n = T(e);
  long ue;
  if (n->kind == T_NUM || (n->kind == T_WORD && !n->nl && (glued(n) || n->lx)) ||
      (n->kind == T_PUNCT && (is_hyphen(n) || n->cp == '/' || n->cp == '%' || n->cp == ':' ||
                              (n->cp == '.' && T(e + 1)->kind == T_NUM && glued(T(e + 1))))) ||
      dp_mw(c, e, K_UNIT, &ue))
    return 0;
  if (n->kind == T_WORD && !n->nl && n->script == S_LATIN && n->klen >= 4 &&
      (n->key[n->klen - 1] == 's' || n->key[n->klen - 1] == 'x'))
    return 0;                                     /* du 13 au 18 heures, from 2nd to 5th places */
  memset(m, 0, sizeof *m);
  m->rel = REL_NTH;
  m->rel_mode = NTH_MDAY;
  m->rel_n = d1;
  m->rel_k = d2;
  m->lang = st->lang;
  dp_span(c, m, i, e);
  return 1;
}
