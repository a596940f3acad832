/* The anchor argument shared by date_each() and date_parse(). */
#ifndef DW_DATE_ANCHOR_H
#define DW_DATE_ANCHOR_H
#include "dw.h"

/* NULL: no anchor (*has = 0). Otherwise the ISO day into *out, or an error
** message naming fn and the value (sqlite3_mprintf) in *pzErr. */
static inline int dw_date_anchor(const char *fn, sqlite3_value *v, diwan_ymd *out,
                                 int *has, char **pzErr) {
  *has = 0;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  size_t n;
  const char *z = dw_arg_text(v, &n);
  if (diwan_parse_iso_day(z, n, out) != DIWAN_OK || diwan_utf8_check(z, n) != n) {
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
** 'current' (diwan.h says what each means); anything else is an error
** naming fn and the value. */
static inline int dw_date_prefer(const char *fn, sqlite3_value *v, int *out, char **pzErr) {
  static const char *const names[] = {"news", "past", "future", "current"};
  *out = DIWAN_PREFER_NEWS;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  size_t n;
  const char *z = dw_arg_text(v, &n);
  for (int i = 0; i < 4; i++)
    if (z && strlen(names[i]) == n && !memcmp(names[i], z, n)) { *out = i; return SQLITE_OK; }
  *pzErr = sqlite3_mprintf("%s(): prefer '%.*s' is not one of news, past, future, current",
                           fn, (int)(n > 40 ? 40 : n),
                           z && diwan_utf8_check(z, n) == n ? z : "?");
  return SQLITE_ERROR;
}
#endif
