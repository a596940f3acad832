/* The anchor argument shared by date_each() and date_parse(). */
#ifndef DW_DATE_ANCHOR_H
#define DW_DATE_ANCHOR_H
#include <stdlib.h>
#include <string.h>
#include "dw.h"

/* A YYYY-MM-DD or YYYY-MM that has the form of a date but names no day
** (2019-02-30, 2019-13): 1 with the message in *pzErr, else 0. */
static inline int dw_no_such_day(const char *fn, const char *what, const char *z,
                                 size_t n, char **pzErr) {
  static const char *const months[] = {"January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December"};
  if (!z || (n != 7 && n != 10) || z[4] != '-' || (n == 10 && z[7] != '-')) return 0;
  for (size_t i = 0; i < n; i++)
    if (i != 4 && i != 7 && (z[i] < '0' || z[i] > '9')) return 0;
  int y = atoi(z), m = (z[5] - '0') * 10 + (z[6] - '0');
  if (m < 1 || m > 12) {
    *pzErr = sqlite3_mprintf("%s(): %s '%.*s' has no such month (01 to 12)", fn, what, (int)n, z);
    return 1;
  }
  if (n == 7) return 0;
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int last = mdays[m - 1] + (m == 2 && leap), d = (z[8] - '0') * 10 + (z[9] - '0');
  if (d >= 1 && d <= last) return 0;
  *pzErr = sqlite3_mprintf("%s(): %s '%.*s' is no such day (%s %d has %d days)", fn,
                           what, (int)n, z, months[m - 1], y, last);
  return 1;
}

/* The lang argument of date_each(): NULL (detect it) or a language tag. */
static inline int dw_date_lang(const char *fn, sqlite3_value *v, const char **out,
                               char **pzErr) {
  *out = NULL;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  size_t n;
  const char *z = dw_arg_text(v, &n);
  /* a BCP 47 tag: 2-3 lowercase letters, then -subtags (en-US orders days
  ** as the US does) */
  size_t k = 0;
  while (z && k < n && z[k] >= 'a' && z[k] <= 'z') k++;
  int ok = k == 2 || k == 3;
  for (size_t i = k, sub = 0; ok && i < n; i++) {
    char c = z[i];
    if (c == '-' || c == '_') { ok = i + 1 < n && (i == k || sub >= 1); sub = 0; continue; }
    ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    sub++;
  }
  if (ok) { *out = (const char *)sqlite3_value_text(v); return SQLITE_OK; }
  *pzErr = sqlite3_mprintf("%s(): lang '%.*s' is not a language code (ISO 639-1 in lower "
                           "case: ar, az, en, fr, he, ru…; or NULL to detect it)",
                           fn, (int)(n > 40 ? 40 : n),
                           z && diwan_utf8_check(z, n) == n ? z : "?");
  return SQLITE_ERROR;
}

/* NULL: no anchor (*has = 0). Otherwise the ISO day into *out, or an error
** message naming fn and the value (sqlite3_mprintf) in *pzErr. */
static inline int dw_date_anchor(const char *fn, sqlite3_value *v, diwan_ymd *out,
                                 int *has, char **pzErr) {
  *has = 0;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  size_t n;
  const char *z = dw_arg_text(v, &n);
  if (diwan_parse_iso_day(z, n, out) != DIWAN_OK || diwan_utf8_check(z, n) != n) {
    if (dw_no_such_day(fn, "anchor", z, n, pzErr)) return SQLITE_ERROR;
    *pzErr = sqlite3_mprintf("%s(): anchor '%.*s' is not an ISO 8601 date "
                             "(YYYY-MM-DD, YYYY-MM or YYYY)",
                             fn, (int)(n > 40 ? 40 : n),
                             diwan_utf8_check(z, n) == n ? z : "?");
    return SQLITE_ERROR;
  }
  *has = 1;
  return SQLITE_OK;
}

/* The prefer argument: NULL or 'news' (the default), 'past', 'future',
** 'current', 'nearest' (diwan.h says what each means); anything else is an error
** naming fn and the value. */
static inline int dw_date_prefer(const char *fn, sqlite3_value *v, int *out, char **pzErr) {
  static const char *const names[] = {"news", "past", "future", "current", "nearest"};
  *out = DIWAN_PREFER_NEWS;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  size_t n;
  const char *z = dw_arg_text(v, &n);
  for (int i = 0; i < 5; i++)
    if (z && strlen(names[i]) == n && !memcmp(names[i], z, n)) { *out = i; return SQLITE_OK; }
  *pzErr = sqlite3_mprintf("%s(): prefer '%.*s' is not one of news, past, future, current, nearest",
                           fn, (int)(n > 40 ? 40 : n),
                           z && diwan_utf8_check(z, n) == n ? z : "?");
  return SQLITE_ERROR;
}
#endif
