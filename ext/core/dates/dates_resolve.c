/* Resolution and output of date mentions: missing years and relative
** expressions against the anchor, EDTF values, the first and last day a
** mention may denote; and the entry point diwan_dates. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include "dates_int.h"
#include "base/alloc.h"

const char *const dd_modifier_name[] = {NULL, "early", "mid", "late", "approx", "before",
                                        "after", "spring", "summer", "autumn", "winter",
                                        "q1", "q2", "q3", "q4", "h1", "h2"};
static const char *const prec_name[] = {NULL, "day", "month", "year",
                                        "decade", "century", "week"};
static const char *const cal_name[] = {"gregorian", "islamic-umalqura", "hebrew"};

int diwan_parse_iso_day(const char *s, size_t n, diwan_ymd *out) {
  size_t i = 0;
  int v[3] = {0, 0, 0}, k = 0;
  if (!s) return DIWAN_ERROR;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  for (; k < 3; k++) {
    size_t start = i, want = k ? 2 : 4;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < want) v[k] = v[k] * 10 + (s[i++] - '0');
    if (i - start != want) return DIWAN_ERROR;
    if (i == n || s[i] == 'T' || (k == 2 && s[i] == ' ')) { k++; break; }
    if (s[i] != '-' || k == 2) return DIWAN_ERROR;
    i++;
  }
  if (v[0] < 1 || (k > 1 && (v[1] < 1 || v[1] > 12)) ||
      (k > 2 && (v[2] < 1 || v[2] > dd_days_in_month(v[0], v[1]))))
    return DIWAN_ERROR;
  if (i < n && k < 3) return DIWAN_ERROR;      /* a time after a day only */
  out->y = v[0];
  out->m = v[1];
  out->d = v[2];
  return DIWAN_OK;
}

static void digits(char *out, unsigned v, int n) {
  while (n-- > 0) { out[n] = (char)('0' + v % 10); v /= 10; }
}

/* YYYY-MM-DD into 11 bytes (years outside 0-9999 never get here). */
static void iso(char *out, const diwan_ymd *d) {
  digits(out, (unsigned)d->y, 4);
  out[4] = '-';
  digits(out + 5, (unsigned)d->m, 2);
  out[7] = '-';
  digits(out + 8, (unsigned)d->d, 2);
  out[10] = 0;
}

/* The first and last Gregorian days of one end; 0 when the year is unknown
** or the day does not exist in its calendar. */
static int end_days(const dend *e, diwan_ymd *f, diwan_ymd *l) {
  int y = e->y;
  switch (e->prec) {
    case P_DECADE:
      f->y = e->decade * 10; f->m = 1; f->d = 1;
      l->y = f->y + 9; l->m = 12; l->d = 31;
      return 1;
    case P_CENTURY:
      f->y = (e->decade - 1) * 100; f->m = 1; f->d = 1;
      l->y = f->y + 99; l->m = 12; l->d = 31;
      return 1;
    case P_WEEK: {                          /* y-m-d is its Monday */
      if (!y) return 0;
      f->y = y; f->m = e->m; f->d = e->d;
      dd_from_day_number(dd_day_number(y, e->m, e->d) + 6, l);
      return 1;
    }
    default: break;
  }
  if (!y) return 0;
  int m0 = e->m ? e->m : 1, m1 = e->m ? e->m : dc_year_months(e->cal, y);
  if (e->cal == CAL_HEBREW && !e->m) m1 = 13;   /* Tishri … Elul */
  int d0 = e->d ? e->d : 1, d1 = e->d ? e->d : dc_month_days(e->cal, y, m1);
  if (dc_to_gregorian(e->cal, y, m0, d0, f) != DIWAN_OK) return 0;
  if (dc_to_gregorian(e->cal, y, m1, d1, l) != DIWAN_OK) return 0;
  return 1;
}

/* Appends n digits of v, or "XX…" when v < 0 (unknown). */
static char *put_digits(char *o, int v, int n) {
  if (v < 0) { while (n-- > 0) *o++ = 'X'; return o; }
  digits(o, (unsigned)v, n);
  return o + n;
}

static char *put_day(char *o, const diwan_ymd *d) {
  o = put_digits(o, d->y % 10000, 4);
  *o++ = '-';
  o = put_digits(o, d->m % 100, 2);
  *o++ = '-';
  return put_digits(o, d->d % 100, 2);
}

/* The EDTF of one end into out (at least 32 bytes); no printf: this runs
** for every mention. */
static void edtf(const dend *e, int known, const diwan_ymd *f,
                 const diwan_ymd *l, char *out) {
  char *o = out;
  if (e->prec == P_DECADE) {
    o = put_digits(o, e->decade % 1000, 3);
    *o++ = 'X';
  } else if (e->prec == P_CENTURY) {
    o = put_digits(o, (e->decade - 1) % 100, 2);
    *o++ = 'X';
    *o++ = 'X';
  } else if (e->prec == P_WEEK) {           /* ISO 8601 week: 2013-W07 */
    if (!known) { memcpy(o, "XXXX-WXX", 8); o += 8; }
    else {
      diwan_ymd th;                         /* the week's year is its Thursday's */
      long dn = dd_day_number(e->y, e->m, e->d) + 3;
      dd_from_day_number(dn, &th);
      long w = (dn - dd_day_number(th.y, 1, 1)) / 7 + 1;
      o = put_digits(o, th.y % 10000, 4);
      *o++ = '-'; *o++ = 'W';
      o = put_digits(o, (int)w, 2);
    }
  } else if (e->cal != CAL_GREG) {
    o = put_day(o, f);
    if (e->prec != P_DAY) { *o++ = '/'; o = put_day(o, l); }
  } else {
    o = put_digits(o, known ? e->y % 10000 : -1, 4);
    if (e->prec == P_DAY || e->prec == P_MONTH) { *o++ = '-'; o = put_digits(o, e->m % 100, 2); }
    if (e->prec == P_DAY) { *o++ = '-'; o = put_digits(o, e->d % 100, 2); }
  }
  *o = 0;
}

