/* Stem keys of Latin and Cyrillic words: Snowball (libstemmer) for
** English, French and Russian, diwan's own suffix stripper for
** Azerbaijani (stem_az.c). Snowball sees the word lower-cased with its
** accents (its French rules read é and è) and without a French elision;
** the stem it gives is then folded like any key, so two words Snowball
** conflates always share a key. A libstemmer object is not thread-safe:
** each language has one, created once and used under its own mutex (the
** lock is uncontended in a single-threaded process). */
#include <pthread.h>
#include <string.h>
#include <libstemmer.h>
#include <unicode/uchar.h>
#include "base/data.h"
#include "fold.h"
#include "base/alloc.h"

#define MAXWORD 128   /* longer words (bytes) are not stemmed */

static struct sb_stemmer *stemmer[DW_NLANG];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static diwan_once once = DIWAN_ONCE_INIT;

/* A memo of recent words: news repeats its words, and a hit costs a hash
** and a copy instead of lower-casing, Snowball and folding (the stemmer is
** most of the tokenizer's time otherwise). Direct-mapped, overwritten on
** collision, read and written under the lock; static, so nothing to free. */
#define MEMO_SLOTS 8192
#define MEMO_LEN 30
typedef struct memo {
  unsigned char lang, wn, kn;
  char w[MEMO_LEN], k[MEMO_LEN];
} memo;
static memo memos[MEMO_SLOTS];

static size_t memo_slot(const char *w, size_t n, dw_lang lang) {
  uint32_t h = 2166136261u ^ (uint32_t)lang;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h & (MEMO_SLOTS - 1);
}

/* The remembered key of w in lang, appended to out; 0 when not known. */
static int memo_get(const char *w, size_t n, dw_lang lang, diwan_buf *out, int *found) {
  char k[MEMO_LEN];
  size_t kn = 0;
  *found = 0;
  if (n == 0 || n > MEMO_LEN) return DIWAN_OK;
  const memo *m = &memos[memo_slot(w, n, lang)];
  pthread_mutex_lock(&lock);
  if (m->wn == n && m->lang == (unsigned char)lang && memcmp(m->w, w, n) == 0) {
    kn = m->kn;
    memcpy(k, m->k, kn);
    *found = 1;
  }
  pthread_mutex_unlock(&lock);
  return *found ? diwan_buf_append(out, k, kn) : DIWAN_OK;
}

static void memo_put(const char *w, size_t n, dw_lang lang, const char *k, size_t kn) {
  if (n == 0 || n > MEMO_LEN || kn > MEMO_LEN) return;
  memo *m = &memos[memo_slot(w, n, lang)];
  pthread_mutex_lock(&lock);
  m->lang = (unsigned char)lang;
  m->wn = (unsigned char)n;
  m->kn = (unsigned char)kn;
  memcpy(m->w, w, n);
  memcpy(m->k, k, kn);
  pthread_mutex_unlock(&lock);
}

static void free_stemmer(void *p) {
  struct sb_stemmer **s = p;
  sb_stemmer_delete(*s);
  *s = NULL;
}

/* libstemmer allocates with malloc, outside diwan's allocator; a stemmer
** it could not make (out of memory) fails the load, which runs again. */
static int load(void) {
  static const struct { dw_lang lang; const char *algo; } algos[] = {
    {DW_LANG_EN, "english"}, {DW_LANG_FR, "french"}, {DW_LANG_RU, "russian"}};
  for (size_t i = 0; i < sizeof algos / sizeof algos[0]; i++) {
    if (stemmer[algos[i].lang]) continue;     /* made by a failed earlier load */
    stemmer[algos[i].lang] = sb_stemmer_new(algos[i].algo, "UTF_8");
    if (!stemmer[algos[i].lang]) return DIWAN_NOMEM;
    diwan_at_unload(free_stemmer, &stemmer[algos[i].lang]);
  }
  return DIWAN_OK;
}

