/* Hebrew stem keys: final letters folded to their medial forms, then one
** plural, construct or possessive ending off (he_suffixes.tsv), so שנים,
** שנות, שנת meet שנה; and the words left when a listed prefix group
** (he_prefixes.tsv: ו ה ב כ ל מ ש and their combinations) is taken off with
** at least three letters left. Collisions are kept off by what a lexicon
** knows: a word listed whole (כנסת, אמת; the gazetteer's one-word names)
** keeps its ending, and a word whose first letter is its own (שלום,
** משפט) offers no prefix-stripped keys. A search key more: a country's
** one-word forms (עיראקי, העיראקים) offer its name's (עיראק). */
#include <string.h>
#include "fold.h"
#include "base/data.h"
#include "base/alloc.h"

#define MAXPREFIX 64
#define MAXSUFFIX 48
#define MAXWORD 256        /* longer words: the stem key only */
/* inf: a group that only comes before an infinitive (מל): it never
** leaves a two-letter word */
static struct { char s[16]; size_t n; int inf; } prefixes[MAXPREFIX];
static int nprefixes;
/* alt: 0 a plain ending; 'b' (both) the word is also read without it (the
** next ending that fits, or none); 'a' (alternative) the next ending that
** fits is the main reading and this one the other. */
static struct { char s[16]; size_t n; size_t keep; char alt; } suffixes[MAXSUFFIX];
static int nsuffixes;
/* short: two-letter nouns a prefix may leave (השר → שר, בים → ים) */
static dw_wordset whole, names, noprefix, shortw;
/* abstract: the stem X of a singular abstract noun X+ות of he_words.tsv
** (ראשות, נציגות) whose X is a word of another lemma (ראש, נציג) */
static dw_wordset abstract;
/* A country's one-word Hebrew forms (countries.tsv: עיראק, עיראקי,
** העיראקים…) → its first one, which every form also offers as a search
** key: the gentilic meets its country, as hspell lemmatises it. */
static dw_wordset country_forms;
/* he_plurals.tsv: a plural's stem → its singular's (אנש → איש), and
** the plurals marked form as written (ימימ → יומ) */
static dw_wordset plurals, plural_forms;
/* The plurals marked form: their stem is another word (בתים → בת
** "daughter", ימים → ים "sea"), so they are read whole, like the words of
** whole, and meet their singular only (a dual, marked dual, keeps its stem
** reading: שנתיים is also the plural of שנתי "yearly"). */
static dw_wordset nostem;
static diwan_once once = DIWAN_ONCE_INIT;
/* [lead byte][second byte & 0x3F]: some prefix starts with this letter. */
static unsigned char first_letter[256][64];

static int add_prefix(void *ctx, int nf, const char **f, const size_t *lens,
                      size_t lineno) {
  if (lens[0] == 0 || lens[0] >= 16 || nprefixes == MAXPREFIX) return 0;
  memcpy(prefixes[nprefixes].s, f[0], lens[0]);
  prefixes[nprefixes].inf = nf > 1 && lens[1] == 10 && memcmp(f[1], "infinitive", 10) == 0;
  prefixes[nprefixes++].n = lens[0];
  if (lens[0] >= 2) first_letter[(unsigned char)f[0][0]][(unsigned char)f[0][1] & 0x3F] = 1;
  return 0;
}

/* Letters (not bytes) in s[0..n): Hebrew letters are two bytes each. */
static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

static int add_suffix(void *ctx, int nf, const char **f, const size_t *lens,
                      size_t lineno) {
  if (lens[0] == 0 || lens[0] >= 16 || nsuffixes == MAXSUFFIX) return 0;
  diwan_buf b;
  diwan_buf_init(&b);
  dw_he_unfinal_key(f[0], lens[0], &b);
  if (!b.oom && b.n < 16) {
    memcpy(suffixes[nsuffixes].s, b.p, b.n);
    suffixes[nsuffixes].n = b.n;
    suffixes[nsuffixes].keep = nf > 1 && lens[1] == 1 ? (size_t)(f[1][0] - '0') : 2;
    suffixes[nsuffixes].alt = nf > 2 && lens[2] >= 1 ? f[2][0] : 0;
    nsuffixes++;
  }
  diwan_buf_free(&b);
  return 0;
}

