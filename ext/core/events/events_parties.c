/* Who can be a party of an event, and the pairs a list of parties gives.
** A country named only as a topic ("the Iranian nuclear deal", "الملف
** السوري", "la crise syrienne") or as the venue of a meeting ("talks in
** Geneva", "في جنيف", "à Genève") is no party. Parties named next to each
** other form a list ("Kenya, Tanzania and Mozambique", "the Egyptian and
** Saudi ministers"); a list on one side of the trigger and a party on the
** other give one event per pair, the side before the trigger as the
** source: "X visited A, B and C" is three visits, "A and B met X" two
** meetings, never A–B. */
#include <string.h>
#include "events_int.h"
#include "base/alloc.h"
#include "match/fold.h"

#define NEAR 200         /* bytes around the triggers, as for persons */
#define LIST_GAP 5       /* words at most between two parties of a list */
#define TOPIC_SPAN 48    /* bytes around a mention where topic cues are */
#define LIST_MAX 8       /* mentions a topic is shared along, each way */

static const char *party_of(const diwan_entity *e) { return gz_party(e); }

/* The first item starting at or after pos (items are in text order). */
size_t ev_item_from(const ev_doc *d, size_t lo, size_t hi, size_t pos) {
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->item[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Only the mention of an organisation stands between mention mt and pos:
** "the Turkish EU bid" (a bid to join the EU is Turkey's topic). */
static int org_between(const ev_doc *d, const diwan_mention *mt, size_t pos) {
  const diwan_mention *n = mt + 1;
  if (n >= d->ment + d->nment || strcmp(n->entity->kind, "organization")) return 0;
  return ev_words_between(d->s, mt->start + mt->len, n->start, 1) == 0 &&
         n->start + n->len <= pos && ev_words_between(d->s, n->start + n->len, pos, 1) == 0;
}

/* A topic cue right after the mention ("Iranian nuclear", "syrienne" after
** "crise" is the other way) or at most one word before it ("الأزمة
** السورية", "the crisis in Syria"), two when the country follows a locative
** ("التسوية السلمية في سورية"; not "حول التعاون بين الكويت"). */
/* A discuss cue (cues.tsv, topic of value 1: لبحث, لمناقشة) before the
** mention in its clause governs all that follows: "اجتماعا … لبحث تداعيات
** الاتفاق النووي الإيراني … وتطورات الأوضاع في سوريا والمستجدات العراقية"
** names no party after لبحث. A trigger or a counterpart word between ends
** its reach ("لبحث الأزمة، والتقى بعد ذلك …"); bounded look-back. */
#define DISCUSS_SPAN 400
#define DISCUSS_ITEMS 32
static int discussed(const ev_doc *d, const ev_scope *sc, const diwan_mention *mt) {
  size_t from = mt->start > DISCUSS_SPAN ? mt->start - DISCUSS_SPAN : 0;
  size_t i = ev_item_from(d, sc->i0, sc->i1, mt->start);
  for (int n = 0; i > sc->i0 && n < DISCUSS_ITEMS; n++) {
    const ev_item *it = &d->item[--i];
    if (it->start < from) break;
    if (it->tag == EV_TRIGGER) return 0;
    if (it->tag != EV_CUE) continue;
    int k = it->cue->kind;
    if (k == CUE_BOUNDARY || k == CUE_COUNTERPART) return 0;
    if (k == CUE_TOPIC && it->cue->value == 1 && it->end <= mt->start) return 1;
  }
  return 0;
}

int ev_is_topic(const ev_doc *d, const ev_scope *sc, const diwan_mention *mt) {
  if (discussed(d, sc, mt)) return 1;
  size_t from = mt->start > TOPIC_SPAN ? mt->start - TOPIC_SPAN : 0;
  size_t end = mt->start + mt->len;
  for (size_t i = ev_item_from(d, sc->i0, sc->i1, from);
       i < sc->i1 && d->item[i].start < end + TOPIC_SPAN; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_TOPIC) continue;
    if (it->start <= mt->start && it->end >= end) return 1;   /* "accords de Minsk" */
    if (it->end <= mt->start) {
      int w = ev_words_between(d->s, it->end, mt->start, 3);
      if (w <= 1 || (w == 2 && ev_is_venue(d, (size_t)(mt - d->ment), sc->start)))
        return 1;
    }
    /* a discuss cue governs what follows it, never the party before it
    ** ("التقى … نظيره التركي لبحث الأزمة"); in Arabic the topic noun comes
    ** first (الملف النووي الإيراني), so an Arabic cue right after an
    ** Arabic mention starts the next phrase ("مع الرئيس الفرنسي ملفات
    ** المنطقة") */
    if (it->start >= end && it->cue->value != 1 &&
        !(ev_arabic(d->s + mt->start) && ev_arabic(d->s + it->start)) && (ev_words_between(d->s, end, it->start, 1) == 0 ||
                             org_between(d, mt, it->start)))
      return 1;
  }
  return 0;
}

/* Types whose place is no party; a visit's or an embassy's place is the
** host. */
static int venue_type(const char *type) {
  static const char *const t[] = {"meeting", "talks", "agreement_signed",
                                  "mediation", "invitation"};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (strcmp(type, t[i]) == 0) return 1;
  return 0;
}

static int linked(const ev_doc *d, const ev_scope *sc, size_t a, size_t b);

/* A list shares its topic: "الأوضاع في اليمن والعراق وفلسطين", "la crise en
** Syrie, en Irak et au Yémen", "the Syrian, Yemeni and Libyan crises" name
** the cue once, next to the first or the last of the list. */
static int list_topic(const ev_doc *d, const ev_scope *sc, size_t m) {
  for (size_t k = m, n = 0; k > sc->m0 && n < LIST_MAX; k--, n++) {
    if (!linked(d, sc, k - 1, k)) break;
    if (ev_is_topic(d, sc, &d->ment[k - 1])) return 1;
  }
  for (size_t k = m, n = 0; k + 1 < sc->m1 && n < LIST_MAX; k++, n++) {
    if (!linked(d, sc, k, k + 1)) break;
    if (ev_is_topic(d, sc, &d->ment[k + 1])) return 1;
  }
  return 0;
}

/* A Hebrew country name in the construct of a meeting or talks noun names
** the round, not a party: "שיחות אורוגוואי" (the Uruguay Round of GATT). A
** name with a prefix (בישראל, וסוריה) or joined by a hyphen to another
** ("שיחות ישראל-סוריה") is no construct name. Hebrew only: Arabic writes
** the subject discussed there ("محادثات سوريا"), left to the topic rules. */
static int construct_name(const ev_doc *d, const diwan_mention *mt) {
  size_t m = (size_t)(mt - d->ment), end = mt->start + mt->len;
  if (strcmp(mt->entity->kind, "country") || (unsigned char)d->s[mt->start] != 0xD7 ||
      (m < d->nmstrip && d->mstrip[m]))
    return 0;
  if (end < d->n && (d->s[end] == '-' ||
      (end + 1 < d->n && (unsigned char)d->s[end] == 0xD6 && (unsigned char)d->s[end + 1] == 0xBE)))
    return 0;
  /* "שיחות כווית ואזרבייג׳ן": two names joined by ו are the parties */
  size_t a = end;
  while (a < d->n && (d->s[a] == ' ' || d->s[a] == '\t')) a++;
  return !(m + 1 < d->nment && d->ment[m + 1].start == a &&
           !memcmp(d->s + a, "\xd7\x95", 2));
}

/* An Arabic trigger that is a verb, not a noun: the feminine past (استقبلت,
** وقعت, زارت; not the plural ات) or the imperfect in ي (يزور). A city
** right after it is its subject, the state acting ("استقبلت أنقرة وزير
** الخارجية القطري"), never the construct of a noun. */
static int arabic_verb(const ev_doc *d, const ev_item *t) {
  const char *w = d->s + t->start;
  size_t n = t->end - t->start;
  if (n < 6 || !ev_arabic(w)) return 0;
  size_t p = dw_proclitic(w, n, DW_PRE_CONJ);                       /* و ف */
  w += p;
  n -= p;
  if (n >= 6 && !memcmp(w + n - 2, "\xd8\xaa", 2) && memcmp(w + n - 4, "\xd8\xa7", 2))
    return 1;                                                       /* -ت, not -ات */
  return n >= 8 && !memcmp(w, "\xd9\x8a", 2);      /* ي…; ت… is also a noun (توقيع) */
}

/* A city right after a trigger noun names where it met, in the construct of
** Arabic and Hebrew: "لقاء الدوحة" (the Doha meeting), "محادثات جنيف",
** "ועידת מדריד". Other languages do not put a city there. */
static int construct_venue(const ev_doc *d, const ev_scope *sc, const diwan_mention *mt) {
  int city = strcmp(mt->entity->kind, "city") == 0;
  if (!city && !construct_name(d, mt)) return 0;
  size_t from = mt->start > 64 ? mt->start - 64 : 0;
  for (size_t i = ev_item_from(d, sc->i0, sc->i1, from);
       i < sc->i1 && d->item[i].start < mt->start; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_TRIGGER || it->end > mt->start || arabic_verb(d, it)) continue;
    if (venue_type(it->trig->type) && ev_words_between(d->s, it->end, mt->start, 1) == 0 &&
        (city || !strcmp(it->trig->type, "meeting") || !strcmp(it->trig->type, "talks")))
      return 1;
  }
  return 0;
}

/* A meeting noun right after the mention, with only white space between:
** the noun it modifies in English ("the Downing Street talks", "an EU
** summit", "WTO talks"). Latin letters only (Arabic and Hebrew put the
** venue after the noun, Russian a genitive or an adjective: construct_venue;
** Cyrillic starts at lead byte D0). */
static int modifies_meeting(const ev_doc *d, const ev_scope *sc, const diwan_mention *mt) {
  size_t end = mt->start + mt->len;
  if ((unsigned char)d->s[mt->start] >= 0xD0) return 0;
  size_t i = ev_item_from(d, sc->i0, sc->i1, end);
  if (i >= sc->i1 || d->item[i].tag != EV_TRIGGER) return 0;
  const char *t = d->item[i].trig->type;
  if (strcmp(t, "meeting") && strcmp(t, "talks")) return 0;
  for (size_t k = end; k < d->item[i].start; k++)
    if (d->s[k] != ' ') return 0;
  /* a verb is no meeting noun: "the premier of Ontario met …", "le maire
  ** de Bakou a rencontré …" */
  const char *w = d->s + d->item[i].start;
  size_t n = d->item[i].end - d->item[i].start;
  /* (irregular pasts: "Tokyo and Seoul held talks"; regular ones end in -ed) */
  static const char *const verb[] = {"met", "meet", "meets", "a", "ont", "est", "sont",
                                     "se", "s'est", "s\xe2\x80\x99" "est", "has", "have",
                                     "had", "will", "was", "were", "held", "hold", "holds",
                                     "holding", "began", "begin", "begins", "would", "to",
                                     "tient", "tiennent", "tiendront", "tiendra", "va", "vont"};
  size_t w1 = 0;
  while (w1 < n && w[w1] != ' ') w1++;
  for (size_t k = 0; k < sizeof verb / sizeof verb[0]; k++)
    if (strlen(verb[k]) == w1 && memcmp(w, verb[k], w1) == 0) return 0;
  if (n > 2 && memcmp(w + n - 2, "ed", 2) == 0) return 0;
  return d->item[i].start > end;
}

int ev_premodifier(const ev_doc *d, const ev_scope *sc, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  const char *k = mt->entity->kind;
  if (strcmp(k, "city") && strcmp(k, "organization")) return 0;
  if (mt->start > 0 && d->s[mt->start - 1] == '-') return 0;     /* "Iran-EU talks" */
  return modifies_meeting(d, sc, mt);
}

int ev_city_venue(const ev_doc *d, const ev_scope *sc, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  if (strcmp(mt->entity->kind, "city") != 0) return construct_venue(d, sc, mt);
  return ev_is_venue(d, m, sc->start) || construct_venue(d, sc, mt);
}

/* The body whose meeting a trigger noun right before it names ("на полях
** саммита АТЭС", "participe au sommet du COMESA"): it holds the meeting,
** it is no party to what its members do there. Only a meeting told right
** after the event's triggers (OWNER_NEAR bytes): one further on is another
** matter of the sentence. */
#define OWNER_NEAR 64
static int meeting_owner(const ev_doc *d, const ev_scope *sc, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  if (strcmp(mt->entity->kind, "organization")) return 0;
  size_t i = ev_item_from(d, sc->i0, sc->i1, mt->start);
  while (i > sc->i0 && d->item[i - 1].tag != EV_TRIGGER && mt->start - d->item[i - 1].start < 64) i--;
  if (i == sc->i0 || d->item[i - 1].tag != EV_TRIGGER) return 0;
  const ev_item *t = &d->item[i - 1];
  return t->start >= sc->g0 && t->start <= sc->g1 + OWNER_NEAR && t->end <= mt->start &&
         ev_ment_from(d, t->end) == m && ev_multilateral(d, t);
}

/* The post of an envoy: a country right after a posting marker
** (directions.tsv: to, for, en, auprès, во, по) that follows a `posting`
** cue (ambassador, envoyé, посол) within POST_REACH words, the envoy's own
** state named with his title (right before it: "the French ambassador",
** "Russia's ambassador"; or between it and the marker: "l'ambassadeur
** russe en", "посол России во"): "the French ambassador to Russia met the
** Turkish foreign minister" is FR-TR, the post is where he serves. Not a
** party when the scope names a third party besides the two; otherwise the
** post is most often the other side ("le président a reçu l'ambassadeur
** de France en Tunisie"), and "des ambassadeurs au Burundi (ceux de la
** Chine …)" names no envoy's state with the title. An appointment or an
** embassy is to its post: never for those types. */
#define POST_REACH 3
static const ev_item *posting_cue_before(const ev_doc *d, const ev_scope *sc,
                                         const diwan_mention *mt) {
  size_t i = ev_item_from(d, sc->i0, sc->i1, mt->start);
  for (int n = 0; i > sc->i0 && n < 8; n++) {
    const ev_item *it = &d->item[--i];
    if (it->tag == EV_TRIGGER) return NULL;
    if (it->tag != EV_CUE || it->cue->kind != CUE_POSTING || it->end > mt->start) continue;
    return ev_words_between(d->s, it->end, mt->start, POST_REACH + 1) <= POST_REACH ? it : NULL;
  }
  return NULL;
}

/* The party named with the envoy's title t, before the post m: at most one
** word before the title, or between the title and the post. */
static const char *envoy_state(const ev_doc *d, const ev_scope *sc, const ev_item *t, size_t m) {
  const char *post = gz_party(d->ment[m].entity);
  for (size_t k = m; k > sc->m0 && m - k < 4; k--) {
    const diwan_mention *b = &d->ment[k - 1];
    const char *p = gz_party(b->entity);
    if (!p || ev_eq(p, post)) continue;
    if (b->start >= t->end) return p;
    if (b->start + b->len <= t->start &&
        ev_words_between(d->s, b->start + b->len, t->start, 2) <= 1)
      return p;
    if (b->start + b->len <= t->start) break;
  }
  return NULL;
}

int ev_posted(const ev_doc *d, const ev_scope *sc, size_t m, const char *type) {
  static const char *const to_post[] = {"ambassador_appointed", "embassy_opened",
                                        "relations_established"};
  for (int i = 0; i < 3; i++)
    if (strcmp(type, to_post[i]) == 0) return 0;
  const diwan_mention *mt = &d->ment[m];
  const ev_item *t;
  if (!ev_is_posting(d, m, sc->start) || !(t = posting_cue_before(d, sc, mt))) return 0;
  const char *own = envoy_state(d, sc, t, m), *post = gz_party(mt->entity);
  if (!own) return 0;
  for (size_t k = sc->m0; k < sc->m1 && k - sc->m0 < 64; k++) {
    const char *p = gz_party(d->ment[k].entity);
    if (p && !ev_eq(p, post) && !ev_eq(p, own)) return 1;
  }
  return 0;
}

/* The clause of the mention m (between the boundary cues around it, in
** the scope) is a report's attribution: it has a `source` cue ("said",
** "according to", "a indiqué", "selon", "сообщила") and no trigger
** ("Paris and Berlin signed a defence agreement, said Poland", "selon
** l'Inde", "по данным Индии"). SOURCE_ITEMS items at most each way. */
#define SOURCE_ITEMS 16
static int in_attribution(const ev_doc *d, const ev_scope *sc, size_t m) {
  const diwan_mention *mt = &d->ment[m];
  size_t at = ev_item_from(d, sc->i0, sc->i1, mt->start);
  int source = 0;
  for (size_t i = at, n = 0; i > sc->i0 && n < SOURCE_ITEMS; i--, n++) {
    const ev_item *it = &d->item[i - 1];
    if (it->tag == EV_TRIGGER) return 0;
    if (it->tag != EV_CUE) continue;
    if (it->cue->kind == CUE_BOUNDARY) break;
    source |= it->cue->kind == CUE_SOURCE;
  }
  for (size_t i = at, n = 0; i < sc->i1 && n < SOURCE_ITEMS; i++, n++) {
    const ev_item *it = &d->item[i];
    if (it->tag == EV_TRIGGER) return 0;
    if (it->tag != EV_CUE) continue;
    if (it->cue->kind == CUE_BOUNDARY) break;
    source |= it->cue->kind == CUE_SOURCE;
  }
  return source;
}

/* A party named only in an attribution clause is the report's source,
** not a party of its event, when the scope names two other parties
** outside such clauses ("…, an Azerbaijani official said" after "an
** agreement was signed with Kuwait" still gives AZ). */
static int reporting_source(const ev_doc *d, const ev_scope *sc, size_t m) {
  if (!in_attribution(d, sc, m)) return 0;
  const char *own = gz_party(d->ment[m].entity), *other = NULL;
  for (size_t k = sc->m0; k < sc->m1 && k - sc->m0 < 64; k++) {
    const char *p = gz_party(d->ment[k].entity);
    if (!p || ev_eq(p, own) || ev_eq(p, other) || in_attribution(d, sc, k)) continue;
    if (other) return 1;
    other = p;
  }
  return 0;
}

static int not_party(const ev_doc *d, const ev_scope *sc, size_t m, const char *type) {
  const diwan_mention *mt = &d->ment[m];
  if (ev_is_topic(d, sc, mt) || list_topic(d, sc, m) || ev_premodifier(d, sc, m) ||
      meeting_owner(d, sc, m) || (type && ev_posted(d, sc, m, type)) ||
      reporting_source(d, sc, m))
    return 1;
  if (!venue_type(type) || strcmp(mt->entity->kind, "person") == 0) return 0;
  return ev_is_venue(d, m, sc->start) || construct_venue(d, sc, mt);
}

/* ev_not_party is asked of the same mention many times in one scope (each
** list before and after each trigger, the actors, the pairs, the target),
** and reading topics and lists around it is the costly part: the answers
** are kept per scope. They depend only on the document's mentions and
** items (fixed once ev_coref has run), the scope's bounds and the type,
** which the memo is keyed by (the type by its pointer: one plane per type
** string, NP_PLANES of them, the oldest replaced). */
#define NP_PLANES 4
struct ev_npmemo {
  size_t start, end, m0, m1, i0, i1, g0, g1;
  const char *type[NP_PLANES];
  unsigned char *v[NP_PLANES];      /* per mention of the scope: 0 not
                                       known, 1 a party, 2 not a party */
  size_t cap;                       /* mentions each plane holds */
  int next;
};

void ev_npmemo_free(ev_npmemo *p) {
  if (!p) return;
  for (int i = 0; i < NP_PLANES; i++) diwan_free(p->v[i]);
  diwan_free(p);
}

static int same_scope(const ev_npmemo *p, const ev_scope *sc) {
  return p->start == sc->start && p->end == sc->end && p->m0 == sc->m0 && p->m1 == sc->m1 &&
         p->i0 == sc->i0 && p->i1 == sc->i1 && p->g0 == sc->g0 && p->g1 == sc->g1;
}

/* The plane of type in the scope, made or emptied as needed; NULL when
** out of memory (the answer is then computed, not kept). */
static unsigned char *np_plane(ev_doc *d, const ev_scope *sc, const char *type) {
  ev_npmemo *p = d->npmemo;
  size_t n = sc->m1 - sc->m0;
  if (!p && !(p = d->npmemo = diwan_calloc(1, sizeof *p))) return NULL;
  if (!same_scope(p, sc) || n > p->cap) {
    if (n > p->cap) {
      size_t cap = n < 64 ? 64 : n;
      for (int i = 0; i < NP_PLANES; i++) {
        diwan_free(p->v[i]);
        p->v[i] = NULL;
      }
      for (int i = 0; i < NP_PLANES; i++)
        if (!(p->v[i] = diwan_malloc(cap))) { p->cap = 0; return NULL; }
      p->cap = cap;
    }
    p->start = sc->start; p->end = sc->end; p->m0 = sc->m0; p->m1 = sc->m1;
    p->i0 = sc->i0; p->i1 = sc->i1; p->g0 = sc->g0; p->g1 = sc->g1;
    for (int i = 0; i < NP_PLANES; i++) p->type[i] = NULL;
    p->next = 0;
  }
  for (int i = 0; i < NP_PLANES; i++)
    if (p->type[i] == type) return p->v[i];
  int k = p->next;
  p->next = (k + 1) % NP_PLANES;
  p->type[k] = type;
  memset(p->v[k], 0, n);
  return p->v[k];
}

int ev_not_party(const ev_doc *d, const ev_scope *sc, size_t m, const char *type) {
  if (m < sc->m0 || m >= sc->m1 || !type) return not_party(d, sc, m, type);
  /* the memo is a cache beside the document, not part of what is read */
  unsigned char *v = np_plane((ev_doc *)d, sc, type);
  if (!v) return not_party(d, sc, m, type);
  if (!v[m - sc->m0]) v[m - sc->m0] = (unsigned char)(1 + not_party(d, sc, m, type));
  return v[m - sc->m0] - 1;
}

/* A word and its length: the lists below are read for every word between
** two mentions (linked), so no strlen per entry. */
typedef struct ev_word { const char *w; size_t n; } ev_word;
#define W(s) {s, sizeof s - 1}

/* Words that may stand between two parties of one list besides commas:
** conjunctions, articles, "his counterpart" (Arabic و and Hebrew ו are prefixes on the
** next name, so the gap is empty). */
static const ev_word joiners[] = {
  W("and"), W("or"), W("the"), W("et"), W("ou"), W("la"), W("le"), W("les"), W("l'"), W("l\xe2\x80\x99"),
  W("\xd0\xb8"), W("\xd0\xb8\xd0\xbb\xd0\xb8"),                  /* и, или */
  W("\xd8\xa3\xd9\x88"), W("\xd8\xa7\xd9\x88"),                  /* أو, او */
  W("\xd7\x90\xd7\x95"),                                          /* או */
  W("v\xc9\x99"), W("il\xc9\x99"),                                   /* və, ilə */
  /* "his Israeli counterpart, Ariel Sharon, and the Palestinian leader" */
  W("his"), W("her"), W("their"), W("counterpart"), W("counterparts"), W("son"), W("sa"), W("ses"),
  W("homologue"), W("homologues"),
  W("que"), W("as"), W("\xd0\xb0"),                                  /* ainsi que, as well as, а также */
};

static int joiner(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof joiners / sizeof joiners[0]; i++) {
    if (joiners[i].n != n) continue;
    size_t j = 0;
    while (j < n && (w[j] | (w[j] >= 'A' && w[j] <= 'Z' ? 0x20 : 0)) == joiners[i].w[j]) j++;
    if (j == n) return 1;
  }
  return 0;
}

