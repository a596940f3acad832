/* Person names as running text writes them. The lexicons list a name once,
** in the nominative; Russian and Azerbaijani inflect names, so their case
** forms are generated here at load time (Сергей Лавров → Сергея Лаврова,
** Сергеем Лавровым; Əliyev → Əliyevin, Əliyevə). And news names a known
** person by the surname alone (Putin, Путина, بوتين, Aliyev): the last word
** of every full name is keyed too, for the person when one person has that
** surname, for the family (family:aliyev) when several of one state share
** it, and for nobody when it names people of two states. */
#include <stdlib.h>
#include <string.h>
#include "base/alloc.h"
#include "match/fold.h"
#include "gazetteer.h"

#define FORM_MAX 256      /* bytes of a generated form */

/* ------------------------------------------------------------- Russian */

/* Case endings replacing a word's ending: gen, dat, acc, ins, prep; then
** RU_ALT_INS, a second instrumental (ru_alt_ins). */
#define RU_CASES 6
#define RU_ALT_INS 5
typedef struct ru_rule {
  const char *end;
  const char *c[5];
  int fem;                /* 1: feminine forms, 0: any, -1: masculine only */
} ru_rule;

static const ru_rule ru_rules[] = {
    {"ская", {"ской", "ской", "скую", "ской", "ской"}, 1},
    {"ова", {"овой", "овой", "ову", "овой", "овой"}, 1},
    {"ева", {"евой", "евой", "еву", "евой", "евой"}, 1},
    {"ина", {"иной", "иной", "ину", "иной", "иной"}, 1},
    {"ский", {"ского", "скому", "ского", "ским", "ском"}, 0},
    {"цкий", {"цкого", "цкому", "цкого", "цким", "цком"}, 0},
    {"ий", {"ия", "ию", "ия", "ием", "ии"}, 0},
    {"ей", {"ея", "ею", "ея", "еем", "ее"}, 0},
    {"ай", {"ая", "аю", "ая", "аем", "ае"}, 0},
    {"ов", {"ова", "ову", "ова", "овым", "ове"}, -1},
    {"ев", {"ева", "еву", "ева", "евым", "еве"}, -1},
    {"ёв", {"ёва", "ёву", "ёва", "ёвым", "ёве"}, -1},
    {"ин", {"ина", "ину", "ина", "иным", "ине"}, -1},
    {"ын", {"ына", "ыну", "ына", "ыным", "ыне"}, -1},
    {"ь", {"я", "ю", "я", "ем", "е"}, -1},
    {"ка", {"ки", "ке", "ку", "кой", "ке"}, 0},
    {"га", {"ги", "ге", "гу", "гой", "ге"}, 0},
    {"ха", {"хи", "хе", "ху", "хой", "хе"}, 0},
    {"а", {"ы", "е", "у", "ой", "е"}, 0},
    {"я", {"и", "е", "ю", "ей", "е"}, 0},
};

static int ends(const char *w, size_t n, const char *e) {
  size_t k = strlen(e);
  return n >= k && memcmp(w + n - k, e, k) == 0;
}

/* A Cyrillic consonant letter ends the word (Путин, Эрдоган): masculine
** nouns add the ending. Vowels other than а/я end indeclinable words
** (Керри, Нетаньяху). */
static int ru_consonant_end(const char *w, size_t n) {
  static const char *const v[] = {"а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь"};
  if (n < 2 || (unsigned char)w[n - 2] < 0xD0 || (unsigned char)w[n - 2] > 0xD1) return 0;
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if (ends(w, n, v[i])) return 0;
  return 1;
}

/* ж ч ш щ ц end the word: an unstressed ending after them is -ем
** (Януковичем, Абрамовичем), a stressed one -ом. */
static int ru_hushing_end(const char *w, size_t n) {
  static const char *const h[] = {"ж", "ч", "ш", "щ", "ц"};
  for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
    if (ends(w, n, h[i])) return 1;
  return 0;
}

/* The second instrumental a masculine name may take (RU_ALT_INS): a foreign
** name in -ин/-ын declines as a plain noun (Си Цзиньпином, not the
** Russian surname's Путиным); after a hushing consonant both -ем and -ом
** are written. 0 when the word has no second form. */
static int ru_alt_ins(const char *w, size_t n, int fem, diwan_buf *out) {
  if (fem) return 0;
  if (ends(w, n, "ин") || ends(w, n, "ын") || (ru_consonant_end(w, n) && ru_hushing_end(w, n))) {
    diwan_buf_append(out, w, n);
    diwan_buf_append(out, "ом", strlen("ом"));
    return 1;
  }
  return 0;
}