/* Longest ending first, so ותיהם is tried before ים. */
static void sort_suffixes(void) {
  for (int i = 1; i < nsuffixes; i++)
    for (int j = i; j > 0 && suffixes[j].n > suffixes[j - 1].n; j--) {
      __typeof__(suffixes[0]) t = suffixes[j];
      suffixes[j] = suffixes[j - 1];
      suffixes[j - 1] = t;
    }
}

/* Does ending i fit the medial key k[0..n)? */
static int ending_fits(int i, const char *k, size_t n) {
  size_t m = suffixes[i].n;
  if (n <= m || memcmp(k + n - m, suffixes[i].s, m) != 0) return 0;
  size_t left = letters(k, n - m);
  /* a listed two-letter noun keeps its possessives (עמו, שמו → עם, שם) */
  if (left < suffixes[i].keep &&
      !(left == 2 && !suffixes[i].alt && dw_wordset_has(&shortw, k, n - m)))
    return 0;
  /* their (ם) on a singular follows a consonant: ום, ים, הם end other
  ** words (שלום, מקום; שלהם) */
  if (m == 2 && memcmp(suffixes[i].s, "\xD7\x9E", 2) == 0 &&
      (memcmp(k + n - 4, "\xD7\x95", 2) == 0 || memcmp(k + n - 4, "\xD7\x99", 2) == 0 ||
       memcmp(k + n - 4, "\xD7\x94", 2) == 0))
    return 0;
  /* their (f.) on a feminine noun follows its ת, never יתן (ניתן, שניתן) */
  if (m == 4 && memcmp(suffixes[i].s, "\xD7\xAA\xD7\xA0", 4) == 0 && n >= 6 &&
      memcmp(k + n - 6, "\xD7\x99", 2) == 0)
    return 0;
  /* a feminine ית ends only longer words: בית stays, ישראלית → ישראלי */
  if (m == 2 && memcmp(suffixes[i].s, "\xD7\xAA", 2) == 0 && n >= 4 &&
      memcmp(k + n - 4, "\xD7\x99", 2) == 0 && left < 3)
    return 0;
  return 1;
}

/* An abstract noun in ות is a singular (ראשות "leadership", נציגות
** "delegation"), not the plural of its stem's word (ראש, נציג): when
** k[0..len) is a listed abstract stem and the ending taken off begins with
** its ות or its plural's ויות, the ו stays, so ראשות, בראשות, ראשותו,
** ראשויות all key ראשו and ראש, ראשים, ראשו "his head" key ראש. The
** stem may follow a prefix: the whole-word reading of באמצעות is באמצעו,
** not באמצע "in the middle". */
static size_t keep_abstract(const char *k, size_t n, size_t len) {
  if (n - len < 4 || memcmp(k + len, "\xD7\x95", 2) != 0 ||
      (memcmp(k + len + 2, "\xD7\xAA", 2) != 0 && memcmp(k + len + 2, "\xD7\x99", 2) != 0))
    return len;
  if (dw_wordset_has(&abstract, k, len)) return len + 2;
  if (len < 2 || !first_letter[(unsigned char)k[0]][(unsigned char)k[1] & 0x3F]) return len;
  for (int i = 0; i < nprefixes; i++) {
    size_t p = prefixes[i].n;
    if (p < len && memcmp(k, prefixes[i].s, p) == 0 && dw_wordset_has(&abstract, k + p, len - p))
      return len + 2;
  }
  return len;
}

