/* Relative expressions, read against the anchor (dates_resolve.c places
** them): today and its neighbours, this/last/next month, year and week,
** weekdays alone or with last/next/this or a week, month names with
** last/next, parts of a year with last/next/this (last summer), and "N units ago" / "in N units" / "N units later". Every
** form is a lexicon entry (dates_relative.tsv, dates_cues.tsv); the
** patterns only say in which order they come. */
#include <string.h>
#include "dates_pat.h"

/* N units (3 days, deux ans, عامين, неделю): count, unit, end; the unit's
** language in *lang (an/"In an" must not read as French "in a year"). */
static int count_units(dctx *c, long j, int *n, int *unit, long *end, const char **lang) {
  const dtok *t = T(j);
  long k, e;
  const dlex *u = dp_mw(c, j, K_TUNIT | K_YUNIT, &e);
  if (u) *lang = u->lang;
  if (u && u->num > 0) { *n = u->num; *unit = u->unit; *end = e; return 1; }
  if (t->kind == T_NUM && t->nd <= 3 && dp_num_alone(c, j)) { *n = t->num; k = j + 1; }
  else if (has(t, K_NUMW)) { *n = t->lx->num; k = j + 1; }
  else return 0;
  if (!(u = dp_mw(c, k, K_TUNIT | K_YUNIT, &e))) return 0;
  *unit = u->unit;
  *lang = u->lang;
  *end = e;
  /* 0: a count word that names no number (כמה, "a few"): the caller
  ** makes a row it never places */
  return *n >= 0 && *n <= 9999 && (*n > 0 || t->kind == T_WORD);
}

/* A unit, then the word that places it after it: ביומיים האחרונים (the
** last two days), בשבועות הקרובים (the coming weeks: a plural names no
** count, so the row is never placed). 1 and *m filled, or 0. */
static int span_after_at(dctx *c, long i, dmatch *m) {
  long e, end;
  const dlex *u = dp_mw(c, i, K_TUNIT, &e), *s;
  if (!u || u->unit == U_NONE || T(e)->nl || !(s = dp_mw(c, e, K_RSPAN, &end)) || !s->num ||
      s->num == 2 || strcmp(u->lang, s->lang) || T(i)->script != S_HEBREW)
    return 0;                                     /* Hebrew order (mois dernier is a month) */
  if (u->num == 1) return 0;                      /* the singular: בשבוע האחרון (rweek) */
  m->rel = REL_SPAN;
  m->rel_n = s->num < 0 ? -u->num : u->num;      /* 0: vague */
  m->rel_mode = u->unit;
  m->lang = s->lang;
  dp_span(c, m, i, end);
  return 1;
}

/* Tokens [i, k) stand alone: a line (or the text) starts before them and
** ends after them, or punctuation follows. */
static int amb_alone(dctx *c, long i, long k) {
  const dtok *p = T(i - 1), *n = T(k);
  if (!(p->kind == T_EOF || T(i)->nl || i == 0)) return 0;
  return n->kind == T_EOF || n->nl || (n->kind == T_PUNCT && !is_hyphen(n));
}

/* A weekday and a day of the month without a month (jeudi 15, mercredi
** 13 à Paris, Tuesday the 19th, Thu 15th): that day in the month nearest
** the anchor, by prefer, where it falls on that weekday (dates_resolve.c).
** Not before a month (the date rules read it), a unit, another number or
** a glued word (jeudi 15h). */
static int wd_mday_at(dctx *c, long i, long k, const dlex *w, dmatch *m) {
  long e;
  int d;
  if (w->wd_amb) return 0;
  if (has(T(k), K_ARTICLE) && T(k + 1)->kind == T_NUM && !T(k + 1)->nl) k++;
  if (T(k)->kind != T_NUM || T(k)->nl || !dp_day_at(c, k, &d, &e) || d < 1 || d > 31) return 0;
  const dtok *n = T(e);
  if (n->kind == T_NUM || (n->kind == T_WORD && (glued(n) || has(n, K_MONTH | K_UNIT))) ||
      is_p(n, '/') || is_p(n, ':') || is_hyphen(n) ||
      (is_p(n, '.') && T(e + 1)->kind == T_NUM && glued(T(e + 1))))
    return 0;
  m->rel = REL_NTH;
  m->rel_mode = NTH_MDAY;
  m->rel_n = d;
  m->wd = w->num;
  dp_span(c, m, i, e);
  return 1;
}

