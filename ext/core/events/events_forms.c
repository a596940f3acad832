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

static int agreement(ph_table *tab, const char *s, size_t n, size_t idx, int flags) {
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
    int rc = ph_table_add(tab, buf, k, EV_TRIGGER, idx, flags, NULL);
    if (rc) return rc;
  }
  return DIWAN_OK;
}

int ev_add_fr_agreement(ph_table *tab, const char *s, size_t n, size_t idx) {
  return agreement(tab, s, n, idx, 0);
}

/* The infinitive a French trigger is written with: its first word, or its
** second after the reflexive "se " (se rendre), when it ends in -er or
** -dre and has at least five letters. Nouns in -er are not triggers. */
static int infinitive(const char *s, size_t n, size_t *ws, size_t *we, int *group) {
  size_t i = n > 3 && memcmp(s, "se ", 3) == 0 ? 3 : 0, j = i;
  while (j < n && s[j] != ' ') j++;
  if (j - i < 5) return 0;
  if (s[j - 2] == 'e' && s[j - 1] == 'r') *group = 1;
  else if (s[j - 3] == 'd' && s[j - 2] == 'r' && s[j - 1] == 'e') *group = 3;
  else return 0;
  *ws = i, *we = j;
  return 1;
}

/* s with its word [ws, we) cut by `cut` bytes at the end and `tail`
** appended there (rencontr|er -> rencontr + ait). */
static int add_form(ph_table *tab, const char *s, size_t n, size_t we, size_t cut,
                    const char *tail, size_t idx) {
  char buf[256];
  size_t lt = strlen(tail), k = we - cut;
  if (n + lt + 8 > sizeof buf) return DIWAN_OK;
  memcpy(buf, s, k);
  memcpy(buf + k, tail, lt), k += lt;
  memcpy(buf + k, s + we, n - we), k += n - we;
  return ph_table_add(tab, buf, k, EV_TRIGGER, idx, PH_EXACT, NULL);
}

/* Conjugated forms of a French trigger written as an infinitive (rencontrer,
** signer, se rendre), third person: present, imperfect, simple past,
** future, conditional and present participle; the past participle with its
** agreement forms (se rendre: s'est rendu, se sont rendues). Regular
** conjugation only; irregular verbs (recevoir, s'entretenir) list their
** forms in triggers.tsv. Accents need not be right: matching folds them
** (achète, achete). The simple past of a stem in r (rencontra) is left out:
** it would read as the future (events_status.c). The present singular of
** a lone word, and its past participle (folded, dialogué is dialogue), is
** often a noun (dialogue, livre, porte): they are added only when the
** trigger needs an argument (guarded) or has more words; triggers.tsv
** lists the participles and nouns it means as triggers. The forms are
** matched exactly (folded, never stemmed): they are the words themselves. */
int ev_add_fr_conjugation(ph_table *tab, const char *s, size_t n, int guarded, size_t idx) {
  static const char *const er[] = {"e", "ent", "ait", "aient", "a", "\xc3\xa8rent", "era",
                                   "eront", "erait", "eraient", "ant"};
  static const char *const dre[] = {"", "ent", "ait", "aient", "it", "irent", "ra",
                                    "ront", "rait", "raient", "ant"};
  char tail[16];
  size_t ws, we;
  int group, rc = DIWAN_OK;
  if (n + 16 > 256 || !infinitive(s, n, &ws, &we, &group)) return DIWAN_OK;
  int lone = !memchr(s + ws, ' ', n - ws);
  const char *const *end = group == 1 ? er : dre;
  size_t nend = group == 1 ? sizeof er / sizeof *er : sizeof dre / sizeof *dre;
  char c = s[we - 3];                  /* changer: changeait; lancer: lançait */
  for (size_t i = 0; !rc && i < nend; i++) {
    int hard = group == 1 && end[i][0] == 'a';
    if (group == 1 && c == 'r' && strcmp(end[i], "a") == 0) continue;
    if (i == 0 && !guarded && lone) continue;
    size_t cut = 2;
    tail[0] = 0;
    if (hard && c == 'g') strcpy(tail, "e");
    if (hard && c == 'c') strcpy(tail, "\xc3\xa7"), cut = 3;
    strcat(tail, end[i]);
    rc = add_form(tab, s, n, we, cut, tail, idx);
  }
  if (rc || (!guarded && lone)) return rc;
  /* the past participle (s'est rendu), then its agreement forms */
  char part[256];
  size_t k = 0;
  if (ws == 3) memcpy(part, "s'est ", 6), k = 6;
  memcpy(part + k, s + ws, we - ws - 2), k += we - ws - 2;
  if (group == 1) memcpy(part + k, "\xc3\xa9", 2), k += 2;
  else part[k++] = 'u';                /* rend|re: rendu */
  memcpy(part + k, s + we, n - we), k += n - we;
  rc = ph_table_add(tab, part, k, EV_TRIGGER, idx, PH_EXACT, NULL);
  return rc ? rc : agreement(tab, part, k, idx, PH_EXACT);
}

