/* A light Arabic stemmer in the Light10 family, tuned for news: one
** article/clitic group off the front (longest first), a lone و/ف only from
** words of four letters or more, then the Light10 suffixes once each.
** Protected words (ar_protected.txt) stop the cutting as soon as they
** appear, and a group ending in the article is kept when the article
** belongs to a protected name (إلهام). Works on code points after the
** loose normalisation, so lengths are letters, not bytes. A preposition
** alone (ب ل ك) comes off only in front of a protected word. */
#include <stdlib.h>
#include <string.h>
#include "base/data.h"
#include "fold.h"
#include "base/alloc.h"

#define MAXCP 64     /* longer "words" are not stemmed */
#define MAXAFFIX 24

/* pronoun: an attached pronoun (a final ت before it is the taa marbuta);
** nisba: an adjective ending (ي, ية), taken off only when four letters
** remain, so a three-letter noun and its adjective stay apart: دولة and
** دولي, عمل and عملية, مصر and مصري. */
typedef struct affix { uint32_t cp[8]; int n, pronoun, nisba; } affix;
typedef struct affixes { affix a[MAXAFFIX]; int n; } affixes;

static affixes articles, conjs, clitics, suffixes;
static dw_wordset protect;
/* Protected words written with a plain article (الله, التي): only these
** keep the article of a word; إلهام's alef has a hamza, so الهام is ال +
** هام. And those written with a final ة, whose ة comes off like any
** noun's so their inflections meet them (ولاية, الولايات → ولاي). */
static dw_wordset protect_al, protect_taa;
/* Nouns in ة whose nisba adjective is another word (ar_nisba_apart.txt:
** منطقة, سياسة): the adjective keeps its ي. */
static dw_wordset nisba_apart;
/* Quick rejection before hashing: bit (first letter & 63) of the row for
** the word's length in letters is set when some protected word has both. */
static uint64_t protect_filter[MAXCP + 1], protect_last[MAXCP + 1];
/* Letters of U+0600–06FF that start a front affix / end a suffix: most
** words can skip the affix loops after one look-up. */
static unsigned char front_first[256], suffix_last[256];

static int in_table(const unsigned char *t, uint32_t cp) {
  return cp >= 0x600 && cp <= 0x6FF && t[cp - 0x600];
}
static diwan_once once = DIWAN_ONCE_INIT;

static int norm_loose(const char *s, size_t n, diwan_buf *out) {
  return diwan_ar_normalize(s, n, DIWAN_AR_LOOSE, out);
}
static int norm_if_al(const char *s, size_t n, diwan_buf *out) {
  return n >= 4 && memcmp(s, "\xD8\xA7\xD9\x84", 4) == 0 ? norm_loose(s, n, out) : DIWAN_OK;
}
static int norm_if_taa(const char *s, size_t n, diwan_buf *out) {
  return n >= 2 && memcmp(s + n - 2, "\xD8\xA9", 2) == 0 ? norm_loose(s, n, out) : DIWAN_OK;
}

static int decode(const char *s, size_t n, uint32_t *cp, int max) {
  const unsigned char *u = (const unsigned char *)s;
  int k = 0;
  for (size_t i = 0; i < n; k++) {
    size_t len;
    if (k == max) return -1;
    cp[k] = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
  }
  return k;
}

/* Is word one of the space-separated words of s[0..n)? */
static int has_word(const char *s, size_t n, const char *word) {
  size_t k = strlen(word);
  for (size_t i = 0; i + k <= n; i++)
    if ((i == 0 || s[i - 1] == ' ') && memcmp(s + i, word, k) == 0 &&
        (i + k == n || s[i + k] == ' '))
      return 1;
  return 0;
}

static int add_affix(void *ctx, int nf, const char **f, const size_t *lens,
                     size_t lineno) {
  affixes *set = NULL;
  if (nf < 2) return 0;
  if (lens[0] == 7 && memcmp(f[0], "article", 7) == 0) set = &articles;
  else if (lens[0] == 4 && memcmp(f[0], "conj", 4) == 0) set = &conjs;
  else if (lens[0] == 6 && memcmp(f[0], "suffix", 6) == 0) set = &suffixes;
  else if (lens[0] == 6 && memcmp(f[0], "clitic", 6) == 0) set = &clitics;
  if (!set || set->n == MAXAFFIX) return 0;
  diwan_buf b;
  diwan_buf_init(&b);
  norm_loose(f[1], lens[1], &b);
  if (b.oom) { diwan_buf_free(&b); return 1; }   /* the load fails, retried */
  int k = decode(b.p, b.n, set->a[set->n].cp, 8);
  diwan_buf_free(&b);
  if (k <= 0) return 0;
  set->a[set->n].pronoun = nf > 2 && has_word(f[2], lens[2], "pronoun");
  set->a[set->n].nisba = nf > 2 && has_word(f[2], lens[2], "nisba");
  set->a[set->n++].n = k;
  return 0;
}