/* Inside an office title of the lexicon ("Prime Minister", "وزير الخارجية"). */
static int in_title(const ev_doc *d, const ev_scope *sc, size_t a, size_t b) {
  size_t from = a > 64 ? a - 64 : 0;
  for (size_t i = ev_item_from(d, sc->i0, sc->i1, from); i < sc->i1 && d->item[i].start < b; i++)
    if (d->item[i].tag == EV_TITLE && d->item[i].start <= a && d->item[i].end >= b) return 1;
  return 0;
}

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static const ev_word coordinators[] = {
  W("and"), W("or"), W("et"), W("ou"), W("\xd0\xb8"), W("\xd0\xb8\xd0\xbb\xd0\xb8"),
  W("\xd8\xa3\xd9\x88"), W("\xd8\xa7\xd9\x88"), W("\xd7\x90\xd7\x95"), W("v\xc9\x99"),
  W("ainsi"), W("well"), W("puis"),                                     /* ainsi que, as well as */
  W("\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"),                         /* (а) также */
};

static int coordinator(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof coordinators / sizeof coordinators[0]; i++)
    if (coordinators[i].n == n && memcmp(w, coordinators[i].w, n) == 0) return 1;
  return n == 3 && (w[0] == 'A' || w[0] == 'a') && w[1] == 'n' && w[2] == 'd';
}

