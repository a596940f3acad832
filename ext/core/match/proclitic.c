/* Which letters open an Arabic or Hebrew word as a prefix, and what each
** one is: the one-letter rows of ar_affixes.tsv (conj و ف; clitic ب ل ك
** with its meaning in a third field; the bare article ال) and of
** he_prefixes.tsv (ו ה ב כ ל מ ש with theirs): the files the stemmers
** strip by. The rules that read a word's first letters (a conjunction
** between two names, a visit noun before a definite noun, "in" before a
** month) ask here, so one place says which letters are prefixes. */
#include <string.h>
#include "fold.h"
#include "base/alloc.h"
#include "base/data.h"

#define MAXPRE 24

static struct { char s[8]; size_t n; int kind; } pre[MAXPRE];
static int npre;

static int kind_of(const char *s, size_t n) {
  static const struct { const char *name; int kind; } k[] = {
    {"conj", DW_PRE_CONJ}, {"article", DW_PRE_ARTICLE}, {"in", DW_PRE_IN},
    {"to", DW_PRE_TO},     {"as", DW_PRE_AS},           {"from", DW_PRE_FROM},
    {"that", DW_PRE_THAT}};
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
    if (strlen(k[i].name) == n && memcmp(k[i].name, s, n) == 0) return k[i].kind;
  return 0;
}

static void add(const char *s, size_t n, int kind) {
  if (!kind || !n || n >= sizeof pre[0].s || npre == MAXPRE) return;
  memcpy(pre[npre].s, s, n);
  pre[npre].n = n;
  pre[npre++].kind = kind;
}

static int on_ar(void *ctx, int nf, const char **f, const size_t *len, size_t lineno) {
  (void)ctx;
  (void)lineno;
  if (nf < 2) return 0;
  if (len[0] == 4 && memcmp(f[0], "conj", 4) == 0) add(f[1], len[1], DW_PRE_CONJ);
  else if (len[0] == 7 && memcmp(f[0], "article", 7) == 0 && len[1] == 4)
    add(f[1], len[1], DW_PRE_ARTICLE);            /* ال, not the groups */
  else if (len[0] == 6 && memcmp(f[0], "clitic", 6) == 0 && nf > 2)
    add(f[1], len[1], kind_of(f[2], len[2]));
  return 0;
}

static int on_he(void *ctx, int nf, const char **f, const size_t *len, size_t lineno) {
  (void)ctx;
  (void)lineno;
  if (nf >= 2) add(f[0], len[0], kind_of(f[1], len[1]));
  return 0;
}

/* No allocation: static rows, filled once. */
static int load(void) {
  size_t len;
  const char *d = diwan_data("ar_affixes.tsv", &len);
  npre = 0;
  if (d) diwan_tsv_each(d, len, 3, on_ar, NULL);
  d = diwan_data("he_prefixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, on_he, NULL);
  return 0;
}

size_t dw_proclitic(const char *w, size_t n, int kinds) {
  static diwan_once once = DIWAN_ONCE_INIT;
  if (!w || diwan_once_run(&once, load)) return 0;
  for (int i = 0; i < npre; i++)
    if ((pre[i].kind & kinds) && pre[i].n < n && memcmp(w, pre[i].s, pre[i].n) == 0)
      return pre[i].n;
  return 0;
}
