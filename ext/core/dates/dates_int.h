/* Internal header of date extraction: the lexicon (dates_lex.c), the token
** scanner (dates_scan.c), the patterns (dates_rules.c), resolution and
** output (dates_resolve.c), calendars (calendar.c) and gematria (gematria.c).
*/
#ifndef DIWAN_DATES_INT_H
#define DIWAN_DATES_INT_H
#include <stddef.h>
#include <stdint.h>
#include "diwan.h"

/* ------------------------------------------------------------- lexicon */
#define DL_KEYMAX 48

enum {
  K_MONTH = 1u << 0, K_CUE = 1u << 1, K_YEAR = 1u << 2, K_QUAL = 1u << 3,
  K_WEEKDAY = 1u << 4, K_MUWAFIQ = 1u << 5, K_ERA = 1u << 6,
  K_RSTART = 1u << 7, K_RJOIN = 1u << 8, K_ARTICLE = 1u << 9,
  K_ORDSUF = 1u << 10, K_OF = 1u << 11, K_UNIT = 1u << 12,
  K_RDAY = 1u << 13, K_RMONTH = 1u << 14, K_RYEAR = 1u << 15,
  K_RAFTER = 1u << 16, K_RBEFORE = 1u << 17, K_AGO = 1u << 18,
  K_LATER = 1u << 19, K_YUNIT = 1u << 20, K_NUMW = 1u << 21,
  K_DECADE = 1u << 22, K_CENTURY = 1u << 23, K_DECLEAD = 1u << 24,
  K_ODAY = 1u << 25,        /* an ordinal day word (الأول من نوفمبر) */
  K_PFX = 1u << 26,          /* a proper prefix of a multi-word form */
  K_RWEEK = 1u << 27,        /* this/last/next week: value = offset in weeks */
  K_TUNIT = 1u << 28,        /* a unit of time for "N units ago": d w m y */
  K_RQUARTER = 1u << 29,     /* this/last/next quarter: value = offset in quarters */
  K_RSPAN = 1u << 30         /* last/next N units (value in num): -1 before, 1 after,
                            ** 2 the Nth unit ahead */
};
/* A name holding a date word (عين اليوم): read as no date. Not in the enum:
** an enumerator must fit an int. */
#define K_STOP (1u << 31)
#define K_HOLIDAY (1ull << 32)  /* a holiday's name: hol indexes the rules */
#define K_RPREV (1ull << 33)    /* the day before/after the text's last day (la veille) */
#define K_DEADLINE (1ull << 34) /* before "the end of": from the anchor on (d'ici fin 2016) */
#define K_NOTCOUNT (1ull << 35) /* a word like a plural noun that says no count (après) */
#define K_NIGHT (1ull << 36)    /* the night of a day: that day and the next (la nuit du) */
#define K_WITHIN (1ull << 37)   /* within N units: the anchor to N units on (d'ici cinq ans) */
#define K_WEEKOF (1ull << 38)   /* the week of a day (la semaine du 7 octobre) */
#define K_WDAYS (1ull << 39)    /* a weekday's plural (fridays): value 1 Monday … 7 Sunday */
/* Units of K_TUNIT (and years for K_YUNIT). */
enum { U_NONE = 0, U_DAY, U_WEEK, U_MONTH, U_YEAR, U_QUARTER };

/* Calendars of a month name or of a parsed date. */
enum { CAL_GREG = 0, CAL_HIJRI = 1, CAL_HEBREW = 2 };
/* Modifiers, indexes into dd_modifier_name. */
enum { MOD_NONE = 0, MOD_EARLY, MOD_MID, MOD_LATE, MOD_APPROX, MOD_BEFORE, MOD_AFTER,
       /* parts of a year (seasons, quarters, halves) or of a month (halves) */
       MOD_SPRING, MOD_SUMMER, MOD_AUTUMN, MOD_WINTER, MOD_Q1, MOD_Q2, MOD_Q3, MOD_Q4,
       MOD_H1, MOD_H2, MOD_LAST = MOD_H2 };