static int in_range(uint32_t cp) { return cp >= 0x600 && cp <= 0x6FF; }

static int longer_first(const void *x, const void *y) {
  return ((const affix *)y)->n - ((const affix *)x)->n;
}

/* Starts from empty tables each time: a load that failed is run again. */
static int load(void) {
  articles.n = conjs.n = clitics.n = suffixes.n = 0;
  memset(front_first, 0, sizeof front_first);
  memset(suffix_last, 0, sizeof suffix_last);
  memset(protect_filter, 0, sizeof protect_filter);
  memset(protect_last, 0, sizeof protect_last);
  size_t len;
  const char *d = diwan_data("ar_affixes.tsv", &len);
  if (d && diwan_tsv_each(d, len, 3, add_affix, NULL)) return DIWAN_NOMEM;
  /* Stable enough: entries of one length keep no meaningful order. */
  qsort(articles.a, (size_t)articles.n, sizeof(affix), longer_first);
  qsort(clitics.a, (size_t)clitics.n, sizeof(affix), longer_first);
  const affixes *front[] = {&articles, &clitics, &conjs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < front[k]->n; i++)
      if (in_range(front[k]->a[i].cp[0])) front_first[front[k]->a[i].cp[0] - 0x600] = 1;
  for (int i = 0; i < suffixes.n; i++) {
    uint32_t last = suffixes.a[i].cp[suffixes.a[i].n - 1];
    if (in_range(last)) suffix_last[last - 0x600] = 1;
  }
  if (dw_wordset_load(&protect, "ar_protected.txt", NULL, norm_loose) ||
      dw_wordset_load(&protect_al, "ar_protected.txt", NULL, norm_if_al) ||
      dw_wordset_load(&protect_taa, "ar_protected.txt", NULL, norm_if_taa) ||
      dw_wordset_load(&nisba_apart, "ar_nisba_apart.txt", NULL, norm_loose))
    return DIWAN_NOMEM;
  uint32_t cp[MAXCP];
  for (size_t i = 0; protect.slot && i <= protect.mask; i++) {
    if (!protect.slot[i]) continue;
    int k = decode(protect.pool + protect.slot[i] - 1, protect.len[i], cp, MAXCP);
    if (k > 0) {
      protect_filter[k] |= 1ull << (cp[0] & 63);
      protect_last[k] |= 1ull << (cp[k - 1] & 63);
    }
  }
  return DIWAN_OK;
}

static int put(const uint32_t *cp, int a, int b, diwan_buf *out) {
  char tmp[MAXCP * 4];
  size_t n = 0;
  for (int i = a; i < b; i++) n += diwan_utf8_encode(cp[i], tmp + n);
  return diwan_buf_append(out, tmp, n);
}

/* Is cp[a..b) (optionally preceded by the article) in set (protect or one
** of its parts)? */
static int in_protected(const dw_wordset *set, const uint32_t *cp, int a, int b,
                        int with_article) {
  char tmp[MAXCP * 4 + 8];
  size_t n = 0;
  int len = b - a + (with_article ? 2 : 0);
  uint32_t first = with_article ? 0x0627 : (b > a ? cp[a] : 0);
  if (len <= 0 || len > MAXCP || !(protect_filter[len] & (1ull << (first & 63))) ||
      !(protect_last[len] & (1ull << (cp[b - 1] & 63))))
    return 0;
  if (with_article) { memcpy(tmp, "\xD8\xA7\xD9\x84", 4); n = 4; }
  for (int i = a; i < b; i++) n += diwan_utf8_encode(cp[i], tmp + n);
  return dw_wordset_has(set, tmp, n);
}

static int is_protected(const uint32_t *cp, int a, int b, int with_article) {
  return in_protected(&protect, cp, a, b, with_article);
}

static int starts(const uint32_t *cp, int a, int b, const affix *x) {
  if (b - a < x->n) return 0;
  for (int i = 0; i < x->n; i++)
    if (cp[a + i] != x->cp[i]) return 0;
  return 1;
}
static int ends(const uint32_t *cp, int a, int b, const affix *x) {
  if (b - a < x->n) return 0;
  for (int i = 0; i < x->n; i++)
    if (cp[b - x->n + i] != x->cp[i]) return 0;
  return 1;
}
static int ends_in_article(const affix *x) {
  return x->n >= 2 && x->cp[x->n - 1] == 0x0644 &&
         (x->cp[x->n - 2] == 0x0627 || x->cp[x->n - 2] == 0x0644);
}