/* A title with the conjunction on it: "ووزير الخارجية الأمريكي", "ورئيس"
** (و), "ושר החוץ" (ו). Arabic titles that begin with و of their own (وزير,
** وزيري, وزراء, وكيل, ولي العهد) have it before ز, ك or ل: there the و is
** the conjunction only when doubled (ووزير). */
static int conj_prefix(const char *w, size_t n) {
  if (n > 4 && memcmp(w, "\xd9\x88", 2) == 0) {                      /* و */
    const char *own[] = {"\xd8\xb2", "\xd9\x83", "\xd9\x84"};      /* ز ك ل */
    for (int i = 0; i < 3; i++)
      if (memcmp(w + 2, own[i], 2) == 0) return 0;
    return 1;
  }
  return n > 2 && memcmp(w, "\xd7\x95", 2) == 0;                      /* ו */
}

/* Mentions of one party next to each other are one (an adjective, a title,
** a name: "Italian Prime Minister Silvio Berlusconi"); two parties are one
** list when a comma or a conjunction joins them and only articles and
** office titles stand besides: "Kenya, Tanzania and Mozambique", "الكويت
** وأذربيجان" (و on the name), but not "وزير الخارجية الكويتي أذربيجان"
** (subject and object) nor "الكويت وأذربيجان والنزاع القائم بين أرمينيا". */
static int linked(const ev_doc *d, const ev_scope *sc, size_t a, size_t b) {
  size_t x = d->ment[a].start + d->ment[a].len, y = d->ment[b].start;
  const char *pa = party_of(d->ment[a].entity), *pb = party_of(d->ment[b].entity);
  int words = 0, joined = pa && pb && strcmp(pa, pb) == 0;
  if (y < x) return 1;
  /* one party told twice: "Basra in Iraq", "Kaboul, en Afghanistan" */
  if (joined && ev_words_between(d->s, x, y, 3) <= 2) return 1;
  if (d->mstrip[b] && (memcmp(d->s + y, "\xd9\x88", 2) == 0 ||      /* و */
                       memcmp(d->s + y, "\xd7\x95", 2) == 0))       /* ו */
    joined = 1;
  for (size_t i = x; i < y;) {
    if (blank(d->s[i])) { i++; continue; }
    if (d->s[i] == ',') { joined = 1; i++; continue; }
    if (i + 1 < y && memcmp(d->s + i, "\xd8\x8c", 2) == 0) { joined = 1; i += 2; continue; }
    size_t w = i;
    while (w < y && !blank(d->s[w]) && d->s[w] != ',') w++;
    if (++words > LIST_GAP) return 0;
    if (coordinator(d->s + i, w - i)) joined = 1;
    else if (in_title(d, sc, i, w)) joined |= conj_prefix(d->s + i, w - i);
    else if (!joiner(d->s + i, w - i)) return 0;
    i = w;
  }
  return joined;
}