/* The length of the medial key k[0..n) without its ending (the main
** reading), and in *alt the other reading's length (= the main one when the
** ending is not ambiguous): כלכלי is כלכל (a construct plural, like
** אירועי) and כלכלי (an adjective, like כלכלית); דיוניה is דיוני (a noun
** in יה, like דמוקרטיה) and דיונ (plural + her, like דיונים). */
static size_t strip_endings_of(const char *k, size_t n, size_t *alt) {
  size_t other = 0;
  for (int i = 0; i < nsuffixes; i++) {
    if (!ending_fits(i, k, n)) continue;
    size_t len = n - suffixes[i].n;
    if (suffixes[i].alt == 'a') { if (!other) other = len; continue; }
    /* two letters, the second י, before ים: the י is doubled and the word
    ** is read first as one (קיים "existing", like קיימת; איים): both */
    if (len == 4 && n == 8 && memcmp(k + 2, "\xD7\x99\xD7\x99\xD7\x9E", 6) == 0) {
      if (alt) *alt = len;
      return n;
    }
    if (suffixes[i].alt == 'b' && !other) {
      other = n;
      for (int j = i + 1; j < nsuffixes; j++)
        if (suffixes[j].alt != 'a' && ending_fits(j, k, n)) { other = n - suffixes[j].n; break; }
    }
    if (alt) *alt = other ? other : len;
    return len;
  }
  if (alt) *alt = other ? other : n;
  return n;
}

/* strip_endings_of, with the ו of a listed abstract noun kept. */
static size_t strip_endings(const char *k, size_t n, size_t *alt) {
  size_t len = strip_endings_of(k, n, alt);
  if (alt) *alt = keep_abstract(k, n, *alt);
  return keep_abstract(k, n, len);
}

static size_t strip_ending(const char *k, size_t n) { return strip_endings(k, n, NULL); }

/* A stem that ends in a doubled י or ו writes one: the consonant is
** doubled in full spelling before a vowel (תעשייה, תעשיות; עלייה, עליות;
** קווים, קו; צווים, צו; תקווה, תקוות); two letters stay. */
static size_t undouble(const char *k, size_t len) {
  if (len >= 8 && memcmp(k + len - 4, "\xD7\x99\xD7\x99", 4) == 0) return len - 2;
  return len >= 6 && memcmp(k + len - 4, "\xD7\x95\xD7\x95", 4) == 0 ? len - 2 : len;
}

/* Lexicon entries: folded, then the final-letter key (whole words) or the
** stem key (noprefix words, so every form of the word is known). */
static int norm_whole(const char *s, size_t n, diwan_buf *out) {
  diwan_buf f;
  diwan_buf_init(&f);
  int rc = diwan_fold(s, n, &f);
  /* one word only: a name of several words says nothing of its parts */
  if (!rc && !memchr(f.p ? f.p : "", ' ', f.n) && f.n >= 4 &&
      (unsigned char)f.p[0] == 0xD7)
    rc = dw_he_unfinal_key(f.p, f.n, out);
  diwan_buf_free(&f);
  return rc;
}
/* The whole-word key of s cut to the length cut() gives it. */
static int norm_cut(const char *s, size_t n, diwan_buf *out,
                    size_t (*cut)(const char *, size_t)) {
  diwan_buf f;
  diwan_buf_init(&f);
  int rc = norm_whole(s, n, &f);
  if (!rc && f.n) rc = diwan_buf_append(out, f.p, cut(f.p, f.n));
  diwan_buf_free(&f);
  return rc;
}
static int norm_stem(const char *s, size_t n, diwan_buf *out) {
  return norm_cut(s, n, out, strip_ending);
}
/* An abstract noun's stem: the word without its ות (ראשות → ראש). */
static size_t cut_ot(const char *k, size_t n) {
  return n >= 8 && memcmp(k + n - 4, "\xD7\x95\xD7\xAA", 4) == 0 ? n - 4 : 0;
}
static int norm_abstract(const char *s, size_t n, diwan_buf *out) {
  return norm_cut(s, n, out, cut_ot);
}