dw_lang dw_lang_of(const char *code, size_t n) {
  if (!code || n < 2 || (n > 2 && code[2] != '-' && code[2] != '_')) return DW_LANG_AUTO;
  char a = (char)(code[0] | 0x20), b = (char)(code[1] | 0x20);
  if (a == 'e' && b == 'n') return DW_LANG_EN;
  if (a == 'f' && b == 'r') return DW_LANG_FR;
  if (a == 'r' && b == 'u') return DW_LANG_RU;
  if (a == 'a' && b == 'z') return DW_LANG_AZ;
  return DW_LANG_AUTO;
}

static int is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07;
}

/* The word lower-cased (apostrophes made '), invalid bytes left out; tells
** whether a letter only Azerbaijani (ə ı ğ ş, İ) or only French among
** diwan's Latin languages (é è ê à â î ô û ù ë ï œ) was seen. */
static size_t lower(const char *w, size_t n, char *out, size_t cap, int *az, int *fr) {
  const unsigned char *u = (const unsigned char *)w;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t len;
    uint32_t cp = u[i] < 0x80 ? (len = 1, u[i]) : diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if (cp == DIWAN_REPLACEMENT) continue;
    if (cp == 0x0130) { *az = 1; cp = 'i'; }        /* İ: Turkic dotted capital */
    if (is_apostrophe(cp)) cp = '\'';
    else if (cp < 0x80) { if (cp >= 'A' && cp <= 'Z') cp += 32; }
    else cp = (uint32_t)u_tolower((UChar32)cp);
    if (cp == 0x0259 || cp == 0x0131 || cp == 0x011F || cp == 0x015F) *az = 1;
    if ((cp >= 0xE0 && cp <= 0xFF && cp != 0xE7 && cp != 0xF6 && cp != 0xFC) || cp == 0x0153)
      *fr = 1;
    if (o + 4 > cap) return 0;
    o += diwan_utf8_encode(cp, out + o);
  }
  return o;
}

static int is_cyrillic(const char *w, size_t n) {
  const unsigned char *u = (const unsigned char *)w;
  return n >= 2 && (u[0] == 0xD0 || u[0] == 0xD1 || u[0] == 0xD2 || u[0] == 0xD3);
}

dw_lang dw_guess_lang(const char *w, size_t n) {
  int az = 0, fr = 0;
  char tmp[MAXWORD * 2];
  if (is_cyrillic(w, n)) return DW_LANG_RU;
  if (n > MAXWORD || !lower(w, n, tmp, sizeof tmp, &az, &fr)) return DW_LANG_EN;
  return az ? DW_LANG_AZ : fr ? DW_LANG_FR : DW_LANG_EN;
}

/* Letters that say Azerbaijani (ə Ə ı İ ğ ş) or French (é è ê à â î ô û ù
** œ), seen as UTF-8 byte pairs: a scan as fast as reading the text. */
dw_lang dw_text_lang(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t az = 0, fr = 0;
  if (n > 4096) n = 4096;
  for (size_t i = 0; i + 1 < n; i++) {
    if (u[i] < 0xC3 || u[i] > 0xC9) continue;
    unsigned a = u[i], b = u[++i];
    if ((a == 0xC9 && b == 0x99) || (a == 0xC6 && b == 0x8F) || (a == 0xC4 && b == 0xB1) ||
        (a == 0xC4 && b == 0xB0) || (a == 0xC4 && b == 0x9F) || (a == 0xC5 && b == 0x9F))
      az++;
    else if ((a == 0xC3 && (b == 0xA9 || b == 0xA8 || b == 0xAA || b == 0xA0 || b == 0xA2 ||
                            b == 0xAE || b == 0xB4 || b == 0xBB || b == 0xB9)) ||
             (a == 0xC5 && b == 0x93))
      fr++;
  }
  if (az >= 2 && az >= fr) return DW_LANG_AZ;
  if (fr >= 1) return DW_LANG_FR;
  return DW_LANG_AUTO;
}

/* Collects Azerbaijani candidates, each folded into the key list. */
typedef struct keylist { diwan_buf *out; size_t *ends, base; int n, max; } keylist;