int ev_in_long_list(const ev_doc *d, const ev_scope *sc, size_t m) {
  int n = 1;
  for (size_t k = m; k > 0 && n < 3 && linked(d, sc, k - 1, k); k--) n++;
  for (size_t k = m; k + 1 < d->nment && n < 3 && linked(d, sc, k, k + 1); k++) n++;
  return n >= 3;
}

static int has(const char *const *v, int n, const char *c) {
  for (int i = 0; i < n; i++)
    if (strcmp(v[i], c) == 0) return 1;
  return 0;
}

typedef struct side { const char *p[8]; int n; } side;

static void add(side *s, const char *c) {
  if (c && s->n < 8 && !has(s->p, s->n, c)) s->p[s->n++] = c;
}

static int candidate(const ev_doc *d, const ev_scope *sc, size_t m, const char *type) {
  size_t pos = d->ment[m].start;
  return pos + NEAR >= sc->g0 && pos < sc->g1 + NEAR && party_of(d->ment[m].entity) &&
         !ev_not_party(d, sc, m, type);
}

/* The list of parties that ends nearest before pos. */
static void list_before(const ev_doc *d, const ev_scope *sc, const char *type,
                        size_t pos, side *out) {
  size_t prev = (size_t)-1;
  out->n = 0;
  for (size_t m = sc->m1; m > sc->m0; m--) {
    size_t k = m - 1;
    if (d->ment[k].start + d->ment[k].len > pos || !candidate(d, sc, k, type)) continue;
    if (prev != (size_t)-1 && !linked(d, sc, k, prev)) break;
    add(out, party_of(d->ment[k].entity));
    prev = k;
  }
  for (int i = 0, j = out->n - 1; i < j; i++, j--) {     /* text order */
    const char *t = out->p[i];
    out->p[i] = out->p[j];
    out->p[j] = t;
  }
}