/* A part of a year or month: the modifier names it, first_day/last_day
** keep its days (dates_resolve.c), the value stays the whole unit. */
static inline int dd_is_part(int mod) { return mod >= MOD_SPRING && mod <= MOD_H2; }
/* Eras after a year. */
enum { ERA_NONE = 0, ERA_CE, ERA_AH, ERA_RU, ERA_AZ };

typedef struct dlex {
  char key[DL_KEYMAX];
  uint8_t klen;
  uint8_t ntok;             /* tokens in the form */
  uint64_t kinds;
  int8_t month, cal, ambiguous;
  int8_t mod, era, rel;     /* rel: offsets of rday/rmonth/ryear/rafter/rbefore */
  int8_t after;             /* ago/later: 1 when the word follows the number;
                            ** rspan "-1p": only after a count and its unit */
  int8_t vague;             /* rspan "-1v": also before a plural unit without a
                            ** count (in recent weeks): a row never placed */
  int8_t obj;               /* later: a word after it is its object, an event (N ans
                            ** après le séisme): counted from that, unknown */
  int8_t fine;              /* ago/later ",day": counted from the anchor day one
                            ** grain finer (months give a day, years a month);
                            ** 2 (",today": from today) every unit gives a day */
  int8_t unit;              /* U_*: the unit of a tunit or yunit */
  int16_t num;              /* numw, yunit count, decade (199), century (20) */
  int16_t hol;              /* K_HOLIDAY: 1 + index of its rule (dates_hol.c) */
  int8_t hol_amb;           /* that name is also a word or a name: needs a cue or a year */
  int8_t wd_amb;            /* weekday (value "1a"): also an ordinal or a number (שני,
                            ** ראשון): a day only alone or with what places it */
  int8_t wk_next;           /* rafter "1w": after a weekday, that day of next week
                            ** (רביעי הבא, as English "next Friday"); 2 for "2t",
                            ** "3t": weeks after the coming one, today included */
  int8_t ord_nth;           /* oday "3w": the ordinal of a weekday, week or day
                            ** only (ثالث ثلاثاء, الأربعاء الثانية), never a day
                            ** of a month; "15c" (-1): a cardinal (quinze), a
                            ** day of a month only, never such an ordinal */
  char mlang[4];            /* language of the month name */
  char lang[4];             /* language of the other kinds */
} dlex;

/* Loads the lexicons once (thread-safe). DIWAN_OK or DIWAN_NOMEM. */
int dl_init(void);
const dlex *dl_find(const char *key, size_t n);
/* The lexicon key of a form: its tokens' folded forms, joined by one space
** where the form has white space; cut[i] is the key's length after token i.
** 0, or -1 when a token folds to nothing, over 8 tokens or DL_KEYMAX; -2 when
** out of memory. */
typedef struct dl_form_key {
  char key[DL_KEYMAX];
  size_t klen;
  size_t cut[8];
  int ntok;
  int word0;                /* the first token is a word (not a number or mark) */
} dl_form_key;
int dl_form_to_key(const char *s, size_t n, dl_form_key *fk);
/* The user's month names (dates_user.c): an entry of m, which copies the
** compiled-in entry of the same key and adds to it, else dl_find. */
const dlex *du_find(const diwan_months *m, const char *key, size_t n);
/* Appends the folded form of one code point to out (at most 4 bytes);
** returns the bytes written (0: the code point vanishes). */
size_t dl_fold_cp(uint32_t cp, char *out);

/* ------------------------------------------------------------- scanner */
enum { T_EOF = 0, T_WORD, T_NUM, T_PUNCT };
enum { S_NONE = 0, S_LATIN, S_ARABIC, S_HEBREW, S_CYRILLIC };

