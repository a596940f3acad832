/* The patterns of date extraction, over the scanner's tokens. Each pattern
** looks at most DS_AHEAD tokens ahead of where it starts, so a text is read
** in linear time whatever it holds.
**
** Precision over recall: a bare number is a year only with a cue (a
** preposition, a year word, a qualifier, ©, a citation's parentheses, a
** caption's trailing year); month names that are also ordinary words need
** a day or a year next to them. */
#include <string.h>
#include "dates_pat.h"

/* ------------------------------------------------------------ matching */
static void from_core(dctx *c, dmatch *m, const core *o, long t0) {
  memset(m, 0, sizeof *m);
  m->a = o->e;
  m->rel = o->rel;
  m->rel_n = o->rel_n;
  m->rel_k = o->rel_d;
  m->wd = o->wd;
  m->lang = o->lang;
  dp_span(c, m, t0, o->end);
}

static int dp_bare_year(dctx *c, long j, core *o, const char *lang) {
  int era;
  long end;
  if (!dp_year_at(c, j, 1000, 2100, &end, &era) || era == ERA_AH) return 0;
  memset(o, 0, sizeof *o);
  dp_set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_GREG, end);
  o->lang = lang;
  return 1;
}

static int is_mois(const dtok *t) {
  return t->script == S_LATIN && t->klen == 4 && !memcmp(t->key, "mois", 4);
}

/* French "mois de" before a month name (au mois de mars, fin du mois
** d'avril): the month's token, or j. It makes the month a month. */
static long mois_de(dctx *c, long j) {
  long k = j, e;
  if (is_mois(T(j))) k++;
  else if (!is_mois(T(j - 1))) return j;
  const dtok *d = T(k);
  if (d->klen == 2 && !memcmp(d->key, "de", 2)) k++;
  else if (!(d->kpre == 2 && d->key[0] == 'd')) return j;
  return dp_month_at(c, k, &e) ? k : j;
}

/* French puts no noun right after a year (en 2010 les élections), so a
** plural noun there makes the number a count: en 1000 exemplaires, pour
** 1500 soldats (a lower-case word of 5 letters or more ending in s or x
** that is no date word; adverbs such as après, depuis are lexicon kind
** notcount). English may (in 2010 elections were held): not used there. */
static int fr_count_noun(dctx *c, long k) {
  const dtok *t = T(k);
  if (t->kind != T_WORD || t->script != S_LATIN || t->nl || t->klen < 5 || t->pre) return 0;
  char last = t->key[t->klen - 1];
  if (last != 's' && last != 'x') return 0;
  if (t->lx) return 0;                      /* a date word, unit or notcount word */
  unsigned char f = (unsigned char)c->sc.s[t->s];
  return !(f >= 'A' && f <= 'Z');
}

/* What may follow a cue or qualifier: a date, a bare year, a month alone. */
static int after_cue(dctx *c, long j, core *o, const char *lang, long *skip, long i) {
  long mj = mois_de(c, j);
  c->cued = 1;
  int r = dp_core_at(c, mj, o, 1);
  c->cued = 0;
  if (r < 0) { *skip = o->end - i; return -1; }
  if (r > 0 && !(o->alone && o->ambiguous)) return 1;
  /* French writes months in lower case: after a French cue or qualifier
  ** (en mars, fin mars) or "mois de", a French month name is a month */
  if (r > 0 && !o->rel && o->lang && !strcmp(o->lang, "fr") &&
      (mj > j || (lang && !strcmp(lang, "fr"))))
    return 1;
  /* in March, early May: after a cue, a capital tells a month from a word */
  if (r > 0 && !o->rel && T(j)->script == S_LATIN && c->sc.s[T(j)->s] >= 'A' &&
      c->sc.s[T(j)->s] <= 'Z' && !dp_possessive(T(j)))     /* in May's cabinet */
    return 1;
  if (!dp_bare_year(c, j, o, lang)) return 0;
  return !(lang && !strcmp(lang, "fr") && fr_count_noun(c, o->end));
}

static long bare_joiner(dctx *c, long k);

/* A weekday before a day number is part of that end of a range (du samedi
** 13 au dimanche 15 juillet): the index of the number, else k. */
static long skip_weekday(dctx *c, long k) {
  long e;
  if (dp_mw(c, k, K_WEEKDAY, &e) && T(e)->kind == T_NUM && !T(e)->nl) return e;
  return k;
}