/* The year of a month (and day) given without one: the nearest to the
** anchor, or the last/next one for "أغسطس الماضي" / "août prochain". */
static int prefer_year(const diwan_ymd *a, int m, int d, int prefer);
static int anchor_year(const diwan_ymd *a, int m, int d, int rel) {
  if (rel == REL_MONTHNAME_PAST) return a->m && m >= a->m ? a->y - 1 : a->y;
  if (rel == REL_MONTHNAME_NEXT) return a->m && m <= a->m ? a->y + 1 : a->y;
  if (!a->m) return a->y;
  return prefer_year(a, m, d, DIWAN_PREFER_NEWS);
}

/* The year of a year-less month (and day) by the prefer convention: on or
** before the anchor (past), on or after it (future), the anchor's year
** (current), else the nearest (news). */
static int prefer_year(const diwan_ymd *a, int m, int d, int prefer) {
  if (!a->m || prefer == DIWAN_PREFER_CURRENT) return a->y;
  long at = dd_day_number(a->y, a->m, a->d ? a->d : 15);
  if (prefer == DIWAN_PREFER_PAST || prefer == DIWAN_PREFER_FUTURE) {
    int fut = prefer == DIWAN_PREFER_FUTURE;
    /* a month alone is compared by its first (future) or last (past) day */
    int dd = d ? d : fut ? 1 : 28;
    long here = dd_day_number(a->y, m, dd);
    if (!d && m == a->m) return a->y;
    /* future compares months: a day of the anchor's own month is this
    ** year's, past or not (Duckling's "the first of February" said on the
    ** 12th) */
    if (fut) return here >= at || m == a->m ? a->y : a->y + 1;
    return here <= at ? a->y : a->y - 1;
  }
  long best = -1;
  int by = a->y;
  for (int y = a->y - 1; y <= a->y + 1; y++) {
    long dist = labs(dd_day_number(y, m, d ? d : 15) - at);
    if (best < 0 || dist < best) { best = dist; by = y; }
  }
  return by;
}

static void add_months(diwan_ymd *x, int n) {
  long k = (long)x->y * 12 + (x->m - 1) + n;
  x->y = (int)(k / 12);
  x->m = (int)(k % 12) + 1;
}

int dd_weekday(long dn) {
  long r = (dn - dd_day_number(2013, 2, 11)) % 7;   /* a Monday */
  return (int)(r < 0 ? r + 7 : r) + 1;
}

static void set_day(dend *e, long dn, int prec) {
  diwan_ymd x;
  dd_from_day_number(dn, &x);
  e->y = x.y; e->m = x.m; e->d = x.d; e->prec = prec;
}

/* The day a weekday w names, seen from anchor day a (see diwan.h for the
** conventions): bare after prefer, last/next strictly before/after, this
** on or after, or in the week k weeks from the anchor's. */
static long weekday_day(long a, int w, int mode, int k, int prefer) {
  int wa = dd_weekday(a);
  long monday = a - (wa - 1);
  int back = (wa - w + 7) % 7, fwd = (w - wa + 7) % 7;
  switch (mode) {
    case WD_LAST: return a - (back ? back : 7);
    case WD_NEXT: return a + (fwd ? fwd : 7);
    case WD_AFTERNEXT:
      if (k < 0) return a + fwd - 7L * k;  /* mardi en quinze: from this one */
      return a + (fwd ? fwd : 7) + 7L * (k > 1 ? k : 1);
    case WD_THIS: return a + fwd;
    case WD_WEEK: return monday + 7L * k + (w - 1);
    case WD_COUNT:                         /* the anchor's own weekday does not count */
      if (k > 0) return a + (fwd ? fwd : 7) + 7L * (k - 1);
      return a - (back ? back : 7) - 7L * (-k - 1);
    default: break;
  }
  if (prefer == DIWAN_PREFER_FUTURE) return a + (fwd ? fwd : 7);
  if (prefer == DIWAN_PREFER_NEAREST && fwd < back) return a + fwd;
  return a - back;
}

/* The months of a part of year y: its first month (1-based, may be 12
** for a winter that ends in y + 1) and how many months it spans. */
static void part_months(int mod, int *first, int *len) {
  if (mod <= MOD_WINTER) { *first = 3 + 3 * (mod - MOD_SPRING); *len = 3; }
  else if (mod <= MOD_Q4) { *first = 1 + 3 * (mod - MOD_Q1); *len = 3; }
  else { *first = mod == MOD_H1 ? 1 : 7; *len = 6; }
}

