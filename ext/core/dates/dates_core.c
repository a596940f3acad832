/* Self-standing dates: numeric dates, day + month (+ year), month + year,
** year words, decades, centuries, Hebrew-calendar dates in gematria,
** weekday and article leads. */
#include <string.h>
#include "dates_pat.h"

void dp_set_end(core *o, int y, int m, int d, int prec, int cal, long end) {
  o->e.y = y; o->e.m = m; o->e.d = d;
  o->e.prec = prec; o->e.cal = cal;
  o->end = end;
}

/* A two-digit year: 00-68 are 2000-2068, 69-99 1969-1999 (POSIX %y). */
static int pivot_year(int yy) { return yy < 69 ? 2000 + yy : 1900 + yy; }

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
  int era;
  long end = dp_era_at(c, i + 5, &era);          /* ١٤٤٥/٠٩/١٥ هـ */
  if (glued(n) && n->kind != T_PUNCT && n->kind != T_EOF && !time && !era) return 0;
  int yy, mm, dd;
  if (a->nd == 4 && b->nd <= 2 && y->nd <= 2) {
    yy = a->num; mm = b->num; dd = y->num;
  } else if ((y->nd == 4 || (y->nd == 2 && s1->cp != '-' && !era)) && a->nd <= 2 && b->nd <= 2) {
    yy = y->nd == 4 ? y->num : pivot_year(y->num);
    int month_first = (c->us && a->num <= 12) || (b->num > 12 && a->num <= 12);
    mm = month_first ? a->num : b->num;
    dd = month_first ? b->num : a->num;
  } else {
    return 0;
  }
  o->lang = NULL;
  if (era == ERA_AH) {
    dp_set_end(o, yy, mm, dd, P_DAY, CAL_HIJRI, end);
    diwan_ymd g;
    return dc_to_gregorian(CAL_HIJRI, yy, mm, dd, &g) == DIWAN_OK ? 1 : -1;
  }
  dp_set_end(o, yy, mm, dd, P_DAY, CAL_GREG, era ? end : i + 5);
  if (yy < 1000 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 ||
      dd > dd_days_in_month(yy, mm))
    return -1;
  return 1;
}

/* Is the text's language English (the caller's hint)? Its dotted figures
** are decimals. */
static int lang_en(const dctx *c) {
  return c->lang && (c->lang[0] == 'e' || c->lang[0] == 'E') &&
         (c->lang[1] == 'n' || c->lang[1] == 'N');
}

/* D/M without a year (17/02, le 8/2; M/D for en-US or a second number
** over 12): only when it cannot be a fraction or a score: a cue or an
** article before it, a first number over 12 (a second one in English),
** or a leading zero. */
static int day_month_at(dctx *c, long i, core *o) {
  const dtok *a = T(i), *s1 = T(i + 1), *b = T(i + 2), *n = T(i + 3);
  if (!is_p(s1, '/') || !glued(s1) || b->kind != T_NUM || !glued(b) ||
      a->nd > 2 || b->nd > 2 || a->script != b->script)
    return 0;
  if ((glued(a) && T(i - 1)->kind == T_NUM) || (glued(n) && n->kind != T_PUNCT && n->kind != T_EOF) ||
      (glued(n) && (is_sep(n) || is_numsep(n)) && T(i + 4)->kind == T_NUM && glued(T(i + 4))))
    return 0;
  const dtok *p = T(i - 1);
  if (glued(a) && p->kind == T_PUNCT && (is_sep(p) || is_numsep(p))) return 0;
  int zero = (a->nd == 2 && c->sc.s[a->s] == '0') || (b->nd == 2 && c->sc.s[b->s] == '0');
  if (!c->cued && !zero && a->num <= 12 && b->num <= 12) return 0;
  /* pages 12/13; English writes the month first (2/15) */
  if (!c->cued && !c->us && !lang_en(c) && b->num > 12) return 0;
  int month_first = (c->us && a->num <= 12) || (b->num > 12 && a->num <= 12);
  int mm = month_first ? a->num : b->num, dd = month_first ? b->num : a->num;
  if (mm < 1 || mm > 12 || dd < 1 || dd > dd_days_in_month(2000, mm)) return 0;
  dp_set_end(o, 0, mm, dd, P_DAY, CAL_GREG, i + 3);
  o->lang = NULL;
  return 1;
}