static int add_key(void *ctx, const char *k, size_t n) {
  keylist *L = ctx;
  if (L->n == L->max) return 0;
  size_t at = L->out->n;
  if (dw_fold_word(k, n, L->out)) return DIWAN_NOMEM;
  /* Two readings may give one key: keep it once. */
  size_t len = L->out->n - at, from = L->base;
  for (int i = 0; i < L->n; from = L->ends[i++])
    if (L->ends[i] - from == len && memcmp(L->out->p + from, L->out->p + at, len) == 0) {
      L->out->n = at;
      return 0;
    }
  L->ends[L->n++] = L->out->n;
  return 0;
}

/* Two French endings Debian's libstemmer (Snowball 2.2) leaves apart and
** newer Snowball conflates: -aise(s) with -ais (française, français) and
** the -oux plurals with -ou (bijoux, bijou). Returns the new length. */
static size_t french_ending(const char *s, size_t n) {
  if (n > 6 && memcmp(s + n - 5, "aises", 5) == 0) return n - 2;
  if (n > 5 && memcmp(s + n - 4, "aise", 4) == 0) return n - 1;
  if (n > 4 && memcmp(s + n - 3, "oux", 3) == 0) return n - 1;
  return n;
}

static int snowball(dw_lang lang, const char *s, size_t ln, keylist *L) {
  char st[MAXWORD * 2];
  size_t k = 0;
  if (lang == DW_LANG_FR) ln = french_ending(s, ln);
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  pthread_mutex_lock(&lock);
  const sb_symbol *r = sb_stemmer_stem(stemmer[lang], (const sb_symbol *)s, (int)ln);
  int rn = r ? sb_stemmer_length(stemmer[lang]) : 0;
  if (r && rn > 0 && (size_t)rn <= sizeof st) { memcpy(st, r, (size_t)rn); k = (size_t)rn; }
  pthread_mutex_unlock(&lock);
  /* NULL is libstemmer out of memory: the word unstemmed is still a key. */
  return k ? add_key(L, st, k) : add_key(L, s, ln);
}

static int latin_stems(const char *w, size_t n, dw_lang lang, diwan_buf *out,
                       size_t *ends, int max) {
  char low[MAXWORD * 2];
  int az = 0, fr = 0;
  keylist L = {out, ends, out->n, 0, max};
  size_t ln = n > MAXWORD ? 0 : lower(w, n, low, sizeof low, &az, &fr);
  if (ln == 0) return dw_fold_word(w, n, out) ? -1 : (ends[0] = out->n, 1);
  size_t skip = dw_elision_len(low, ln);
  const char *s = low + skip;
  ln -= skip;
  if (is_cyrillic(s, ln)) lang = DW_LANG_RU;
  else if (lang == DW_LANG_AUTO || lang == DW_LANG_RU)
    lang = az ? DW_LANG_AZ : fr ? DW_LANG_FR : DW_LANG_EN;
  int rc;
  if (lang == DW_LANG_AZ) {
    rc = add_key(&L, s, ln);                  /* the word itself first */
    if (!rc) rc = dw_az_stems(s, ln, add_key, &L);
  } else if (lang > DW_LANG_NONE && lang < DW_NLANG) {
    rc = snowball(lang, s, ln, &L);
  } else {
    rc = add_key(&L, s, ln);
  }
  return rc || out->oom ? -1 : L.n;
}

int dw_latin_stems(const char *w, size_t n, dw_lang lang, diwan_buf *out,
                   size_t *ends, int max) {
  size_t at = out->n;
  int found;
  if (max <= 0) return 0;
  if (memo_get(w, n, lang, out, &found)) return -1;
  if (found) { ends[0] = out->n; return 1; }
  int k = latin_stems(w, n, lang, out, ends, max);
  /* One key (Snowball's) is remembered; Azerbaijani readings are not. */
  if (k == 1) memo_put(w, n, lang, out->p + at, ends[0] - at);
  return k;
}