/* The year of "this/last/next summer" seen from the anchor's month: this,
** the one holding the anchor, else the anchor year's; last, the latest
** that ended before the anchor's month; next, the first that starts after
** it. Counted in months since year 0, so the winter across New Year needs
** no special case. */
static int part_year(const diwan_ymd *a, int mod, int rel) {
  int first, len;
  part_months(mod, &first, &len);
  long am = (long)a->y * 12 + (a->m - 1);
  int y = a->y;
#define START(y) ((long)(y) * 12 + (first - 1))
  if (rel == 0) return START(y) > am && START(y - 1) + len > am ? y - 1 : y;
  if (rel < 0) { while (START(y) + len - 1 >= am) y--; return y; }
  y = a->y - 1;
  while (START(y) <= am) y++;
  return y;
#undef START
}

/* The quarter q quarters from the anchor's, as a year and its part. */
static void quarter_of(dend *e, int *mod, const diwan_ymd *a, long q) {
  q += (long)a->y * 4 + (a->m - 1) / 3;
  e->y = (int)(q / 4);
  e->prec = P_YEAR;
  *mod = MOD_Q1 + (int)(q % 4);
}

/* The whole units before or after the anchor's own (the last 2 weeks: the
** two weeks before this one), or only the Nth unit ahead (rel_k). Weeks
** run Monday to Sunday; quarters become their months. 0: not placed. */
static int resolve_span(dctx *c, dmatch *m) {
  const diwan_ymd *a = c->anchor;
  int n = m->rel_n, u = m->rel_mode;
  long lo = n < 0 ? n : 1, hi = n < 0 ? -1 : n;   /* offsets in units */
  if (m->rel_k) lo = hi = n;
  if (!a || (u != U_YEAR && !a->m) || ((u == U_DAY || u == U_WEEK) && !a->d)) return 0;
  dend *e[2] = {&m->a, &m->b};
  long off[2] = {lo, hi};
  if (u == U_QUARTER && lo == hi) { quarter_of(&m->a, &m->mod, a, lo); return 1; }
  for (int k = 0; k < 2; k++) {
    e[k]->cal = CAL_GREG;
    if (u == U_DAY || u == U_WEEK) {
      long ad = dd_day_number(a->y, a->m, a->d);
      long dn = u == U_DAY ? ad + off[k] : ad - (dd_weekday(ad) - 1) + 7 * off[k];
      if (dn < dd_day_number(1, 1, 1) || dn + 6 > dd_day_number(9999, 12, 31)) return 0;
      set_day(e[k], dn, u == U_DAY ? P_DAY : P_WEEK);
    } else if (u == U_YEAR) {
      e[k]->y = a->y + (int)off[k];
      e[k]->prec = P_YEAR;
    } else {                                /* months; a quarter's months */
      diwan_ymd x = *a;
      long mo = u == U_MONTH ? off[k] : 3 * off[k] - (a->m - 1) % 3 + (k ? 2 : 0);
      if (labs(mo) > 12L * 10000) return 0;
      add_months(&x, (int)mo);
      e[k]->y = x.y; e[k]->m = x.m; e[k]->prec = P_MONTH;
    }
    if (e[k]->y < 1 || e[k]->y > 9999) return 0;
  }
  if (lo == hi) memset(&m->b, 0, sizeof m->b);
  return 1;
}

/* The Nth weekday, week (Monday to Sunday, wholly inside) or day of a
** month or year; rel_n < 0 counts from its end. 0 when the period's year
** cannot be known or the period has no such Nth. */
/* Day d of the anchor's month or of a neighbour: prefer future, the first
** on or after the anchor day; past, the latest on or before; current, the
** anchor's month; news, the nearest (ties: the earlier). */
static int resolve_mday(dctx *c, dmatch *m) {
  const diwan_ymd *a = c->anchor;
  if (!a || !a->d) return 0;
  long at = dd_day_number(a->y, a->m, a->d), best = -1;
  /* with a weekday (jeudi 15): the months around where that day is that
  ** weekday (one in 14 months at least has it), else this month and its
  ** neighbours; news and current: the nearest, the earlier on a tie */
  int span = m->wd ? 14 : 1;
  int last = m->rel_k > m->rel_n ? m->rel_k : m->rel_n;   /* du 28 au 31: a month with both */
  for (int k = -span; k <= span; k++) {
    diwan_ymd x = *a;
    add_months(&x, k);
    if (x.y < 1 || x.y > 9999 || last > dd_days_in_month(x.y, x.m)) continue;
    long dn = dd_day_number(x.y, x.m, m->rel_n);
    if (m->wd && dd_weekday(dn) != m->wd) continue;
    int ok = c->prefer == DIWAN_PREFER_FUTURE ? dn >= at && (best < 0 || dn < best)
           : c->prefer == DIWAN_PREFER_PAST ? dn <= at && (best < 0 || dn > best)
           : c->prefer == DIWAN_PREFER_CURRENT && !m->wd ? k == 0
           : best < 0 || labs(dn - at) < labs(best - at);
    if (ok) best = dn;
  }
  if (best < 0) return 0;
  memset(&m->a, 0, sizeof m->a);
  m->a.cal = CAL_GREG;
  set_day(&m->a, best, P_DAY);
  if (m->rel_k > m->rel_n) {                /* du 13 au 18: the same month */
    memset(&m->b, 0, sizeof m->b);
    m->b.cal = CAL_GREG;
    set_day(&m->b, best + m->rel_k - m->rel_n, P_DAY);
  }
  return 1;
}