/* The nearest word before i on its line, within 4 tokens, is in Latin or
** Arabic script: English, French and Arabic write decimals with a dot
** (rose 10.05, بلغ 12.05 في المئة) and days with a slash. */
static int latin_before(dctx *c, long i) {
  for (long k = i - 1; k >= 0 && k >= i - 4; k--) {
    const dtok *t = T(k);
    if (t->kind == T_WORD) return t->script == S_LATIN || t->script == S_ARABIC;
    if (t->nl || (k == i - 1 && T(i)->nl)) return 0;
  }
  return 0;
}

/* D.M as Russian (and German-style) text writes a day without a year:
** 15.02, 10.12., 14.10. по 15.10.2018; the spaced forms of a full date
** (26. 10.21, 30 . 09 . 22). A dotted pair is also a decimal (15.2 млн,
** в 2.3 раза, 12.05 في المئة), so without a year it is a day only after a
** cue (c->cued: в, с, a range's second end), alone on its line, or with a
** two-digit month that has a trailing dot or a leading zero (10.12.,
** 15.02); and only before a mark, a line end or a date word (a unit or
** another word makes it a figure). A spaced form needs its year and a
** line start or a cue. Day first always; never in English. */
static int dotted_at(dctx *c, long i, core *o) {
  const dtok *a = T(i), *s1 = T(i + 1), *b = T(i + 2), *p = T(i - 1);
  if (!is_p(s1, '.') || b->kind != T_NUM || a->nd > 2 || b->nd > 2 || a->script != b->script ||
      c->us || lang_en(c) || b->nl || s1->nl)
    return 0;
  /* 1.2.3, $12.05, v2.3; a range's second end may follow its joiner
  ** (14./15.10., 1-5.03) */
  if (glued(a) && (p->kind == T_NUM || p->kind == T_WORD ||
                   (p->kind == T_PUNCT && p->cp != '(' &&
                    !(c->cued && (is_hyphen(p) || p->cp == '/' || p->cp == 0x2013)))))
    return 0;
  int spaced = !glued(s1) || !glued(b);
  long end = i + 3;
  int yy = 0, trail = 0;
  const dtok *s2 = T(i + 3), *y = T(i + 4);
  if (is_p(s2, '.') && !s2->nl && (glued(s2) || spaced)) {
    if (y->kind == T_NUM && !y->nl && (glued(y) || spaced) && (y->nd == 2 || y->nd == 4) &&
        y->script == a->script) {
      yy = y->nd == 4 ? y->num : pivot_year(y->num);
      end = i + 5;
    } else if (glued(s2)) {
      trail = 1;
      end = i + 4;
    }
  }
  const dtok *n = T(end);
  long ue;
  if (glued(n) && n->kind != T_EOF &&
      (n->kind != T_PUNCT || ((is_numsep(n) || is_sep(n)) && T(end + 1)->kind == T_NUM &&
                              glued(T(end + 1)))))
    return 0;                                   /* 1.2.3.4, 15.10x */
  if (is_p(n, '%') || is_p(n, 0x066A) || dp_mw(c, end, K_UNIT, &ue)) return 0;
  /* в 2.3 раза; the end of a range (2-6.09 и …) is a day whatever follows */
  if (n->kind == T_WORD && !n->nl && !n->lx && c->cued != 2) return 0;
  int line = (i == 0 || a->nl) && (n->kind == T_EOF || n->nl);
  if (!yy && latin_before(c, i)) return 0;      /* prices rose 10.05, بلغ 12.05 */
  if (spaced) {
    if (!yy || !(c->cued || i == 0 || a->nl)) return 0;
  } else if (!yy) {
    int zero = b->nd == 2 && c->sc.s[b->s] == '0';
    if (!c->cued && !line && !(b->nd == 2 && (trail || zero))) return 0;
  }
  int mm = b->num, dd = a->num;
  if (yy && (yy < 1000 || yy > 2999)) return 0;
  if (mm < 1 || mm > 12 || dd < 1 || dd > dd_days_in_month(yy ? yy : 2000, mm)) return 0;
  dp_set_end(o, yy, mm, dd, P_DAY, CAL_GREG, end);
  o->lang = NULL;
  return 1;
}