typedef struct dtok {
  size_t s, e;              /* byte span in the text */
  uint8_t kind, script;     /* script: of a word, or of a number's digits */
  uint8_t sp, nl;           /* white space / a line break before the token */
  uint8_t pre;              /* bytes of a one-letter prefix the match dropped */
  uint8_t kpre;             /* the same prefix's bytes in key */
  uint8_t gem;              /* Hebrew word with geresh or gershayim */
  uint8_t nd;               /* digits of a number */
  uint8_t klen;
  uint8_t toolong;          /* the folded form did not fit key */
  uint32_t cp;              /* a punctuation token's code point */
  int32_t num;              /* a number's value (-1 when over 9 digits) */
  const dlex *lx;           /* lexicon entry of the word alone, or NULL */
  uint64_t mwk;             /* kinds of every form starting here (see mw) */
  uint8_t mwk_done;
  char key[DL_KEYMAX];      /* folded form (klen 0 when too long) */
} dtok;

#define DS_RING 64          /* tokens kept; rules look back < 8, ahead < 40 */

typedef struct dscan {
  const char *s;
  size_t n, pos;
  long count;               /* tokens scanned so far */
  long limit;               /* ds_tok gives EOF from here: bounded look-ahead */
  long avail;               /* min(count, limit): ds_tok's one comparison */
  int nolookup;             /* building lexicon keys: no lexicon yet */
  const diwan_months *user; /* the user's month names, or NULL */
  dtok ring[DS_RING];
  dtok eof;
} dscan;

/* Fills the scanner's table of code points below U+0800: dl_init does,
** before anything is scanned (no allocation; the same values every time). */
void ds_classes_init(void);
void ds_init(dscan *sc, const char *s, size_t n);
/* The lexicon's filter (dates_lex.c, set while it loads): a Bloom filter
** of two bits per key; a word with either bit clear is the start of no
** form. Most words of a text are, and are turned away here without a
** call. The hash reads the key's length and its first two, middle and last
** two bytes (the whole first and last letter of Arabic, Hebrew and
** Cyrillic words), mixed: the filter's bits and the table's slot. */
#define DL_FILTER_BYTES 8192
extern uint8_t dl_filter[DL_FILTER_BYTES];
static inline uint64_t dl_key_hash(const char *key, size_t n) {   /* n >= 1 */
  const unsigned char *u = (const unsigned char *)key;
  size_t two = n > 1;
  uint64_t x = (uint64_t)u[0] | (uint64_t)u[two] << 8 | (uint64_t)u[n / 2] << 16 |
               (uint64_t)u[n - 1 - two] << 24 | (uint64_t)u[n - 1] << 32 | (uint64_t)n << 40;
  x *= 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ull;
  return x ^ (x >> 32);
}
static inline int dl_filter_has(uint64_t h) {
  unsigned a = (unsigned)(h >> 48), b = (unsigned)(h >> 32) & 0xFFFFu;
  return (dl_filter[a >> 3] >> (a & 7)) & (dl_filter[b >> 3] >> (b & 7)) & 1;
}
/* dl_find with the key's dl_key_hash, past the filter. */
const dlex *dl_find_hashed(const char *key, size_t n, uint64_t h);
/* The lexicon entry of a key: the user's first when there are any. */
static inline const dlex *ds_find(const dscan *sc, const char *key, size_t n) {
  if (sc->user) return du_find(sc->user, key, n);
  if (n == 0 || n >= DL_KEYMAX) return NULL;
  uint64_t h = dl_key_hash(key, n);
  if (!dl_filter_has(h)) return NULL;
  return dl_find_hashed(key, n, h);
}
#define DS_AHEAD 40         /* tokens a rule may look ahead of its start */
/* Token number i, or the EOF token past the end or past the look-ahead
** limit set by ds_at. Valid for i >= (position given to ds_at) - 16. */
const dtok *ds_tok_scan(dscan *sc, long i);
static inline const dtok *ds_tok(dscan *sc, long i) {
  /* i >= 0 && i < count && i < limit, in one unsigned comparison */
  if ((unsigned long)i < (unsigned long)sc->avail) return &sc->ring[i & (DS_RING - 1)];
  return ds_tok_scan(sc, i);
}
/* The rules now start at token i: look-ahead ends at i + DS_AHEAD. */
static inline void ds_at(dscan *sc, long i) {
  sc->limit = i + DS_AHEAD;
  sc->avail = sc->count < sc->limit ? sc->count : sc->limit;
}