static int resolve_nth(dctx *c, dmatch *m) {
  const diwan_ymd *a = c->anchor;
  if (m->rel_mode == NTH_MDAY) return resolve_mday(c, m);
  int y = m->a.y, mo = m->a.m;
  if (m->per_rel) {
    if (!a || !a->m) return 0;
    diwan_ymd x = *a;
    if (m->per_rel == REL_MONTH) add_months(&x, m->per_off);
    else x.y += m->per_off;
    y = x.y;
    mo = m->per_rel == REL_MONTH ? x.m : m->a.m;   /* March of next year */
  } else if (!y) {
    if (!a || !mo) return 0;
    y = prefer_year(a, mo, 0, c->prefer);
  }
  if (y < 1 || y > 9999) return 0;
  long s = dd_day_number(y, mo ? mo : 1, 1);
  long e = dd_day_number(y, mo ? mo : 12, mo ? dd_days_in_month(y, mo) : 31);
  int n = m->rel_n, k = n < 0 ? -n - 1 : n - 1;
  long dn;
  switch (m->rel_mode) {
    case NTH_WEEKDAY:
      dn = n > 0 ? s + (m->wd - dd_weekday(s) + 7) % 7 + 7L * k
                 : e - (dd_weekday(e) - m->wd + 7) % 7 - 7L * k;
      break;
    case NTH_WEEK:                          /* its Monday */
      dn = n > 0 ? s + (8 - dd_weekday(s)) % 7 + 7L * k
                 : e - dd_weekday(e) % 7 - 6 - 7L * k;
      if (dn + 6 > e) return 0;
      break;
    default:
      dn = n > 0 ? s + k : e - k;
      break;
  }
  if (dn < s || dn > e) return 0;
  memset(&m->a, 0, sizeof m->a);
  m->a.cal = CAL_GREG;
  set_day(&m->a, dn, m->rel_mode == NTH_WEEK ? P_WEEK : P_DAY);
  return 1;
}

static void fill_year(dctx *c, dend *e, int wd);

/* Within N units: the anchor day to the same day N units on (the last
** day of a shorter month: d'ici un mois from 31 January is 28 February). */
static int resolve_within(const diwan_ymd *a, dmatch *m) {
  if (!a || !a->d) return 0;
  long ad = dd_day_number(a->y, a->m, a->d);
  set_day(&m->a, ad, P_DAY);
  if (m->rel_mode == U_DAY || m->rel_mode == U_WEEK) {
    set_day(&m->b, ad + (long)m->rel_n * (m->rel_mode == U_WEEK ? 7 : 1), P_DAY);
  } else {
    diwan_ymd x = *a;
    add_months(&x, m->rel_n * (m->rel_mode == U_YEAR ? 12 : 1));
    if (x.y < 1 || x.y > 9999) return 0;
    int md = dd_days_in_month(x.y, x.m);
    m->b.y = x.y; m->b.m = x.m; m->b.d = a->d > md ? md : a->d;
    m->b.prec = P_DAY; m->b.cal = CAL_GREG;
  }
  return 1;
}