/* Day, month [, year] written as numbers with spaces: 20 02 2014, le 17 2,
** 31 10 74. With a four-digit year anywhere; with a two-digit year or none
** only after a cue or an article (le 17 02) or alone on its line, where it
** cannot be a list of figures. Day first (month first for en-US). */
static int spaced_at(dctx *c, long i, core *o) {
  const dtok *a = T(i), *b = T(i + 1), *y = T(i + 2);
  if (a->nd > 2 || b->kind != T_NUM || b->nd > 2 || !b->sp || b->nl || a->script != b->script ||
      !dp_num_alone(c, i) || !dp_num_alone(c, i + 1) ||
      (glued(a) && (T(i - 1)->kind == T_WORD || T(i - 1)->kind == T_NUM)))
    return 0;
  if (T(i - 1)->kind == T_NUM && !T(i)->nl) return 0;   /* inside a row of figures */
  long end = i + 2;
  int yy = 0;
  if (y->kind == T_NUM && y->sp && !y->nl && (y->nd == 4 || y->nd == 2) && y->script == a->script &&
      dp_num_alone(c, i + 2)) {
    yy = y->nd == 4 ? y->num : pivot_year(y->num);
    end = i + 3;
    if (y->nd == 4 && (yy < 1900 || yy > 2100)) return 0;
  }
  const dtok *n = T(end);
  if (n->kind == T_NUM || (n->kind == T_WORD && (glued(n) || has(n, K_UNIT))) ||
      (n->kind == T_PUNCT && glued(n) &&
       (n->cp == '%' || (is_numsep(n) && T(end + 1)->kind == T_NUM && glued(T(end + 1))))))
    return 0;
  int line = (i == 0 || a->nl) && (n->kind == T_EOF || n->nl);
  /* a four-digit year makes it a date anywhere but before a word (20 12
  ** 2014 voix is a row of figures) */
  if (!c->cued && !line && !(y->nd == 4 && end == i + 3 && n->kind != T_WORD)) return 0;
  int mm = c->us ? a->num : b->num, dd = c->us ? b->num : a->num;
  if (mm < 1 || mm > 12 || dd < 1 || dd > dd_days_in_month(yy ? yy : 2000, mm)) return 0;
  dp_set_end(o, yy, mm, dd, P_DAY, CAL_GREG, end);
  o->lang = NULL;
  return 1;
}

/* 31/Oct/1974, 31-Oct-74: a month name between two glued separators. */
static int sep_month_at(dctx *c, long i, core *o) {
  const dtok *a = T(i), *s1 = T(i + 1);
  long k;
  if (a->nd > 2 || !is_sep(s1) || s1->cp == '.' || !glued(s1) || !glued(T(i + 2)) ||
      !dp_num_alone(c, i))
    return 0;
  const dlex *m = dp_month_at(c, i + 2, &k);
  if (!m || m->cal != CAL_GREG || !is_p(T(k), s1->cp) || !glued(T(k))) return 0;
  const dtok *y = T(k + 1);
  if (y->kind != T_NUM || !glued(y) || (y->nd != 2 && y->nd != 4)) return 0;
  const dtok *n = T(k + 2);
  if (glued(n) && n->kind != T_EOF && !(n->kind == T_PUNCT && !is_sep(n))) return 0;
  int yy = y->nd == 4 ? y->num : pivot_year(y->num);
  if (yy < 1000 || yy > 2999 || a->num < 1 || a->num > dd_days_in_month(yy, m->month)) return 0;
  dp_set_end(o, yy, m->month, a->num, P_DAY, CAL_GREG, k + 2);
  o->lang = m->mlang;
  return 1;
}