/* Strips the front of cp[a..b); returns the new start, or -1 when the
** word is done (a protected name with its article was written to out). */
static int protected_plus_suffix(uint32_t *cp, int a, int b);

/* In a hamza mask: the word was written with a final ى, which the loose
** normalisation makes ي: no nisba ending then (أخرى, مدى). */
#define AR_FINAL_MAQSURA 0x80000000u
/* A mask for the word without its first k letters. */
static unsigned mask_after(unsigned hamza, int k) {
  return (hamza & AR_FINAL_MAQSURA) | ((hamza & 0xFFu) >> k);
}

/* Which of the first letters (bit i: letter i of the normalised word) were
** written آ أ إ: an alef with a hamza never begins the article (إلهام,
** وإلهام, آلام are no ال + word). Marks and tatweel are no letters;
** *letters: how many letters the word has. */
static unsigned hamza_letters(const char *w, size_t n, int *letters) {
  const unsigned char *u = (const unsigned char *)w;
  unsigned mask = 0;
  uint32_t last = 0;
  int k = 0;
  for (size_t i = 0; i < n;) {
    size_t len;
    uint32_t c = diwan_utf8_decode(u + i, n - i, &len);
    i += len;
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;
    if (k < 8 && (c == 0x0622 || c == 0x0623 || c == 0x0625)) mask |= 1u << k;
    last = c;
    k++;
  }
  *letters = k;
  return mask | (last == 0x0649 ? AR_FINAL_MAQSURA : 0);
}
static unsigned hamza_mask(const char *w, size_t n) {
  int k;
  return hamza_letters(w, n, &k);
}

/* Folding writes آ أ إ as ا, so the stem of a folded word would read آلام
** as ال + ام (= الأم). The mask of the word as written, when folding kept
** its letters one for one (it nearly always does); 0 otherwise. */
unsigned dw_ar_hamza_of(const char *written, size_t wn, const char *folded, size_t fn) {
  int kw, kf;
  unsigned mask = hamza_letters(written, wn, &kw);
  hamza_letters(folded, fn, &kf);
  return mask && kw == kf ? mask : 0;
}

/* hamza: hamza_mask of the word. */
static int strip_front(uint32_t *cp, int a, int b, unsigned hamza, diwan_buf *out) {
  if (b <= a || !in_table(front_first, cp[a])) return a;
  for (int i = 0; i < articles.n; i++) {
    const affix *x = &articles.a[i];
    if (!starts(cp, a, b, x) || b - a - x->n < 2) continue;
    if (hamza & (1u << (a + x->n - 2))) continue;
    if (ends_in_article(x) && in_protected(&protect_al, cp, a + x->n, b, 1)) {
      if (diwan_buf_append(out, "\xD8\xA7\xD9\x84", 4)) return -2;
      return put(cp, a + x->n, b, out) ? -2 : -1;
    }
    return a + x->n;
  }
  for (int i = 0; i < clitics.n; i++)
    if (starts(cp, a, b, &clitics.a[i]) &&
        (is_protected(cp, a + clitics.a[i].n, b, 0) ||
         protected_plus_suffix(cp, a + clitics.a[i].n, b)))
      return a + clitics.a[i].n;
  for (int i = 0; i < conjs.n; i++)
    if (starts(cp, a, b, &conjs.a[i]) && b - a >= 4) return a + conjs.a[i].n;
  return a;
}

/* Decodes w through the loose table when it holds only ASCII and U+0600–
** 06FF (nearly always): the count of code points, or -1 when the word
** needs the full normalisation or is too long. */
static int decode_fast(const char *w, size_t n, uint32_t *cp) {
  const uint16_t *map = dw_ar_table(DIWAN_AR_LOOSE);
  const unsigned char *u = (const unsigned char *)w;
  int k = 0;
  for (size_t i = 0; i < n;) {
    unsigned c = u[i];
    if (k == MAXCP) return -1;
    if (c < 0x80) { cp[k++] = c; i++; continue; }
    if (c < 0xD8 || c > 0xDB || i + 1 >= n || (u[i + 1] & 0xC0) != 0x80) return -1;
    unsigned idx = ((c & 3) << 6) | (u[i + 1] & 0x3F);
    uint16_t m = map[idx];
    i += 2;
    if (m == DW_AR_DROP) continue;
    cp[k++] = m == DW_AR_KEEP ? 0x600 + idx : m;
  }
  return k;
}

