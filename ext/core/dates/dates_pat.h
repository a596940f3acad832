/* Internal header of the date patterns: what dates_read.c (lexicon forms,
** numbers, years, days, month names), dates_core.c (self-standing dates)
** and dates_rules.c (dates in context) share. */
#ifndef DIWAN_DATES_PAT_H
#define DIWAN_DATES_PAT_H
#include <string.h>
#include "dates_int.h"

#define T(i) ds_tok(&c->sc, (i))

/* A date read at some token, before its context is known. */
typedef struct core {
  dend e;
  long end;                 /* one past the last token */
  int alone;                /* a month name alone: needs a cue */
  int ambiguous;            /* that month name is also an ordinary word */
  int rel, rel_n;
  int rel_d;                /* the day of a relative month name (أول تموز الماضي) */
  int wd;                   /* a stated weekday, 1 Monday … 7 Sunday, or 0 */
  const char *lang;
} core;

static inline int is_p(const dtok *t, uint32_t cp) { return t->kind == T_PUNCT && t->cp == cp; }
static inline int glued(const dtok *t) { return !t->sp; }
static inline int has(const dtok *t, uint64_t k) { return t->lx && (t->lx->kinds & k); }
static inline int is_hyphen(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '-' || t->cp == 0x2010 || t->cp == 0x2011 ||
                                t->cp == 0x05BE);
}
static inline int is_apos_p(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '\'' || t->cp == 0x2019 || t->cp == 0x2018);
}
static inline int is_comma(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == ',' || t->cp == 0x060C);
}
static inline int is_sep(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '-' || t->cp == '/' || t->cp == '.');
}
static inline int is_numsep(const dtok *t) {
  return t->kind == T_PUNCT && (t->cp == '.' || t->cp == ',' || t->cp == 0x066B ||
                                t->cp == 0x066C || t->cp == '/' || t->cp == ':');
}

/* An ambiguous weekday (שני: Monday, second, two) keeps no prefix but ב
** (בשני הזה; not השני, the second). */
static inline int dp_amb_prefix_ok(dctx *c, const dtok *t) {
  return !t->pre || (t->pre == 2 && !memcmp(c->sc.s + t->s, "\xd7\x91", 2));
}

/* A Latin word read without its 's (Wednesday's, November's). */
static inline int dp_possessive(const dtok *t) {
  return t->script == S_LATIN && t->klen > 2 && t->key[t->klen - 2] == '\'' &&
         t->key[t->klen - 1] == 's';
}

/* The tokens [t0, t1) become the match's span, in bytes from the first
** token's text (after its prefix) to the last token's end. */
static inline void dp_span(dctx *c, dmatch *m, long t0, long t1) {
  m->t0 = t0;
  m->t1 = t1;
  m->bs = T(t0)->s + T(t0)->pre;
  m->be = T(t1 - 1)->e;
}

/* A season, half or quarter placed by a relative word, before it (last
** summer, этим летом) or after it (l'été dernier, الصيف الماضي): one shape
** for both orders. */
static inline void dp_part_rel(dctx *c, dmatch *m, long t0, long t1, int rel,
                               int mod, const char *lang) {
  m->rel = REL_PART;
  m->rel_n = rel;
  m->mod = mod;
  m->lang = lang;
  dp_span(c, m, t0, t1);
}

/* dates_read.c */
/* The longest lexicon form of one of kinds starting at token i (its first
** token may have lost a prefix): returns it and sets *end, or NULL. Rules
** ask every token they look at for several kinds, and most tokens are in
** no form: those, and single-word forms, are answered here inline. */
const dlex *dp_mw_multi(dctx *c, long i, uint64_t kinds, long *end);
static inline const dlex *dp_mw(dctx *c, long i, uint64_t kinds, long *end) {
  const dtok *t = T(i);
  const dlex *lx = t->lx;
  if (!lx) return NULL;
  if (!(lx->kinds & K_PFX)) {
    *end = i + 1;
    return (lx->kinds & kinds) ? lx : NULL;
  }
  if (t->mwk_done && !(t->mwk & kinds)) return NULL;   /* walked: none of kinds here */
  return dp_mw_multi(c, i, kinds, end);
}
uint64_t dp_mw_kinds(dctx *c, long i);
/* The kinds of every lexicon form, of one word or more, that starts at
** token i (0 for a word in none). */
static inline uint64_t dp_kinds(dctx *c, long i) {
  const dlex *lx = T(i)->lx;
  if (!lx) return 0;
  return (lx->kinds & K_PFX) ? dp_mw_kinds(c, i) : lx->kinds;
}
/* A word at i that starts no form of kinds: a rule whose every form
** begins with a word of one of these kinds cannot match there. The rules
** that read words test this first (a text's words are mostly function
** words: في, le, in, של reach the rules as cues and articles, and would
** otherwise go through every one). Numbers and marks are never words. */
static inline int dp_word_without(dctx *c, long i, uint64_t kinds) {
  return T(i)->kind == T_WORD && !(dp_kinds(c, i) & kinds);
}
/* The first words of the forms of dp_core_at (dates_core.c): with lead,
** also a weekday, today (اليوم الأحد) or an article before a date; a
** Hebrew gematria numeral (gem) starts a day too. */
#define DP_CORE_KINDS (K_CENTURY | K_DECADE | K_DECLEAD | K_MONTH | K_TUNIT | K_YEAR | K_ODAY)
#define DP_LEAD_KINDS (K_WEEKDAY | K_RDAY | K_ARTICLE)
/* The first words of the relative forms (dates_rel.c, dates_hol.c). */
#define DP_REL_KINDS (K_TUNIT | K_YUNIT | K_HOLIDAY | K_RPREV | K_RDAY | K_RMONTH | K_RYEAR | \
                      K_RWEEK | K_RQUARTER | K_RBEFORE | K_WEEKDAY | K_RSPAN | K_NUMW |     \
                      K_WITHIN | K_AGO | K_LATER)
/* The first words of the Nth of a period (dates_nth.c): an article, a
** weekday, an ordinal, "last"; an Arabic definite unit is read by its key. */
#define DP_NTH_KINDS (K_ARTICLE | K_WEEKDAY | K_ODAY | K_RSPAN | K_RBEFORE)
/* An Arabic word with the article ال and at least two letters after it
** (after a one-letter prefix): a definite unit (الأسبوع الأول) may be read
** from its key alone (dates_nth.c). */
static inline int dp_ar_definite(const dtok *t) {
  return t->kind == T_WORD && t->script == S_ARABIC && t->klen - t->kpre >= 8 &&
         !memcmp(t->key + t->kpre, "\xd8\xa7\xd9\x84", 4);
}
int dp_num_alone(dctx *c, long j);
long dp_era_at(dctx *c, long j, int *era);
int dp_year_at(dctx *c, long j, int lo, int hi, long *end, int *era);
int dp_bad_year_at(dctx *c, long j);
int dp_day_at(dctx *c, long j, int *d, long *end);
const dlex *dp_month_at(dctx *c, long j, long *end);

/* dates_core.c */
void dp_set_end(core *o, int y, int m, int d, int prec, int cal, long end);
/* Any self-standing date at i: 1, 0, or -1 for an impossible date (o->end
** set past it). lead: a weekday or an article may come first. */
int dp_core_at(dctx *c, long i, core *o, int lead);

#endif