/* Relative expressions become plain ends; 0 when nothing can be said
** (no anchor, or one too coarse): the row is then reported unresolved. */
static int resolve_relative(dctx *c, dmatch *m) {
  const diwan_ymd *a = c->anchor;
  if (m->rel == REL_NTH) return resolve_nth(c, m);
  dend told = m->a;                       /* March of last year: its month, day */
  memset(&m->a, 0, sizeof m->a);
  m->a.cal = CAL_GREG;
  long ad = a && a->d ? dd_day_number(a->y, a->m, a->d) : 0;
  switch (m->rel) {
    case REL_WEEKDAY:
      if (!a || !a->d) return 0;
      set_day(&m->a, weekday_day(ad, m->rel_n, m->rel_mode, m->rel_k, c->prefer), P_DAY);
      return 1;
    case REL_WEEK:
      if (!a || !a->d) return 0;
      set_day(&m->a, ad - (dd_weekday(ad) - 1) + 7L * m->rel_n, P_WEEK);
      diwan_ymd sun;                        /* the week must end by 9999 */
      dd_from_day_number(ad - (dd_weekday(ad) - 1) + 7L * m->rel_n + 6, &sun);
      return sun.y <= 9999;
    case REL_SPAN:
      return m->rel_n ? resolve_span(c, m) : 0;   /* the coming weeks: no count */
    case REL_WITHIN:
      return resolve_within(a, m);
    case REL_UNITS:
      if (m->rel_k) return 0;               /* trois jours après la réunion */
      if (m->rel_mode == U_QUARTER) {
        if (!a || !a->m) return 0;
        quarter_of(&m->a, &m->mod, a, m->rel_n);
        return 1;
      }
      if (m->rel_mode == U_DAY || m->rel_mode == U_WEEK) {
        if (!a || !a->d) return 0;
        set_day(&m->a, ad + (long)m->rel_n * (m->rel_mode == U_WEEK ? 7 : 1), P_DAY);
        return 1;
      }
      if (m->rel_mode == U_MONTH || (m->fine && m->rel_mode == U_YEAR)) {
        /* fine: three months ago is that day (the month's last when it has
        ** fewer days), two years ago that month (Duckling, chrono); from
        ** today: three years from today is that day */
        if (!a || !a->m) return 0;
        diwan_ymd x = *a;
        add_months(&x, m->rel_n * (m->rel_mode == U_YEAR ? 12 : 1));
        m->a.y = x.y; m->a.m = x.m; m->a.prec = P_MONTH;
        if (m->fine && (m->rel_mode == U_MONTH || m->fine == 2) && a->d) {  /* else the month */
          int dim = dd_days_in_month(x.y, x.m);
          m->a.d = a->d < dim ? a->d : dim;
          m->a.prec = P_DAY;
        }
        return 1;
      }
      if (!a) return 0;
      m->a.y = a->y + m->rel_n; m->a.prec = P_YEAR;
      return 1;
    case REL_DAY: {
      if (!a || !a->d) return 0;
      long dn = ad + m->rel_n;
      if (m->wd) {                          /* hier mardi: the nearest Tuesday */
        long best = 0;
        for (int k = -3; k <= 3; k++) {
          if (dd_weekday(dn + k) != m->wd) continue;
          best = dn + k;
        }
        /* a stated day of the month that fits that weekday within a week */
        for (int k = -6; m->rel_k && k <= 6; k++) {
          diwan_ymd x;
          dd_from_day_number(dn + k, &x);
          if (x.d == m->rel_k && dd_weekday(dn + k) == m->wd) { best = dn + k; break; }
        }
        dn = best;
      }
      set_day(&m->a, dn, P_DAY);
      return 1;
    }
    case REL_MONTH: {
      if (!a || !a->m) return 0;
      diwan_ymd x = *a;
      add_months(&x, m->rel_n);
      m->a.y = x.y; m->a.m = x.m; m->a.prec = P_MONTH;
      if (m->rel_k) {                       /* the 14th of last month */
        if (x.y < 1 || x.y > 9999 || m->rel_k > dd_days_in_month(x.y, x.m)) return 0;
        m->a.d = m->rel_k; m->a.prec = P_DAY;
      }
      return 1;
    }
    case REL_YEAR:
      if (!a) return 0;
      m->a.y = a->y + m->rel_n; m->a.prec = P_YEAR;
      if (told.m && told.cal == CAL_GREG) {
        m->a.m = told.m; m->a.d = told.d; m->a.prec = told.d ? P_DAY : P_MONTH;
      }
      return 1;
    case REL_PART:
      if (!a || !a->m) return 0;
      m->a.y = part_year(a, m->mod, m->rel_n); m->a.prec = P_YEAR;
      return 1;
    case REL_QUARTER:                       /* the anchor's quarter, moved */
      if (!a || !a->m) return 0;
      quarter_of(&m->a, &m->mod, a, m->rel_n);
      return 1;
    case REL_PREV: {                        /* from a stated day, the last day, the anchor */
      long from = 0;
      if (m->base.prec == P_DAY) {
        dend b = m->base;
        fill_year(c, &b, m->wd);
        if (b.y >= 1 && b.y <= 9999 && b.d <= dd_days_in_month(b.y, b.m))
          from = dd_day_number(b.y, b.m, b.d);
      } else {
        from = c->prev_day ? c->prev_day : ad;
      }
      if (!from) return 0;
      set_day(&m->a, from + m->rel_n, P_DAY);
      return 1;
    }
    case REL_HOLIDAY: {
      long f, l;
      int cal;
      if (!dh_resolve(c, m->rel_n, m->rel_k, m->native, &f, &l, &cal)) {
        int mo, d;                          /* Noël, no anchor: XXXX-12-25 */
        if (m->rel_k || a || !dh_fixed_day(m->rel_n, &mo, &d)) return 0;
        m->a.m = mo; m->a.d = d; m->a.prec = P_DAY;
        m->rel = REL_NONE;
        return 1;
      }
      set_day(&m->a, f, P_DAY);
      if (l != f) set_day(&m->b, l, P_DAY);
      m->show_cal = cal;
      if (m->rel_k) m->rel = REL_NONE;      /* a stated year: absolute */
      return 1;
    }
    case REL_LATER:
      if (m->rel_k || (!c->have_prev && !a)) return 0;
      m->a.y = (c->have_prev ? c->prev_y : a->y) + m->rel_n;
      m->a.prec = P_YEAR;
      return 1;
    default:    /* a month name with الماضي/dernier: the month, year unknown */
      m->a.m = m->rel_n;
      m->a.d = m->rel_k;                    /* أول تموز الماضي: its day */
      m->a.prec = m->rel_k ? P_DAY : P_MONTH;
      if (a) m->a.y = anchor_year(a, m->a.m, m->rel_k, m->rel);
      return 1;
  }
}

/* The year of a year-less day whose weekday the text states (الخميس 15
** اغسطس): the nearest to the anchor's year where that day is that weekday
** (ties: the earlier); none within 28 years, or no anchor: unchanged. */
static int weekday_year(const diwan_ymd *a, int m, int d, int wd) {
  for (int k = 0; k <= 28; k++) {
    for (int s = -1; s <= 1; s += 2) {
      int y = a->y + s * k;
      if (y < 1 || y > 9999 || d > dd_days_in_month(y, m)) continue;
      if (dd_weekday(dd_day_number(y, m, d)) == wd) return y;
      if (!k) break;
    }
  }
  return 0;
}

static void fill_year(dctx *c, dend *e, int wd) {
  if (e->y || !e->m || e->cal != CAL_GREG || !c->anchor) return;
  if (wd && e->d && (e->y = weekday_year(c->anchor, e->m, e->d, wd))) return;
  e->y = prefer_year(c->anchor, e->m, e->d, c->prefer);
}