/* The short past passive participle a Russian trigger is written with
** (подписан, назначен, утверждён; подписано, установлены, открыто): its
** stem, the masculine short form, when the word ends in -ан, -ян, -ен, -ён
** or -ыт, with or without -а, -о, -ы; 0 when it is none. */
static size_t ru_short_participle(const char *s, size_t n) {
  static const char *const tail[] = {"\xd0\xb0\xd0\xbd", "\xd1\x8f\xd0\xbd", "\xd0\xb5\xd0\xbd",
                                     "\xd1\x91\xd0\xbd", "\xd1\x8b\xd1\x82"};  /* ан ян ен ён ыт */
  if (memchr(s, ' ', n)) return 0;
  size_t k = n;
  if (k >= 2 && (!memcmp(s + k - 2, "\xd0\xb0", 2) || !memcmp(s + k - 2, "\xd0\xbe", 2) ||
                 !memcmp(s + k - 2, "\xd1\x8b", 2)))   /* а о ы */
    k -= 2;
  if (k < 10) return 0;                                 /* five letters or more */
  for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
    if (!memcmp(s + k - 4, tail[i], 4)) return k;
  return 0;
}

/* The forms of a Russian participle trigger beside the one triggers.tsv
** lists: its short forms (подписан, подписана, подписано, подписаны) and
** its long forms in every gender, number and case, which news uses for an
** act named by its noun ("соглашение, подписанное 3 мая", "в подписанном
** договоре", "открытое в 2005 году посольство"): -нн- after -ан/-ен, -т-
** kept (открытый). Only for a trigger that needs an argument: the noun it
** describes must be there. Matched exactly. */
int ev_add_ru_participle(ph_table *tab, const char *s, size_t n, int guarded, size_t idx) {
  static const char *const end[] = {
      "", "\xd0\xb0", "\xd0\xbe", "\xd1\x8b",                                 /* - а о ы */
      "\xd1\x8b\xd0\xb9", "\xd0\xb0\xd1\x8f", "\xd0\xbe\xd0\xb5", "\xd1\x8b\xd0\xb5",   /* ый ая ое ые */
      "\xd0\xbe\xd0\xb3\xd0\xbe", "\xd0\xbe\xd0\xb9", "\xd0\xbe\xd0\xbc\xd1\x83",     /* ого ой ому */
      "\xd1\x8b\xd0\xbc", "\xd1\x8b\xd1\x85", "\xd1\x83\xd1\x8e", "\xd0\xbe\xd0\xbc",  /* ым ых ую ом */
      "\xd1\x8b\xd0\xbc\xd0\xb8"};                                                     /* ыми */
  char buf[256];
  size_t k = guarded && n + 16 < sizeof buf ? ru_short_participle(s, n) : 0;
  if (!k) return DIWAN_OK;
  int nn = memcmp(s + k - 2, "\xd0\xbd", 2) == 0;   /* -н: the long forms double it */
  memcpy(buf, s, k);
  for (size_t i = 0; i < sizeof end / sizeof *end; i++) {
    size_t m = k;
    if (i >= 4 && nn) memcpy(buf + m, "\xd0\xbd", 2), m += 2;
    memcpy(buf + m, end[i], strlen(end[i])), m += strlen(end[i]);
    if (m == n && !memcmp(buf, s, n)) continue;     /* the listed form */
    int rc = ph_table_add(tab, buf, m, EV_TRIGGER, idx, PH_EXACT, NULL);
    if (rc) return rc;
  }
  return DIWAN_OK;
}