/* A range: [starter] A joiner B, A taking what it lacks from B. */
static int range_at(dctx *c, long i, dmatch *m, long *skip) {
  long j, k, end;
  const dlex *st = dp_mw(c, i, K_RSTART, &j);
  if (!st) return 0;
  if (is_hyphen(T(j)) && glued(T(j))) j++;          /* מ-1990 */
  if (has(T(j), K_ARTICLE) && (T(j + 1)->kind == T_NUM || has(T(j + 1), K_ODAY)))
    j++;                                          /* from the 13th, entre le treize */
  j = skip_weekday(c, j);
  core a, b;
  int d;
  const dlex *o;
  if (dp_core_at(c, j, &a, 0) <= 0) {
    memset(&a, 0, sizeof a);
    if (dp_day_at(c, j, &d, &end) && d >= 1 && d <= 31) {
      dp_set_end(&a, 0, 0, d, P_DAY, CAL_GREG, end);
    } else if ((o = dp_mw(c, j, K_ODAY, &end)) && o->ord_nth <= 0 && o->num >= 1 &&
               o->num <= 31) {                    /* du treize au 15 juillet, من الثالث والعشرين وحتى */
      dp_set_end(&a, 0, 0, o->num, P_DAY, CAL_GREG, end);
    } else if (!dp_bare_year(c, j, &a, st->lang)) {
      return 0;
    }
  }
  if (a.rel) return 0;
  long bstart;
  const dtok *jt = T(a.end);
  if (dp_mw(c, a.end, K_RJOIN, &k)) bstart = k;
  else if (jt->kind == T_WORD && jt->pre && (jt->script == S_ARABIC || jt->script == S_HEBREW) &&
           jt->pre <= 2 && has(jt, K_MONTH)) bstart = a.end;   /* وسبتمبر */
  else if (a.e.prec == P_DAY && (k = bare_joiner(c, a.end))) bstart = k;   /* from July 13-15 */
  else return 0;
  if (has(T(bstart), K_ARTICLE) && (T(bstart + 1)->kind == T_NUM || has(T(bstart + 1), K_ODAY)))
    bstart++;                                     /* to the 15th, et le quinze */
  bstart = skip_weekday(c, bstart);
  int r = dp_core_at(c, bstart, &b, 0);
  if (r <= 0 && a.e.prec == P_DAY && a.e.m && dp_day_at(c, bstart, &d, &k) && d >= 1 &&
      d <= 31) {
    int era, y = a.e.y;                           /* from July 13 to 15 [2015] */
    long ye;
    long yk = is_comma(T(k)) ? k + 1 : k;         /* from July 13 to 15, 2015 */
    if (dp_year_at(c, yk, 1000, 2999, &ye, &era) && era != ERA_AH) { y = T(yk)->num; k = ye; }
    else if (T(k)->kind == T_NUM) return 0;
    memset(&b, 0, sizeof b);
    dp_set_end(&b, y, a.e.m, d, P_DAY, CAL_GREG, k);
    b.lang = a.lang;
    r = 1;
  }
  if (r <= 0 && !(a.e.prec == P_YEAR && dp_bare_year(c, bstart, &b, st->lang))) return 0;
  if (b.rel || b.alone || b.e.prec == P_DECADE || b.e.prec == P_CENTURY) return 0;
  if (a.e.cal != b.e.cal) return 0;
  if (!a.e.m && a.e.d) {                         /* 13 … 15 تموز */
    a.e.m = b.e.m;
    if (a.e.d >= b.e.d && !a.e.y) return 0;       /* from the 3rd to the 2nd of May */
  }
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
  dp_span(c, m, i, b.end);
  return 1;
}

static int bare_range_at(dctx *c, long i, dmatch *m);
static int month_days_at(dctx *c, long i, dmatch *m);