/* Weekday with what places it: last/next/this before or after it, or a
** week after it (mercredi de la semaine prochaine, الأحد من الأسبوع الماضي). */
static int weekday_at(dctx *c, long i, dmatch *m) {
  long j, k;
  const dlex *b = dp_mw(c, i, K_RBEFORE, &j);
  const dlex *w = dp_mw(c, b ? j : i, K_WEEKDAY, &k);
  if (!w || w->num < 1 || w->num > 7) return 0;
  m->rel = REL_WEEKDAY;
  m->rel_n = w->num;
  m->rel_mode = WD_BARE;
  m->lang = w->lang;
  if (b && b->rel == 2) {                  /* English next Friday: of next week */
    m->rel_mode = WD_WEEK;
    m->rel_k = 1;
  } else if (b) {
    m->rel_mode = b->rel < 0 ? WD_LAST : b->rel > 0 ? WD_NEXT : WD_THIS;
  } else {
    const dlex *a = dp_mw(c, k, K_RAFTER, &j);
    /* one preposition may come between: of, de, من, ב (a prefix already) */
    long o = has(T(k), K_OF | K_RSTART | K_CUE) && dp_mw(c, k + 1, K_RWEEK, &j) ? k + 1 : k;
    const dlex *wk = dp_mw(c, o, K_RWEEK, &j);
    if (a && a->wk_next == 1) {            /* רביעי הבא: of next week */
      m->rel_mode = WD_WEEK;
      m->rel_k = 1;
      k = j;
    } else if (a) {                        /* a rel of 2: Friday after next */
      m->rel_mode = a->rel < 0 ? WD_LAST : a->rel >= 2 ? WD_AFTERNEXT : a->rel > 0 ? WD_NEXT : WD_THIS;
      /* weeks after the next; French "mardi en huit" counts from the
      ** coming Tuesday, today included (a negative rel_k) */
      m->rel_k = a->rel >= 2 ? (a->wk_next == 2 ? 1 - a->rel : a->rel - 1) : 0;
      k = j;
    }
    else if (wk) { m->rel_mode = WD_WEEK; m->rel_k = wk->rel; k = j; }
    else if (!dp_mw(c, k, K_RAFTER, &j)) {
      /* a bare weekday before a number is a date's weekday, not a date;
      ** before a day alone (jeudi 15, Tuesday the 19th) it places that day */
      if (wd_mday_at(c, i, k, w, m)) return 1;
      if (T(k)->kind == T_NUM && !T(k)->nl) return 0;
    }
  }
  /* שני alone is Monday only where nothing else can be meant: placed by
  ** a word (הבא, בשבוע שעבר), or a line of its own */
  if (w->wd_amb && (!dp_amb_prefix_ok(c, T(i)) ||
                    (m->rel_mode == WD_BARE && !amb_alone(c, i, k))))
    return 0;
  /* Arabic ثلاثاء, خميس without the article: only with a word that places
  ** it (أحد الأسبوع الماضي), never alone (a name, "one") */
  if (w->wd_amb && m->rel_mode == WD_BARE && T(i)->script == S_ARABIC) return 0;
  dp_span(c, m, i, k);
  return 1;
}

/* An Arabic definite day word before a definite adjective that is no date
** word is "the day" of a noun phrase (اليوم الوطني, اليوم العالمي), not
** today; اليوم الأحد (a weekday) stays today. */
static int ar_day_noun(dctx *c, long i, long j) {
  const dtok *t = T(i), *u = T(j);
  if (j != i + 1 || t->script != S_ARABIC || u->kind != T_WORD || u->nl) return 0;
  if (t->klen - t->kpre < 4 || memcmp(t->key + t->kpre, "\xd8\xa7\xd9\x84", 4)) return 0;
  if (u->klen < 6 || memcmp(u->key, "\xd8\xa7\xd9\x84", 4)) return 0;
  return !u->lx || !(u->lx->kinds & (K_WEEKDAY | K_MONTH));
}