/* A Hijri or Hebrew-calendar year after a month: digits or gematria. */
static int other_year_at(dctx *c, long j, int cal, int *y, long *end) {
  int era = ERA_NONE;
  long k = j, yk;
  if (dp_mw(c, k, K_YEAR, &yk)) k = yk;
  const dtok *t = T(k);
  if (cal == CAL_HEBREW && t->kind == T_WORD && t->gem) {
    int v = dg_value(c->sc.s + t->s, t->e - t->s);
    if (v < 1) return 0;
    *y = v < 1000 ? v + 5000 : v;
    *end = k + 1;
    return 1;
  }
  if (t->kind != T_NUM || t->nd < 3 || t->nd > 4 || !dp_num_alone(c, k)) return 0;
  *end = dp_era_at(c, k + 1, &era);
  *y = t->num;
  if (cal == CAL_HEBREW) return *y >= 5000 && *y <= 6999;
  if (era == ERA_AH) return *y >= 1 && *y <= 2000;
  return era == ERA_NONE && *y >= 1300 && *y <= 1600;
}

/* A two-digit year after a day and a month (31 octobre 74, 14th April 15,
** October 31 '74): a number that ends the phrase (a mark, a line end, the
** end), so "le 3 mars 15 personnes" keeps its count. */
static int two_digit_year_at(dctx *c, long k, int *y, long *end) {
  long j = k;
  if (is_apos_p(T(j)) && T(j + 1)->kind == T_NUM && glued(T(j + 1))) j++;
  const dtok *t = T(j), *n = T(j + 1);
  if (t->kind != T_NUM || t->nd != 2 || (j == k && !t->sp) || t->nl || !dp_num_alone(c, j))
    return 0;
  /* a clock time may follow (2 Декабрь 95 11:15) */
  int time = n->kind == T_NUM && n->sp && n->nd <= 2 && is_p(T(j + 2), ':') &&
             glued(T(j + 2)) && T(j + 3)->kind == T_NUM && glued(T(j + 3)) && T(j + 3)->nd == 2;
  if (!(n->kind == T_EOF || n->nl || time ||
        (n->kind == T_PUNCT && !is_hyphen(n) && n->cp != '/' && n->cp != ':' && n->cp != '%' &&
         n->cp != '.')) &&
      !(is_p(n, '.') && (T(j + 2)->kind == T_EOF || T(j + 2)->nl || T(j + 2)->sp)))
    return 0;
  *y = pivot_year(t->num);
  *end = j + 1;
  return 1;
}

/* The word that links a month to its year (مارس من عام 2014, в марте в
** 1989 году, March of 2005): of or a cue, before a year word and a number
** or before a year with its era. Returns the year's token, else j. */
static long year_link(dctx *c, long j) {
  long k, yk, end;
  int era;
  if (!dp_mw(c, j, K_OF | K_CUE, &k) || T(k)->nl) return j;
  if (dp_mw(c, k, K_YEAR, &yk) && T(yk)->kind == T_NUM && !T(yk)->nl) return yk;
  if (dp_year_at(c, k, 1000, 2999, &end, &era) && era != ERA_NONE && era != ERA_AH) return k;
  return j;
}