/* After a cue, a month and the next month joined by the conjunction prefix
** (خلال آب (أغسطس) وأيلول (سبتمبر), في تموز وآب 2015) are one span, their
** union; months apart stay two rows (في يناير ومارس). */
static int month_pair_at(dctx *c, dmatch *m, const core *o, long j) {
  const dtok *t = T(o->end);
  if (o->e.prec != P_MONTH || o->rel || o->e.cal != CAL_GREG || t->kind != T_WORD ||
      t->pre != 2 || (t->script != S_ARABIC && t->script != S_HEBREW))
    return 0;
  const char *p = c->sc.s + t->s;
  if (memcmp(p, "\xd9\x88", 2) && memcmp(p, "\xd7\x95", 2)) return 0;   /* و ו */
  core b;
  if (dp_core_at(c, o->end, &b, 0) <= 0 || b.e.prec != P_MONTH || b.rel ||
      b.e.cal != CAL_GREG || b.e.m != o->e.m % 12 + 1 || (b.alone && b.ambiguous))
    return 0;
  if (o->e.y && (b.e.y ? b.e.y != o->e.y + (b.e.m == 1) : o->e.m == 12)) return 0;
  m->b = b.e;
  if (!m->b.y && m->a.y) m->b.y = m->a.y;
  if (!m->lang) m->lang = b.lang;
  dp_span(c, m, j, b.end);
  return 1;
}

static int cue_at(dctx *c, long i, dmatch *m, long *skip) {
  long j;
  const dlex *q = dp_mw(c, i, K_CUE, &j);
  if (!q) return 0;
  if (is_hyphen(T(j)) && glued(T(j))) j++;
  if (bare_range_at(c, j, m) || month_days_at(c, j, m)) return 1;   /* on November 8 and 9 */
  core o, b;
  int r = after_cue(c, j, &o, q->lang, skip, i);
  if (r <= 0) return r;
  from_core(c, m, &o, mois_de(c, j));             /* au mois de [mars] */
  if (!m->lang) m->lang = q->lang;
  if (month_pair_at(c, m, &o, j)) return 1;
  /* في 2001-2005, in 1994–2007: two years joined by a dash */
  const dtok *d = T(o.end);
  if (o.e.prec == P_YEAR && !o.rel && d->kind == T_PUNCT && glued(d) &&
      (is_hyphen(d) || d->cp == 0x2013) && glued(T(o.end + 1)) &&
      dp_bare_year(c, o.end + 1, &b, NULL) && b.e.y > o.e.y) {
    m->b = b.e;
    dp_span(c, m, j, b.end);
  }
  return 1;
}

/* A part (summer, Q3, the first half) fits a Gregorian year; a half also
** fits a month. Other qualifiers fit any date. */
static int part_fits(int mod, const dend *e) {
  if (!dd_is_part(mod)) return 1;
  if (e->cal != CAL_GREG) return 0;
  return e->prec == P_YEAR || (e->prec == P_MONTH && (mod == MOD_H1 || mod == MOD_H2));
}

/* A part placed by a word after it: l'été dernier, الصيف الماضي, הקיץ שעבר. */
static int part_rel_at(dctx *c, long i, long j, const dlex *q, dmatch *m) {
  long e;
  const dlex *a;
  if (!dd_is_part(q->mod) || !(a = dp_mw(c, j, K_RAFTER, &e))) return 0;
  memset(m, 0, sizeof *m);
  dp_part_rel(c, m, i, e, a->rel, q->mod, q->lang);
  return 1;
}

/* A third of the unit the text speaks in, named by the singular unit word
** after the qualifier: the end of the month, beginning of year, la fin du
** mois: this month, year or week (a plural or a count is a duration). */
static int current_unit_at(dctx *c, long i, long j, const dlex *q, dmatch *m) {
  long e;
  if (q->mod < MOD_EARLY || q->mod > MOD_LATE) return 0;
  if (has(T(j), K_ARTICLE)) j++;
  const dlex *u = dp_mw(c, j, K_TUNIT | K_YUNIT, &e);
  /* Russian puts the unit in the genitive (в конце месяца, до конца года),
  ** a form the lexicon keeps for counts (num 0): right after a Russian
  ** qualifier it is the singular */
  int ru_gen = u && u->num == 0 && !strcmp(u->lang, "ru") && !strcmp(q->lang, "ru");
  /* French mois is singular and plural: after a singular article (à la
  ** fin du mois, en fin de mois; not fin des mois) it is one month */
  int fr_inv = u && u->num == 0 && !strcmp(u->lang, "fr") && !strcmp(q->lang, "fr") &&
               !(q->klen >= 4 && !memcmp(q->key + q->klen - 4, " des", 4));
  if (!u || (u->num != 1 && !ru_gen && !fr_inv) || u->ntok != 1) return 0;
  if (u->lang[0] && q->lang[0] && strcmp(u->lang, q->lang)) return 0;   /* the middle of an */
  if (T(e)->kind == T_NUM || has(T(e), K_MONTH)) return 0;   /* the year 2004 */
  memset(m, 0, sizeof *m);
  m->rel = u->unit == U_MONTH ? REL_MONTH : u->unit == U_YEAR ? REL_YEAR
         : u->unit == U_WEEK ? REL_WEEK : REL_NONE;
  if (!m->rel) return 0;
  m->mod = q->mod;
  m->lang = q->lang;
  m->text_unit = 1;
  dp_span(c, m, i, e);
  return 1;
}

