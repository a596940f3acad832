/* Persons as a reader resolves them, for the whole document: news
** introduces a person with a title bound to a state ("وزير الخارجية الياباني
** <name>", "Brazil's foreign minister <name>", "министр иностранных дел
** России <name>") and then says the bare name, the surname or the title
** alone. The name after such a title is bound to the title's state (or
** organisation); every later occurrence of the name or its last word, and a
** later bare title of the same role, stands for that party. Persons the
** gazetteer lacks resolve this way too. One pass over the titles, one scan
** of the text for the bound names: linear. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/alloc.h"
#include "match/fold.h"
#include "events_int.h"

#define TITLE_GAP 24      /* bytes between a title and the country it names */
#define NAME_LOOK 160     /* bytes after a title where its name is read */
#define NAME_WORDS 4      /* words of a name in capitalised scripts */
#define NAME_WORDS_RTL 2  /* in Arabic and Hebrew (no capitals to stop at),
                             3 when the second is بن, ابن, בן */
#define MAXBIND 256       /* names bound per document */

typedef struct bind {
  size_t start, len;      /* the surface in the text */
  const char *party;
} bind;

typedef struct coref {
  ev_doc *d;
  bind b[MAXBIND];
  int nb;
  diwan_mention *extra;   /* new mentions, entity index in .len's place */
  size_t nextra, capextra;
} coref;

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* b is a blank gap, or a possessive: "Brazil's foreign minister". */
static int joins(const char *s, size_t a, size_t b) {
  if (a < b && s[a] == '\'' && a + 1 < b && s[a + 1] == 's') a += 2;
  else if (a + 3 < b && memcmp(s + a, "\xe2\x80\x99s", 4) == 0) a += 4;
  for (size_t i = a; i < b; i++)
    if (!blank(s[i])) return 0;
  return 1;
}

static const char *state_party(const diwan_entity *e) {
  if (strcmp(e->kind, "country") && strcmp(e->kind, "organization")) return NULL;
  return gz_party(e);
}

/* "مندوبة الولايات المتحدة لدى الأمم المتحدة سمانثا باور", "سفير المملكة
** لدى ألبانيا …": the post an envoy holds (لدى and the body or state after
** it) stands between the state and the name; *name_at moves past it. */
static void envoy_post(const ev_doc *d, size_t m, size_t *name_at) {
  static const char ladai[] = "\xd9\x84\xd8\xaf\xd9\x89";    /* لدى */
  size_t a = *name_at;
  while (a < d->n && blank(d->s[a])) a++;
  if (a + 6 > d->n || memcmp(d->s + a, ladai, 6) || m + 1 >= d->nment) return;
  const diwan_mention *n = &d->ment[m + 1];
  size_t b = a + 6;
  while (b < n->start && blank(d->s[b])) b++;
  if (b == n->start && b > a + 6) *name_at = n->start + n->len;
}

/* The party the title at item it names and where its name may start: the
** country or organisation right after it (أمير دولة الكويت, the Secretary-
** General of the UN) or the country adjective right before it (the Japanese
** foreign minister). *m is the first mention after the title. */
static const char *title_party(const ev_doc *d, const ev_item *it, size_t m,
                               size_t *name_at, size_t *lead) {
  *lead = it->start;
  if (m < d->nment && d->ment[m].start - it->end <= TITLE_GAP) {
    const char *p = state_party(d->ment[m].entity);
    if (p) {
      *name_at = d->ment[m].start + d->ment[m].len;
      envoy_post(d, m, name_at);
      return p;
    }
  }
  if (m > 0) {
    const diwan_mention *b = &d->ment[m - 1];
    if (b->start + b->len <= it->start && joins(d->s, b->start + b->len, it->start) &&
        strcmp(b->entity->kind, "country") == 0) {
      *name_at = it->end;
      *lead = b->start;
      return b->entity->id;
    }
  }
  return NULL;
}

static uint32_t first_cp(const char *s, size_t n) {
  size_t l;
  return diwan_utf8_decode((const unsigned char *)s, n, &l);
}

