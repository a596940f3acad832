/* Generated French trigger forms: a past participle agrees with its
** subject after être (la ministre s'est rendue, les présidents se sont
** rencontrés, les ministres sont arrivés à), and the stemmer does not
** reliably bring rencontrées back to rencontré. triggers.tsv lists one
** form; its feminine and plurals are added at load time. */
#include <string.h>
#include "events_lex.h"

/* The first word of s[0..n) that ends like a participle (-é, -u, -i) and
** has at least 4 bytes; 0 when none. */
static int participle(const char *s, size_t n, size_t *ws, size_t *we) {
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    size_t k = j - i;
    if (k >= 4 && ((s[j - 2] == '\xc3' && s[j - 1] == '\xa9') ||
                   s[j - 1] == 'u' || s[j - 1] == 'i')) {
      *ws = i, *we = j;
      return 1;
    }
    i = j + 1;
  }
  return 0;
}

/* 1 when s starts with the reflexive third person singular "s'est ". */
static size_t reflexive(const char *s, size_t n) {
  if (n > 6 && memcmp(s, "s'est ", 6) == 0) return 6;
  if (n > 8 && memcmp(s, "s\xe2\x80\x99" "est ", 8) == 0) return 8;
  return 0;
}

int ev_add_fr_agreement(ph_table *tab, const char *s, size_t n, size_t idx) {
  static const char *const suf[] = {"e", "s", "es"};
  char buf[256];
  size_t ws, we;
  if (n + 16 > sizeof buf || !participle(s, n, &ws, &we)) return DIWAN_OK;
  for (int i = 0; i < 3; i++) {
    size_t k = 0, from = 0, r = reflexive(s, n);
    if (i > 0 && r && r <= ws) {           /* plural: se sont rendus */
      memcpy(buf, "se sont ", 8);
      k = 8, from = r;
    }
    memcpy(buf + k, s + from, we - from), k += we - from;
    memcpy(buf + k, suf[i], strlen(suf[i])), k += strlen(suf[i]);
    memcpy(buf + k, s + we, n - we), k += n - we;
    int rc = ph_table_add(tab, buf, k, EV_TRIGGER, idx, 0, NULL);
    if (rc) return rc;
  }
  return DIWAN_OK;
}
