/* Language identification for news text: the dominant script decides
** between Arabic, Hebrew, Cyrillic and Latin; frequent words (and a few
** letters only one language uses) decide within Latin and Cyrillic.
** Unsure — too few letters, or no votes — is "und". Only the first 64 KB
** are read.
**
** Two readings give the same answer: lang_fast.c reads the bytes once (most
** texts, a few instructions per byte); when what it cannot see (a word
** glued to a digit or an apostrophe) could change the answer, this file
** reads token by token with the tokenizer (the definition). */
#include <string.h>
#include <pthread.h>
#include <unicode/uchar.h>
#include "diwan.h"
#include "base/data.h"
#include "text/lang_int.h"

/* The listed words, lower-cased, in an open-addressing table. */
#define MAXW 256
#define SLOTS 1024
static struct { signed char lang; unsigned char n; char w[LANG_MAXWORD]; } words[MAXW];
static short slot[SLOTS];           /* index + 1 into words, 0 = empty */
static int nwords;
static size_t maxlen;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

static int lang_index(const char *l, size_t n) {
  static const char *const names[LANG_NVOTE] = {"fr", "en", "az", "ru", "uk"};
  for (int i = 0; i < LANG_NVOTE; i++)
    if (strlen(names[i]) == n && memcmp(names[i], l, n) == 0) return i;
  return -1;
}

static int add_word(void *ctx, int nf, const char **f, const size_t *lens, size_t line) {
  if (nf < 2 || nwords >= MAXW) return 0;
  int lang = lang_index(f[0], lens[0]);
  if (lang < 0) return 0;
  /* Store lower-cased so lookups only lower-case the text side. Written in
  ** place (no allocation: this load cannot fail); longer words are left out. */
  char w[LANG_MAXWORD];
  size_t i = 0, k = 0, len;
  while (i < lens[1]) {
    uint32_t cp = diwan_utf8_decode((const unsigned char *)f[1] + i, lens[1] - i, &len);
    char tmp[4];
    size_t m = diwan_utf8_encode((uint32_t)u_tolower((UChar32)cp), tmp);
    if (k + m >= sizeof w) return 0;
    memcpy(w + k, tmp, m);
    k += m;
    i += len;
  }
  if (k == 0 || lang_word_vote(w, k) >= 0) return 0;   /* the first listing wins */
  words[nwords].lang = (signed char)lang;
  words[nwords].n = (unsigned char)k;
  memcpy(words[nwords].w, w, k);
  uint32_t h = hash(w, k) % SLOTS;
  while (slot[h]) h = (h + 1) % SLOTS;
  slot[h] = (short)(++nwords);
  if (k > maxlen) maxlen = k;
  return 0;
}