int ev_upper(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x400 && c <= 0x42F) || (c >= 0x100 && c <= 0x17F && !(c & 1));
}

/* Lower-case particles inside Latin names: Mohammed bin Salman, Ursula von
** der Leyen. */
static int particle(const char *s, size_t n) {
  static const char *const p[] = {"bin", "ibn", "al", "el", "de", "du", "da",
                                   "van", "von", "der", "ben", "bint"};
  for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
    if (strlen(p[i]) == n && memcmp(p[i], s, n) == 0) return 1;
  return 0;
}

/* A one-letter word, with or without its dot. */
static int initial(const char *s, size_t n) {
  size_t l;
  diwan_utf8_decode((const unsigned char *)s, n, &l);
  return l == n || (l + 1 == n && s[l] == '.');
}

/* Arabic compound first names: عبد الفتاح, أبو مازن take one word more. */
static int compound(const char *s, size_t n) {
  return (n == 6 && memcmp(s, "\xd8\xb9\xd8\xa8\xd8\xaf", 6) == 0) ||        /* عبد */
         (n == 6 && memcmp(s, "\xd8\xa3\xd8\xa8\xd9\x88", 6) == 0) ||        /* أبو */
         (n == 6 && memcmp(s, "\xd8\xa7\xd8\xa8\xd9\x88", 6) == 0);          /* ابو */
}

static int son_of(const char *s, size_t n) {
  return (n == 4 && memcmp(s, "\xd8\xa8\xd9\x86", 4) == 0) ||            /* بن */
         (n == 6 && memcmp(s, "\xd8\xa7\xd8\xa8\xd9\x86", 6) == 0) ||    /* ابن */
         (n == 4 && memcmp(s, "\xd7\x91\xd7\x9f", 4) == 0);              /* בן */
}

static dw_wordset stops, honorifics, given;

/* 0 when the sets are loaded; out of memory leaves one empty: tried again
** at the next use. */
static int load_words(void) {
  if (!stops.slot) dw_wordset_load(&stops, "name_stops.tsv", "stop", diwan_fold);
  if (!honorifics.slot)
    dw_wordset_load(&honorifics, "name_stops.tsv", "honorific", diwan_fold);
  /* compared as written: علي (Ali) folds like the stop على (on) */
  if (!given.slot) dw_wordset_load(&given, "name_stops.tsv", "given", NULL);
  return !stops.slot || !honorifics.slot || !given.slot;
}

/* 1 when the word w is in set (compared folded). */
static int in_set(const dw_wordset *set, const char *w, size_t n) {
  diwan_buf b = {0};
  int r = diwan_fold(w, n, &b) == DIWAN_OK && dw_wordset_has(set, b.p, b.n);
  diwan_buf_free(&b);
  return r;
}

/* An Arabic or Hebrew word with the article, bare or after a proclitic
** (الوزير, والوزير, للوزير, הנשיא): a noun, never the first word of a name. */
static int has_article(const char *s, size_t n) {
  static const char *const ar[] = {"\xd8\xa7\xd9\x84", "\xd9\x88\xd8\xa7\xd9\x84",
                                   "\xd8\xa8\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84",
                                   "\xd9\x81\xd8\xa7\xd9\x84", "\xd9\x83\xd8\xa7\xd9\x84"};
  for (size_t i = 0; i < sizeof ar / sizeof ar[0]; i++) {
    size_t k = strlen(ar[i]);
    if (n > k + 2 && memcmp(s, ar[i], k) == 0) return 1;
  }
  return n > 4 && memcmp(s, "\xd7\x94", 2) == 0;    /* ה */
}