/* The word w in case c appended to out; 0 when it does not decline. */
static int ru_word(const char *w, size_t n, int c, int fem, diwan_buf *out) {
  if (c == RU_ALT_INS) return ru_alt_ins(w, n, fem, out);
  for (size_t i = 0; i < sizeof ru_rules / sizeof ru_rules[0]; i++) {
    const ru_rule *r = &ru_rules[i];
    if (!ends(w, n, r->end)) continue;
    if ((r->fem == 1 && !fem) || (r->fem == -1 && fem)) continue;
    size_t k = strlen(r->end);
    diwan_buf_append(out, w, n - k);
    diwan_buf_append(out, r->c[c], strlen(r->c[c]));
    return 1;
  }
  if (fem || !ru_consonant_end(w, n)) return 0;
  static const char *const add[5] = {"а", "у", "а", "ом", "е"};
  diwan_buf_append(out, w, n);
  if (c == 3 && ru_hushing_end(w, n)) diwan_buf_append(out, "ем", strlen("ем"));
  else diwan_buf_append(out, add[c], strlen(add[c]));
  return 1;
}

/* A name whose first word ends in а or я is a woman's (Ангела Меркель,
** Валентина Матвиенко): only her а-words decline. */
static int ru_feminine(const char *s, size_t n) {
  const char *sp = memchr(s, ' ', n);
  size_t k = sp ? (size_t)(sp - s) : n;
  return sp && (ends(s, k, "а") || ends(s, k, "я")) && !ends(s, k, "ья");
}

/* ------------------------------------------------------- Azerbaijani */

/* The last vowel of w: 0 a ı (back unrounded), 1 o u, 2 e ə i, 3 ö ü;
** -1 none. *final: w ends in a vowel. */
static int az_vowel(const char *w, size_t n, int *final) {
  int v = -1;
  *final = 0;
  for (size_t i = 0, l; i < n; i += l) {
    uint32_t c = diwan_utf8_decode((const unsigned char *)w + i, n - i, &l);
    int k = -1;
    if (c == 'a' || c == 0x131) k = 0;
    else if (c == 'o' || c == 'u') k = 1;
    else if (c == 'e' || c == 0x259 || c == 'i') k = 2;
    else if (c == 0xF6 || c == 0xFC) k = 3;
    if (k >= 0) v = k;
    *final = k >= 0;
  }
  return v;
}

/* Case suffixes of the last word: genitive, dative, locative, ablative,
** accusative (Ərdoğanı, Makronu: "qəbul edib") and the instrumental of
** ilə written on the name (Putinlə, Ərdoğanla: "görüşüb"). */
#define AZ_CASES 6
static int az_suffixes(const char *w, size_t n, const char *suf[AZ_CASES]) {
  static const char *const gen[2][4] = {{"ın", "un", "in", "ün"}, {"nın", "nun", "nin", "nün"}};
  static const char *const acc[2][4] = {{"ı", "u", "i", "ü"}, {"nı", "nu", "ni", "nü"}};
  static const char *const dat[2][2] = {{"a", "ə"}, {"ya", "yə"}};
  static const char *const ins[2][2] = {{"la", "lə"}, {"yla", "ylə"}};
  int fin, v = az_vowel(w, n, &fin);
  if (v < 0) return 0;
  int front = v >= 2;
  suf[0] = gen[fin][v];
  suf[1] = dat[fin][front];
  suf[2] = front ? "də" : "da";
  suf[3] = front ? "dən" : "dan";
  suf[4] = acc[fin][v];
  suf[5] = ins[fin][front];
  return 1;
}

/* --------------------------------------------------------------- forms */

static int add_form(diwan_gazetteer *g, const diwan_buf *b, size_t idx) {
  if (b->oom) return DIWAN_NOMEM;
  if (b->n == 0 || b->n > FORM_MAX) return DIWAN_OK;
  return gz_add_surface(g, b->p, b->n, idx);
}

static int ru_forms(diwan_gazetteer *g, const char *s, size_t n, size_t idx) {
  int fem = ru_feminine(s, n), rc = DIWAN_OK;
  for (int c = 0; c < RU_CASES && !rc; c++) {
    diwan_buf b = {0};
    int changed = 0;
    for (size_t i = 0; i < n;) {
      const char *sp = memchr(s + i, ' ', n - i);
      size_t k = sp ? (size_t)(sp - (s + i)) : n - i;
      if (ru_word(s + i, k, c, fem, &b)) changed = 1;
      else diwan_buf_append(&b, s + i, k);
      if (sp) diwan_buf_append(&b, " ", 1);
      i += k + (sp ? 1 : 0);
    }
    if (changed) rc = add_form(g, &b, idx);
    diwan_buf_free(&b);
  }
  return rc;
}