static int qual_at(dctx *c, long i, dmatch *m, long *skip);

/* A deadline before "the end of" something (d'ici à fin 2016, avant la fin
** de l'année, قبل نهاية العام, до конца года): that end, from the anchor. */
static int deadline_at(dctx *c, long i, dmatch *m, long *skip) {
  long j, e;
  const dlex *q;
  if (!dp_mw(c, i, K_DEADLINE, &j) || !(q = dp_mw(c, j, K_QUAL, &e)) || q->mod != MOD_LATE)
    return 0;
  if (qual_at(c, j, m, skip) <= 0) { *skip = 0; return 0; }
  dp_span(c, m, i, m->t1);
  m->deadline = 1;
  return 1;
}

static int qual_at(dctx *c, long i, dmatch *m, long *skip) {
  long j;
  if (deadline_at(c, i, m, skip)) return 1;
  const dlex *q = dp_mw(c, i, K_QUAL, &j);
  if (!q) return 0;
  long rj;                                  /* قبل أمس is one word: -2 days */
  if (dp_mw(c, i, K_RDAY | K_RMONTH | K_RYEAR | K_RWEEK | K_RQUARTER, &rj) && rj > j) return 0;
  if (dd_is_part(q->mod) && dp_month_at(c, i, &rj) && rj > j) return 0;   /* ربيع الأول */
  if (is_hyphen(T(j)) && glued(T(j)) && !(q->kinds & K_PFX)) j++;
  /* a third keeps its days through an approximation after it (the
  ** beginning of around next week) */
  long aj;
  const dlex *q2;
  if (q->mod >= MOD_EARLY && q->mod <= MOD_LATE && (q2 = dp_mw(c, j, K_QUAL, &aj)) &&
      q2->mod == MOD_APPROX)
    j = aj;
  if (part_rel_at(c, i, j, q, m)) return 1;
  core o;
  int r = after_cue(c, j, &o, q->lang, skip, i);
  /* "the first half of" is context enough for a month that is also a word */
  if (r == 0 && (q->mod == MOD_H1 || q->mod == MOD_H2) && dp_core_at(c, j, &o, 0) > 0 &&
      o.alone && !o.rel)
    r = 1;
  if (r == 0 && dr_relative_at(c, j, m)) {          /* late last year, fin de l'an dernier */
    /* a part needs a whole year (or month for a half): summer of last year */
    if (m->rel == REL_PART || m->rel == REL_QUARTER) return 0;   /* early last summer */
    if (dd_is_part(q->mod) && !(m->rel == REL_YEAR ||
                                (m->rel == REL_MONTH && (q->mod == MOD_H1 || q->mod == MOD_H2))))
      return 0;
    dp_span(c, m, i, m->t1);
    m->mod = q->mod;
    return 1;
  }
  if (r == 0 && current_unit_at(c, i, j, q, m)) return 1;
  /* a quarter named in words without a year is the anchor year's (in the
  ** third quarter, в третьем квартале); not a form that wants its object
  ** (the first quarter of …) nor Q3 alone */
  if (r == 0 && q->mod >= MOD_Q1 && q->mod <= MOD_Q4 && q->ntok >= 2 &&
      T(j - 1)->kind == T_WORD && !has(T(j - 1), K_OF | K_RSTART | K_CUE)) {
    memset(m, 0, sizeof *m);
    m->rel = REL_PART;
    m->mod = q->mod;
    m->lang = q->lang;
    dp_span(c, m, i, j);
    return 1;
  }
  if (r <= 0) return r;
  /* a half of مايو الماضي is a half of a month; other relative cores
  ** and dates finer than the part are not parts of them */
  if (o.rel ? dd_is_part(q->mod) && (q->mod < MOD_H1 || o.rel_d) : !part_fits(q->mod, &o.e))
    return 0;
  /* every positive return fills m: the caller emits it and resumes at
  ** m->t1 (a relative core such as "مايو الماضي" keeps its rel) */
  from_core(c, m, &o, i);
  m->mod = q->mod;
  if (!m->lang) m->lang = q->lang;
  return 1;
}