/* The first item and the first mention that may reach pos: found by
** halving (they are in order of start), then back over the few that
** started before pos and overlap it, so reading a name costs no walk from
** the start of the document. */
static size_t first_item(const ev_doc *d, size_t pos) {
  size_t lo = 0, hi = d->nitem;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->item[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  for (int k = 0; k < 8 && lo > 0 && d->item[lo - 1].end > pos; k++) lo--;
  return lo;
}

static size_t first_mention(const ev_doc *d, size_t pos) {
  size_t lo = ev_ment_from(d, pos);
  if (lo > 0 && d->ment[lo - 1].start + d->ment[lo - 1].len > pos) lo--;
  return lo;
}

/* 1 when an item or a mention starts in [a, b): the name stops there. */
static int taken(const ev_doc *d, size_t *ic, size_t *mc, size_t a, size_t b) {
  while (*ic < d->nitem && d->item[*ic].end <= a) (*ic)++;
  while (*mc < d->nment && d->ment[*mc].start + d->ment[*mc].len <= a) (*mc)++;
  return (*ic < d->nitem && d->item[*ic].start < b) ||
         (*mc < d->nment && d->ment[*mc].start < b);
}

/* The name right after pos: its words [*w0, *w1) as byte spans of the
** first and last word. 0 when there is none. */
static int read_name(const ev_doc *d, size_t pos, size_t *n0, size_t *n1,
                     size_t *last0) {
  size_t lim = d->n - pos < NAME_LOOK ? d->n - pos : NAME_LOOK;
  diwan_tokenizer tk;
  diwan_tokenizer_init(&tk, d->s + pos, lim);
  size_t a, l, prev_end = 0, ic = first_item(d, pos), mc = first_mention(d, pos);
  diwan_token_kind k;
  int words = 0, max = NAME_WORDS, rtl = -1, gaps = 0, honor = 0;
  *n0 = *n1 = *last0 = 0;
  while (diwan_tokenizer_next(&tk, &a, &l, &k)) {
    size_t s = pos + a;
    if (k != DIWAN_TOKEN_WORD) {
      /* "le ministre …, <name>": one comma before the name */
      if (words == 0 && gaps == 0 && l == 1 && (d->s[s] == ',' || d->s[s] == ':')) {
        gaps++;
        continue;
      }
      break;
    }
    if ((words || honor) && s > prev_end && !joins(d->s, prev_end, s)) break;
    if (!words && memchr(d->s + pos, '\n', s - pos)) break;  /* another paragraph */
    if (taken(d, &ic, &mc, s, s + l)) break;
    diwan_script sc = diwan_script_of(first_cp(d->s + s, l));
    if (rtl < 0) {
      rtl = sc == DIWAN_SCRIPT_ARABIC || sc == DIWAN_SCRIPT_HEBREW;
      if (!rtl && sc != DIWAN_SCRIPT_LATIN && sc != DIWAN_SCRIPT_CYRILLIC) break;
      max = rtl ? NAME_WORDS_RTL : NAME_WORDS;
    }
    if (!rtl && initial(d->s + s, l)) { prev_end = s + l; continue; }   /* Н. Кан */
    if (!rtl && !ev_upper(first_cp(d->s + s, l))) {
      if (words && particle(d->s + s, l)) { prev_end = s + l; continue; }
      break;
    }
    if (rtl && words == 0 && honor < 2 && in_set(&honorifics, d->s + s, l)) {
      honor++;
      prev_end = s + l;
      continue;
    }
    if (rtl && !dw_wordset_has(&given, d->s + s, l) && in_set(&stops, d->s + s, l)) break;
    if (rtl && words == 0 && has_article(d->s + s, l)) break;
    if (rtl && words == 0 && compound(d->s + s, l)) max = NAME_WORDS_RTL + 1;
    if (rtl && words == 1 && son_of(d->s + s, l)) max = NAME_WORDS_RTL + 1;
    if (!words) *n0 = s;
    *n1 = s + l;
    *last0 = s;
    prev_end = s + l;
    if (++words >= max) break;
  }
  return words > 0;
}

/* Words that may stand between a name and the title set after it: "Joseph
** Butore, second vice-président du Burundi", "Assad Omar, the Afghan envoy". */
static int appos_word(const char *s, size_t n) {
  static const char *const w[] = {"the", "le", "la", "l'", "l\xe2\x80\x99", "second",
                                  "seconde", "deuxi\xc3\xa8me", "premier", "premi\xc3\xa8re",
                                  "first", "former", "ancien", "ancienne", "current",
                                  "actuel", "actuelle", "new", "nouveau", "nouvelle"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (strlen(w[i]) == n && memcmp(w[i], s, n) == 0) return 1;
  return 0;
}

/* The word that ends at b (blanks skipped back to lo): [*w0, b'). */
static size_t word_before(const char *s, size_t lo, size_t b, size_t *w0) {
  while (b > lo && blank(s[b - 1])) b--;
  size_t a = b;
  while (a > lo && !blank(s[a - 1]) && s[a - 1] != ',') a--;
  *w0 = a;
  return b;
}

/* A name set before its title in Latin or Cyrillic letters, one comma
** between: "C'est Joseph Butore, second vice-président du Burundi, qui…",
** "Assad Omar, Afghanistan's envoy". lead is where the title phrase
** starts; the name is up to NAME_WORDS capitalised words ending before the
** comma, none of them a mention or a lexicon hit. 0 when there is none. */
static int name_before(const ev_doc *d, size_t lead, size_t *n0, size_t *n1) {
  const char *s = d->s;
  size_t lo = lead > NAME_LOOK ? lead - NAME_LOOK : 0, p = lead, w0, e;
  for (int k = 0; k < 3; k++) {                 /* the comma, past "the", "second" */
    while (p > lo && blank(s[p - 1])) p--;
    if (p > lo && s[p - 1] == ',') break;
    e = word_before(s, lo, p, &w0);
    if (k == 2 || w0 == e || !appos_word(s + w0, e - w0)) return 0;
    p = w0;
  }
  if (p == lo || s[p - 1] != ',') return 0;
  p--;
  int words = 0;
  *n1 = 0;
  while (words < NAME_WORDS && p > lo) {
    e = word_before(s, lo, p, &w0);
    if (w0 == e) break;
    uint32_t c = first_cp(s + w0, e - w0);
    diwan_script sc = diwan_script_of(c);
    if ((sc != DIWAN_SCRIPT_LATIN && sc != DIWAN_SCRIPT_CYRILLIC) || !ev_upper(c)) break;
    if (memchr(s + w0, '.', e - w0) || memchr(s + w0, '\'', e - w0)) break;
    size_t ic = first_item(d, w0), mc = first_mention(d, w0);
    if (taken(d, &ic, &mc, w0, e)) break;
    if (!*n1) *n1 = e;
    *n0 = w0;
    words++;
    p = w0;
  }
  /* a lone capitalised word opening a sentence is no name ("Mais, …") */
  if (words == 1) {
    size_t q = *n0;
    while (q > 0 && blank(s[q - 1])) q--;
    if (q == 0 || s[q - 1] == '.' || s[q - 1] == '\n') return 0;
  }
  return words > 0;
}

static void add_bind(coref *c, size_t start, size_t len, const char *party) {
  for (int i = 0; i < c->nb; i++) {
    bind *b = &c->b[i];
    if (b->len == len && memcmp(c->d->s + b->start, c->d->s + start, len) == 0) {
      if (b->party && strcmp(b->party, party)) b->party = NULL;   /* two states */
      return;
    }
  }
  if (c->nb < MAXBIND) c->b[c->nb++] = (bind){start, len, party};
}

static int add_extra(coref *c, size_t start, size_t len, const char *party) {
  diwan_mention *m = ev_push((void **)&c->extra, &c->nextra, &c->capextra, sizeof *m);
  if (!m) return DIWAN_NOMEM;
  m->start = start;
  m->len = len;
  m->entity = (const diwan_entity *)party;     /* made an entity in merge() */
  return 0;
}

#define MAXROLES 16
#define LIST_NEAR 200     /* bytes from a bound title to a bare one in a list */

/* No sentence end between a and b, and b near a. */
static int same_sentence(const char *s, size_t a, size_t b) {
  if (b < a || b - a > LIST_NEAR) return 0;
  for (size_t i = a; i < b; i++)
    if (s[i] == '.' || s[i] == '\n' || s[i] == '!' || s[i] == '?') return 0;
  return 1;
}

#define TITLE_NAME_WORDS 4  /* honorifics and given names between a title
                               and the person it introduces */

/* The title introduces the listed person after it, past honorifics and
** given names: "وزير الخارجية الأستاذ عادل بن أحمد الجبير" is not a bare
** title (of the state last named) but al-Jubeir's. */
static int names_person(const ev_doc *d, const ev_item *it, size_t m) {
  if (m >= d->nment || strcmp(d->ment[m].entity->kind, "person") != 0) return 0;
  size_t at = d->ment[m].start;
  if (!same_sentence(d->s, it->end, at)) return 0;
  for (size_t i = it->end; i < at; i++)
    if (d->s[i] == ',' || memcmp(d->s + i, "\xd8\x8c", 2) == 0) return 0;   /* ، */
  return ev_words_between(d->s, it->end, at, TITLE_NAME_WORDS + 1) <= TITLE_NAME_WORDS;
}

/* An Arabic title read in its broken plural, the first word ending in اء
** (وزراء خارجية, رؤساء, زعماء, matched through the stem): the ministers of
** several states ("لقاء كيري ووزراء خارجية الدول الخليجية"), never the one
** its role was last bound to. */
static int plural_title(const ev_doc *d, const ev_item *it) {
  size_t e = it->start;
  while (e < it->end && !blank(d->s[e])) e++;
  return e - it->start >= 8 && memcmp(d->s + e - 4, "\xd8\xa7\xd8\xa1", 4) == 0;   /* اء */
}

/* who held an office of state p (the user's roles, then the built-in). */
static int held_in(const ev_doc *d, const char *who, const char *p) {
  const diwan_event_lexicon *xs[2] = {d->ulex, ev_lexicon_builtin()};
  for (int i = 0; i < 2; i++)
    for (const ev_role *r = NULL; xs[i] && (r = ev_roles_of(&xs[i]->roles, r, who));)
      if (strcmp(r->country, p) == 0) return 1;
  return 0;
}

#define MAXHOMES 32       /* listed persons a title introduces, per document */

typedef struct homes {
  const diwan_entity *who[MAXHOMES];
  const char *state[MAXHOMES];
  int n;
} homes;

/* A title bound to state p introduces the listed person right after it
** (at most TITLE_NAME_WORDS words, a comma allowed: "שר החוץ הסובייטי,
** אדוארד שוורדנאדזה"): with no day to read his offices on, he acts for p
** when he held an office of p, not for the state the gazetteer gives him
** (Shevardnadze: GE, Soviet foreign minister in 1990). */
static void title_home(const ev_doc *d, size_t m, size_t at, const char *p, homes *h) {
  if (d->anchor_day || h->n == MAXHOMES) return;
  while (m < d->nment && d->ment[m].start < at) m++;
  if (m >= d->nment || strcmp(d->ment[m].entity->kind, "person") != 0) return;
  const diwan_mention *mt = &d->ment[m];
  if (mt->entity < d->dated || mt->entity >= d->dated + d->ndated ||
      !same_sentence(d->s, at, mt->start) ||
      ev_words_between(d->s, at, mt->start, TITLE_NAME_WORDS + 1) > TITLE_NAME_WORDS)
    return;
  const diwan_entity *base = d->dated_base[mt->entity - d->dated];
  if (strcmp(base->country, p) == 0 || !held_in(d, base->id, p)) return;
  for (int i = 0; i < h->n; i++)
    if (h->who[i] == base) return;     /* the first introduction holds */
  h->who[h->n] = base;
  h->state[h->n++] = p;
}

/* Each copy of a person a title introduced takes that title's state. */
static void apply_homes(ev_doc *d, const homes *h) {
  for (size_t j = 0; h->n && j < d->ndated; j++)
    for (int i = 0; i < h->n; i++)
      if (d->dated_base[j] == h->who[i]) {
        d->dated_home[j] = h->state[i];
        if (!d->dated_day) d->dated[j].country = h->state[i];
      }
}

/* Binds names to the party of their title; a bare title of a role takes the
** last party that role was bound to. */
static int bind_titles(coref *c) {
  ev_doc *d = c->d;
  const char *role[MAXROLES], *rparty[MAXROLES];
  const char *lastp = NULL;
  int nr = 0, rc = 0;
  size_t m = 0, prev = (size_t)-1, lastend = 0;
  homes h;
  h.n = 0;
  for (size_t i = 0; i < d->nitem && !rc; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_TITLE || it->start == prev) continue;   /* one per span */
    prev = it->start;
    while (m < d->nment && d->ment[m].start < it->end) m++;
    if (m > 0 && d->ment[m - 1].start + d->ment[m - 1].len > it->start) continue;
    size_t at = 0, n0, n1, l0, lead;
    const char *p = title_party(d, it, m, &at, &lead);
    int r = 0;
    while (r < nr && strcmp(role[r], it->name)) r++;
    if (p) {
      title_home(d, m, at, p, &h);
      if (read_name(d, at, &n0, &n1, &l0)) {
        add_bind(c, n0, n1 - n0, p);
        if (l0 > n0) add_bind(c, l0, n1 - l0, p);
      } else if (name_before(d, lead, &n0, &n1)) {
        add_bind(c, n0, n1 - n0, p);
        word_before(d->s, n0, n1, &l0);
        if (l0 > n0) add_bind(c, l0, n1 - l0, p);
      }
      lastp = p;
      lastend = it->end;
      if (strcmp(it->name, "-") == 0) continue;
      if (r == nr && nr < MAXROLES) role[nr++] = it->name;
      if (r < nr) rparty[r] = p;
    } else if ((m >= d->nment || d->ment[m].start - it->end > TITLE_GAP) &&
               !names_person(d, it, m) && !plural_title(d, it)) {
      /* a bare title in a list of one state's officials is of that state
      ** ("رئيس وزراء الكويت ورئيس البرلمان ووزير الخارجية") */
      const char *q = lastp && same_sentence(d->s, lastend, it->start) ? lastp
                      : r < nr ? rparty[r] : NULL;
      if (q) rc = add_extra(c, it->start, it->end - it->start, q);
    }
  }
  apply_homes(d, &h);
  return rc;
}

/* A listed person named in full in Latin or Cyrillic letters ("Jack
** Straw", "Gordon Brown", "Ху Цзиньтао") binds its last word for the rest
** of the document: "Mr Straw" is Jack Straw even where "straw" alone is
** too common a word to be keyed as his surname (surname_stops.tsv); only
** the capitalised word is read (find_names). */
static void bind_persons(coref *c) {
  const ev_doc *d = c->d;
  for (size_t m = 0; m < d->nment; m++) {
    const diwan_mention *mt = &d->ment[m];
    const diwan_entity *e = mt->entity;
    if (strcmp(e->kind, "person") || !e->id[0] || !e->country || !e->country[0]) continue;
    diwan_script s = diwan_script_of(first_cp(d->s + mt->start, mt->len));
    if (s != DIWAN_SCRIPT_LATIN && s != DIWAN_SCRIPT_CYRILLIC) continue;
    size_t end = mt->start + mt->len, l0 = end;
    while (l0 > mt->start && !blank(d->s[l0 - 1])) l0--;
    if (l0 == mt->start || end - l0 < 3) continue;           /* one word */
    const char *p = gz_party(e);
    if (p) add_bind(c, l0, end - l0, p);
  }
}

/* Every later occurrence of a bound name: through the phrase scanner, so
** clitics and prefixes (وكيري, ולבייקר) are read as for the gazetteer; it
** reads the units the lexicon scan recorded rather than tokenizing again. */
static int find_names(coref *c) {
  ev_doc *d = c->d;
  ph_table t;
  ph_table_init(&t);
  int rc = 0, any = 0;
  for (int i = 0; i < c->nb && !rc; i++)
    if (c->b[i].party) {
      rc = ph_table_add(&t, d->s + c->b[i].start, c->b[i].len, 0, (size_t)i,
                        PH_EXACT | PH_BARE, NULL);
      any = 1;
    }
  const ph_table *tabs[1] = {&t};
  ph_scanner *sc = NULL;
  if (!rc && any)
    sc = d->tape.done && !d->tape.off ? ph_scanner_replay(tabs, NULL, 1, d->s, d->n, &d->tape)
                                      : ph_scanner_new(tabs, NULL, 1, d->s, d->n);
  if (!rc && any && !sc) rc = DIWAN_NOMEM;
  ph_match mt;
  size_t m = 0;
  while (sc && !rc && ph_scanner_next(sc, &mt) > 0) {
    while (m < d->nment && d->ment[m].start + d->ment[m].len <= mt.start) m++;
    if (m < d->nment && d->ment[m].start < mt.start + mt.len) continue;
    diwan_script s = diwan_script_of(first_cp(d->s + mt.start, mt.len));
    if ((s == DIWAN_SCRIPT_LATIN || s == DIWAN_SCRIPT_CYRILLIC) &&
        !ev_upper(first_cp(d->s + mt.start, mt.len)))
      continue;                               /* "bush", "brown": words */
    rc = add_extra(c, mt.start, mt.len, c->b[mt.hit[0].p->payload].party);
  }
  ph_scanner_free(sc);
  ph_table_free(&t);
  return rc;
}

static int by_start(const void *a, const void *b) {
  size_t x = ((const diwan_mention *)a)->start, y = ((const diwan_mention *)b)->start;
  return x < y ? -1 : x > y;
}

/* The new mentions join the document's, in order of start. */
static int merge(coref *c) {
  ev_doc *d = c->d;
  size_t n = d->nment + c->nextra;
  diwan_entity *ent = diwan_malloc(c->nextra * sizeof *ent);
  diwan_mention *ment = diwan_malloc(n * sizeof *ment);
  unsigned char *strip = diwan_malloc(n);
  if (!ent || !ment || !strip) {
    diwan_free(ent);
    diwan_free(ment);
    diwan_free(strip);
    return DIWAN_NOMEM;
  }
  qsort(c->extra, c->nextra, sizeof *c->extra, by_start);
  size_t i = 0, j = 0, k = 0;
  while (i < d->nment || j < c->nextra) {
    if (j == c->nextra || (i < d->nment && d->ment[i].start <= c->extra[j].start)) {
      strip[k] = d->mstrip[i];
      ment[k++] = d->ment[i++];
      continue;
    }
    ent[j] = (diwan_entity){"", "person", "", (const char *)c->extra[j].entity};
    ment[k] = c->extra[j];
    ment[k].entity = &ent[j];
    strip[k++] = 0;
    j++;
  }
  diwan_free(d->ment);
  diwan_free(d->mstrip);
  d->ment = ment;
  d->mstrip = strip;
  d->nment = d->capment = d->nmstrip = d->capmstrip = n;
  d->alias = ent;
  return DIWAN_OK;
}

/* The state a listed person served on day (yyyymmdd) by lexicon x's dated
** offices, when none of them that day is of home: NULL when he held no
** office then, or one of home. */
static const char *served_in(const diwan_event_lexicon *x, const char *who,
                             const char *home, long day, int *home_office) {
  const char *other = NULL;
  for (const ev_role *r = NULL; x && (r = ev_roles_of(&x->roles, r, who));) {
    if (r->from > day || (r->to && day > r->to)) continue;
    if (strcmp(r->country, home) == 0) *home_office = 1;
    else if (!other) other = r->country;
  }
  return other;
}

/* The state person e served on day: the one of an office he held then
** (the user's diwan_roles first, then the compiled-in roles), his
** gazetteer state when he held none or one of it. */
const char *ev_state_on(const ev_doc *d, const diwan_entity *e, long day) {
  int home = 0;
  const char *u = served_in(d->ulex, e->id, e->country, day, &home);
  const char *b = served_in(ev_lexicon_builtin(), e->id, e->country, day, &home);
  return home ? e->country : u ? u : b ? b : e->country;
}

/* A listed person's state is the one whose office he held on the day the
** event happened, else the day the document was published: the gazetteer
** gives one state per person (the one he served longest), so Shevardnadze
** is GE, but in 1990 he was the Soviet foreign minister; Heydar Aliyev
** served the USSR before Azerbaijan. Each mention of a listed person points
** to a copy of his entity of its own, whose state is set here for the
** anchor day and again for each event's day (ev_date_persons). Without an
** anchor the copies keep the gazetteer's state until an event's day. */
static int date_persons(ev_doc *d) {
  size_t n = 0;
  for (size_t m = 0; m < d->nment; m++) {
    const diwan_entity *e = d->ment[m].entity;
    n += !strcmp(e->kind, "person") && e->id[0] && e->country;
  }
  if (!n) return DIWAN_OK;
  d->dated = diwan_malloc(n * sizeof *d->dated);
  d->dated_base = diwan_malloc(n * sizeof *d->dated_base);
  d->dated_home = diwan_malloc(n * sizeof *d->dated_home);
  if (!d->dated || !d->dated_base || !d->dated_home) return DIWAN_NOMEM;   /* freed by the caller */
  d->ndated = n;
  d->anchor_day = d->anchor ? (long)d->anchor->y * 10000 + d->anchor->m * 100 + d->anchor->d : 0;
  /* the same person's mentions share one entity: the roles are read once
  ** per listed person, so a text of many mentions costs one pass each */
  struct { const diwan_entity *e; const char *state; } memo[256];
  memset(memo, 0, sizeof memo);
  size_t j = 0;
  for (size_t m = 0; m < d->nment; m++) {
    const diwan_entity *e = d->ment[m].entity;
    if (strcmp(e->kind, "person") || !e->id[0] || !e->country) continue;
    size_t h = ((uintptr_t)e >> 4) & 255;
    if (memo[h].e != e) {
      memo[h].e = e;
      memo[h].state = d->anchor_day ? ev_state_on(d, e, d->anchor_day) : e->country;
    }
    d->dated[j] = *e;
    d->dated[j].country = memo[h].state;
    d->dated_base[j] = e;
    d->dated_home[j] = e->country;
    d->ment[m].entity = &d->dated[j++];
  }
  d->dated_day = d->anchor_day;
  return DIWAN_OK;
}

long ev_date_persons(ev_doc *d, const ev_scope *sc, const diwan_event *e) {
  long day = e->has_date ? ev_day_number(e->date.first_day, strlen(e->date.first_day)) : 0;
  if (!day) day = d->anchor_day;
  if (!d->ndated || (day == d->dated_day && sc->m0 == d->dated_m0 && sc->m1 == d->dated_m1))
    return day;   /* as the last event left them */
  for (size_t m = sc->m0; m < sc->m1; m++) {
    const diwan_entity *x = d->ment[m].entity;
    if (x < d->dated || x >= d->dated + d->ndated) continue;
    size_t j = (size_t)(x - d->dated);
    d->dated[j].country = day ? ev_state_on(d, d->dated_base[j], day) : d->dated_home[j];
  }
  d->dated_day = day;
  d->dated_m0 = sc->m0;
  d->dated_m1 = sc->m1;
  return day;
}

int ev_coref(ev_doc *d) {
  static diwan_once once = DIWAN_ONCE_INIT;
  if (diwan_once_run(&once, load_words)) return DIWAN_NOMEM;
  /* not zeroed: a bind is written before it is counted (6 KB a call) */
  coref *c = diwan_malloc(sizeof *c);
  if (!c) return DIWAN_NOMEM;
  c->d = d;
  c->nb = 0;
  c->extra = NULL;
  c->nextra = c->capextra = 0;
  int rc = date_persons(d);
  if (!rc) rc = bind_titles(c);
  if (!rc) bind_persons(c);
  if (!rc) rc = find_names(c);
  if (!rc && c->nextra) rc = merge(c);
  diwan_free(c->extra);
  diwan_free(c);
  return rc;
}