/* countries.tsv lines (id kind name country lang surface) → "surface TAB
** first surface of its id" for the one-word Hebrew surfaces; an id's lines
** are consecutive in the file. */
typedef struct forms_ctx {
  diwan_buf text, tmp;
  char id[16];
  size_t idn, firstn;
  const char *first;     /* in the compiled data, which stays */
} forms_ctx;

static int add_country_form(void *ctx, int nf, const char **f, const size_t *lens,
                            size_t lineno) {
  forms_ctx *c = ctx;
  if (nf < 6 || lens[4] != 2 || memcmp(f[4], "he", 2) != 0 || lens[0] >= sizeof c->id) return 0;
  diwan_buf_reset(&c->tmp);
  if (norm_whole(f[5], lens[5], &c->tmp)) return 1;
  if (c->tmp.n == 0) return 0;          /* several words, or not Hebrew */
  if (c->idn != lens[0] || memcmp(c->id, f[0], lens[0]) != 0) {
    memcpy(c->id, f[0], lens[0]);
    c->idn = lens[0];
    c->first = f[5];
    c->firstn = lens[5];
  }
  diwan_buf_append(&c->text, f[5], lens[5]);
  diwan_buf_append(&c->text, "\t", 1);
  diwan_buf_append(&c->text, c->first, c->firstn);
  diwan_buf_append(&c->text, "\n", 1);
  return c->text.oom;
}

static int load_country_forms(void) {
  forms_ctx c;
  memset(&c, 0, sizeof c);
  diwan_buf_init(&c.text);
  diwan_buf_init(&c.tmp);
  size_t len;
  const char *d = diwan_data("countries.tsv", &len);
  int stopped = d ? diwan_tsv_each(d, len, 8, add_country_form, &c) : 0;
  int rc = stopped || c.text.oom ? DIWAN_NOMEM
           : dw_wordset_load_pairs_text(&country_forms, c.text.p, c.text.n, norm_whole, norm_whole);
  diwan_buf_free(&c.text);
  diwan_buf_free(&c.tmp);
  return rc;
}

static size_t stem_len(const char *k, size_t n);

/* A singular of he_plurals.tsv: its stem key (whole words stay whole). */
static int norm_singular(const char *s, size_t n, diwan_buf *out) {
  return norm_cut(s, n, out, stem_len);
}

/* he_plurals.tsv lines → "key TAB singular" lines for one of the maps. */
typedef struct plurals_ctx { diwan_buf text; int form; } plurals_ctx;
static int add_plural(void *ctx, int nf, const char **f, const size_t *lens, size_t lineno) {
  plurals_ctx *c = ctx;
  int form = nf > 2 && lens[2] == 4 &&
             (memcmp(f[2], "form", 4) == 0 || memcmp(f[2], "dual", 4) == 0);
  if (nf < 2 || form != c->form) return 0;
  diwan_buf_append(&c->text, f[0], lens[0]);
  diwan_buf_append(&c->text, "\t", 1);
  diwan_buf_append(&c->text, f[1], lens[1]);
  diwan_buf_append(&c->text, "\n", 1);
  return c->text.oom;
}

static int load_plurals(void) {
  size_t len;
  const char *d = diwan_data("he_plurals.tsv", &len);
  int rc = 0;
  for (int form = 0; d && form < 2 && !rc; form++) {
    plurals_ctx c;
    diwan_buf_init(&c.text);
    c.form = form;
    int stopped = diwan_tsv_each(d, len, 3, add_plural, &c);
    rc = stopped || c.text.oom ? DIWAN_NOMEM
         : dw_wordset_load_pairs_text(form ? &plural_forms : &plurals, c.text.p, c.text.n,
                                      form ? norm_whole : norm_stem, norm_singular);
    diwan_buf_free(&c.text);
  }
  return rc;
}

