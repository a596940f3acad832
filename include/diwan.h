/*
** diwan.h — the core API of diwan: UTF-8 text in, results out.
**
** Nothing here calls SQLite. Every function takes a byte pointer and a byte
** length (the text need not be NUL-terminated and may be invalid UTF-8: bad
** bytes decode as U+FFFD and are never copied through). Offsets reported by
** the core are BYTE offsets into the caller's text; the SQLite layer turns
** them into 1-based character offsets.
**
** Return codes: DIWAN_OK, DIWAN_NOMEM, DIWAN_ERROR. Iterating functions take
** a callback; a non-zero return from the callback stops the walk and is
** returned unchanged, so callers can tell "stopped" from "failed".
*/
#ifndef DIWAN_H
#define DIWAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DIWAN_OK    0
#define DIWAN_NOMEM 1
#define DIWAN_ERROR 2

const char *diwan_version_string(void);

/* ------------------------------------------------------------- allocation */

/* Where the core gets its memory (default: malloc, realloc, free). Call
** before any other diwan function: memory is freed by the allocator that
** gave it. The SQLite extension installs sqlite3_malloc64 & co. at load.
** NULL restores the default. */
typedef struct diwan_allocator {
  void *(*malloc)(size_t n);
  void *(*realloc)(void *p, size_t n);
  void (*free)(void *p);
} diwan_allocator;
void diwan_set_allocator(const diwan_allocator *a);

/* ---------------------------------------------------------------- buffers */

/* A growable byte buffer; always NUL-terminated when p != NULL. */
typedef struct diwan_buf {
  char *p;
  size_t n;
  size_t cap;
  int oom;        /* sticky: set once an allocation failed */
} diwan_buf;

void diwan_buf_init(diwan_buf *b);
void diwan_buf_free(diwan_buf *b);
void diwan_buf_reset(diwan_buf *b);                 /* n = 0, keeps memory */
int  diwan_buf_reserve(diwan_buf *b, size_t extra);  /* DIWAN_OK / DIWAN_NOMEM */
int  diwan_buf_append(diwan_buf *b, const char *s, size_t n);
int  diwan_buf_putc(diwan_buf *b, uint32_t cp);       /* append as UTF-8 */

/* ------------------------------------------------------------------ utf8 */

#define DIWAN_REPLACEMENT 0xFFFDu

/* Decode one code point at s (n > 0 bytes available). Sets *len to the
** number of bytes consumed (>= 1). Invalid, overlong, surrogate and
** truncated sequences decode as U+FFFD consuming one byte. */
uint32_t diwan_utf8_decode(const unsigned char *s, size_t n, size_t *len);
size_t   diwan_utf8_encode(uint32_t cp, char out[4]);
/* Byte offset of the first invalid sequence, or n when s is valid UTF-8. */
size_t   diwan_utf8_check(const char *s, size_t n);
/* Copy s into out, replacing every invalid sequence by U+FFFD. Returns the
** number of replacements (>= 0) or -1 on out of memory. */
long     diwan_utf8_sanitize(const char *s, size_t n, diwan_buf *out);

/* ---------------------------------------------------------------- script */

typedef enum diwan_script {
  DIWAN_SCRIPT_NONE = 0,   /* space, punctuation, symbols */
  DIWAN_SCRIPT_LATIN,
  DIWAN_SCRIPT_ARABIC,
  DIWAN_SCRIPT_HEBREW,
  DIWAN_SCRIPT_CYRILLIC,
  DIWAN_SCRIPT_DIGIT,      /* any Unicode decimal digit */
  DIWAN_SCRIPT_MARK,       /* combining marks of any script */
  DIWAN_SCRIPT_OTHER       /* letters of other scripts */
} diwan_script;

