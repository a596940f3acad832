/* Internals shared by the fold and stem files of the core. */
#ifndef DIWAN_FOLD_H
#define DIWAN_FOLD_H
#include <stddef.h>
#include <stdint.h>
#include "diwan.h"

/* ------------------------------------------------------------ word sets */
/* A read-only set of UTF-8 strings built once from a lexicon. */
typedef struct dw_wordset {
  char *pool;          /* the strings, back to back */
  uint32_t *slot;      /* open addressing: offset+1 into pool, 0 = empty */
  uint32_t *len;       /* length of the string in the same slot */
  size_t mask;
  size_t count;
  size_t maxlen;       /* longest member, in bytes */
} dw_wordset;

/* Normalises a lexicon entry before it is stored. */
typedef int (*dw_entry_fn)(const char *s, size_t n, diwan_buf *out);

/* Builds the set from the first TSV field of every line of data file
** `name` whose second field equals `kind` (kind NULL: every line). On out
** of memory the set is left empty and DIWAN_NOMEM returned: the caller's
** lazy load fails and is retried. A set already loaded is kept. */
int dw_wordset_load(dw_wordset *set, const char *name, const char *kind,
                    dw_entry_fn norm);
/* The same over several data files (names, NULL-terminated): field
** `field` (0-based) of the lines whose field `kfield` equals kind; the
** normaliser may leave an entry empty to skip it. */
int dw_wordset_add_files(dw_wordset *set, const char *const *names, int field,
                         int kfield, const char *kind, dw_entry_fn norm);
int dw_wordset_has(const dw_wordset *set, const char *s, size_t n);
/* A map from the first field of each line (through norm) to the second
** (through vnorm); dw_wordset_value gives the NUL-terminated value of a
** key, or NULL. */
int dw_wordset_load_pairs(dw_wordset *set, const char *name, dw_entry_fn norm,
                          dw_entry_fn vnorm);
/* The same from TSV text in memory (copied: the caller may free it). */
int dw_wordset_load_pairs_text(dw_wordset *set, const char *text, size_t len,
                               dw_entry_fn norm, dw_entry_fn vnorm);
const char *dw_wordset_value(const dw_wordset *set, const char *s, size_t n);
/* Arabic, on a folded word: the stem of what follows a lone ب ل ك (after
** و/ف or not) when three letters follow, appended to out; returns 1 when
** written (*rc: DIWAN_NOMEM or 0). */
int dw_ar_clitic_key(const char *f, size_t n, unsigned hamza, diwan_buf *out, int *rc);
/* Arabic: where a written word had آ أ إ among its first 8 letters (bit i:
** letter i; bit 31: it ends in ى), when its folded form keeps its letters
** one for one; the stem
** of the folded word with that knowledge (hamza: such a mask). */
unsigned dw_ar_hamza_of(const char *written, size_t wn, const char *folded, size_t fn);
int dw_ar_stem_hamza(const char *w, size_t n, unsigned hamza, diwan_buf *out);
/* Arabic: the singular (loose-normalised) of a broken plural, or NULL. */
const char *dw_ar_singular(const char *plural, size_t n);

/* ---------------------------------------------- Arabic and Hebrew prefixes */
/* What a one-letter prefix is (ar_affixes.tsv, he_prefixes.tsv). */
enum { DW_PRE_CONJ = 1,      /* and: Arabic و ف, Hebrew ו */
       DW_PRE_ARTICLE = 2,   /* Arabic ال, Hebrew ה */
       DW_PRE_IN = 4,        /* Arabic ب, Hebrew ב */
       DW_PRE_TO = 8,        /* Arabic ل, Hebrew ל */
       DW_PRE_AS = 16,       /* Arabic ك, Hebrew כ */
       DW_PRE_FROM = 32,     /* Hebrew מ */
       DW_PRE_THAT = 64 };   /* Hebrew ש */
/* The bytes of a prefix of one of kinds (a mask) that opens w[0..n) with
** more after it, or 0 (proclitic.c). Thread-safe; no allocation. */
size_t dw_proclitic(const char *w, size_t n, int kinds);

/* ------------------------------------------------------ per code point */
/* The Arabic table of a level over U+0600–06FF (index cp - 0x600): the
** replacement code point (ASCII digits included), DW_AR_KEEP or DW_AR_DROP. */
#define DW_AR_KEEP 0xFFFFu
#define DW_AR_DROP 0u
const uint16_t *dw_ar_table(int level);
/* The Hebrew table over U+0580–05FF (index cp - 0x580), same encoding;
** the replacements are ASCII ' and ". */
const uint16_t *dw_he_table(void);

/* Arabic code point (U+0600–06FF) under a level: appends its folded form;
** used by the fold key so it agrees with diwan_ar_normalize. */
int dw_ar_fold_cp(uint32_t cp, int level, diwan_buf *out);
/* Hebrew code point or mark (U+0590–05FF, FB1D–FB4F): likewise for
** diwan_he_normalize. */
int dw_he_fold_cp(uint32_t cp, diwan_buf *out);
/* Any other code point through NFKC + case fold + accent removal (+ the
** letters of latin_letters.tsv). Apostrophe look-alikes become '. */
int dw_latin_fold_cp(uint32_t cp, diwan_buf *out);
/* NFKC of one code point, appended as UTF-8 code points to cps (at most
** max); returns how many, or -1 when ICU fails. */
int dw_nfkc_cp(uint32_t cp, uint32_t *cps, int max);