/* early / mid / late keep a third of a Gregorian week, month, year, decade
** or century in first_day..last_day (the value stays the whole unit): a
** week's three days at its start, centre and end (Monday-Wednesday,
** Wednesday-Friday, Friday-Sunday); days 1-10, 11-20, 21-end; a year's
** quarters, not thirds (news and the Arabic gold read "the beginning of the
** year" as its first quarter, "the end of 2016" as its last): January-March,
** April-September, October-December (English: April-August, September-December); years 0-3, 4-6, 7-9 of a decade; 0-33,
** 34-66, 67-99 of a century. */
static void narrow_part(const dmatch *m, diwan_ymd *f, diwan_ymd *l) {
  if (m->a.prec == P_MONTH) {               /* halves of a month: 1-15, 16-end */
    if (m->mod == MOD_H1) l->d = 15;
    else if (m->mod == MOD_H2) f->d = 16;
    return;
  }
  if (m->a.prec != P_YEAR) return;
  int first, len;
  part_months(m->mod, &first, &len);
  diwan_ymd e = {f->y, first, 1};
  add_months(&e, len - 1);                  /* winter y ends in February y + 1 */
  f->m = first; f->d = 1;
  if (e.y > 9999) return;                   /* no day after 9999-12-31 */
  *l = e;
  l->d = dd_days_in_month(l->y, l->m);
}

static void narrow(const dmatch *m, diwan_ymd *f, diwan_ymd *l) {
  if (dd_is_part(m->mod) && m->a.cal == CAL_GREG) { narrow_part(m, f, l); return; }
  int k = m->mod == MOD_EARLY ? 0 : m->mod == MOD_MID ? 1 : m->mod == MOD_LATE ? 2 : -1;
  if (k < 0 || m->a.cal != CAL_GREG) return;
  switch (m->a.prec) {
    case P_WEEK: {                          /* Mon-Wed, Wed-Fri, Fri-Sun */
      long mon = dd_day_number(f->y, f->m, f->d);
      dd_from_day_number(mon + 2 * k, f);
      dd_from_day_number(mon + 2 * k + 2, l);
      break;
    }
    case P_MONTH:
      if (k < 2) l->d = 10 * (k + 1);
      if (k > 0) f->d = 10 * k + 1;
      break;
    case P_YEAR: {
      /* English reads the end of a year as its last third (late 2012,
      ** the end of the year, EOY: September-December, as Duckling), the
      ** other languages as its last quarter */
      int late = m->lang && !strcmp(m->lang, "en") ? 9 : 10;
      if (k < 2) { l->m = k ? late - 1 : 3; l->d = dd_days_in_month(l->y, l->m); }
      if (k > 0) { f->m = k == 1 ? 4 : late; f->d = 1; }
      break;
    }
    case P_DECADE: {
      static const int lo[] = {0, 4, 7}, hi[] = {3, 6, 9};
      int y0 = f->y;
      f->y = y0 + lo[k]; l->y = y0 + hi[k];
      break;
    }
    case P_CENTURY: {
      static const int lo[] = {0, 34, 67}, hi[] = {33, 66, 99};
      int y0 = f->y;
      f->y = y0 + lo[k]; l->y = y0 + hi[k];
      break;
    }
    default: break;
  }
}

/* A relative expression that cannot be placed (no anchor, or one too
** coarse, or a year outside 1-9999) is still a row: its surface, with the
** value's digits unknown (XXXX-XX-XX, XXXX-WXX, XXXX-XX, XXXX) and no days. */
static int emit_unresolved(dctx *c, const dmatch *m) {
  static const char *const vals[] = {NULL, "XXXX-XX-XX", "XXXX-XX", "XXXX",
                                     NULL, NULL, "XXXX-WXX"};
  int p = P_DAY;
  switch (m->rel) {
    case REL_MONTH: p = m->rel_k ? P_DAY : P_MONTH; break;
    case REL_YEAR: p = m->a.d ? P_DAY : m->a.m ? P_MONTH : P_YEAR; break;
    case REL_LATER: case REL_PART: case REL_QUARTER: p = P_YEAR; break;
    case REL_WEEK: p = P_WEEK; break;
    case REL_NTH: p = m->rel_mode == NTH_WEEK ? P_WEEK : P_DAY; break;
    case REL_UNITS: case REL_SPAN:
      p = m->fine && m->rel == REL_UNITS && (m->rel_mode == U_MONTH || m->fine == 2) ? P_DAY
        : m->fine && m->rel == REL_UNITS && m->rel_mode == U_YEAR ? P_MONTH
        : m->rel_mode == U_MONTH ? P_MONTH : m->rel_mode == U_YEAR ? P_YEAR
        : m->rel_mode == U_QUARTER ? P_YEAR
        : m->rel_mode == U_WEEK && m->rel == REL_SPAN ? P_WEEK : P_DAY;
      break;
    default: break;
  }
  diwan_date d;
  memset(&d, 0, sizeof d);
  memcpy(d.value, vals[p], strlen(vals[p]) + 1);
  d.start = m->bs;
  d.len = m->be - m->bs;
  d.precision = prec_name[p];
  d.calendar = cal_name[m->show_cal];     /* a holiday's own calendar, else Gregorian */
  d.modifier = dd_modifier_name[m->mod];
  d.lang = m->lang && m->lang[0] ? m->lang : c->lang ? c->lang : c->ctx_lang;
  d.relative = 1;
  return c->cb(c->cbctx, &d);
}

/* The Latin-script languages whose relative words only apply in their own
** text: French "Hier" in an English text is a surname (Rabbi Marvin Hier). */
static int latin_lang(const char *l) {
  return l && (!strcmp(l, "fr") || !strcmp(l, "en") || !strcmp(l, "az"));
}