static int az_forms(diwan_gazetteer *g, const char *s, size_t n, size_t idx) {
  const char *sp = NULL;
  for (size_t i = 0; i < n; i++)
    if (s[i] == ' ') sp = s + i;
  size_t w0 = sp ? (size_t)(sp - s) + 1 : 0;
  const char *suf[AZ_CASES];
  if (!az_suffixes(s + w0, n - w0, suf)) return DIWAN_OK;
  int rc = DIWAN_OK;
  for (int i = 0; i < AZ_CASES && !rc; i++)
    for (int apo = 0; apo < 2 && !rc; apo++) {
      diwan_buf b = {0};
      diwan_buf_append(&b, s, n);
      if (apo) diwan_buf_append(&b, "'", 1);
      diwan_buf_append(&b, suf[i], strlen(suf[i]));
      rc = add_form(g, &b, idx);
      diwan_buf_free(&b);
    }
  return rc;
}

int gz_person_forms(diwan_gazetteer *g, const char *lang, const char *s,
                    size_t n, size_t idx) {
  if (n > FORM_MAX) return DIWAN_OK;
  if (strcmp(lang, "ru") == 0) return ru_forms(g, s, n, idx);
  if (strcmp(lang, "az") == 0) return az_forms(g, s, n, idx);
  return DIWAN_OK;
}

/* ------------------------------------------------------------ surnames */

/* The last word of a person's full name, kept for gz_surnames. Words of
** fewer than three letters (Ли, Xi) are too short to stand alone. */
/* The word before the last forms a compound with it: عبد العزيز, أبو مازن,
** بن علي, בן עמי. */
static int compound_before(const char *s, size_t w0) {
  static const char *const c[] = {"عبد", "أبو", "ابو", "بن", "ابن", "بنت", "בן", "אבו"};
  size_t e = w0 - 1, b = e;
  while (b > 0 && s[b - 1] != ' ') b--;
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
    if (strlen(c[i]) == e - b && memcmp(s + b, c[i], e - b) == 0) return 1;
  return 0;
}

/* Roman numerals and words with a digit are regnal numbers (Elizabeth II). */
static int numeral(const char *s, size_t n) {
  int roman = 1;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= '0' && s[i] <= '9') return 1;
    roman &= s[i] == 'I' || s[i] == 'V' || s[i] == 'X' || s[i] == 'L';
  }
  return roman;
}

int gz_note_surname(diwan_gazetteer *g, const char *s, size_t n, size_t idx) {
  size_t w0 = n;
  while (w0 > 0 && s[w0 - 1] != ' ') w0--;
  if (w0 == 0) return DIWAN_OK;                     /* one word: no surname */
  if (compound_before(s, w0) || numeral(s + w0, n - w0)) return DIWAN_OK;
  size_t letters = 0;
  for (size_t i = w0; i < n; i++) letters += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (letters < 3) return DIWAN_OK;
  diwan_buf b = {0};
  if (diwan_fold(s + w0, n - w0, &b) != DIWAN_OK || b.oom) {
    diwan_buf_free(&b);
    return DIWAN_NOMEM;
  }
  if (g->nsur == g->capsur) {
    size_t cap = g->capsur ? g->capsur * 2 : 256;
    gz_sur *t = diwan_realloc(g->sur, cap * sizeof *t);
    if (!t) { diwan_buf_free(&b); return DIWAN_NOMEM; }
    g->sur = t;
    g->capsur = cap;
  }
  const char *w = ph_strdup(&g->strings, s + w0, n - w0);
  if (!w) { diwan_buf_free(&b); return DIWAN_NOMEM; }
  g->sur[g->nsur++] = (gz_sur){b.p, w, n - w0, idx};
  return DIWAN_OK;
}

static int by_key(const void *a, const void *b) {
  const gz_sur *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* family:<last part of the first person's id> (person:ilham-aliyev →
** family:aliyev), an entity of kind person for the state. */
static int family_of(diwan_gazetteer *g, const gz_sur *s, size_t *idx) {
  const diwan_entity *p = &g->ents[s->idx];
  const char *dash = strrchr(p->id, '-'), *colon = strchr(p->id, ':');
  const char *slug = dash ? dash + 1 : colon ? colon + 1 : p->id;
  char id[128];
  size_t k = strlen(slug);
  if (k + 8 > sizeof id) return DIWAN_ERROR;
  memcpy(id, "family:", 7);
  memcpy(id + 7, slug, k);
  const char *f[6] = {id, "person", s->word, p->country, "", s->word};
  const size_t len[6] = {k + 7, 6, s->n, strlen(p->country), 0, s->n};
  return gz_entity(g, f, len, idx);
}