/* ------------------------------------------------------------ gematria */
/* Value of a Hebrew numeral word (כ״ז 27, תשנ״ב 752, ה׳תשנ״ב 5752), or -1. */
int dg_value(const char *s, size_t n);

/* ------------------------------------------------------------ calendar */
/* Gregorian day of a day of another calendar (month 1-based; Hebrew months
** as in dates_months.tsv). DIWAN_OK, or DIWAN_ERROR for a day that does not
** exist. */
int dc_to_gregorian(int cal, int y, int m, int d, diwan_ymd *out);
/* Days in a month of a calendar, 0 when the month does not exist. */
int dc_month_days(int cal, int y, int m);
/* Months in a year of a calendar (12, or 13 in a Hebrew leap year). */
int dc_year_months(int cal, int y);
int dd_days_in_month(int y, int m);   /* Gregorian */
long dd_day_number(int y, int m, int d);
void dd_from_day_number(long n, diwan_ymd *out);

/* ------------------------------------------------------------- parsing */
/* Relative expressions. */
enum { REL_NONE = 0, REL_DAY, REL_MONTH, REL_YEAR, REL_MONTHNAME_PAST,
       REL_MONTHNAME_NEXT, REL_LATER, REL_WEEK, REL_WEEKDAY, REL_UNITS,
       REL_PART, REL_QUARTER,              /* last summer: rel_n -1 0 1, the part in mod */
       REL_SPAN,                           /* the last 3 weeks: rel_n -3, rel_mode U_*,
                                           ** rel_k 1: only the Nth unit (2 upcoming weeks) */
       REL_PREV,                           /* la veille: rel_n days from the last day */
       REL_HOLIDAY,                        /* rel_n: the rule; rel_k: a stated year */
       REL_NTH,                            /* the first Monday of March: see dates_nth.c */
       REL_WITHIN };                       /* d'ici cinq ans: rel_n units (rel_mode) from the anchor */
/* What REL_NTH counts (its rel_mode); rel_n < 0 counts from the end. */
enum { NTH_WEEKDAY = 1, NTH_WEEK, NTH_DAY, NTH_MDAY };
/* How a weekday is placed (REL_WEEKDAY's rel_mode). */
enum { WD_BARE = 0, WD_LAST, WD_NEXT, WD_THIS, WD_WEEK, WD_AFTERNEXT,
       WD_COUNT };                         /* three Fridays from now: rel_k ±3 */
enum { P_NONE = 0, P_DAY, P_MONTH, P_YEAR, P_DECADE, P_CENTURY, P_WEEK };

/* One end of a date mention, before resolution. Unknown fields are 0. */
typedef struct dend {
  int y, m, d;
  int prec, cal;
  int decade;               /* 199 for 199X; century number for P_CENTURY */
} dend;

typedef struct dmatch {
  int native;               /* REL_HOLIDAY: rel_k is a year of its own calendar */
  long t0, t1;              /* tokens [t0, t1) */
  size_t bs, be;            /* byte span of the surface */
  dend a, b;                /* b.prec != 0: a range a/b */
  int mod;
  int rel;                  /* REL_*: resolved against the anchor */
  int rel_n;                /* its offset (days, months, years), month or weekday */
  int rel_mode;             /* REL_WEEKDAY: WD_*; REL_UNITS: U_* */
  int rel_k;                /* WD_WEEK: the week's offset */
  int wd;                   /* a stated weekday (decides a missing year), or 0 */
  int deadline;             /* d'ici fin 2016: first_day is the anchor day */
  int show_cal;             /* REL_HOLIDAY: the calendar of its rule (CAL_*) */
  dend base;                /* REL_PREV: the day it counts from (le lendemain du 13), or prec 0 */
  int per_rel, per_off;     /* REL_NTH: a period relative to the anchor (REL_MONTH
                            ** or REL_YEAR and its offset), else 0 and m->a */
  int night;                /* la nuit du dimanche: a day and the next */
  int weekof;               /* la semaine du 7 octobre: the week of that day */
  int text_unit;            /* the year after a qualifier (до конца года): without
                            ** an anchor, the year of the text's last date */
  int fine;                 /* REL_UNITS: months give a day, years a month */
  const char *lang;
} dmatch;