/* An English year used as an adjective: after "the" or a possessive and
** before a noun in the singular (the 1990 level, the Soviets' 1945
** liberation, Russia's 2008 war); a plural noun makes it a count (the 2000
** soldiers), and so does a unit word (the 1500 km). 1800-2100 only. */
static int attributive_year_at(dctx *c, long i, dmatch *m) {
  const dtok *t = T(i), *p = T(i - 1), *n = T(i + 1);
  if (t->kind != T_NUM || t->nd != 4 || t->num < 1800 || t->num > 2100 || t->nl) return 0;
  int lead = (has(p, K_ARTICLE) && p->script == S_LATIN && !strcmp(p->lx->lang, "en")) ||
             dp_possessive(p) ||
             (is_apos_p(p) && glued(p) && T(i - 2)->kind == T_WORD &&
              T(i - 2)->script == S_LATIN && T(i - 2)->klen > 1 &&
              T(i - 2)->key[T(i - 2)->klen - 1] == 's');
  if (!lead || n->kind != T_WORD || n->script != S_LATIN || n->nl || !n->sp) return 0;
  unsigned char f = (unsigned char)c->sc.s[n->s];
  if (f < 'a' || f > 'z' || has(n, K_UNIT | K_MONTH)) return 0;
  if (n->klen < 3 || (n->key[n->klen - 1] == 's' && n->key[n->klen - 2] != 's')) return 0;
  core o;
  if (!dp_bare_year(c, i, &o, "en") || o.end != i + 1) return 0;
  from_core(c, m, &o, i);
  return 1;
}

/* © 2024, (1998), and a caption's trailing year ("בבאקו, 2017."). */
static int marked_year_at(dctx *c, long i, dmatch *m) {
  const dtok *t = T(i), *p = T(i - 1);
  core o;
  if ((is_p(t, 0xA9) || is_p(t, '(')) && dp_bare_year(c, i + 1, &o, NULL)) {
    core b;                                 /* (1985-1988): a life, a term */
    if (is_p(t, '(') && o.end == i + 2 && is_hyphen(T(i + 2)) && glued(T(i + 2)) &&
        glued(T(i + 3)) && dp_bare_year(c, i + 3, &b, NULL) && b.end == i + 4 &&
        is_p(T(i + 4), ')') && b.e.y >= o.e.y) {
      from_core(c, m, &o, i + 1);
      m->b = b.e;
      dp_span(c, m, i + 1, i + 4);
      return 1;
    }
    if (is_p(t, '(') && (!is_p(T(o.end), ')') || o.end != i + 2)) return 0;
    from_core(c, m, &o, i + 1);
    return 1;
  }
  /* a list of years after a year the text dated: en 1975 et 1979, في
  ** عامي 2010 و2012, in 1990, 1994 and 1998 */
  if (t->kind == T_NUM && c->year_end > 0 && i == c->year_end + 1 &&
      (has(p, K_RJOIN) || is_comma(p)) && !is_hyphen(p) &&
      dp_bare_year(c, i, &o, NULL) && o.end == i + 1 && !has(T(i + 1), K_UNIT | K_MONTH) &&
      /* 2000 soldats is a count: the list ends at a mark or a date word */
      (T(i + 1)->kind != T_WORD || T(i + 1)->nl || T(i + 1)->lx)) {
    from_core(c, m, &o, i);
    return 1;
  }
  const dtok *n = T(i + 1);
  if (t->kind != T_NUM || !t->sp || t->nl || !(is_p(p, ',') || is_p(p, '.'))) return 0;
  if (T(i - 2)->kind != T_WORD) return 0;
  int at_end = n->kind == T_EOF || n->nl ||
               (is_p(n, '.') && glued(n) && (T(i + 2)->nl || T(i + 2)->kind == T_EOF));
  if (!at_end || !dp_bare_year(c, i, &o, NULL) || o.end != i + 1) return 0;
  from_core(c, m, &o, i);
  return 1;
}