static void load(void) {
  size_t len;
  const char *d = diwan_data("lang_words.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add_word, 0);
  lang_fast_init();
}

int lang_word_vote(const char *w, size_t n) {
  for (uint32_t h = hash(w, n) % SLOTS; slot[h]; h = (h + 1) % SLOTS) {
    int i = slot[h] - 1;
    if (words[i].n == n && memcmp(words[i].w, w, n) == 0) return words[i].lang;
  }
  return -1;
}

size_t lang_word_max(void) { return maxlen; }

int lang_is_az_letter(uint32_t cp) {
  return cp == 0x0259 || cp == 0x018F || cp == 0x011F || cp == 0x0131;
}
int lang_is_uk_letter(uint32_t cp) {
  return cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491;
}
int lang_is_fr_letter(uint32_t cp) {
  return cp == 0xE9 || cp == 0xE8 || cp == 0xEA || cp == 0xE0 || cp == 0xE7 ||
         cp == 0xF4 || cp == 0xEE || cp == 0xFB || cp == 0x153 || cp == 0xEF ||
         cp == 0xEB || cp == 0xF9 || cp == 0xE2;
}

/* ------------------------------------------------ token by token */

static void tally_word(lang_tally *c, const char *s, size_t n) {
  char low[LANG_MAXWORD];
  size_t k = 0, i = 0, len;
  while (i < n) {
    uint32_t cp = diwan_utf8_decode((const unsigned char *)s + i, n - i, &len);
    char tmp[4];
    size_t m = diwan_utf8_encode((uint32_t)u_tolower((UChar32)cp), tmp);
    if (k + m >= sizeof low) return;
    memcpy(low + k, tmp, m);
    k += m;
    i += len;
  }
  int l = lang_word_vote(low, k);
  if (l >= 0) c->votes[l]++;
}

static void tally_tokens(const char *s, size_t n, lang_tally *c) {
  memset(c, 0, sizeof *c);
  diwan_tokenizer t;
  size_t ts, tl;
  diwan_token_kind k;
  diwan_tokenizer_init(&t, s, n);
  while (diwan_tokenizer_next(&t, &ts, &tl, &k)) {
    if (k != DIWAN_TOKEN_WORD) continue;
    size_t i = ts, len;
    while (i < ts + tl) {
      uint32_t cp = diwan_utf8_decode((const unsigned char *)s + i, ts + tl - i, &len);
      diwan_script sc = diwan_script_of(cp);
      if (sc != DIWAN_SCRIPT_MARK && sc != DIWAN_SCRIPT_NONE && sc != DIWAN_SCRIPT_DIGIT) {
        c->script[sc]++;
        if (lang_is_az_letter(cp)) c->az_letters++;
        else if (lang_is_uk_letter(cp)) c->uk_letters++;
        else if (lang_is_fr_letter(cp)) c->fr_letters++;
      }
      i += len;
    }
    if (tl < 40) tally_word(c, s + ts, tl);
  }
}

/* ------------------------------------------------ the answer */

/* The dominant script with `latin` Latin letters, or -1 (unsure). */
static int dominant(const size_t script[8], size_t latin) {
  size_t total = 0, best = 0;
  int bs = -1;
  for (int i = 0; i < 8; i++) {
    size_t v = i == DIWAN_SCRIPT_LATIN ? latin : script[i];
    total += v;
    if (v > best) { best = v; bs = i; }
  }
  return best < 3 || best * 2 < total ? -1 : bs;
}

static const char *latin(size_t fr, size_t en, size_t az) {
  if (az > fr && az > en) return "az";
  if (fr > en && fr > 0) return "fr";
  if (en > fr && en > 0) return "en";
  return "und";
}

static const char *answer(const lang_tally *c) {
  switch (dominant(c->script, c->script[DIWAN_SCRIPT_LATIN])) {
    case DIWAN_SCRIPT_ARABIC: return "ar";
    case DIWAN_SCRIPT_HEBREW: return "he";
    case DIWAN_SCRIPT_CYRILLIC:
      return c->votes[LANG_UK] + c->uk_letters > c->votes[LANG_RU] ? "uk" : "ru";
    case DIWAN_SCRIPT_LATIN:
      return latin(c->votes[LANG_FR] + c->fr_letters / 2, c->votes[LANG_EN],
                   c->votes[LANG_AZ] + c->az_letters / 2);
    default: return "und";
  }
}

/* The answer of a one-pass tally when every choice of its maybes gives the
** same one (the dominant script is monotone in the Latin count, so its two
** ends suffice; the Latin vote is tried on every combination), else NULL. */
static const char *fast_answer(const lang_tally *c) {
  size_t lat = c->script[DIWAN_SCRIPT_LATIN];
  int sc = dominant(c->script, lat);
  if (dominant(c->script, lat + c->latin_maybe) != sc) return NULL;
  const size_t *v = c->votes, *m = c->votes_maybe;
  if (sc == DIWAN_SCRIPT_CYRILLIC) {
    size_t uk = v[LANG_UK] + c->uk_letters, ru = v[LANG_RU];
    if (uk > ru + m[LANG_RU]) return "uk";
    if (uk + m[LANG_UK] <= ru) return "ru";
    return NULL;
  }
  if (sc != DIWAN_SCRIPT_LATIN) return answer(c);
  size_t fr0 = v[LANG_FR] + c->fr_letters / 2;
  size_t fr1 = v[LANG_FR] + m[LANG_FR] + (c->fr_letters + c->fr_letters_maybe) / 2;
  size_t az0 = v[LANG_AZ] + c->az_letters / 2;
  size_t az1 = v[LANG_AZ] + m[LANG_AZ] + (c->az_letters + c->az_letters_maybe) / 2;
  size_t en0 = v[LANG_EN], en1 = v[LANG_EN] + m[LANG_EN];
  if ((fr1 - fr0 + 1) * (en1 - en0 + 1) * (az1 - az0 + 1) > 4096) return NULL;
  const char *first = latin(fr0, en0, az0);
  for (size_t fr = fr0; fr <= fr1; fr++)
    for (size_t en = en0; en <= en1; en++)
      for (size_t az = az0; az <= az1; az++)
        if (strcmp(latin(fr, en, az), first) != 0) return NULL;
  return first;
}

/* The opening of a text decides its language: reading more changes nothing
** for a document and would make the cost grow with its length. */
#define SAMPLE_BYTES 65536

const char *diwan_lang_detect(const char *s, size_t n) {
  pthread_once(&once, load);
  if (!s) n = 0;
  if (n > SAMPLE_BYTES) n = SAMPLE_BYTES;
  lang_tally c;
  lang_fast_tally(s, n, &c);
  const char *a = fast_answer(&c);
  if (a) return a;
  tally_tokens(s, n, &c);
  return answer(&c);
}

/* The token-by-token reading alone, for the tests that compare the two. */
const char *diwan_lang_detect_tokens(const char *s, size_t n) {
  pthread_once(&once, load);
  if (!s) n = 0;
  if (n > SAMPLE_BYTES) n = SAMPLE_BYTES;
  lang_tally c;
  tally_tokens(s, n, &c);
  return answer(&c);
}
