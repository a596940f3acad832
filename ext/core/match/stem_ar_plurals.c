/* Arabic broken plurals (ar_plurals.tsv): a plural written as its own
** pattern (مدن, أراضي, جزر, سنوات) has no suffix the light stemmer could
** take off, so the table names its singular, and the stem key of the plural
** is the singular's. Keys and singulars are stored loose-normalised. */
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

static int load(void) {
  return dw_wordset_load_pairs(&plurals, "ar_plurals.tsv", norm_pair);
}
static diwan_once once = DIWAN_ONCE_INIT;

const char *dw_ar_singular(const char *plural, size_t n) {
  if (diwan_once_run(&once, load)) return NULL;
  return dw_wordset_value(&plurals, plural, n);
}