/* The list of parties that starts nearest at or after pos; *end is where
** the next one may start. */
static void list_after(const ev_doc *d, const ev_scope *sc, const char *type,
                       size_t pos, side *out, size_t *end) {
  size_t prev = (size_t)-1;
  out->n = 0;
  *end = pos;
  for (size_t m = sc->m0; m < sc->m1; m++) {
    if (d->ment[m].start < pos || !candidate(d, sc, m, type)) continue;
    if (prev != (size_t)-1 && !linked(d, sc, prev, m)) break;
    add(out, party_of(d->ment[m].entity));
    prev = m;
    *end = d->ment[m].start + d->ment[m].len;
  }
}

int ev_verb_first(const ev_doc *d, size_t pos) {
  unsigned char c = (unsigned char)d->s[pos];
  return c >= 0xD6 && c <= 0xDB;
}

static int directed(const char *type) {
  static const char *const t[] = {"visit", "embassy_opened", "ambassador_appointed",
                                  "aid", "support", "invitation", "mediation"};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (strcmp(type, t[i]) == 0) return 1;
  return 0;
}

/* The other side of a directed event whose list of parties stands alone
** ("The US, France and the EU presented their ambassadors' credentials",
** "It has opened missions in Baghdad, Kabul and Pyongyang"): the event's
** actor outside the list (named in the sentence or the document's pair
** filling in), else the first of the document's pair outside it, else the
** country the document is about. */
static void other_side(const ev_doc *d, const diwan_event *e, const side *list,
                       side *out) {
  const char *c[5] = {e->actor1, e->actor2, d->pair[0], d->pair[1], d->focus};
  out->n = 0;
  for (int i = 0; i < 5 && !out->n; i++)
    if (c[i] && !has(list->p, list->n, c[i])) add(out, c[i]);
}