diwan_script diwan_script_of(uint32_t cp);
/* Decimal value of a digit of any script (ASCII, Arabic-Indic, Persian…), or -1. */
int diwan_digit_value(uint32_t cp);
/* Zero-width format characters that should vanish from keys (ZWNJ, ZWJ,
** LRM, RLM, ALM, bidi embeddings and isolates, BOM, soft hyphen, WJ). */
int diwan_is_invisible(uint32_t cp);

/* ------------------------------------------------------------------ lang */

/* ISO 639-1 code ("ar", "he", "fr", "en", "ru", "az", …) or "und". The
** returned string is static. */
const char *diwan_lang_detect(const char *s, size_t n);

/* --------------------------------------------------------------- segment */

typedef enum diwan_token_kind {
  DIWAN_TOKEN_WORD = 1,
  DIWAN_TOKEN_NUMBER,
  DIWAN_TOKEN_PUNCT,
  DIWAN_TOKEN_SYMBOL
} diwan_token_kind;

const char *diwan_token_kind_name(diwan_token_kind k);

/* Pull iterators over a text: no allocation, O(n) in total. */
typedef struct diwan_tokenizer {
  const char *s;
  size_t n, pos;
} diwan_tokenizer;

void diwan_tokenizer_init(diwan_tokenizer *t, const char *s, size_t n);
/* Next token: returns 1 and sets the byte span and kind, or 0 at the end.
** Words keep inner apostrophes, geresh/gershayim (צה"ל, אזרבייג'ן), inner
** hyphens between letters, dots of initials; numbers keep grouping and
** decimal separators (10,357,139  136.6  ١٢٫٥). Combining marks and
** invisible format characters inside a word stay part of it. */
int diwan_tokenizer_next(diwan_tokenizer *t, size_t *start, size_t *len,
                         diwan_token_kind *kind);

typedef struct diwan_sentencer {
  const char *s;
  size_t n, pos;
} diwan_sentencer;

void diwan_sentencer_init(diwan_sentencer *t, const char *s, size_t n);
/* Next sentence, trimmed of surrounding white space: 1 and its span, or 0.
** Ends at . ! ? ؟ … ۔ and line breaks that end a paragraph; not after
** abbreviations, initials, decimals or inside numbers. */
int diwan_sentencer_next(diwan_sentencer *t, size_t *start, size_t *len);

/* ------------------------------------------------------------------ fold */

/* Levels for diwan_ar_normalize. */
#define DIWAN_AR_STRICT 0   /* the folds listed in docs/matching.md */
#define DIWAN_AR_LOOSE  1   /* also ؤ → و and ئ → ي */

/* Each appends the normalised form of s to out (out is not reset). */
int diwan_ar_normalize(const char *s, size_t n, int level, diwan_buf *out);
int diwan_he_normalize(const char *s, size_t n, diwan_buf *out);
int diwan_latin_fold(const char *s, size_t n, diwan_buf *out);
/* The single match key of any text: every word folded by its own script. */
int diwan_fold(const char *s, size_t n, diwan_buf *out);
/* The stem key of one word (folded first). Arabic: the light stemmer;
** Hebrew: final letters and suffixes conflated; Latin and Cyrillic:
** Snowball English, French or Russian, or the Azerbaijani suffix stripper,
** in lang ("en", "fr", "ru", "az"; NULL or another code: the language the
** word's letters say, English when they say nothing). */
int diwan_ar_stem(const char *w, size_t n, diwan_buf *out);
int diwan_stem(const char *w, size_t n, diwan_buf *out);
int diwan_stem_lang(const char *w, size_t n, const char *lang, diwan_buf *out);

/* All the keys under which one word may be found: its fold key first, then
** its stem and (Hebrew) prefix-stripped candidates, without repeats. Latin
** and Cyrillic words give their fold key only here (their stems depend on
** the language: diwan_match and the FTS5 tokenizer add them). */
typedef int (*diwan_key_cb)(void *ctx, const char *key, size_t n);
int diwan_word_keys(const char *w, size_t n, diwan_key_cb cb, void *ctx);