/* The day that is after tomorrow: اليوم الذي بعد الغد, اليوم اللي قبل
** امبارح, اليوم القبل البارحة (a relative pronoun, or the article on
** قبل): the day two days off the anchor's, read as that day. *end past
** it; NULL when i is not such a phrase. */
static const dlex *ar_day_that(dctx *c, long i, const dlex *e, long j, long *end) {
  static const char *const rel_pron[] = {
    "\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a",          /* الذي */
    "\xd8\xa7\xd9\x84\xd9\x8a",                    /* الي */
    "\xd8\xa7\xd9\x84\xd9\x84\xd9\x8a"};         /* اللي */
  if (e->rel || !(e->kinds & K_RDAY) || e->ntok != 1 || T(i)->script != S_ARABIC) return NULL;
  const dtok *p = T(j);
  long k = j;
  for (size_t n = 0; n < sizeof rel_pron / sizeof rel_pron[0]; n++)
    if (p->klen == strlen(rel_pron[n]) && !memcmp(p->key, rel_pron[n], p->klen)) k = j + 1;
  const dlex *d = dp_mw(c, k, K_RDAY, end);
  return d && (d->rel == 2 || d->rel == -2) && !T(k)->nl ? d : NULL;
}

/* la veille, le lendemain, اليوم التالي: days from the text's last day, or
** from a day that follows (le lendemain du 13 février, اليوم التالي من ...). */
static int prev_at(dctx *c, long i, dmatch *m) {
  long j, k;
  const dlex *e = dp_mw(c, i, K_RPREV, &j);
  if (!e) return 0;
  m->rel = REL_PREV;
  m->rel_n = e->rel;
  m->lang = e->lang;
  core o;
  if (has(T(j), K_OF | K_RSTART) && dp_core_at(c, j + 1, &o, 1) > 0 && !o.alone &&
      o.e.prec == P_DAY && o.e.cal == CAL_GREG && !o.rel) {
    m->base = o.e;
    m->wd = o.wd;
    k = o.end;
  } else if (has(T(j), K_OF | K_RSTART) && !T(j)->nl) {
    return 0;                               /* la veille de sa visite: an event's eve */
  } else {
    k = j;
  }
  dp_span(c, m, i, k);
  return 1;
}

/* Yesterday, today, tomorrow and a weekday (hier mardi, أمس الثلاثاء, today
** Tuesday): the weekday wins, as the nearest such day to the one the word
** names (a paper's dateline may be a day off its print date); a day number
** in parentheses after it (hier mardi (13)) is part of the span. Before a
** date (hier mardi 13 juin) the date says it all: no row here. */
static int day_weekday(dctx *c, long i, long j, long we, const dlex *wd, dmatch *m) {
  const dtok *n = T(we);
  if ((n->kind == T_NUM && !n->nl) || has(n, K_MUWAFIQ)) return 0;
  if (wd->wd_amb && !dp_amb_prefix_ok(c, T(j))) return 0;
  m->wd = wd->num;
  if (is_p(n, '(') && T(we + 1)->kind == T_NUM && T(we + 1)->num >= 1 &&
      T(we + 1)->num <= 31 && is_p(T(we + 2), ')')) {
    m->rel_k = T(we + 1)->num;
    we += 3;
  }
  dp_span(c, m, i, we);
  return 1;
}

