/* Language identification for news text: the dominant script decides
** between Arabic, Hebrew, Cyrillic and Latin; frequent words (and a few
** letters only one language uses) decide within Latin and Cyrillic.
** Unsure — too few letters, or no votes — is "und". Only the first 64 KB
** are read. */
#include <string.h>
#include <pthread.h>
#include <unicode/uchar.h>
#include "diwan.h"
#include "base/data.h"

#define MAXW 256
static struct { char lang[4]; char w[40]; size_t n; } words[MAXW];
static int nwords;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int add_word(void *ctx, int nf, const char **f, const size_t *lens, size_t line) {
  if (nf < 2 || lens[0] > 3 || nwords >= MAXW) return 0;
  /* Store lower-cased so lookups only lower-case the text side. Written in
  ** place (no allocation: this load cannot fail); longer words are left out. */
  char *w = words[nwords].w;
  size_t i = 0, k = 0, len;
  while (i < lens[1]) {
    uint32_t cp = diwan_utf8_decode((const unsigned char *)f[1] + i, lens[1] - i, &len);
    char tmp[4];
    size_t m = diwan_utf8_encode((uint32_t)u_tolower((UChar32)cp), tmp);
    if (k + m >= sizeof words[0].w) return 0;
    memcpy(w + k, tmp, m);
    k += m;
    i += len;
  }
  memcpy(words[nwords].lang, f[0], lens[0]);
  words[nwords].lang[lens[0]] = 0;
  words[nwords].n = k;
  nwords++;
  return 0;
}

static void load(void) {
  size_t len;
  const char *d = diwan_data("lang_words.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add_word, 0);
}

static const char *vote(const char *w, size_t n) {
  for (int i = 0; i < nwords; i++)
    if (words[i].n == n && memcmp(words[i].w, w, n) == 0) return words[i].lang;
  return NULL;
}

typedef struct counts {
  size_t script[8];
  size_t fr, en, az, ru, uk, az_letters, uk_letters, fr_letters;
} counts;

static void tally_letter(counts *c, uint32_t cp, diwan_script sc) {
  c->script[sc]++;
  if (cp == 0x0259 || cp == 0x018F || cp == 0x011F || cp == 0x0131) c->az_letters++;
  else if (cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491) c->uk_letters++;
  else if (cp == 0xE9 || cp == 0xE8 || cp == 0xEA || cp == 0xE0 || cp == 0xE7 ||
           cp == 0xF4 || cp == 0xEE || cp == 0xFB || cp == 0x153 || cp == 0xEF ||
           cp == 0xEB || cp == 0xF9 || cp == 0xE2) c->fr_letters++;
}

static void tally_word(counts *c, const char *s, size_t n) {
  char low[40];
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
  const char *l = vote(low, k);
  if (!l) return;
  if (!strcmp(l, "fr")) c->fr++;
  else if (!strcmp(l, "en")) c->en++;
  else if (!strcmp(l, "az")) c->az++;
  else if (!strcmp(l, "ru")) c->ru++;
  else if (!strcmp(l, "uk")) c->uk++;
}

static const char *latin(const counts *c) {
  size_t fr = c->fr + c->fr_letters / 2, az = c->az + c->az_letters / 2;
  if (az > fr && az > c->en) return "az";
  if (fr > c->en && fr > 0) return "fr";
  if (c->en > fr && c->en > 0) return "en";
  return "und";
}

/* The opening of a text decides its language: reading more changes nothing
** for a document and would make the cost grow with its length. */
#define SAMPLE_BYTES 65536

const char *diwan_lang_detect(const char *s, size_t n) {
  pthread_once(&once, load);
  if (n > SAMPLE_BYTES) n = SAMPLE_BYTES;
  counts c;
  memset(&c, 0, sizeof c);
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
      if (sc != DIWAN_SCRIPT_MARK && sc != DIWAN_SCRIPT_NONE && sc != DIWAN_SCRIPT_DIGIT)
        tally_letter(&c, cp, sc);
      i += len;
    }
    if (tl < 40) tally_word(&c, s + ts, tl);
  }
  size_t total = 0, best = 0;
  int bs = DIWAN_SCRIPT_NONE;
  for (int i = 0; i < 8; i++) {
    total += c.script[i];
    if (c.script[i] > best) { best = c.script[i]; bs = i; }
  }
  if (best < 3 || best * 2 < total) return "und";
  switch (bs) {
    case DIWAN_SCRIPT_ARABIC: return "ar";
    case DIWAN_SCRIPT_HEBREW: return "he";
    case DIWAN_SCRIPT_CYRILLIC:
      return (c.uk + c.uk_letters > c.ru) ? "uk" : "ru";
    case DIWAN_SCRIPT_LATIN: return latin(&c);
    default: return "und";
  }
}