/* A month (and day) of a year told relatively, right after it or after
** of or a cue: في مارس العام الماضي, مارس من العام الماضي, в марте
** прошлого года, in March last year, במרץ השנה. The row is the month of
** that year (REL_YEAR keeping its month and day: dates_resolve.c). */
static int month_rel_year(dctx *c, long j, const dlex *m, core *o, int d) {
  long k = j, e;
  const dlex *ry = dp_mw(c, k, K_RYEAR, &e);
  if (!ry && dp_mw(c, j, K_OF | K_CUE, &k) && !T(k)->nl) ry = dp_mw(c, k, K_RYEAR, &e);
  if (!ry || (ry->kinds & K_QUAL) || T(k)->nl || T(e)->kind == T_NUM) return 0;
  dp_set_end(o, 0, m->month, d, d ? P_DAY : P_MONTH, CAL_GREG, e);
  o->rel = REL_YEAR;
  o->rel_n = ry->rel;
  return 1;
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
    dp_set_end(o, y, m->month, d, d ? P_DAY : P_MONTH, m->cal, end);
    return 1;
  }
  long r;
  const dlex *ra = dp_mw(c, j, K_RAFTER, &r);
  if (ra && (!ra->rel || ra->rel >= 2)) ra = NULL;   /* this, after next, en huit: not a month's side */
  if (ra) j = r;
  if (!ra && month_rel_year(c, j, m, o, d)) return 1;
  if (is_comma(T(j)) && T(j + 1)->kind == T_NUM) j++;
  long yk;
  if (dp_mw(c, j, K_YEAR, &yk) && T(yk)->kind == T_NUM) j = yk;
  else if (!ra) j = year_link(c, j);
  if (dp_year_at(c, j, 1000, 2999, &end, &era)) {
    dp_set_end(o, T(j)->num, m->month, d, d ? P_DAY : P_MONTH, CAL_GREG, end);
    if (era == ERA_AZ) o->lang = "az";          /* may: English or Azerbaijani */
    else if (era == ERA_RU) o->lang = "ru";
    return 1;
  }
  if (dp_bad_year_at(c, j)) { o->end = j + 1; return -1; }
  if (d && !ra && j == k && two_digit_year_at(c, k, &y, &end)) {   /* 31 octobre 74 */
    dp_set_end(o, y, m->month, d, P_DAY, CAL_GREG, end);
    return 1;
  }
  dp_set_end(o, 0, m->month, d, d ? P_DAY : P_MONTH, CAL_GREG, ra ? r : k);
  if (ra) {
    o->rel = ra->rel < 0 ? REL_MONTHNAME_PAST : REL_MONTHNAME_NEXT;
    o->rel_n = m->month;
    o->rel_d = d;
  } else if (!d) {
    /* November's decision: a possessive month is a date (not May's) */
    if (!m->ambiguous && dp_possessive(T(k - 1))) return 1;
    o->alone = 1;
    o->ambiguous = m->ambiguous && c->pair_end != k;   /* آب (أغسطس) */
  }
  return 1;
}

/* Hebrew-calendar day written in gematria: כ״ז באב תשנ״ב. */
static int gematria_day_at(dctx *c, long i, core *o) {
  const dtok *t = T(i);
  if (t->kind != T_WORD || !t->gem) return 0;
  int d = dg_value(c->sc.s + t->s, t->e - t->s);
  long k;
  if (d < 1 || d > 30) return 0;
  const dlex *m = dp_month_at(c, i + 1, &k);
  if (!m || m->cal != CAL_HEBREW) return 0;
  return after_month(c, k, m, o, d) > 0 && o->e.y ? 1 : 0;
}