/* *found = 1 when every word of query occurs in text as a word under
** fold + stem (a query word's stem key, or for Hebrew one of its prefix
** candidates, is among the keys of some word of text); a query without
** words gives 1 (the SQL function diwan_match gives NULL for it). Linear in the two lengths. Latin and Cyrillic words of
** text are stemmed in lang (NULL: the language diwan_lang_detect gives the
** text, else each word's own letters); a query word matches through its
** stem in that language, in its letters' language, English or French. */
int diwan_match(const char *text, size_t n, const char *query, size_t qn,
                int *found);
int diwan_match_lang(const char *text, size_t n, const char *query, size_t qn,
                     const char *lang, int *found);

/* What a user types as a safe FTS5 query (for tokenize='diwan'): every
** term quoted, "phrases" kept, OR / NOT / AND in capitals kept between
** terms, a final * a prefix query; a " or ' inside a Hebrew word is its
** gershayim or geresh. No term at all gives "" (the empty phrase: valid,
** finds nothing). */
int diwan_fts5_query(const char *s, size_t n, diwan_buf *out);

/* ---------------------------------------------------------------- corpus */

/* The files of a folder that corpus_read imports: files with the extensions
** .txt .text .md .markdown .html .htm .xhtml (case-insensitive), found
** recursively, hidden names (".x") skipped, each directory walked once (so
** link loops end; time linear in files and folders), sorted by path.
** Symbolic links are followed while they stay inside the folder; one that
** leads outside is listed with an error (not followed) unless flags has
** DIWAN_FILES_FOLLOW. A named file that is not a regular file (a FIFO, a
** device) is listed with an error too: the caller reports, never opens it. */
typedef struct diwan_filelist {
  char **paths;             /* relative to the folder, '/'-separated, raw bytes */
  char **files;             /* the path to open (NULL when errors[i]) */
  const char **errors;      /* NULL, or why the file is not to be read */
  size_t n;
} diwan_filelist;

#define DIWAN_FILES_FOLLOW 1      /* follow links that lead out of the folder */

/* DIWAN_OK, DIWAN_NOMEM, or DIWAN_ERROR with the reason in err (errno text,
** or DIWAN_NOT_A_FOLDER; the caller names the folder). */
#define DIWAN_NOT_A_FOLDER "not a folder"
int  diwan_list_files(const char *dir, int flags, diwan_filelist *out, char *err,
                      size_t errlen);
void diwan_filelist_free(diwan_filelist *l);

/* A document's text as imported: BOM removed, CRLF and CR to LF, invalid
** UTF-8 replaced by U+FFFD (*replaced counts them); HTML reduced to its
** text when is_html. Appends to out. */
int diwan_document_text(const char *raw, size_t n, int is_html, diwan_buf *out,
                        long *replaced);
/* The HTML <title>: appends it to out and returns 1; 0 when there is none;
** -DIWAN_NOMEM when out of memory. */
int diwan_html_title(const char *raw, size_t n, diwan_buf *out);
/* The publication day (YYYY-MM-DD, 1900-2099) said by an HTML page's
** metadata: meta article:published_time, og:published_time, datePublished,
** DC.date.issued, pubdate, date…, else the first <time datetime>. 1 when
** found, else 0. */
int diwan_html_published(const char *raw, size_t n, char out[11]);
/* A day written in a file's path: 2015-08-02, 2015_08_02, 2015/08/02,
** 20150802 (the last one; not inside a longer number). 1 when found. */
int diwan_path_published(const char *path, size_t n, char out[11]);
/* Span of the first non-empty line of text (trimmed, markdown '#' removed). */
void diwan_first_line(const char *s, size_t n, size_t *start, size_t *len);

/* ----------------------------------------------------------------- dates */