/* The language that decides which Latin relative words apply: the lang
** argument's, else the detected language of a text long enough to tell
** (512 bytes: a short mixed phrase keeps every word), else none. Found
** when a Latin relative word first needs it, not on every call: detection
** reads the whole text, and most texts have no such word. */
#define DOC_LANG_MIN 512
static void set_doc_lang(dctx *c) {
  const char *s = c->sc.s, *l = NULL;
  size_t n = c->sc.n;
  c->doc_lang_done = 1;
  char h[4] = {0};
  if (c->lang) {
    size_t k = 0;
    while (k < 3 && c->lang[k] && c->lang[k] != '-' && c->lang[k] != '_') { h[k] = c->lang[k]; k++; }
    if (c->lang[k] && c->lang[k] != '-' && c->lang[k] != '_') h[0] = 0;
    l = h;
  } else if (n >= DOC_LANG_MIN) {
    l = diwan_lang_detect(s, n);
  }
  if (latin_lang(l)) memcpy(c->doc_lang, l, strlen(l) + 1);
}

int dd_emit(dctx *c, const dmatch *mm) {
  dmatch m = *mm;
  if (m.rel && latin_lang(m.lang) && !c->doc_lang_done) set_doc_lang(c);
  if (m.rel && c->doc_lang[0] && latin_lang(m.lang) && strcmp(m.lang, c->doc_lang))
    return 0;                               /* another Latin language's relative word */
  /* without an anchor, "the end of the year" is the end of the year the
  ** text is telling (в конце сентября 2010-го, и до конца года) */
  if (m.text_unit && m.rel == REL_YEAR && !c->anchor && c->have_prev) {
    m.rel = REL_NONE;
    memset(&m.a, 0, sizeof m.a);
    m.a.y = c->prev_y;
    m.a.prec = P_YEAR;
  }
  if (m.rel) {
    int ok = resolve_relative(c, &m);
    if (ok && (m.a.y || c->anchor) && (m.a.y < 1 || m.a.y > 9999)) ok = 0;
    if (!ok) return emit_unresolved(c, mm);
  }
  if (m.night && m.b.prec == P_NONE && m.a.prec == P_DAY && m.a.cal == CAL_GREG) {
    fill_year(c, &m.a, m.wd);               /* the night of a day: it and the next */
    if (m.a.y >= 1 && m.a.y <= 9999 && m.a.d <= dd_days_in_month(m.a.y, m.a.m))
      set_day(&m.b, dd_day_number(m.a.y, m.a.m, m.a.d) + 1, P_DAY);
  }
  if (m.weekof && m.b.prec == P_NONE && m.a.prec == P_DAY && m.a.cal == CAL_GREG) {
    fill_year(c, &m.a, m.wd);               /* its week; a Sunday names the next one */
    if (m.a.y >= 1 && m.a.y <= 9999 && m.a.d <= dd_days_in_month(m.a.y, m.a.m)) {
      long dn = dd_day_number(m.a.y, m.a.m, m.a.d);
      int w = dd_weekday(dn);
      long mon = w == 7 ? dn + 1 : dn - (w - 1);
      diwan_ymd sun;
      dd_from_day_number(mon + 6, &sun);
      if (sun.y <= 9999) set_day(&m.a, mon, P_WEEK);
    }
  }
  int range = m.b.prec != P_NONE;
  if (range) {
    fill_year(c, &m.b, 0);
    if (!m.a.y && m.a.m && m.b.y) {
      m.a.y = m.b.y;
      if (dd_day_number(m.a.y, m.a.m, m.a.d ? m.a.d : 1) >
          dd_day_number(m.b.y, m.b.m, m.b.d ? m.b.d : 1))
        m.a.y--;                           /* du 20 décembre au 5 janvier */
    }
  } else {
    fill_year(c, &m.a, m.wd);
  }
  /* an anchor near year 9999 may push a year-less end past it: no date */
  if (m.a.y < 0 || m.a.y > 9999 || m.b.y < 0 || m.b.y > 9999) return 0;
  if (m.a.cal == CAL_GREG && m.a.y && m.a.d && m.a.d > dd_days_in_month(m.a.y, m.a.m))
    return 0;                              /* 29 février of a common year */
  diwan_date d;
  diwan_ymd f, l, f2, l2;
  memset(&d, 0, sizeof d);
  int ka = end_days(&m.a, &f, &l);
  if (m.a.cal != CAL_GREG && !ka) return 0;
  char va[32], vb[32];
  edtf(&m.a, ka, &f, &l, va);
  if (range) {
    int kb = end_days(&m.b, &f2, &l2);
    if (m.b.cal != CAL_GREG && !kb) return 0;
    edtf(&m.b, kb, &f2, &l2, vb);
    size_t na = strlen(va), nb = strlen(vb);   /* each < 32: fits 64 */
    memcpy(d.value, va, na);
    d.value[na] = '/';
    memcpy(d.value + na + 1, vb, nb + 1);
    if (ka && kb && dd_day_number(f.y, f.m, f.d) > dd_day_number(l2.y, l2.m, l2.d))
      return 0;                            /* an end before its start */
    if (ka && kb) { iso(d.first_day, &f); iso(d.last_day, &l2); }
    if (kb) { c->have_prev = 1; c->prev_y = f2.y; }
  } else {
    memcpy(d.value, va, strlen(va) + 1);
    if (ka) narrow(&m, &f, &l);
    if (ka && m.deadline && c->anchor && c->anchor->d) {   /* from now to that end */
      long at = dd_day_number(c->anchor->y, c->anchor->m, c->anchor->d);
      if (at <= dd_day_number(l.y, l.m, l.d)) { dd_from_day_number(at, &f); m.mod = MOD_BEFORE; }
    } else if (ka && m.deadline && !c->anchor) {
      f = l;                               /* no "now" to count from: the deadline day */
    }
    if (ka) { iso(d.first_day, &f); iso(d.last_day, &l); }
    if (ka) { c->have_prev = 1; c->prev_y = f.y; }
    /* a single day is what la veille / le lendemain count from */
    if (ka && f.y == l.y && f.m == l.m && f.d == l.d) c->prev_day = dd_day_number(f.y, f.m, f.d);
  }
  d.start = m.bs;
  d.len = m.be - m.bs;
  d.precision = prec_name[range && m.b.prec > m.a.prec ? m.b.prec : m.a.prec];
  d.calendar = cal_name[m.show_cal ? m.show_cal : m.a.cal];
  d.modifier = dd_modifier_name[m.mod];
  d.lang = m.lang && m.lang[0] ? m.lang : c->lang ? c->lang : c->ctx_lang;
  d.relative = m.rel != REL_NONE;
  return c->cb(c->cbctx, &d);
}

