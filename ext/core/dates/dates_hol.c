/* Holidays news dates by (dates_holidays.tsv): a name, maybe a year, and a
** rule that places the feast in its own calendar: a fixed Gregorian or
** Julian day (Christmas, Orthodox Christmas), a day from Easter (the
** Gregorian or the Julian computus), a day or month of the Islamic
** (Umm al-Qura, through ICU) or Hebrew calendar. Without a year, the
** occurrence is chosen against the anchor by the prefer convention. */
#include <stdlib.h>
#include <string.h>
#include "dates_pat.h"

/* ------------------------------------------------------------ matching */

static int native_cal(const dhol *h) {
  return h->rule == HR_HIJRI ? CAL_HIJRI : h->rule == HR_HEBREW ? CAL_HEBREW : CAL_GREG;
}

/* A name that is also a word or a person's name (Ramadan, Pessah) is a
** holiday only after a cue, an article, "of" or a dropped one-letter
** prefix (في, pendant, le, du, ב), or before a year. */
static int cued_before(dctx *c, long i) {
  if (T(i)->pre) return 1;
  if (i == 0 || T(i)->nl) return 0;
  return has(T(i - 1), K_CUE | K_ARTICLE | K_OF | K_RSTART | K_QUAL);
}

int dh_holiday_at(dctx *c, long i, dmatch *m) {
  long j, k, end, yk;
  int era = ERA_NONE, year = 0;
  const dlex *e = dp_mw(c, i, K_HOLIDAY, &j);
  if (!e || !dl_holiday(e->hol)) return 0;
  k = j;
  if (dp_mw(c, k, K_YEAR, &yk) && T(yk)->kind == T_NUM) k = yk;
  if (dp_year_at(c, k, 1000, 2999, &end, &era)) {
    year = T(k)->num;
  } else {
    end = j;
    era = ERA_NONE;
  }
  if (!year && e->hol_amb && !cued_before(c, i)) return 0;
  memset(m, 0, sizeof *m);
  m->rel = REL_HOLIDAY;
  m->rel_n = e->hol;
  m->rel_k = year;
  m->native = era == ERA_AH;
  m->show_cal = native_cal(dl_holiday(e->hol));
  m->lang = e->lang;
  m->t0 = i;
  m->t1 = end;
  m->bs = T(i)->s + T(i)->pre;
  m->be = T(end - 1)->e;
  return 1;
}

/* ---------------------------------------------------------- resolution */

/* Day number of a day of the Julian calendar (the Julian day number less
** that of 0000-03-01 in dd_day_number's count). */
static long julian_dn(int y, int m, int d) {
  long a = (14 - m) / 12, yy = (long)y + 4800 - a, mm = m + 12 * a - 3;
  long jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
  return jdn - 1721120L;
}

/* Easter Sunday of year y: the Gregorian computus (Meeus/Jones/Butcher). */
static long easter_dn(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int mm = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * mm + 114) / 31, day = (h + l - 7 * mm + 114) % 31 + 1;
  return dd_day_number(y, month, day);
}

/* Orthodox Easter of year y: the Julian computus (Meeus), a Julian day. */
static long oeaster_dn(int y) {
  int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30;
  int e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  return julian_dn(y, month, day);
}

static int year_of(long dn) {
  diwan_ymd x;
  dd_from_day_number(dn, &x);
  return x.y;
}

/* The occurrence of cycle k: a Gregorian year, or for an Islamic or Hebrew
** rule a year of that calendar. 1 with its first and last day, or 0. */
static int occurrence(const dhol *h, int k, long *f, long *l) {
  int len = h->len > 0 ? h->len : 1;
  if (k < 2 || k > 9998) return 0;
  switch (h->rule) {
    case HR_GREG:
      if (h->d < 1 || h->d > dd_days_in_month(k, h->m)) return 0;
      *f = dd_day_number(k, h->m, h->d);
      break;
    case HR_JULIAN:           /* the Gregorian year k's one: j:12-25 is 7 January */
      *f = julian_dn(k, h->m, h->d);
      if (year_of(*f) != k) *f = julian_dn(k - 1, h->m, h->d);
      break;
    case HR_EASTER: *f = easter_dn(k) + h->off; break;
    case HR_OEASTER: *f = oeaster_dn(k) + h->off; break;
    default: {
      int cal = native_cal(h);
      diwan_ymd g;
      if (dc_to_gregorian(cal, k, h->m, h->d ? h->d : 1, &g) != DIWAN_OK) return 0;
      *f = dd_day_number(g.y, g.m, g.d);
      if (!h->d && !(len = dc_month_days(cal, k, h->m))) return 0;
      break;
    }
  }
  *l = *f + len - 1;
  return year_of(*f) >= 1 && year_of(*l) <= 9999;
}

/* Cycles whose occurrence may fall in Gregorian year y: [*lo, *hi]. */
static void cycles_near(const dhol *h, int y, int *lo, int *hi) {
  int k = y;
  if (h->rule == HR_HIJRI) k = (int)((long)(y - 622) * 33 / 32);
  else if (h->rule == HR_HEBREW) k = y + 3760;
  int wide = native_cal(h) != CAL_GREG ? 2 : 1;
  *lo = k - wide;
  *hi = k + wide;
}

int dh_resolve(const dctx *c, int hol, int year, int native, long *first,
               long *last, int *cal) {
  const dhol *h = dl_holiday(hol);
  if (!h) return 0;
  *cal = native_cal(h);
  long f, l;
  if (native) {                             /* عيد الفطر 1436 هـ */
    if (h->rule != HR_HIJRI || !occurrence(h, year, &f, &l)) return 0;
    *first = f; *last = l;
    return 1;
  }
  const diwan_ymd *a = c->anchor;
  int y = year ? year : a ? a->y : 0;
  if (!y) return 0;
  int lo, hi;
  if (year || !a->m) {                      /* the one that starts in year y */
    cycles_near(h, y, &lo, &hi);
    for (int k = lo; k <= hi; k++)
      if (occurrence(h, k, &f, &l) && year_of(f) == y) { *first = f; *last = l; return 1; }
    return 0;
  }
  long at = dd_day_number(a->y, a->m, a->d ? a->d : 15), best = -1;
  int found = 0;
  cycles_near(h, a->y - 1, &lo, &hi);
  int lo2, hi2;
  cycles_near(h, a->y + 1, &lo2, &hi2);
  for (int k = lo; k <= hi2; k++) {
    if (!occurrence(h, k, &f, &l)) continue;
    long score;
    switch (c->prefer) {
      case DIWAN_PREFER_PAST: if (f > at) continue; score = at - f; break;
      case DIWAN_PREFER_FUTURE: if (l < at) continue; score = f - at; break;
      case DIWAN_PREFER_CURRENT: if (year_of(f) != a->y) continue; score = 0; break;
      default: score = f <= at && at <= l ? 0 : labs(f - at); break;
    }
    if (score < 0) score = 0;
    if (!found || score < best) { best = score; *first = f; *last = l; found = 1; }
  }
  return found;
}

/* For a fixed Gregorian day, the month and day even without a year. */
int dh_fixed_day(int hol, int *m, int *d) {
  const dhol *h = dl_holiday(hol);
  if (!h || h->rule != HR_GREG || h->len > 1) return 0;
  *m = h->m;
  *d = h->d;
  return 1;
}