typedef struct diwan_date {
  size_t start, len;        /* byte span of the surface in the input */
  char value[64];           /* EDTF: 1994-10-10, 2001-09, 199X, XXXX-08-21, a/b */
  char first_day[11];       /* ISO day, "" when the year is unknown */
  char last_day[11];
  const char *precision;    /* "day" "month" "year" "decade" "century" */
  const char *calendar;     /* "gregorian" "islamic-umalqura" "hebrew" … */
  const char *modifier;     /* NULL or "early" "mid" "late" "approx" "before" "after" */
  const char *lang;         /* the language whose rule matched */
  int relative;             /* 1: read against the anchor (yesterday, Friday) */
} diwan_date;

/* An anchor day for resolving missing years and relative expressions. */
typedef struct diwan_ymd { int y, m, d; } diwan_ymd;

/* Parse an ISO 8601 day (YYYY-MM-DD, also YYYY-MM and YYYY, whose missing
** month and day are 0; a time after the day, "T…" or " …", is ignored) into
** *out. Surrounding blanks are allowed. Returns DIWAN_OK or DIWAN_ERROR. */
int diwan_parse_iso_day(const char *s, size_t n, diwan_ymd *out);

typedef int (*diwan_date_cb)(void *ctx, const diwan_date *d);
/* Every date mention in s, in text order. anchor and lang may be NULL.
** Without an anchor a missing year stays XXXX and relative expressions
** (اليوم, last month, on Friday) are reported with an empty value, first
** and last day (relative is 1); "N years later" counts from the previous
** mention. lang "en-US" reads 03/04/2020 month first; otherwise
** numeric dates are day first unless the first number is over 12. The
** callback's pointers are valid during the call only. */
int diwan_dates(const char *s, size_t n, const diwan_ymd *anchor,
                const char *lang, diwan_date_cb cb, void *ctx);

/* Month names of the user's own, added to the compiled-in ones
** (ext/data/dates_months.tsv) for the calls that are given them. */
typedef struct diwan_months diwan_months;
diwan_months *diwan_months_new(void);
/* One row in the shape of dates_months.tsv: fields form, month (decimal,
** 1..12, or 1..13 for calendar j), calendar ("g" Gregorian, "h" Hijri, "j"
** Hebrew), lang (may be empty) and flags ("" or "a": also an ordinary word,
** a date only next to a day or a year). Byte strings, not NUL-terminated.
** A form is matched folded, with the same one-letter prefixes as the
** compiled-in ones; a form already known (compiled in, or added before)
** keeps its first meaning. DIWAN_OK, DIWAN_NOMEM, or DIWAN_ERROR with *bad
** set to the faulty field (0 form: empty, not starting with a letter, or
** too long: at most 8 words and 47 bytes folded; 1 month; 2 calendar;
** 4 flags). */
int diwan_months_add(diwan_months *m, const char *const f[5],
                     const size_t len[5], int *bad);
void diwan_months_free(diwan_months *m);
/* diwan_dates with the user's month names too (months may be NULL: then
** exactly diwan_dates). months is only read: one object may serve many
** calls at once. */
int diwan_dates_with(const diwan_months *months, const char *s, size_t n,
                     const diwan_ymd *anchor, const char *lang,
                     diwan_date_cb cb, void *ctx);

/* Which side of the anchor a bare weekday ("on Friday") and a date without
** a year ("le 21 août") fall on; peers disagree, so the caller chooses.
** NEWS (0, the default): a weekday is the latest such day on or before
** the anchor (news reports what happened), a year-less date the nearest
** to the anchor; PAST: both on or before the anchor; FUTURE: both on or
** after it (Duckling's convention); CURRENT: a year-less date in the
** anchor's year, a weekday as NEWS (dateparser's PREFER_DATES_FROM
** current_period, which reads a weekday so); NEAREST: both the
** nearest to the anchor, a weekday up to three days before or after it
** (chrono's convention). */
enum { DIWAN_PREFER_NEWS = 0, DIWAN_PREFER_PAST, DIWAN_PREFER_FUTURE,
       DIWAN_PREFER_CURRENT, DIWAN_PREFER_NEAREST };