static int decade_num_at(dctx *c, long j, core *o) {
  const dtok *t = T(j);
  if (t->kind == T_WORD && t->klen == 2 && is_hyphen(T(j + 1)) && glued(T(j + 1)))
    t = T(j += 2);                                /* שנות ה-90 */
  if (t->kind != T_NUM || !dp_num_alone(c, j)) return 0;
  int dec;
  if (t->nd == 2 && t->num % 10 == 0 && t->num >= 10) dec = 190 + t->num / 10;
  else if (t->nd == 4 && t->num % 10 == 0 && t->num >= 1000 && t->num <= 2090) dec = t->num / 10;
  else return 0;
  dp_set_end(o, 0, 0, 0, P_DECADE, CAL_GREG, j + 1);
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
  dp_set_end(o, 0, 0, 0, P_DECADE, CAL_GREG, end);
  o->e.decade = t->nd == 4 ? t->num / 10 : 190 + t->num / 10;
  o->lang = NULL;
  return 1;
}

int dp_core_at(dctx *c, long i, core *o, int lead);

/* A weekday (or اليوم), ",", الموافق, then a full date. */
static int weekday_at(dctx *c, long i, core *o) {
  long j;
  const dlex *w = dp_mw(c, i, K_WEEKDAY, &j);
  if (!w && has(T(i), K_RDAY) && T(i)->lx->rel == 0) {
    if (!(w = dp_mw(c, i + 1, K_WEEKDAY, &j))) return 0;
  } else if (!w) {
    return 0;
  }
  int wd = w->num;
  /* שני, 10 בפברואר: an ambiguous weekday only with its comma */
  if (w->wd_amb && (!is_comma(T(j)) || !dp_amb_prefix_ok(c, T(i)))) return 0;
  if (is_comma(T(j))) j++;
  long k;
  if (dp_mw(c, j, K_MUWAFIQ, &k)) j = k;
  else if (T(j)->script == S_ARABIC && dp_mw(c, j, K_CUE, &k) && !T(j)->nl) j = k;   /* الاثنين في 18 شباط */
  if (is_comma(T(j))) j++;
  int r = dp_core_at(c, j, o, 0);
  if (r > 0 && o->e.prec != P_DAY) return 0;
  if (r > 0) o->wd = wd;
  return r;
}

/* English day after a month in words or with "the": March first, February
** the 15th; a year after it, a capital or a month that is no other word
** tells it from "they march first". */
static int month_ordinal_at(dctx *c, long i, long j, const dlex *mo, int *d, long *end) {
  long e;
  const dlex *o = dp_mw(c, j, K_ODAY, &e);
  if (o && o->num >= 1 && o->num <= 31 && !strcmp(o->lang, "en")) {
    *d = o->num;
  } else if (has(T(j), K_ARTICLE) && dp_day_at(c, j + 1, d, &e) && e > j + 2) {
    /* the 15th: its suffix is needed */
  } else {
    return 0;
  }
  int cap = c->sc.s[T(i)->s] >= 'A' && c->sc.s[T(i)->s] <= 'Z';
  long y = is_comma(T(e)) ? e + 1 : e, ye;
  int era;
  if (T(i)->script != S_LATIN || strcmp(mo->mlang, "en")) return 0;
  if (mo->ambiguous && !cap && !dp_year_at(c, y, 1000, 2999, &ye, &era)) return 0;
  *end = e;
  return 1;
}

/* A clock time at k (12:00 or 12:00:00): the token after it, else k. The
** C library's and mail headers' dates put the year after it. */
static long clock_after(dctx *c, long k) {
  const dtok *h = T(k);
  if (h->kind != T_NUM || h->nd > 2 || h->nl || !is_p(T(k + 1), ':') || !glued(T(k + 1)) ||
      T(k + 2)->kind != T_NUM || T(k + 2)->nd != 2 || !glued(T(k + 2)))
    return k;
  long e = k + 3;
  if (is_p(T(e), ':') && glued(T(e)) && T(e + 1)->kind == T_NUM && T(e + 1)->nd == 2 &&
      glued(T(e + 1)))
    e += 2;
  return T(e)->sp && !T(e)->nl ? e : k;
}