/* The language a numeric date takes from the words before it. */
static inline void note_lang(dctx *c, const dtok *t) {
  if (t->kind != T_WORD) return;
  switch (t->script) {
    case S_ARABIC: c->ctx_lang = "ar"; break;
    case S_HEBREW: c->ctx_lang = "he"; break;
    case S_CYRILLIC: c->ctx_lang = "ru"; break;
    case S_LATIN:
      if (t->lx && t->lx->lang[0] && !(t->lx->kinds & (K_RJOIN | K_ERA)))
        c->ctx_lang = t->lx->lang;
      else if (t->lx && t->lx->mlang[0])
        c->ctx_lang = t->lx->mlang;
      break;
    default: break;
  }
}

int diwan_dates(const char *s, size_t n, const diwan_ymd *anchor,
                const char *lang, diwan_date_cb cb, void *ctx) {
  diwan_date_opts o = {NULL, anchor, lang, DIWAN_PREFER_NEWS};
  return diwan_dates_opts(&o, s, n, cb, ctx);
}

int diwan_dates_with(const diwan_months *months, const char *s, size_t n,
                     const diwan_ymd *anchor, const char *lang,
                     diwan_date_cb cb, void *ctx) {
  diwan_date_opts o = {months, anchor, lang, DIWAN_PREFER_NEWS};
  return diwan_dates_opts(&o, s, n, cb, ctx);
}

int diwan_dates_opts(const diwan_date_opts *o, const char *s, size_t n,
                     diwan_date_cb cb, void *ctx) {
  static const diwan_date_opts none;
  if (!o) o = &none;
  const char *lang = o->lang;
  if (dl_init() != DIWAN_OK) return DIWAN_NOMEM;
  if (!s) return DIWAN_OK;
  /* On the stack, and the token ring (most of its 7 kB) left unzeroed:
  ** scan_one sets every field of a token before it is read. Event
  ** extraction calls this once per sentence. */
  dctx cv, *c = &cv;
  memset(c, 0, offsetof(dctx, sc) + offsetof(dscan, ring));
  memset((char *)c + offsetof(dctx, sc.eof), 0, sizeof *c - offsetof(dctx, sc.eof));
  ds_init(&c->sc, s, n);
  c->sc.user = o->months;
  /* an anchor whose day the calendar lacks is no anchor (defined result) */
  if (o->anchor && o->anchor->y >= 1 && o->anchor->y <= 9999 &&
      o->anchor->m >= 0 && o->anchor->m <= 12 && o->anchor->d >= 0 &&
      o->anchor->d <= (o->anchor->m ? dd_days_in_month(o->anchor->y, o->anchor->m) : 0)) {
    c->anchor_v = *o->anchor;
    c->anchor = &c->anchor_v;
  }
  c->prefer = o->prefer >= DIWAN_PREFER_NEWS && o->prefer <= DIWAN_PREFER_NEAREST
                  ? o->prefer : DIWAN_PREFER_NEWS;
  c->lang = lang && lang[0] ? lang : NULL;
  c->us = lang && (!strcasecmp(lang, "en-us") || !strcasecmp(lang, "en_us"));
  c->ctx_lang = "und";
  c->cb = cb;
  c->cbctx = ctx;
  int rc = 0;
  for (long i = 0;;) {
    ds_at(&c->sc, i);
    const dtok *t = ds_tok(&c->sc, i);
    if (t->kind == T_EOF) break;
    note_lang(c, t);
    if (t->kind == T_WORD && !t->lx && !t->gem) { i++; continue; }   /* most words */
    dmatch m;
    long skip = 0;
    if (dr_match(c, i, &m, &skip)) {
      c->year_end = m.a.prec == P_YEAR && !m.rel && !m.b.prec && !m.mod ? m.t1 : 0;
      if ((rc = dd_emit(c, &m)) != 0) break;
      i = m.t1 > i ? m.t1 : i + 1;     /* always forward: linear time */
    } else {
      i += skip > 0 ? skip : 1;
    }
  }
  return rc;
}