/* Arabic puts the plural unit first, then the count, then the side, all
** definite: الأيام الثلاثة الماضية, الأشهر الستة المقبلة, السنوات الـ5
** الماضية; a dual needs no count (الأسبوعين الماضيين). The side is a
** rafter word (الماضية -1, المقبلة 1) read as a span's; *s gets a span
** word of that side (a constant entry). */
static int ar_span_at(dctx *c, long i, int *n, int *unit, long *k, long *end,
                      const dlex **s) {
  static const dlex before = {.kinds = K_RSPAN, .num = -1, .lang = "ar"},
                    after = {.kinds = K_RSPAN, .num = 1, .lang = "ar"};
  long j, e;
  if (T(i)->script != S_ARABIC) return 0;
  const dlex *u = dp_mw(c, i, K_TUNIT | K_YUNIT, &j);
  if (!u || strcmp(u->lang, "ar") || u->unit == U_NONE ||
      u->unit == U_QUARTER)
    return 0;
  if (u->num == 2) {
    *n = 2;
  } else if (u->num == 0) {
    const dtok *t = T(j);
    if (t->kind == T_WORD && t->klen == 4 && !memcmp(t->key, "\xd8\xa7\xd9\x84", 4) &&
        T(j + 1)->kind == T_NUM && !T(j + 1)->nl)
      t = T(++j);                                 /* الـ5, الـ 5: the article alone */
    if (t->kind == T_NUM && t->nd <= 3 && dp_num_alone(c, j)) *n = t->num;
    else if (has(t, K_NUMW) && !strcmp(t->lx->lang, "ar")) *n = t->lx->num;
    else return 0;
    j++;
  } else {
    return 0;
  }
  const dlex *r = dp_mw(c, j, K_RAFTER, &e);
  if (!r || (r->rel != -1 && r->rel != 1) || T(j)->nl) return 0;
  *s = r->rel < 0 ? &before : &after;
  *unit = u->unit;
  *k = i;
  *end = e;
  return 1;
}

/* The last 3 weeks, next two days, past 2 months: whole units before or
** after the anchor's own; upcoming 2 weeks, two upcoming weeks: only the
** second week from now. A count is needed (last week is K_RWEEK). */
static int span_at(dctx *c, long i, dmatch *m) {
  long j, k, end;
  int n, unit;
  const char *ul = NULL;
  const dlex *s = dp_mw(c, i, K_RSPAN, &j);
  const dlex *u;
  if (s && !s->after && (T(j)->kind == T_NUM || has(T(j), K_NUMW)) &&   /* not "the last day" */
      count_units(c, j, &n, &unit, &end, &ul)) {
    k = i;
  } else if (s && s->vague && (u = dp_mw(c, j, K_TUNIT, &end)) && u->num == 0 &&
             u->unit != U_NONE && u->unit != U_QUARTER && !strcmp(u->lang, s->lang) &&
             !has(T(end), K_OF)) {
    /* in recent weeks, ces derniers jours, the coming days: a plural names
    ** no count, the row is never placed (as בשבועות האחרונים); not years
    ** (over recent years: a stretch too long to date anything by) */
    m->rel = REL_SPAN;
    m->rel_mode = u->unit;
    m->lang = s->lang;
    dp_span(c, m, i, end);
    return 1;
  } else if (ar_span_at(c, i, &n, &unit, &k, &end, &s)) {
    ul = "ar";                                    /* الأيام الثلاثة الماضية */
  } else {                                        /* two upcoming weeks */
    const dtok *t = T(i);
    if (t->kind == T_NUM && t->nd <= 3 && dp_num_alone(c, i)) n = t->num;
    else if (has(t, K_NUMW)) n = t->lx->num;
    else return 0;
    /* the span word between count and unit: two upcoming weeks (only the
    ** second), les 3 derniers jours, 2 prochaines semaines (whole units) */
    if ((s = dp_mw(c, i + 1, K_RSPAN, &j)) && !s->after &&
        (u = dp_mw(c, j, K_TUNIT | K_YUNIT, &end))) {
    } else if ((u = dp_mw(c, i + 1, K_TUNIT | K_YUNIT, &j)) && !u->num &&
               (s = dp_mw(c, j, K_RSPAN, &end)) && s->after && s->num != 2) {
      /* after the unit (rspan value p): 2 semaines passées, 3 jours à venir */
    } else {
      return 0;
    }
    unit = u->unit;
    ul = u->lang;
    k = i;
  }
  if (!s->num || n < 1 || n > 9999 || unit == U_NONE) return 0;
  if (ul && ul[0] && s->lang[0] && strcmp(ul, s->lang)) return 0;
  /* not "the last 2 years ago", nor "the last three days of the war" */
  const dtok *x = T(end);
  if (has(x, K_AGO | K_OF | K_RSTART) || (has(x, K_LATER) && x->lx->after)) return 0;
  m->rel = REL_SPAN;
  m->rel_n = s->num < 0 ? -n : n;
  m->rel_mode = unit;
  m->rel_k = s->num == 2;
  m->lang = s->lang;
  dp_span(c, m, k, end);
  return 1;
}