/* A trilateral meeting or talks ("لقاء ثلاثي", "a trilateral meeting",
** "трехсторонняя встреча", "פגישה משולשת"): each party met each other. */
static int joint(const ev_doc *d, const ev_scope *sc, const char *type) {
  return (strcmp(type, "meeting") == 0 || strcmp(type, "talks") == 0) &&
         ev_scope_has_cue(d, sc->i0, sc->i1, CUE_JOINT, NULL);
}

/* Every pair of the parties of both sides, in text order; 0 under three. */
static int all_pairs(const side *src, const side *dst, const char *pair[][2], int max) {
  side u = *src;
  for (int i = 0; i < dst->n; i++) add(&u, dst->p[i]);
  if (u.n < 3) return 0;
  int n = 0;
  for (int i = 0; i < u.n; i++)
    for (int j = i + 1; j < u.n && n < max; j++) {
      pair[n][0] = u.p[i];
      pair[n][1] = u.p[j];
      n++;
    }
  return n;
}

/* A counterpart word between the trigger and the first party after it,
** that party right after the word ("يلتقي … بنظيريه، الأميركي … والسعودي"):
** the list is the object, the other side of the contact. */
static int counterparts_after(const ev_doc *d, const ev_scope *sc, const diwan_event *e) {
  size_t from = e->start + e->len;
  for (size_t i = ev_item_from(d, sc->i0, sc->i1, from); i < sc->i1; i++) {
    const ev_item *it = &d->item[i];
    if (it->tag != EV_CUE || it->cue->kind != CUE_COUNTERPART) continue;
    for (size_t m = ev_ment_from(d, from); m < sc->m1; m++) {
      if (d->ment[m].start < it->end) {
        if (candidate(d, sc, m, e->type)) return 0;   /* a subject before it */
        continue;
      }
      return candidate(d, sc, m, e->type) &&
             ev_words_between(d->s, it->end, d->ment[m].start, 2) <= 1;
    }
    return 0;
  }
  return 0;
}

