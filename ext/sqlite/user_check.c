/* Checks of a user lexicon row's values, so that a typo is an error that
** says what is accepted instead of a row that silently never matches:
** language codes, country codes, entity kinds, event types, empty text. */
#include <pthread.h>
#include <string.h>
#include "dw.h"
#include "base/data.h"
#include "user_check.h"

/* An ISO 639 code by its shape: two or three lowercase letters (a month or
** a place may be added for a language diwan has no lexicon of). */
int dw_is_lang(const char *z, size_t n) {
  if (n != 2 && n != 3) return 0;
  for (size_t i = 0; i < n; i++)
    if (z[i] < 'a' || z[i] > 'z') return 0;
  return 1;
}

/* The event types are those of the compiled-in triggers.tsv (column 2),
** collected once. */
#define MAX_TYPES 64
static char types[MAX_TYPES][40];
static int ntypes;
static pthread_once_t types_once = PTHREAD_ONCE_INIT;

static int add_type(void *ctx, int nf, const char **f, const size_t *lens, size_t lineno) {
  if (nf < 2 || lens[1] == 0 || lens[1] >= sizeof types[0]) return 0;
  for (int i = 0; i < ntypes; i++)
    if (strlen(types[i]) == lens[1] && memcmp(types[i], f[1], lens[1]) == 0) return 0;
  if (ntypes == MAX_TYPES) return 0;
  memcpy(types[ntypes], f[1], lens[1]);
  types[ntypes++][lens[1]] = 0;
  return 0;
}

static void load_types(void) {
  size_t len;
  const char *t = diwan_data("triggers.tsv", &len);
  if (t) diwan_tsv_each(t, len, 6, add_type, NULL);
}

static int is_type(const char *z, size_t n) {
  pthread_once(&types_once, load_types);
  for (int i = 0; i < ntypes; i++)
    if (strlen(types[i]) == n && memcmp(types[i], z, n) == 0) return 1;
  return 0;
}

static char *type_list(void) {
  pthread_once(&types_once, load_types);
  sqlite3_str *s = sqlite3_str_new(0);
  for (int i = 0; i < ntypes; i++) sqlite3_str_appendf(s, "%s%s", i ? ", " : "", types[i]);
  return sqlite3_str_finish(s);
}

static int is_country(const char *z, size_t n) {
  return n == 2 && z[0] >= 'A' && z[0] <= 'Z' && z[1] >= 'A' && z[1] <= 'Z';
}

static int is_kind(const char *z, size_t n) {
  static const char *const kinds[] = {"country", "city", "organization", "person"};
  for (int i = 0; i < 4; i++)
    if (strlen(kinds[i]) == n && memcmp(kinds[i], z, n) == 0) return 1;
  return 0;
}

int dw_check_field(int check, const char *fn, const char *table, sqlite3_int64 rowno,
                   const char *col, const char *z, size_t n, char **pzErr) {
  const char *why = NULL;
  char *list = NULL;
  int shown = n > 40 ? 40 : (int)n;
  switch (check) {
  case DW_CHECK_NONEMPTY:
    if (n == 0) {
      *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: column '%s' is empty "
                               "(give the text to find)", fn, table, rowno, col);
      return SQLITE_ERROR;
    }
    return SQLITE_OK;
  case DW_CHECK_LANG:   /* NULL or '' (every language), or a code */
    if (n == 0 || dw_is_lang(z, n)) return SQLITE_OK;
    why = "is not a language code (ISO 639-1 in lower case: ar, az, en, fr, he, ru…; or NULL for every language)";
    break;
  case DW_CHECK_COUNTRY:
    if (n == 0 || is_country(z, n)) return SQLITE_OK;
    why = "is not a country code (ISO 3166 alpha-2 in capitals, e.g. AZ, KW; or NULL)";
    break;
  case DW_CHECK_KIND:
    if (is_kind(z, n)) return SQLITE_OK;
    why = "is not a kind (country, city, organization, person)";
    break;
  case DW_CHECK_TYPE:
    if (is_type(z, n)) return SQLITE_OK;
    list = type_list();
    *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: column '%s' ('%.*s') is not "
                             "an event type (%s)", fn, table, rowno, col, shown,
                             diwan_utf8_check(z, n) == n ? z : "?", list ? list : "");
    sqlite3_free(list);
    return SQLITE_ERROR;
  default:
    return SQLITE_OK;
  }
  *pzErr = sqlite3_mprintf("%s(): table %s, row %lld: column '%s' ('%.*s') %s", fn,
                           table, rowno, col, shown,
                           diwan_utf8_check(z, n) == n ? z : "?", why);
  return SQLITE_ERROR;
}