/* Three Fridays from now, 2 Thursdays ago (back): the Nth such weekday
** after or before the anchor day, which does not count itself; a word
** after "ago" names no event here (two Fridays after the vote is not read). */
static int weekdays_ago_at(dctx *c, long i, dmatch *m) {
  const dtok *t = T(i);
  int n;
  long j, end;
  if (t->kind == T_NUM && t->nd <= 2 && dp_num_alone(c, i)) n = t->num;
  else if (has(t, K_NUMW)) n = t->lx->num;
  else return 0;
  const dlex *w = dp_mw(c, i + 1, K_WDAYS, &j), *e;
  if (n < 1 || !w || w->num < 1 || w->num > 7 || !(e = dp_mw(c, j, K_AGO | K_LATER, &end)) ||
      !e->after || e->obj || ((e->kinds & K_AGO) == 0 && !e->fine) || strcmp(w->lang, e->lang))
    return 0;
  m->rel = REL_WEEKDAY;
  m->rel_mode = WD_COUNT;
  m->rel_n = w->num;
  m->rel_k = (e->kinds & K_AGO) ? -n : n;
  m->lang = e->lang;
  dp_span(c, m, i, end);
  return 1;
}

/* Within N units, d'ici cinq ans: from the anchor day to N units on; not
** "within two days of the vote" (counted from an event). */
static int within_at(dctx *c, long i, dmatch *m) {
  long j, end;
  int n, unit;
  const char *ul = NULL;
  const dlex *w = dp_mw(c, i, K_WITHIN, &j);
  if (!w || !count_units(c, j, &n, &unit, &end, &ul) || unit == U_QUARTER) return 0;
  if (ul && ul[0] && w->lang[0] && strcmp(ul, w->lang)) return 0;
  if (has(T(end), K_OF | K_AGO | K_RSTART)) return 0;
  m->rel = REL_WITHIN;
  m->rel_n = n;
  m->rel_mode = unit;
  m->lang = w->lang;
  dp_span(c, m, i, end);
  return 1;
}