static dw_wordset stops, months;

/* Month names are never surnames alone (Di Maio: مايو, May: May). */
static int load_stops(void) {
  if (!stops.slot) dw_wordset_load(&stops, "surname_stops.tsv", NULL, diwan_fold);
  if (!months.slot) dw_wordset_load(&months, "dates_months.tsv", NULL, diwan_fold);
  return !stops.slot || !months.slot;
}

static int stop_word(const char *w, size_t n) {
  return dw_wordset_has(&stops, w, n) || dw_wordset_has(&months, w, n);
}

/* A Russian case form generated from a stopped nominative is stopped too
** (Вашу, Смита, МИДе from Ваш, Смит, Мид): each case ending ru_word adds
** is taken off and the nominative ending it replaced put back. */
static int stopped_ru_form(const char *key, size_t n) {
  static const struct { const char *end, *nom; } forms[] = {
      {"ом", ""}, {"ем", ""}, {"а", ""}, {"у", ""}, {"е", ""},
      {"ы", "а"}, {"у", "а"}, {"е", "а"}, {"ой", "а"},
      {"и", "я"}, {"ю", "я"}, {"е", "я"}, {"ей", "я"},
      {"я", "ь"}, {"ю", "ь"}, {"ем", "ь"}, {"е", "ь"}};
  char w[64];
  if (n < 6 || n > sizeof w - 2 || ((unsigned char)key[0] & 0xFE) != 0xD0) return 0;
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    size_t k = strlen(forms[i].end), m = strlen(forms[i].nom);
    if (!ends(key, n, forms[i].end)) continue;
    memcpy(w, key, n - k);
    memcpy(w + n - k, forms[i].nom, m);
    if (stop_word(w, n - k + m)) return 1;
  }
  return 0;
}

static int stopped(const char *key) {
  size_t n = strlen(key);
  return stop_word(key, n) || stopped_ru_form(key, n);
}

/* The word is the whole of a surface of a place or a body (Jordan). */
static int names_place(const diwan_gazetteer *g, const char *w, size_t n) {
  const ph_table *tabs[1] = {&g->tab};
  ph_scanner *sc = ph_scanner_new(tabs, NULL, 1, w, n);
  ph_match m;
  int r = 0;
  while (sc && !r && ph_scanner_next(sc, &m) > 0)
    for (int i = 0; i < m.nhits && !r; i++)
      r = m.start == 0 && m.len == n && g->kindrank[m.hit[i].p->payload] < 3;
  ph_scanner_free(sc);
  return r;
}

/* Keys each surname once its persons are all known: for the person, the
** family, or (two states) nobody. */
int gz_surnames(diwan_gazetteer *g) {
  static diwan_once once = DIWAN_ONCE_INIT;
  int rc = diwan_once_run(&once, load_stops) ? DIWAN_NOMEM : DIWAN_OK;
  if (g->nsur) qsort(g->sur, g->nsur, sizeof *g->sur, by_key);
  for (size_t i = 0, j = 0; i < g->nsur && !rc; i = j) {
    int one = 1, state = 1;
    const char *c = g->ents[g->sur[i].idx].country;
    for (j = i + 1; j < g->nsur && strcmp(g->sur[j].key, g->sur[i].key) == 0; j++) {
      one &= g->sur[j].idx == g->sur[i].idx;
      state &= strcmp(g->ents[g->sur[j].idx].country, c) == 0;
    }
    if (!state || !c[0] || stopped(g->sur[i].key) ||
        names_place(g, g->sur[i].word, g->sur[i].n))
      continue;
    size_t idx = g->sur[i].idx;
    if (!one && (rc = family_of(g, &g->sur[i], &idx)) == DIWAN_ERROR) { rc = 0; continue; }
    for (size_t k = i; k < j && !rc; k++)       /* every spelling of the key */
      if (k == i || g->sur[k].n != g->sur[k - 1].n ||
          memcmp(g->sur[k].word, g->sur[k - 1].word, g->sur[k].n))
        rc = ph_table_add(&g->tab, g->sur[k].word, g->sur[k].n, GZ_CAPITAL, idx,
                          PH_EXACT | PH_BARE, NULL);
  }
  for (size_t i = 0; i < g->nsur; i++) diwan_free(g->sur[i].key);
  diwan_free(g->sur);
  g->sur = NULL;
  g->nsur = g->capsur = 0;
  return rc;
}