static int core_word_at(dctx *c, long i, core *o, int lead) {
  long j, k2;
  if (!T(i)->lx && !T(i)->gem) return 0;          /* most words */
  if (!T(i)->gem && !(dp_kinds(c, i) & (DP_CORE_KINDS | (lead ? DP_LEAD_KINDS : 0)))) return 0;
  const dlex *e;
  if ((e = dp_mw(c, i, K_CENTURY | K_DECADE, &j))) {
    int cent = (e->kinds & K_CENTURY) && !(e->kinds & K_DECADE);
    dp_set_end(o, 0, 0, 0, cent ? P_CENTURY : P_DECADE, CAL_GREG, j);
    o->e.decade = e->num;
    o->lang = e->lang;
    return 1;
  }
  if ((e = dp_mw(c, i, K_DECLEAD, &j)) && decade_num_at(c, j, o)) {
    o->lang = e->lang;
    return 1;
  }
  if ((e = dp_month_at(c, i, &j))) {
    int d;
    long k;
    if (e->cal == CAL_GREG && (dp_day_at(c, j, &d, &k) || month_ordinal_at(c, i, j, e, &d, &k))) {
      long y = k, yend;
      int era;
      if (is_comma(T(y))) y++;
      long ty = clock_after(c, y);                /* Wed Aug 05 12:00:00 2015 */
      if (ty > y && T(ty)->nd == 4 && dp_year_at(c, ty, 1000, 2999, &yend, &era)) y = ty;
      if (dp_year_at(c, y, 1000, 2999, &yend, &era)) {
        dp_set_end(o, T(y)->num, e->month, d, P_DAY, CAL_GREG, yend);
        o->lang = e->mlang;
        return (d >= 1 && d <= dd_days_in_month(o->e.y, e->month)) ? 1 : -1;
      }
      /* English order without a year: May 5, Sept. 11 (also a French
      ** abbreviation), but not "they may 5": capitals or an English name */
      int cap = c->sc.s[T(i)->s] >= 'A' && c->sc.s[T(i)->s] <= 'Z';
      int en = !strcmp(e->mlang, "en");
      if (T(i)->script == S_LATIN && !dp_bad_year_at(c, y) &&
          ((en && !e->ambiguous) || cap)) {
        dp_set_end(o, 0, e->month, d, P_DAY, CAL_GREG, k);
        o->lang = "en";
        return (d >= 1 && d <= dd_days_in_month(2000, e->month)) ? 1 : -1;
      }
      /* Hebrew in the same order (במרץ 3, אוגוסט 15): only where the number
      ** ends the phrase, so "באוגוסט 8 הרוגים" keeps its count */
      const dtok *n = T(k);
      if (T(i)->script == S_HEBREW && e->cal == CAL_GREG && k == j + 1 && !e->ambiguous &&
          (n->kind == T_EOF || n->nl ||
           (n->kind == T_PUNCT && !is_hyphen(n) && n->cp != '/' && n->cp != ':' &&
            n->cp != '%' && !is_comma(n))) &&
          d >= 1 && d <= dd_days_in_month(2000, e->month)) {
        dp_set_end(o, 0, e->month, d, P_DAY, CAL_GREG, k);
        o->lang = e->mlang;
        return 1;
      }
    }
    return after_month(c, j, e, o, 0);
  }
  if ((e = dp_mw(c, i, K_YEAR, &j))) {
    int era;
    long end;
    if (dp_year_at(c, j, 1000, 2100, &end, &era) && era != ERA_AH) {
      dp_set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_GREG, end);
      o->lang = e->lang;
      return 1;
    }
    if (T(j)->kind == T_NUM && T(j)->nd <= 4 && dp_num_alone(c, j) &&
        dp_era_at(c, j + 1, &era) > j + 1 && era == ERA_AH) {
      dp_set_end(o, T(j)->num, 0, 0, P_YEAR, CAL_HIJRI, dp_era_at(c, j + 1, &era));
      o->lang = e->lang;
      return o->e.y >= 1 && o->e.y <= 2000 ? 1 : -1;
    }
    if (dp_bad_year_at(c, j)) { o->end = j + 1; return -1; }
    return 0;
  }
  if ((e = dp_mw(c, i, K_ODAY, &j)) && e->ord_nth <= 0) {
    /* trente-deux mai: part of a number that is no day */
    if (e->ord_nth < 0 && is_hyphen(T(i - 1)) && glued(T(i))) return 0;
    const dlex *mo = dp_month_at(c, has(T(j), K_OF) ? j + 1 : j, &k2);
    if (mo) {
      int r = after_month(c, k2, mo, o, e->num);
      if (r <= 0) return r;
      if (mo->cal == CAL_GREG && e->num > dd_days_in_month(o->e.y ? o->e.y : 2000, mo->month))
        return -1;
      return 1;
    }
    /* الرابع عشر من الشهر الماضي: a day of a month told relatively */
    long of = has(T(j), K_OF) ? j + 1 : j, re;
    const dlex *rm = dp_mw(c, of, K_RMONTH, &re);
    if (rm && e->num >= 1 && e->num <= 31) {
      o->e.prec = P_DAY;
      o->e.cal = CAL_GREG;
      o->rel = REL_MONTH;
      o->rel_n = rm->rel;
      o->rel_d = e->num;
      o->lang = e->lang;
      o->end = re;
      return 1;
    }
  }
  if (gematria_day_at(c, i, o)) return 1;
  if (lead) {
    int r = weekday_at(c, i, o);
    if (r) return r;
    if (has(T(i), K_ARTICLE) &&
        (T(i + 1)->kind == T_NUM || has(T(i + 1), K_WEEKDAY | K_ODAY))) {
      c->cued = 1;
      r = dp_core_at(c, i + 1, o, T(i + 1)->kind != T_NUM);
      c->cued = 0;
      if (r > 0 && o->e.prec != P_DAY) return 0;
      return r;
    }
  }
  return 0;
}