/* The slow way: full loose normalisation, then decoding. */
static int decode_slow(const char *w, size_t n, uint32_t *cp, diwan_buf *out, int *done) {
  diwan_buf norm;
  diwan_buf_init(&norm);
  int rc = norm_loose(w, n, &norm);
  int b = rc ? -1 : decode(norm.p, norm.n, cp, MAXCP);
  if (!rc && b < 0) {            /* too long to stem: the normalised word */
    rc = diwan_buf_append(out, norm.p, norm.n);
    *done = 1;
  }
  diwan_buf_free(&norm);
  return rc ? -2 : b;
}

#define TEH 0x062Au
#define HEH 0x0647u
#define NOON 0x0646u
#define ALEF 0x0627u

/* A protected word plus one suffix (وزارتي, وثيقتين): the taa marbuta
** before a suffix is written ت, so ت is also read as ة (folded to ه). Returns
** the end of the protected word in cp[a..) (with ت made ه), or 0. */
static int protected_plus_suffix(uint32_t *cp, int a, int b) {
  if (b <= a || !in_table(suffix_last, cp[b - 1])) return 0;
  for (int i = 0; i < suffixes.n; i++) {
    const affix *x = &suffixes.a[i];
    int e = b - x->n;
    if (!ends(cp, a, b, x) || e - a < 2) continue;
    if (is_protected(cp, a, e, 0)) return e;
    if (cp[e - 1] != TEH) continue;
    cp[e - 1] = HEH;
    if (is_protected(cp, a, e, 0)) return e;
    cp[e - 1] = TEH;
  }
  return 0;
}

/* Is cp[a..b) + ة (folded ه) a noun of ar_nisba_apart.txt? */
static int noun_apart(const uint32_t *cp, int a, int b) {
  char tmp[MAXCP * 4 + 4];
  size_t n = 0;
  if (b - a < 3 || b - a >= MAXCP || !nisba_apart.slot) return 0;
  for (int i = a; i < b; i++) n += diwan_utf8_encode(cp[i], tmp + n);
  n += diwan_utf8_encode(HEH, tmp + n);
  return dw_wordset_has(&nisba_apart, tmp, n);
}

/* The Light10 suffixes, once each in order; stops at a protected word.
** maqsura: the last letter was written ى (not a nisba ي). A nisba ending
** whose noun is listed apart (منطقية: منطقة) keeps its ي. */
static int strip_suffixes(uint32_t *cp, int a, int b, int maqsura) {
  int pronoun = 0, dual = 0, end = b;
  if (b <= a || !in_table(suffix_last, cp[b - 1])) return b;
  for (int i = 0; i < suffixes.n; i++) {
    const affix *x = &suffixes.a[i];
    int nisba = x->nisba && !(maqsura && b == end);
    if (!ends(cp, a, b, x) || b - a < x->n + (nisba ? 4 : 2)) continue;
    if (nisba && cp[b - x->n] == 0x064Au && noun_apart(cp, a, b - x->n)) return b - x->n + 1;
    b -= x->n;
    pronoun |= x->pronoun;
    dual |= x->n == 2 && cp[b + 1] == NOON && cp[b - 1] == TEH && cp[b - 2] != ALEF;
    if (is_protected(cp, a, b, 0)) return b;
  }
  /* After a pronoun, ات is the plural (علاقاته) and a lone ت the taa
  ** marbuta (سفارتها), both of which the bare noun loses too; so is the
  ** ت of a dual in تين/تان (الدولتين, سفارتان). */
  if ((pronoun || dual) && b - a >= 4 && cp[b - 1] == TEH) b -= cp[b - 2] == ALEF ? 2 : 1;
  return b;
}

/* A protected word as its stem: without the ة it was listed with (ولاية
** → ولاي), and a listed plural in ات as its singular would be (ولايات). */
static int put_protected(uint32_t *cp, int a, int e, diwan_buf *out) {
  if (e - a >= 4 && cp[e - 1] == HEH && in_protected(&protect_taa, cp, a, e, 0))
    return put(cp, a, e - 1, out);
  if (e - a >= 5 && cp[e - 2] == 0x0627 && cp[e - 1] == TEH) {
    uint32_t t0 = cp[e - 2], t1 = cp[e - 1];
    cp[e - 2] = HEH;
    int taa = in_protected(&protect_taa, cp, a, e - 1, 0);
    cp[e - 2] = t0;
    cp[e - 1] = t1;
    if (taa) return put(cp, a, e - 2, out);
  }
  return put(cp, a, e, out);
}