/* The joiner of a range without an opening word: a dash, or to, au, إلى,
** до, עד (not and, et, و: "13 et 15 juillet" are two days). */
static long bare_joiner(dctx *c, long k) {
  const dtok *t = T(k);
  long e;
  if (t->kind == T_PUNCT && (is_hyphen(t) || t->cp == 0x2013 || t->cp == 0x2014)) return k + 1;
  const dlex *j = dp_mw(c, k, K_RJOIN, &e);
  if (!j || (j->kinds & K_CUE)) return 0;
  static const char *const notj[] = {"et", "and", "\xd9\x88", "\xd7\x95", "\xd7\x9c"};
  for (size_t n = 0; n < sizeof notj / sizeof notj[0]; n++)
    if (strlen(notj[n]) == j->klen && !memcmp(notj[n], j->key, j->klen)) return 0;
  return e;
}

/* and, et between two days (les 22 et 23 mars, March 22 and 23): its end. */
static long and_joiner(dctx *c, long k) {
  long e;
  const dlex *j = dp_mw(c, k, K_RJOIN, &e);
  if (!j || j->klen > 3 || T(k)->script != S_LATIN) return 0;
  if ((j->klen == 2 && !memcmp(j->key, "et", 2)) || (j->klen == 3 && !memcmp(j->key, "and", 3)))
    return e;
  return 0;
}

/* A range of days without an opening word: 13-15 juillet, July 13-15,
** 13 الى 15 تموز, 10 août - 12 septembre 2013, 24 août 2023 au 26 août 2023;
** the first end takes the month and year it lacks from the second. */
static int bare_range_at(dctx *c, long i, dmatch *m) {
  core a, b;
  if (dp_word_without(c, i, K_WEEKDAY | DP_CORE_KINDS) && !T(i)->gem) return 0;
  long k, bk, s = skip_weekday(c, i);
  int d, conj = 0, dot = 0;
  if (dp_core_at(c, s, &a, 0) > 0 && a.e.prec == P_DAY && !a.rel && a.e.cal == CAL_GREG) {
    k = a.end;
  } else if (T(s)->kind == T_NUM && dp_day_at(c, s, &d, &k) && d >= 1 && d <= 31) {
    memset(&a, 0, sizeof a);
    dp_set_end(&a, 0, 0, d, P_DAY, CAL_GREG, k);
    /* a day with its dot (14. - 15.10., 14./15.10.2018): the Russian and
    ** German way; the slash joins only such a day */
    if (is_p(T(k), '.') && glued(T(k)) && k == s + 1) {
      k++;
      if (is_p(T(k), '/') && glued(T(k)) && glued(T(k + 1))) dot = 1;
    }
  } else {
    return 0;
  }
  if (dot) bk = k + 1;
  else if (!(bk = bare_joiner(c, k)) && !(conj = (bk = and_joiner(c, k)) != 0)) return 0;
  bk = skip_weekday(c, bk);
  /* after a day and a joiner, a dotted day-month is the range's end (14 -
  ** 15.10): the range is its cue */
  int cued = c->cued;
  if (!a.e.m && is_p(T(bk + 1), '.')) c->cued = 2;
  int rb = dp_core_at(c, bk, &b, 0);
  c->cued = cued;
  if (rb > 0) {
    if (b.e.prec != P_DAY || b.rel || b.e.cal != CAL_GREG) return 0;
  } else if (a.e.m && !a.e.y && dp_day_at(c, bk, &d, &k) && d >= 1 && d <= 31 &&
             !(T(k)->kind == T_NUM)) {
    /* July 13-15; not after a year (18 octobre 2012 à 19 h is a time) */
    memset(&b, 0, sizeof b);
    int era, y = a.e.y;
    long yk = is_comma(T(k)) ? k + 1 : k, ye;   /* July 13-15, 2015 */
    if (!y && dp_year_at(c, yk, 1000, 2999, &ye, &era) && era != ERA_AH) {
      y = T(yk)->num;
      k = ye;
      a.e.y = y;
    }
    dp_set_end(&b, y, a.e.m, d, P_DAY, CAL_GREG, k);
    b.lang = a.lang;
  } else {
    return 0;
  }
  if (!a.e.m) { a.e.m = b.e.m; a.lang = b.lang; }
  if (!a.e.y && b.e.y) {
    a.e.y = b.e.y;
    if (a.e.m > b.e.m) a.e.y--;                   /* 20 décembre au 5 janvier 2014 */
  }
  if (a.e.d > dd_days_in_month(a.e.y ? a.e.y : 2000, a.e.m)) return 0;
  if (a.e.y && b.e.y &&
      dd_day_number(a.e.y, a.e.m, a.e.d) >= dd_day_number(b.e.y, b.e.m, b.e.d))
    return 0;
  if (!a.e.y && !b.e.y && a.e.m == b.e.m && a.e.d >= b.e.d) return 0;
  /* two days joined by and/et are one span only when they follow each
  ** other (les 22 et 23 mars: a two-day meeting); 3 et 10 mars are two days */
  if (conj && (a.e.m != b.e.m || a.e.y != b.e.y || b.e.d != a.e.d + 1)) return 0;
  memset(m, 0, sizeof *m);
  m->a = a.e;
  m->b = b.e;
  m->lang = b.lang ? b.lang : a.lang;
  dp_span(c, m, i, b.end);
  return 1;
}