/* Any self-standing date at i. lead: weekday and article leads allowed. */
int dp_core_at(dctx *c, long i, core *o, int lead) {
  const dtok *t = T(i);
  memset(o, 0, sizeof *o);
  if (t->kind == T_WORD) return core_word_at(c, i, o, lead);
  if (t->kind == T_PUNCT) return is_apos_p(t) ? digit_decade_at(c, i, o) : 0;
  if (t->kind != T_NUM) return 0;
  int r = numeric_at(c, i, o);
  if (r) return r;
  if (day_month_at(c, i, o)) return 1;
  if (dotted_at(c, i, o)) return 1;
  if (sep_month_at(c, i, o)) return 1;
  if (digit_decade_at(c, i, o)) return 1;
  if (spaced_at(c, i, o)) return 1;
  long j, k, end;
  const dlex *e;
  if ((e = dp_mw(c, i, K_CENTURY, &j))) {
    dp_set_end(o, 0, 0, 0, P_CENTURY, CAL_GREG, j);
    o->e.decade = e->num;
    o->lang = e->lang;
    return 1;
  }
  int d, era;
  if (dp_day_at(c, i, &d, &j)) {
    if (has(T(j), K_OF)) j++;
    if ((e = dp_month_at(c, j, &k))) {
      r = after_month(c, k, e, o, d);
      if (r <= 0) return r;
      int ok = e->cal == CAL_GREG
                   ? d >= 1 && d <= dd_days_in_month(o->e.y ? o->e.y : 2000, e->month)
                   : d >= 1 && d <= 30;
      return ok ? 1 : -1;
    }
  }
  if (dp_year_at(c, i, 1, 2999, &end, &era) && era != ERA_NONE) {
    int hij = era == ERA_AH;
    dp_set_end(o, t->num, 0, 0, P_YEAR, hij ? CAL_HIJRI : CAL_GREG, end);
    if (!hij && (t->num < 1000 || t->num > 2100)) return 0;
    return hij && t->num > 2000 ? -1 : 1;
  }
  return 0;
}
