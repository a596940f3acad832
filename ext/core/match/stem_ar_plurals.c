/* Arabic broken plurals (ar_plurals.tsv): a plural written as its own
** pattern (مدن, أراضي, جزر, سنوات) has no suffix the light stemmer could
** take off, so the table names its singular, and the stem key of the plural
** is the singular's. Keys and singulars are stored loose-normalised (a singular's final ى
** kept). */
#include <string.h>
#include "base/data.h"
#include "base/alloc.h"
#include "fold.h"

static dw_wordset plurals;     /* each entry: plural NUL singular */

/* The entry is "plural\tsingular"; the set keys on the plural alone, so the
** singular is stored after the plural's NUL, where dw_wordset_find finds it. */
static int norm_pair(const char *s, size_t n, diwan_buf *out) {
  return diwan_ar_normalize(s, n, DIWAN_AR_LOOSE, out);
}

/* A singular keeps a final ى (مبنى): the stemmer reads no nisba ي in it. */
static int norm_singular(const char *s, size_t n, diwan_buf *out) {
  int rc = diwan_ar_normalize(s, n, DIWAN_AR_LOOSE, out);
  if (!rc && n >= 2 && memcmp(s + n - 2, "\xD9\x89", 2) == 0 && out->n >= 2 &&
      memcmp(out->p + out->n - 2, "\xD9\x8A", 2) == 0)
    out->p[out->n - 1] = (char)0x89;
  return rc;
}

static int load(void) {
  return dw_wordset_load_pairs(&plurals, "ar_plurals.tsv", norm_pair, norm_singular);
}
static diwan_once once = DIWAN_ONCE_INIT;

const char *dw_ar_singular(const char *plural, size_t n) {
  if (diwan_once_run(&once, load)) return NULL;
  return dw_wordset_value(&plurals, plural, n);
}