/* Starts from empty tables: a load that failed (out of memory) runs again;
** sets already built are kept. */
static int load(void) {
  nprefixes = nsuffixes = 0;
  memset(first_letter, 0, sizeof first_letter);
  size_t len;
  const char *d = diwan_data("he_prefixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 2, add_prefix, NULL)   /* prefix, kind */;
  d = diwan_data("he_suffixes.tsv", &len);
  if (d) diwan_tsv_each(d, len, 3, add_suffix, NULL);
  sort_suffixes();
  static const char *const words[] = {"he_words.tsv", NULL};
  static const char *const plural_file[] = {"he_plurals.tsv", NULL};
  static const char *const gazetteer[] = {"countries.tsv", "cities.tsv", "persons.tsv",
                                          "persons_eurasia.tsv", "persons_europe.tsv",
                                          "persons_mideast.tsv", "organizations.tsv", NULL};
  /* he_words.tsv: word kind; the gazetteer: id kind name country lang surface */
  /* abstract first: the stems of the other lists take their ו into account */
  if (dw_wordset_add_files(&abstract, words, 0, 1, "abstract", norm_abstract) ||
      dw_wordset_add_files(&noprefix, words, 0, 1, "noprefix", norm_stem) ||
      dw_wordset_add_files(&whole, words, 0, 1, "whole", norm_whole) ||
      dw_wordset_add_files(&shortw, words, 0, 1, "short", norm_whole) ||
      dw_wordset_add_files(&names, gazetteer, 5, 4, "he", norm_whole) ||
      dw_wordset_add_files(&nostem, plural_file, 0, 2, "form", norm_whole) ||
      load_plurals() ||
      load_country_forms())
    return DIWAN_NOMEM;
  return DIWAN_OK;
}

static int is_whole(const char *k, size_t n) {
  return dw_wordset_has(&whole, k, n) || dw_wordset_has(&names, k, n) ||
         dw_wordset_has(&nostem, k, n);
}

/* w is a fold key (valid UTF-8), so the final letters ך ם ן ף ץ are the
** byte pairs D7 9A, 9D, 9F, A3, A5, and each medial form is the next code
** point: the key is a copy with those second bytes incremented. */
int dw_he_unfinal_key(const char *w, size_t n, diwan_buf *out) {
  size_t at = out->n;
  if (diwan_buf_append(out, w, n)) return DIWAN_NOMEM;
  unsigned char *u = (unsigned char *)out->p + at;
  for (size_t i = 0; i + 1 < n; i++) {
    if (u[i] != 0xD7) continue;
    unsigned char t = u[i + 1];
    if (t == 0x9A || t == 0x9D || t == 0x9F || t == 0xA3 || t == 0xA5) u[i + 1] = t + 1;
    i++;
  }
  return DIWAN_OK;
}

/* The stem of a medial key: itself when whole, else without its ending. */
static size_t stem_len(const char *k, size_t n) {
  return is_whole(k, n) ? n : strip_ending(k, n);
}

static size_t prefix_fits(int i, const char *key, size_t n);

/* A word that is a prefix plus a whole word (הכנסת = ה + כנסת) keeps its
** ending too, or הכנסת would meet הכנס "the conference". 2 when the whole
** word behind the prefix is only a name of the gazetteer (שמאלית = ש +
** מאלית, the Malian): such a word may as well be one word of its own. */
static int word_is_whole(const char *k, size_t n) {
  if (is_whole(k, n)) return 1;
  int named = 0;
  if (n >= 2 && n <= MAXWORD && first_letter[(unsigned char)k[0]][(unsigned char)k[1] & 0x3F])
    for (int i = 0; i < nprefixes; i++) {
      size_t p = prefix_fits(i, k, n);
      if (!p) continue;
      if (dw_wordset_has(&whole, k + p, n - p)) return 1;
      if (dw_wordset_has(&names, k + p, n - p)) named = 2;
    }
  return named;
}

static size_t word_stem_len(const char *k, size_t n) {
  return word_is_whole(k, n) ? n : strip_ending(k, n);
}

int dw_he_stem_key(const char *w, size_t n, diwan_buf *out) {
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  size_t at = out->n;
  if (dw_he_unfinal_key(w, n, out)) return DIWAN_NOMEM;
  size_t len = word_stem_len(out->p + at, n);
  out->n = at + (len < n ? undouble(out->p + at, len) : len);
  return DIWAN_OK;
}

/* How many bytes prefix i takes off key[0..n), or 0 when it does not fit
** or leaves fewer than three letters. */
static size_t prefix_fits(int i, const char *key, size_t n) {
  size_t p = prefixes[i].n;
  if (n <= p || key[0] != prefixes[i].s[0] || key[1] != prefixes[i].s[1] ||
      memcmp(key, prefixes[i].s, p) != 0 || letters(key + p, n - p) < 3)
    return 0;
  return p;
}

int dw_he_candidates(const char *key, size_t n, int longest_only,
                     diwan_key_cb cb, void *ctx) {
  size_t best = 0;
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  /* Most words start with no prefix letter at all: one byte pair says so. */
  if (n < 2 || !first_letter[(unsigned char)key[0]][(unsigned char)key[1] & 0x3F]) return 0;
  for (int i = 0; i < nprefixes; i++) {
    size_t p = prefix_fits(i, key, n);
    if (!p) continue;
    if (longest_only) { if (p > best) best = p; continue; }
    int rc = cb(ctx, key + p, n - p);
    if (rc) return rc;
  }
  return best ? cb(ctx, key + best, n - best) : 0;
}

/* The country key of medial key k[0..n) or of its stem, or NULL. */
static const char *country_of(const char *k, size_t n) {
  const char *c = dw_wordset_value(&country_forms, k, n);
  size_t sl = c ? n : strip_ending(k, n);
  return c ? c : sl < n ? dw_wordset_value(&country_forms, k, sl) : NULL;
}

/* The country key of the medial key m[0..n) or of what a prefix leaves. */
static const char *country_key(const char *m, size_t n) {
  const char *c = country_of(m, n);
  for (int i = 0; !c && n >= 2 && n <= MAXWORD && i < nprefixes; i++) {
    if (!first_letter[(unsigned char)m[0]][(unsigned char)m[1] & 0x3F]) break;
    size_t p = prefix_fits(i, m, n);
    if (p) c = country_of(m + p, n - p);
  }
  return c;
}

/* How many bytes prefix i takes off m[0..n) in a search: as prefix_fits,
** and also when it leaves a two-letter noun listed short (השר → שר). */
static size_t search_prefix_fits(int i, const char *m, size_t n) {
  size_t p = prefixes[i].n;
  if (n == p + 4 && !prefixes[i].inf && memcmp(m, prefixes[i].s, p) == 0 &&
      dw_wordset_has(&shortw, m + p, 4))
    return p;
  return prefix_fits(i, m, n);
}

/* A word that begins with ו doubles it after a prefix in full spelling
** (הוועדה, בוועידה, הוויכוח: ה + ועדה…): the bytes a prefix of p bytes
** and one of the two ו take off m[0..n), or 0 when the word behind does not
** begin with וו or would keep fewer than three letters. The word as
** written is read too (בוושינגטון: ב + וושינגטון). */
static size_t undoubled_vav(const char *m, size_t n, size_t p) {
  if (n < p + 4 || memcmp(m + p, "\xD7\x95\xD7\x95", 4) != 0 ||
      letters(m + p + 2, n - p - 2) < 3)
    return 0;
  return p + 2;
}

/* Each stem and its other reading and singular, for the word and each
** prefix strip (as written and with a doubled ו once), and a country. */
#define MAXKEYS (6 * MAXPREFIX + 8)

/* Key spans in the buffer (offsets: the buffer may move as it grows). */
typedef struct keylist {
  size_t starts[MAXKEYS], ends[MAXKEYS];
  int n;
} keylist;

static void add_span(keylist *kl, diwan_buf *buf, const char *k, size_t len) {
  kl->starts[kl->n] = buf->n;
  diwan_buf_append(buf, k, len);
  kl->ends[kl->n++] = buf->n;
}

/* The stem of k[0..n) and its other reading, if any (strip_endings), as
** keys; word: k is the whole word, so prefix + whole word stays whole. */
static void add_stems(keylist *kl, diwan_buf *buf, const char *k, size_t n, int word) {
  size_t len = n, alt = n;
  if (!is_whole(k, n)) {
    len = strip_endings(k, n, &alt);
    if (len < n) len = undouble(k, len);
    if (alt < n) alt = undouble(k, alt);
    /* A word that is a prefix plus a name is also read as one word
    ** (שמאלית: ש + מאלית "the Malian", and "leftist", like שמאלי): the
    ** whole reading first, the stem as the other. */
    int w = word ? word_is_whole(k, n) : 0;
    if (w == 1) len = alt = n;
    if (w == 2) { if (len < n) alt = len; len = n; }
  }
  add_span(kl, buf, k, len);
  if (alt != len) add_span(kl, buf, k, alt);
  const char *sg = dw_wordset_value(&plural_forms, k, n);
  if (!sg) sg = dw_wordset_value(&plurals, k, len);
  if (!sg && alt != len) sg = dw_wordset_value(&plurals, k, alt);
  if (sg) add_span(kl, buf, sg, strlen(sg));
}

int dw_he_search_keys(const char *w, size_t n, int query, diwan_buf *buf,
                      diwan_key_cb cb, void *ctx) {
  if (diwan_once_run(&once, load)) return DIWAN_NOMEM;
  keylist kl;
  kl.n = 0;
  /* Every key is at most n bytes or a singular of he_plurals.tsv: reserve
  ** them all so none moves while the medial key is read. */
  size_t at = buf->n, most = n + plurals.maxlen + plural_forms.maxlen + 1;
  if (diwan_buf_reserve(buf, most * (n <= MAXWORD ? MAXKEYS : 4)) ||
      dw_he_unfinal_key(w, n, buf))
    return DIWAN_NOMEM;
  const char *m = buf->p + at;     /* the medial key */
  size_t sl = word_stem_len(m, n);
  add_stems(&kl, buf, m, n, 1);
  int known = is_whole(m, n) || dw_wordset_has(&noprefix, m, sl);
  size_t best = 0;
  for (int i = 0; !known && n <= MAXWORD && i < nprefixes; i++) {
    if (n < 2 || !first_letter[(unsigned char)m[0]][(unsigned char)m[1] & 0x3F]) break;
    size_t p0 = search_prefix_fits(i, m, n);
    /* the word behind as written, then with its doubled ו written once */
    for (int u = 0; p0 && u < 2; u++) {
      size_t p = u ? undoubled_vav(m, n, p0) : p0;
      if (!p) continue;
      size_t len = stem_len(m + p, n - p);
      int behind = is_whole(m + p, n - p) || dw_wordset_has(&noprefix, m + p, len) ||
                   dw_wordset_has(&shortw, m + p, n - p);
      if (!query && !behind) { if (p > best) best = p; continue; }
      add_stems(&kl, buf, m + p, n - p, 0);
    }
  }
  if (best) add_stems(&kl, buf, m + best, n - best, 0);
  const char *country = country_key(m, n);
  if (country) add_span(&kl, buf, country, strlen(country));
  if (buf->oom) return DIWAN_NOMEM;
  for (int i = 0; i < kl.n; i++) {
    int rc = cb(ctx, buf->p + kl.starts[i], kl.ends[i] - kl.starts[i]);
    if (rc) return rc;
  }
  return 0;
}