/* Removes a French elision at the start of the folded word w[0..n) by
** returning how many bytes to skip (0 when none). */
size_t dw_elision_len(const char *w, size_t n);
/* Loads the Latin tables and the elision list: DIWAN_OK or DIWAN_NOMEM (a
** failed load is retried at the next call). */
int dw_latin_load(void);

/* The fold key of one word (what diwan_fold writes for it). */
int dw_fold_word(const char *w, size_t n, diwan_buf *out);

/* Hebrew, on one already folded word. The stem key: final letters folded,
** then a plural, construct or possessive ending off (he_suffixes.tsv)
** unless the word is kept whole (he_words.tsv, gazetteer names). */
int dw_he_stem_key(const char *w, size_t n, diwan_buf *out);
/* The final-letter key alone and its prefix-stripped candidates, every
** one: what the phrase scanner's lexicons are matched with. */
int dw_he_unfinal_key(const char *w, size_t n, diwan_buf *out);
int dw_he_candidates(const char *key, size_t n, int longest_only,
                     diwan_key_cb cb, void *ctx);
/* The search keys (stem key, then prefix-stripped stems) of a folded
** word, written to buf and passed to cb. query: all the candidates, unless
** the word is known (he_words.tsv noprefix/whole, names); else (a
** document word) the longest strip and the strips that leave a known word. */
int dw_he_search_keys(const char *w, size_t n, int query, diwan_buf *buf,
                      diwan_key_cb cb, void *ctx);

/* ------------------------------------------- Latin and Cyrillic stems */
/* The languages whose Latin or Cyrillic words are stemmed. AUTO: guessed
** from each word's letters; NONE: not stemmed (the fold key only). */
typedef enum dw_lang {
  DW_LANG_AUTO, DW_LANG_NONE, DW_LANG_EN, DW_LANG_FR, DW_LANG_RU, DW_LANG_AZ,
  DW_NLANG
} dw_lang;
/* "en", "fr", "ru", "az" (or "en-GB"…) to their dw_lang; anything else AUTO. */
dw_lang dw_lang_of(const char *code, size_t n);
/* The language a Latin or Cyrillic word's letters say: Cyrillic is Russian,
** ə ı ğ ş İ Azerbaijani, French accents French, else English. */
dw_lang dw_guess_lang(const char *w, size_t n);
/* What the letters of a text's opening (4 KB) say of its Latin words:
** AZ, FR, or AUTO (each word as its own letters say). */
dw_lang dw_text_lang(const char *s, size_t n);
/* The stem keys of a Latin or Cyrillic word under lang, folded and
** appended to out back to back; ends[i] is where key i ends (key 0 starts
** where out ended). One Snowball key, or for Azerbaijani the word and its
** suffix-stripped readings (at most max). Returns the count, -1 when out
** of memory. */
int dw_latin_stems(const char *w, size_t n, dw_lang lang, diwan_buf *out,
                   size_t *ends, int max);
/* Azerbaijani: calls cb with each suffix-stripped reading of the
** lower-cased word w (prefixes of w). */
typedef int (*dw_stem_cb)(void *ctx, const char *s, size_t n);
int dw_az_stems(const char *w, size_t n, dw_stem_cb cb, void *ctx);

typedef struct dw_scratch { diwan_buf f, s; } dw_scratch;
void dw_scratch_init(dw_scratch *sc);
void dw_scratch_free(dw_scratch *sc);
/* Which keys dw_keys gives. A query word looks for its stem key and all its
** Hebrew candidates; so a document word needs, besides its fold and stem
** keys, only its longest prefix strip (the query's candidates reach the
** shorter strips), which keeps FTS5 indexes small. */
typedef enum dw_keymode {
  DW_KEYS_ALL,     /* fold, stem, every candidate (diwan_word_keys) */
  DW_KEYS_DOC,     /* fold, stem, the longest candidate */
  DW_KEYS_QUERY    /* stem, every candidate */
} dw_keymode;
/* lang: how Latin and Cyrillic words are stemmed. A document word is
** stemmed in lang (AUTO: as its letters say); a query word, whose language
** is unsure, looks for its stems in lang, in the language its letters say
** and (lang AUTO) in English and French too. NONE: fold keys only.
** sc: buffers reused from word to word (NULL: allocate for this word). */
int dw_keys(const char *w, size_t n, dw_keymode mode, dw_lang lang,
            dw_scratch *sc, diwan_key_cb cb, void *ctx);
/* dw_keys through a process-wide memo (keys_memo.c), one table per user:
** the same keys in the same order, or what dw_keys returns (DIWAN_NOMEM when
** the keys could not be made, or the callback's non-zero return). */
enum { DW_MEMO_PHRASE, DW_MEMO_FTS, DW_MEMO_N };
int dw_keys_memo(int which, const char *w, size_t n, dw_keymode mode, dw_lang lang,
                 dw_scratch *sc, diwan_key_cb cb, void *ctx);

/* Final letter forms to their medial forms (ך ם ן ף ץ), else cp. */
uint32_t dw_he_unfinal(uint32_t cp);

#endif