/* Arabic month first, then a range of its days (يوليو 13-15, تموز 13 الى
** 15, اغسطس 27 الى 29 2014): one row; the days must close the phrase (no
** number after the second one but its year). */
static int month_days_at(dctx *c, long i, dmatch *m) {
  long k, e, bk, ye;
  int d1, d2, era, y = 0;
  if (dp_word_without(c, i, K_MONTH | K_TUNIT)) return 0;
  const dlex *mo = dp_month_at(c, i, &k);
  if (!mo || mo->cal != CAL_GREG || T(i)->script != S_ARABIC || T(k)->nl ||
      !dp_day_at(c, k, &d1, &e) || !(bk = bare_joiner(c, e)) || !dp_day_at(c, bk, &d2, &e))
    return 0;
  long yk = is_comma(T(e)) ? e + 1 : e;
  if (dp_year_at(c, yk, 1000, 2999, &ye, &era) && era != ERA_AH) { y = T(yk)->num; e = ye; }
  else if (T(e)->kind == T_NUM || has(T(e), K_UNIT)) return 0;   /* 27 الى 29 ألف */
  if (d1 < 1 || d2 > dd_days_in_month(y ? y : 2000, mo->month) || d1 >= d2) return 0;
  memset(m, 0, sizeof *m);
  m->a.y = m->b.y = y;
  m->a.m = m->b.m = mo->month;
  m->a.d = d1;
  m->b.d = d2;
  m->a.prec = m->b.prec = P_DAY;
  m->lang = mo->mlang;
  dp_span(c, m, i, e);
  return 1;
}

/* The night of a day is that day and the next (la nuit du dimanche, dans
** la nuit du 4 juin, the night of June 4): a day or a weekday after
** du/de/of; a range (la nuit du 4 au 5 juin) is that range; a weekday and
** the next joined (la nuit de samedi à dimanche) is the night between. */
static int night_at(dctx *c, long i, dmatch *m, long *skip) {
  long j, k, e;
  if (!dp_mw(c, i, K_NIGHT, &j) || !has(T(j), K_OF | K_RSTART) || T(j)->nl) return 0;
  if (range_at(c, j, m, skip) > 0) { dp_span(c, m, i, m->t1); return 1; }
  *skip = 0;
  core o;
  k = j + 1;
  if (dp_core_at(c, k, &o, 1) > 0 && !o.alone && o.e.prec == P_DAY && !o.rel &&
      o.e.cal == CAL_GREG) {
    from_core(c, m, &o, i);
  } else if (dr_relative_at(c, k, m) && (m->rel == REL_WEEKDAY || m->rel == REL_DAY)) {
    const dlex *w;
    if (m->rel == REL_WEEKDAY && dp_mw(c, m->t1, K_RJOIN, &e) &&
        (w = dp_mw(c, e, K_WEEKDAY, &k)) && w->num == m->rel_n % 7 + 1)
      m->t1 = k;                            /* de samedi à dimanche */
    dp_span(c, m, i, m->t1);
  } else {
    memset(m, 0, sizeof *m);
    return 0;
  }
  m->night = 1;
  return 1;
}

