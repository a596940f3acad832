/* Resolution and output of date mentions: missing years and relative
** expressions against the anchor, EDTF values, the first and last day a
** mention may denote; and the entry point diwan_dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dates_int.h"
#include "base/alloc.h"

const char *const dd_modifier_name[] = {NULL, "early", "mid", "late",
                                        "approx", "before", "after"};
static const char *const prec_name[] = {NULL, "day", "month", "year",
                                        "decade", "century"};
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
static int anchor_year(const diwan_ymd *a, int m, int d, int rel) {
  if (rel == REL_MONTHNAME_PAST) return a->m && m >= a->m ? a->y - 1 : a->y;
  if (rel == REL_MONTHNAME_NEXT) return a->m && m <= a->m ? a->y + 1 : a->y;
  if (!a->m) return a->y;
  long at = dd_day_number(a->y, a->m, a->d ? a->d : 15), best = -1;
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

/* Relative expressions become plain ends; 0 when nothing can be said. */
static int resolve_relative(dctx *c, dmatch *m) {
  const diwan_ymd *a = c->anchor;
  memset(&m->a, 0, sizeof m->a);
  m->a.cal = CAL_GREG;
  switch (m->rel) {
    case REL_DAY: {
      if (!a || !a->d) return 0;
      diwan_ymd x;
      dd_from_day_number(dd_day_number(a->y, a->m, a->d) + m->rel_n, &x);
      m->a.y = x.y; m->a.m = x.m; m->a.d = x.d; m->a.prec = P_DAY;
      return 1;
    }
    case REL_MONTH: {
      if (!a || !a->m) return 0;
      diwan_ymd x = *a;
      add_months(&x, m->rel_n);
      m->a.y = x.y; m->a.m = x.m; m->a.prec = P_MONTH;
      return 1;
    }
    case REL_YEAR:
      if (!a) return 0;
      m->a.y = a->y + m->rel_n; m->a.prec = P_YEAR;
      return 1;
    case REL_LATER:
      if (!c->have_prev && !a) return 0;
      m->a.y = (c->have_prev ? c->prev_y : a->y) + m->rel_n;
      m->a.prec = P_YEAR;
      return 1;
    default:    /* a month name with الماضي/dernier: the month, year unknown */
      m->a.m = m->rel_n;
      m->a.prec = P_MONTH;
      if (a) m->a.y = anchor_year(a, m->a.m, 0, m->rel);
      return 1;
  }
}

static void fill_year(dctx *c, dend *e) {
  if (e->y || !e->m || e->cal != CAL_GREG || !c->anchor) return;
  e->y = anchor_year(c->anchor, e->m, e->d, REL_NONE);
}

int dd_emit(dctx *c, const dmatch *mm) {
  dmatch m = *mm;
  if (m.rel && !resolve_relative(c, &m)) return 0;
  int range = m.b.prec != P_NONE;
  if (range) {
    fill_year(c, &m.b);
    if (!m.a.y && m.a.m && m.b.y) {
      m.a.y = m.b.y;
      if (dd_day_number(m.a.y, m.a.m, m.a.d ? m.a.d : 1) >
          dd_day_number(m.b.y, m.b.m, m.b.d ? m.b.d : 1))
        m.a.y--;                           /* du 20 décembre au 5 janvier */
    }
  } else {
    fill_year(c, &m.a);
  }
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
    if (ka) { iso(d.first_day, &f); iso(d.last_day, &l); }
    if (ka) { c->have_prev = 1; c->prev_y = f.y; }
  }
  d.start = m.bs;
  d.len = m.be - m.bs;
  d.precision = prec_name[range && m.b.prec > m.a.prec ? m.b.prec : m.a.prec];
  d.calendar = cal_name[m.a.cal];
  d.modifier = dd_modifier_name[m.mod];
  d.lang = m.lang && m.lang[0] ? m.lang : c->lang ? c->lang : c->ctx_lang;
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
  dctx *c = diwan_calloc(1, sizeof *c);
  if (!c) return DIWAN_NOMEM;
  ds_init(&c->sc, s, n);
  c->sc.user = o->months;
  /* an anchor whose day the calendar lacks is no anchor (defined result) */
  if (o->anchor && o->anchor->y >= 1 && o->anchor->y <= 9999 &&
      o->anchor->m >= 0 && o->anchor->m <= 12 && o->anchor->d >= 0 &&
      o->anchor->d <= (o->anchor->m ? dd_days_in_month(o->anchor->y, o->anchor->m) : 0)) {
    c->anchor_v = *o->anchor;
    c->anchor = &c->anchor_v;
  }
  c->prefer = o->prefer >= DIWAN_PREFER_NEWS && o->prefer <= DIWAN_PREFER_CURRENT
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
      if ((rc = dd_emit(c, &m)) != 0) break;
      i = m.t1 > i ? m.t1 : i + 1;     /* always forward: linear time */
    } else {
      i += skip > 0 ? skip : 1;
    }
  }
  diwan_free(c);
  return rc;
}