static int stem_word(const char *w, size_t n, diwan_buf *out, int depth, unsigned hamza);

/* A broken plural in cp[a..b): writes its singular's stem and says so. */
static int plural(const uint32_t *cp, int a, int b, int depth, diwan_buf *out, int *rc) {
  char tmp[MAXCP * 4];
  size_t k = 0;
  if (depth > 0 || b - a < 2) return 0;
  for (int i = a; i < b; i++) k += diwan_utf8_encode(cp[i], tmp + k);
  const char *sing = dw_ar_singular(tmp, k);
  if (!sing) return 0;
  *rc = stem_word(sing, strlen(sing), out, depth + 1, hamza_mask(sing, strlen(sing)));
  return 1;
}

int diwan_ar_stem(const char *w, size_t n, diwan_buf *out) {
  return stem_word(w, n, out, 0, hamza_mask(w, n));
}

int dw_ar_stem_hamza(const char *w, size_t n, unsigned hamza, diwan_buf *out) {
  return stem_word(w, n, out, 0, hamza | hamza_mask(w, n));
}

/* depth: 1 for a plural's singular, which is not looked up again; hamza:
** where the word as written had آ أ إ (hamza_mask). */
static int stem_word(const char *w, size_t n, diwan_buf *out, int depth, unsigned hamza) {
  uint32_t cp[MAXCP];
  int done = 0, rc = 0;
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  int b = decode_fast(w, n, cp);
  if (b < 0) b = decode_slow(w, n, cp, out, &done);
  if (b == -2) return DIWAN_NOMEM;
  if (done) return DIWAN_OK;
  if (b < 2) return put(cp, 0, b, out);
  if (plural(cp, 0, b, depth, out, &rc)) return rc;
  /* a plain ال is the article unless the word was listed with it */
  int al = !(hamza & 1) && cp[0] == 0x0627 && cp[1] == 0x0644;
  if (al ? in_protected(&protect_al, cp, 0, b, 0) : is_protected(cp, 0, b, 0))
    return put_protected(cp, 0, b, out);
  int e = al ? 0 : protected_plus_suffix(cp, 0, b);
  if (e) return put_protected(cp, 0, e, out);
  int a = strip_front(cp, 0, b, hamza, out);
  if (a == -2) return DIWAN_NOMEM;
  if (a == -1) return DIWAN_OK;
  if (a > 0 && plural(cp, a, b, depth, out, &rc)) return rc;
  if (a > 0 && is_protected(cp, a, b, 0)) return put_protected(cp, a, b, out);
  if (a > 0 && (e = protected_plus_suffix(cp, a, b)) != 0) return put_protected(cp, a, e, out);
  int s = strip_suffixes(cp, a, b, (hamza & AR_FINAL_MAQSURA) != 0);
  if (s < b && plural(cp, a, s, depth, out, &rc)) return rc;
  return put(cp, a, s, out);
}

/* A lone preposition ب ل ك (after و/ف or not) in front of a word that is
** not the article (بشكل, لعام, وبزيارة): the stem of what follows, when
** three letters or more follow. The light stemmer keeps such words whole
** (most words that begin with those letters are not prefixed: بيان, كبير,
** لقاء), so this is offered as one more search key. Returns 1 when written. */
int dw_ar_clitic_key(const char *f, size_t n, unsigned hamza, diwan_buf *out, int *rc) {
  const unsigned char *u = (const unsigned char *)f;
  size_t i = 0;
  *rc = 0;
  if (n >= 2 && u[0] == 0xD9 && (u[1] == 0x88 || u[1] == 0x81)) i = 2;     /* و ف */
  if (n < i + 2) return 0;
  int prep = (u[i] == 0xD8 && u[i + 1] == 0xA8) ||                          /* ب */
             (u[i] == 0xD9 && (u[i + 1] == 0x84 || u[i + 1] == 0x83));       /* ل ك */
  if (!prep) return 0;
  i += 2;
  /* the article after it is the stemmer's business (بالكويت); an alef
  ** written with a hamza begins no article (بآلام) */
  if (n >= i + 4 && memcmp(f + i, "\xD8\xA7\xD9\x84", 4) == 0 && !(mask_after(hamza, (int)(i / 2)) & 1))
    return 0;
  size_t letters = 0;
  for (size_t j = i; j < n; j++) letters += (u[j] & 0xC0) != 0x80;
  if (letters < 3) return 0;
  /* the mask's bits count letters: one or two were taken off */
  *rc = dw_ar_stem_hamza(f + i, n - i, mask_after(hamza, (int)(i / 2)), out);
  return 1;
}