/* The week of a day (la semaine du 7 octobre, the week of October 7th):
** its Monday-to-Sunday week (dates_resolve.c). */
static int weekof_at(dctx *c, long i, dmatch *m) {
  long j;
  core o;
  if (!dp_mw(c, i, K_WEEKOF, &j) || dp_core_at(c, j, &o, 1) <= 0 || o.alone ||
      o.e.prec != P_DAY || o.rel || o.e.cal != CAL_GREG)
    return 0;
  from_core(c, m, &o, i);
  m->weekof = 1;
  return 1;
}

/* The first words of every form dr_match tries below: dr_nth_at,
** night_at, weekof_at, qual_at, range_at, dr_mday_range_at (K_RSTART),
** cue_at, dp_core_at with a lead, dr_relative_at, dr_mday_at (on, an
** article); a year alone begins with a number or a mark. A rule added
** below adds its first word's kinds. */
#define DR_START_KINDS (K_STOP | DP_NTH_KINDS | K_NIGHT | K_WEEKOF | K_RSTART | K_QUAL |   \
                        K_DEADLINE | K_CUE | DP_CORE_KINDS | DP_LEAD_KINDS | DP_REL_KINDS)

int dr_match(dctx *c, long i, dmatch *m, long *skip) {
  const dtok *t = T(i);
  *skip = 0;
  if (t->kind == T_EOF) return 0;
  if (t->kind == T_WORD && !t->lx && !t->gem) return 0;
  /* punctuation starts a date only as ’90s, (1998) or © 2024 */
  if (t->kind == T_PUNCT && !t->lx && t->cp != '(' && t->cp != 0xA9 && t->cp != '\'' &&
      t->cp != 0x2019 && t->cp != 0x2018)
    return 0;
  /* a word that starts no rule's form (and, of, و): nothing to try */
  if (t->kind == T_WORD && !t->gem && dp_word_without(c, i, DR_START_KINDS) &&
      !dp_ar_definite(t))
    return 0;
  /* nor does a mark the lexicon lists only for what it does inside a
  ** form (the dash that joins a range's ends) */
  if (t->kind == T_PUNCT && t->lx && t->cp != '(' && t->cp != 0xA9 && t->cp != '\'' &&
      t->cp != 0x2019 && t->cp != 0x2018 && !(dp_kinds(c, i) & DR_START_KINDS))
    return 0;
  int r;
  long j;
  if (dp_mw(c, i, K_STOP, &j)) { *skip = j - i; return 0; }   /* عين اليوم */
  if (dr_nth_at(c, i, m)) return 1;
  if (night_at(c, i, m, skip)) return 1;
  if (weekof_at(c, i, m)) return 1;
  /* a word that both qualifies and opens a range (с 1 марта по 5 марта:
  ** from … to) is read as the range when its second end follows */
  if (dp_mw(c, i, K_RSTART, &j) && dp_mw(c, i, K_QUAL, &j) && range_at(c, i, m, skip) > 0)
    return 1;
  *skip = 0;
  if ((r = qual_at(c, i, m, skip))) return r > 0;
  if ((r = range_at(c, i, m, skip)) || *skip) return r > 0;
  if (dr_mday_range_at(c, i, m)) return 1;
  if ((r = cue_at(c, i, m, skip))) return r > 0;
  if (bare_range_at(c, i, m)) return 1;
  if (month_days_at(c, i, m)) return 1;
  core o;
  r = dp_core_at(c, i, &o, 1);
  if (r < 0) { *skip = o.end - i; return 0; }
  if (r > 0 && !o.alone) {
    /* a weekday after a full date is part of it: 22 sentyabr 2003 bazar ertəsi */
    long w = is_comma(T(o.end)) ? o.end + 1 : o.end, we;
    const dlex *wl;
    if (o.e.prec == P_DAY && (wl = dp_mw(c, w, K_WEEKDAY, &we)) && !wl->wd_amb) {
      o.end = we;
      o.wd = wl->num;
    }
    from_core(c, m, &o, i);
    return 1;
  }
  if (dr_relative_at(c, i, m)) return 1;
  if (dr_mday_at(c, i, m)) return 1;
  if (attributive_year_at(c, i, m)) return 1;
  return marked_year_at(c, i, m);
}