#define OWNER_LOOK 64   /* mentions read from the sentence's start */

/* Whose counterparts they are: the sentence's subject, the first party it
** names before the trigger ("كشفت وزارة الخارجية الروسية أن … لافروف وصل
** … على أن يلتقي … بنظيريه"), outside the list. */
static void counterpart_owner(const ev_doc *d, const diwan_event *e, const side *list,
                              side *out) {
  out->n = 0;
  size_t m0 = ev_ment_from(d, e->sent_start);
  for (size_t m = m0; m < d->nment && m < m0 + OWNER_LOOK; m++) {
    if (d->ment[m].start >= e->start) break;
    const char *p = party_of(d->ment[m].entity);
    if (p && !has(list->p, list->n, p)) { add(out, p); return; }
  }
}

int ev_pairs(const ev_doc *d, const ev_scope *sc, const diwan_event *e,
             const char *pair[][2], int max) {
  side src, dst;
  size_t end;
  list_before(d, sc, e->type, e->start, &src);
  list_after(d, sc, e->type, e->start + e->len, &dst, &end);
  if (ev_verb_first(d, e->start) && !src.n && dst.n >= 2 &&
      counterparts_after(d, sc, e)) {
    counterpart_owner(d, e, &dst, &src);
  } else if (ev_verb_first(d, e->start)) {
    /* verb first (زار وزير الخارجية الكويتي أذربيجان وتركيا): the first
    ** list after the trigger is its subject, the next its object */
    if (!src.n) {
      src = dst;
      list_after(d, sc, e->type, end, &dst, &end);
    }
  } else if (directed(e->type) && !src.n && dst.n >= 2) {
    other_side(d, e, &dst, &src);
  } else if (directed(e->type) && !dst.n && src.n >= 2) {
    other_side(d, e, &src, &dst);
  }
  if (joint(d, sc, e->type)) return all_pairs(&src, &dst, pair, max);
  /* a party on both sides is the same party told twice: keep it a source */
  int k = 0;
  for (int i = 0; i < dst.n; i++)
    if (!has(src.p, src.n, dst.p[i])) dst.p[k++] = dst.p[i];
  dst.n = k;
  if (!src.n || !dst.n || src.n + dst.n < 3) return 0;
  /* talks, a meeting or a signing with three parties or more on one side is
  ** multilateral ("talks in New Delhi between producers and consumers -
  ** China, India, Japan and South Korea"): no bilateral event; a tour of
  ** three hosts is three visits. Not in verb-first Arabic and Hebrew. */
  if ((src.n >= 3 || dst.n >= 3) && !ev_verb_first(d, e->start) &&
      (!strcmp(e->type, "meeting") || !strcmp(e->type, "talks") ||
       !strcmp(e->type, "agreement_signed")))
    return -1;
  int n = 0;
  for (int i = 0; i < src.n; i++)
    for (int j = 0; j < dst.n && n < max; j++) {
      pair[n][0] = src.p[i];
      pair[n][1] = dst.p[j];
      n++;
    }
  return n;
}