/* Every option of a date scan in one place; zero it for the defaults. */
typedef struct diwan_date_opts {
  const diwan_months *months; /* the user's month names, or NULL */
  const diwan_ymd *anchor;    /* the day the text speaks from, or NULL */
  const char *lang;           /* a hint, as for diwan_dates, or NULL */
  int prefer;                 /* DIWAN_PREFER_* */
} diwan_date_opts;
/* diwan_dates with options (o may be NULL: all defaults). */
int diwan_dates_opts(const diwan_date_opts *o, const char *s, size_t n,
                     diwan_date_cb cb, void *ctx);

/* ------------------------------------------------- entities and events */

/* A gazetteer entry: ids are ISO 3166-1 alpha-2 for countries, else
** "city:baku", "org:oic", "person:ilham-aliyev". country is "" for
** international bodies. kind is "country", "city", "organization" or
** "person" (static strings). */
typedef struct diwan_entity {
  const char *id, *kind, *name, *country;
} diwan_entity;

typedef struct diwan_gazetteer diwan_gazetteer;

/* The compiled-in gazetteer (ext/data countries, cities, organizations,
** persons), built once; NULL only when out of memory. */
const diwan_gazetteer *diwan_gazetteer_builtin(void);
/* An empty gazetteer for a user's rows, searched with the built-in one. */
diwan_gazetteer *diwan_gazetteer_new(void);
/* One row, fields in the order id, kind, name, country, lang, surface
** (byte strings, copied; invalid UTF-8 is replaced; the surface is keyed by
** its fold key, so list each inflected form). DIWAN_ERROR when id,
** kind or surface is empty or kind is not one of the four kinds. */
int diwan_gazetteer_add(diwan_gazetteer *g, const char *const f[6],
                        const size_t len[6]);
void diwan_gazetteer_free(diwan_gazetteer *g);

typedef struct diwan_mention {
  size_t start, len;              /* byte span of the surface */
  const diwan_entity *entity;
} diwan_mention;
typedef int (*diwan_mention_cb)(void *ctx, const diwan_mention *m);

/* Every mention, left to right, the longest phrase at each position; on
** equal length a match on the exact spelling (fold key) beats one through
** a stripped clitic or prefix, then a user row wins, then country, city,
** organization, person. Surfaces are folded, never stemmed (see
** docs/events.md). user may be NULL. Linear in n. */
int diwan_entities(const diwan_gazetteer *user, const char *s, size_t n,
                   diwan_mention_cb cb, void *ctx);

/* User triggers, searched with the compiled-in lexicons of ext/data. */
typedef struct diwan_event_lexicon diwan_event_lexicon;
diwan_event_lexicon *diwan_event_lexicon_new(void);
/* One trigger: fields lang, type, cameo, surface, argument (class, may be
** empty); rank orders triggers of one event (higher wins, default 1).
** DIWAN_ERROR when type or surface is empty. */
int diwan_event_lexicon_add(diwan_event_lexicon *x, const char *const f[5],
                            const size_t len[5], int rank);
/* One title: lang, role (a role of roles.tsv, or "-" for an office that is
** not resolved to a holder), surface. DIWAN_ERROR when role or surface is
** empty. */
int diwan_event_lexicon_add_title(diwan_event_lexicon *x, const char *const f[3],
                                  const size_t len[3]);
/* One cue of cues.tsv's shape: lang, kind (pair, nonevent, pronoun,
** subordinator, there, …: the kinds cues.tsv lists), value (may be empty),
** surface. DIWAN_ERROR when the kind is not one of them, the surface is
** empty, or a homonym has no value (the id of its place). */
int diwan_event_lexicon_add_cue(diwan_event_lexicon *x, const char *const f[4],
                                const size_t len[4]);
/* One dated office: person id, role, country (or org id), from, to (ISO
** YYYY or YYYY-MM-DD; to empty: in office). DIWAN_ERROR when person, role
** or country is empty or a day is not such a date. */
int diwan_event_lexicon_add_role(diwan_event_lexicon *x, const char *const f[5],
                                 const size_t len[5]);