int dr_relative_at(dctx *c, long i, dmatch *m) {
  long j, end;
  int n, unit;
  const dlex *e;
  if (dp_word_without(c, i, DP_REL_KINDS)) return 0;
  memset(m, 0, sizeof *m);
  if (span_after_at(c, i, m)) return 1;     /* before שבועות, Shavuot: בשבועות הקרובים */
  memset(m, 0, sizeof *m);
  if (dh_holiday_at(c, i, m)) return 1;     /* Noël 2014, عيد الفطر */
  memset(m, 0, sizeof *m);
  /* the longer form wins: the day before yesterday is no "day before" */
  long pe, oe;
  if (dp_mw(c, i, K_RPREV, &pe) &&
      !(dp_mw(c, i, K_RDAY | K_RMONTH | K_RYEAR | K_RWEEK | K_RQUARTER, &oe) && oe > pe)) {
    if (prev_at(c, i, m)) return 1;
    memset(m, 0, sizeof *m);
  }
  if ((e = dp_mw(c, i, K_RDAY | K_RMONTH | K_RYEAR | K_RWEEK | K_RQUARTER, &j))) {
    /* the last week of the campaign, the last year of his term: an
    ** article, then of: a part of something else (the last week of
    ** September: dates_nth.c); בשבוע האחרון של stays "last week" */
    const dtok *of = T(j);
    if (e->rel && !(e->kinds & K_RDAY) && has(of, K_OF) && has(T(i - 1), K_ARTICLE) &&
        !strcmp(of->lx->lang, e->lang))
      return 0;
    m->rel = (e->kinds & K_RDAY) ? REL_DAY : (e->kinds & K_RMONTH) ? REL_MONTH
           : (e->kinds & K_RWEEK) ? REL_WEEK : (e->kinds & K_RQUARTER) ? REL_QUARTER
           : REL_YEAR;
    m->rel_n = e->rel;
    m->lang = e->lang;
    long te;
    const dlex *that = ar_day_that(c, i, e, j, &te);
    if (that) {                                    /* اليوم الذي بعد الغد */
      m->rel_n = that->rel;
      dp_span(c, m, i, te);
      return 1;
    }
    if (m->rel == REL_DAY && ar_day_noun(c, i, j)) return 0;
    long we;
    const dlex *wd = dp_mw(c, j, K_WEEKDAY, &we);
    if (m->rel == REL_DAY && wd && wd->num >= 1 && wd->num <= 7 && !T(j)->nl)
      return day_weekday(c, i, j, we, wd, m);
    if ((e->kinds & K_RWEEK) && dp_possessive(T(j - 1)) && wd && wd->num >= 1 && wd->num <= 7) {
      m->rel = REL_WEEKDAY;                        /* last week's Sunday */
      m->rel_mode = WD_WEEK;
      m->rel_k = e->rel;
      m->rel_n = wd->num;
      dp_span(c, m, i, we);
      return 1;
    }
    /* a form that names its own third (EOM: the end of this month) */
    if ((e->kinds & K_QUAL) && e->mod >= MOD_EARLY && e->mod <= MOD_LATE) m->mod = e->mod;
    /* the same word may start a longer weekday form (this Friday) */
    dmatch w;
    memset(&w, 0, sizeof w);
    if (weekday_at(c, i, &w) && w.t1 > j) { *m = w; return 1; }
    dp_span(c, m, i, j);
    return 1;
  }
  if (weekday_at(c, i, m)) return 1;
  memset(m, 0, sizeof *m);
  if (span_at(c, i, m)) return 1;
  memset(m, 0, sizeof *m);
  if (within_at(c, i, m)) return 1;
  memset(m, 0, sizeof *m);
  const dlex *q;
  if ((e = dp_mw(c, i, K_RBEFORE, &j)) && (q = dp_mw(c, j, K_QUAL, &end)) &&
      dd_is_part(q->mod)) {                        /* last summer, этим летом */
    dp_part_rel(c, m, i, end, e->rel, q->mod, e->lang);
    return 1;
  }
  if ((e = dp_mw(c, i, K_RBEFORE, &j)) && e->rel) {
    const dlex *mo = dp_month_at(c, j, &end);
    if (!mo || mo->cal != CAL_GREG) return 0;
    m->rel = e->rel < 0 ? REL_MONTHNAME_PAST : REL_MONTHNAME_NEXT;
    m->rel_n = mo->month;
    m->lang = e->lang;
    dp_span(c, m, i, end);
    return 1;
  }
  if (weekdays_ago_at(c, i, m)) return 1;
  memset(m, 0, sizeof *m);
  const char *ul = NULL;
  if ((e = dp_mw(c, i, K_AGO | K_LATER, &j)) && !e->after &&
      count_units(c, j, &n, &unit, &end, &ul)) {
    /* قبل عامين, il y a 3 jours, בעוד שבוע, через неделю; not "in two
    ** days of talks", "in a quarter of the cases": a duration, a fraction */
    if (has(T(end), K_OF)) return 0;
  } else if (count_units(c, i, &n, &unit, &j, &ul) &&
             (e = dp_mw(c, j, K_AGO | K_LATER, &end)) && e->after) {
    /* two years ago, 3 дня назад, deux ans plus tard */
  } else {
    return 0;
  }
  if (ul && ul[0] && e->lang[0] && strcmp(ul, e->lang)) return 0;
  /* sept ans après le séisme: from an event the text names, not a date */
  if (e->obj && T(end)->kind == T_WORD && !T(end)->nl) {
    /* one year after Christmas: a date is the object, not read here */
    if (has(T(end), K_HOLIDAY | K_MONTH | K_WEEKDAY | K_RDAY)) return 0;
    m->rel_k = 1;
  }
  /* "N years later" counts from the text's previous date; other units
  ** (and every "ago") from the anchor */
  if ((e->kinds & K_LATER) && unit == U_YEAR && (e->kinds & K_AGO) == 0 && !e->fine) {
    m->rel = REL_LATER;
    m->rel_n = n;
  } else {
    m->rel = REL_UNITS;
    m->rel_mode = unit;
    m->rel_n = (e->kinds & K_LATER) ? n : -n;
    m->fine = e->fine;
  }
  if (!n) {                                 /* לפני כמה חודשים: never placed */
    m->rel = REL_UNITS;
    m->rel_mode = unit;
    m->rel_k = 1;
  }
  m->lang = e->lang;
  dp_span(c, m, i, end);
  return 1;
}