typedef struct dctx {
  dscan sc;
  const diwan_ymd *anchor;  /* &anchor_v, or NULL */
  diwan_ymd anchor_v;
  int prefer;               /* DIWAN_PREFER_* */
  const char *lang;         /* caller's hint, or NULL */
  int us;                   /* month-first numeric dates */
  const char *ctx_lang;     /* language of the last word that told */
  int have_prev;            /* a previous mention, for "two years later" */
  int prev_y;
  long prev_day;            /* day number of the text's last single day, or 0 */
  long year_end;            /* token after the last year-only row, or 0: a list may follow */
  diwan_date_cb cb;
  void *cbctx;
  uint64_t walk_kinds;      /* scratch of the multi-word lookup */
  int cued;                 /* a cue or article precedes: 3/4 may be a day; 2: a
                            ** range's second end after a dotted day (dates_core.c) */
  long pair_end;            /* end of the last month read with its paired form */
  char doc_lang[4];         /* the text's Latin-script language (fr, en, az), or "" */
  int doc_lang_done;        /* doc_lang is set: found when first needed (a
                               detection reads the whole text) */
} dctx;

/* Tries every pattern at token i: 1 and *m filled, or 0 (*skip set to the
** tokens a rejected impossible date covered, so they are not re-read). */
int dr_match(dctx *c, long i, dmatch *m, long *skip);
/* The Nth weekday, week or day of a period at i (dates_nth.c). */
int dr_nth_at(dctx *c, long i, dmatch *m);
/* A day of the month alone, at i (on the 15th): dates_nth.c. */
int dr_mday_at(dctx *c, long i, dmatch *m);
/* A range of days without a month (du 13 au 18), at i: dates_nth.c. */
int dr_mday_range_at(dctx *c, long i, dmatch *m);
/* Relative expressions at i (dates_rel.c): 1 and *m filled, or 0. */
int dr_relative_at(dctx *c, long i, dmatch *m);
/* The weekday of a day number, 1 Monday … 7 Sunday. */
int dd_weekday(long dn);
/* Resolves and reports one match. Returns the callback's value, or 0. */
int dd_emit(dctx *c, const dmatch *m);
extern const char *const dd_modifier_name[];

/* ------------------------------------------------------------ holidays */
/* A holiday's rule (dates_holidays.tsv): a fixed day of the Gregorian,
** Julian, Islamic or Hebrew calendar, or a day from Easter (Western or
** Orthodox); len days from there (0 with d 0: the whole month). */
enum { HR_GREG = 0, HR_JULIAN, HR_EASTER, HR_OEASTER, HR_HIJRI, HR_HEBREW };
typedef struct dhol {
  int8_t rule, m, d;
  int16_t len, off;
} dhol;
/* The rule of a lexicon entry's hol (dates_lex.c), or NULL. */
const dhol *dl_holiday(int hol);
/* A holiday at token i (its name, then maybe a year): 1 and *m filled. */
int dh_holiday_at(dctx *c, long i, dmatch *m);
/* Its first and last Gregorian days (day numbers) by the anchor, a stated
** year and prefer: 1, or 0 when it cannot be placed. *cal: its calendar. */
int dh_resolve(const dctx *c, int hol, int year, int native, long *first,
               long *last, int *cal);
/* A fixed one-day Gregorian holiday's month and day (Christmas 12-25): 1, or 0. */
int dh_fixed_day(int hol, int *m, int *d);


#endif