void diwan_event_lexicon_free(diwan_event_lexicon *x);

#define DIWAN_EVENT_MAXPERSONS 8
#define DIWAN_EVENT_MAXMENTIONS 16

typedef struct diwan_event {
  size_t sentence;                /* 0-based index of the sentence */
  size_t sent_start, sent_len;    /* byte span of the sentence */
  size_t start, len;              /* byte span of the trigger */
  const char *type, *cameo;       /* cameo may be NULL */
  int has_date;
  diwan_date date;                /* its span may lie in another sentence */
  const char *actor1, *actor2;    /* alpha-2 codes or NULL; a visit or an
                                     embassy opening: source, then target
                                     when a marker names it (events.md) */
  const char *place;              /* an entity id or NULL */
  const char *status;             /* "happened", "planned", "hypothetical"
                                     or "negated" (static strings) */
  int npersons;
  const char *persons[DIWAN_EVENT_MAXPERSONS];
  int refers;                     /* the trigger is a definite or
                                     demonstrative event noun (الزيارة,
                                     השיחות, שיחות אלה): it names an event
                                     the document told before (cues.tsv,
                                     kind anaphor); 2 when a party of it
                                     is not named in its scope (the
                                     document's pair filled it in) */
  int nmentions;                  /* how often the document tells it */
  struct { size_t start, len; } mention[DIWAN_EVENT_MAXMENTIONS];
                                  /* the first ones: byte spans of their
                                     triggers, in text order */
} diwan_event;
typedef int (*diwan_event_cb)(void *ctx, const diwan_event *e);

typedef struct diwan_event_opts {
  const diwan_gazetteer *gazetteer;   /* user rows or NULL */
  const diwan_event_lexicon *lexicon; /* user triggers or NULL */
  const diwan_ymd *anchor;            /* for dates without a year, or NULL */
  /* Called with every mention of the document, as diwan_entities gives
  ** them, from the scan the events are read from (so one pass yields both;
  ** see diwan_document_extract). NULL: not called. */
  diwan_mention_cb on_mention;
  void *mention_ctx;
  /* 0 (the default): only events between two parties, the question users
  ** ask ("between X and Y"); 1: also those where the text gives one party
  ** or none (a party the rules could not resolve, or a one-sided act). */
  int partial;
} diwan_event_opts;

/* Every event of a document, once, in the text order of its first mention
** (see docs/events.md for the rules). The strings of an event point into the lexicons: the built-in ones
** live as long as the library, the user's until they are freed. o may be
** NULL. DIWAN_OK, DIWAN_NOMEM, or the callback's non-zero return. */
int diwan_events(const diwan_event_opts *o, const char *s, size_t n,
                 diwan_event_cb cb, void *ctx);

/* One call per document for a corpus: its dates (what diwan_dates_with
** gives for the whole text, with o->anchor and months), its mentions (what
** diwan_entities gives with o->gazetteer) and its events (diwan_events),
** each through its callback (any may be NULL), mentions and events first,
** then dates (the event scan's memory is freed before the dates come, so a
** caller that keeps them does not hold both). The mentions come from the
** scan the events are read from: the text is scanned twice (entities and
** events together, then dates), not three times. o may be
** NULL; its on_mention is replaced by cb->on_mention. DIWAN_OK, DIWAN_NOMEM
** or a callback's non-zero return. */
typedef struct diwan_extract_cbs {
  diwan_date_cb on_date;
  diwan_mention_cb on_mention;
  diwan_event_cb on_event;
  void *ctx;
} diwan_extract_cbs;
int diwan_document_extract(const diwan_months *months, const diwan_event_opts *o,
                           const char *s, size_t n, const diwan_extract_cbs *cb);

#ifdef __cplusplus
}
#endif
#endif /* DIWAN_H */
