/* The lexicons of date extraction: month names, cue words, qualifiers,
** decades and relative expressions from ext/data/dates_*.tsv, folded and
** loaded once into a small open-addressing hash table. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include "base/data.h"
#include "dates_int.h"
#include "base/alloc.h"

/* Base letters of U+00C0..U+017F ('?': keep the lower-cased letter). */
static const char latin_base[] =
    "aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y"
    "aaaaaaccccccccdd??eeeeeeeeeegggggggghh??iiiiiiiiii??jjkk?llllll??"
    "??nnnnnn???oooooo??rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?";

static size_t put(uint32_t cp, char *out) {
  return diwan_utf8_encode(cp, out);
}

size_t dl_fold_cp(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    return 1;
  }
  if (cp >= 0x0600 && cp <= 0x06FF) {
    switch (cp) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: return put(0x0627, out);
      case 0x0649: case 0x0626: case 0x06CC: return put(0x064A, out);
      case 0x0629: return put(0x0647, out);
      case 0x0624: return put(0x0648, out);
      case 0x06A9: return put(0x0643, out);
      case 0x0640: case 0x0670: return 0;
      default:
        if (cp >= 0x064B && cp <= 0x065F) return 0;
        if (cp >= 0x0610 && cp <= 0x061A) return 0;
        return put(cp, out);
    }
  }
  if (cp >= 0x0591 && cp <= 0x05C7) {
    if (cp == 0x05BE || cp == 0x05C0 || cp == 0x05C3 || cp == 0x05C6)
      return put(cp, out);
    return 0;
  }
  if (cp == 0x05F3 || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
    out[0] = '\'';
    return 1;
  }
  if (cp == 0x05F4 || cp == 0x201C || cp == 0x201D) {
    out[0] = '"';
    return 1;
  }
  if (cp >= 0x0410 && cp <= 0x042F) return put(cp + 0x20, out);
  if (cp == 0x0401 || cp == 0x0451) return put(0x0435, out);
  if (cp >= 0xC0 && cp <= 0x17F) {
    char b = latin_base[cp - 0xC0];
    if (b != '?') { out[0] = b; return 1; }
    return put((uint32_t)u_tolower((UChar32)cp), out);
  }
  if (cp == 0x018F) return put(0x0259, out);   /* Azerbaijani schwa */
  if (diwan_is_invisible(cp)) return 0;
  return put(cp, out);
}

/* ---------------------------------------------------------- hash table */
#define TAB_SIZE 8192      /* half full at most: 4095 forms and prefixes */
static dlex *entries;
static int nentries, capentries;
static int16_t table[TAB_SIZE];    /* entry index + 1, 0 = empty */
static diwan_once once = DIWAN_ONCE_INIT;

/* The filter in front of the table (dates_int.h): most words of a text
** are not in the lexicon, and ds_find rejects them inline. */
uint8_t dl_filter[DL_FILTER_BYTES];

const dlex *dl_find_hashed(const char *key, size_t n, uint64_t h) {
  if (!entries) return NULL;
  for (uint32_t s = (uint32_t)h & (TAB_SIZE - 1);; s = (s + 1) & (TAB_SIZE - 1)) {
    int k = table[s];
    if (!k) return NULL;
    const dlex *e = &entries[k - 1];
    if (e->klen == n && memcmp(e->key, key, n) == 0) return e;
  }
}

const dlex *dl_find(const char *key, size_t n) {
  if (n == 0 || n >= DL_KEYMAX || !entries) return NULL;
  uint64_t h = dl_key_hash(key, n);
  if (!dl_filter_has(h)) return NULL;
  return dl_find_hashed(key, n, h);
}

static dlex *get_or_add(const char *key, size_t n) {
  dlex *e = (dlex *)dl_find(key, n);
  if (e) return e;
  if (nentries + 1 >= TAB_SIZE / 2) return NULL;
  if (nentries == capentries) {
    int cap = capentries ? capentries * 2 : 512;
    dlex *p = diwan_realloc(entries, sizeof *p * (size_t)cap);
    if (!p) return NULL;
    entries = p;
    capentries = cap;
  }
  e = &entries[nentries++];
  memset(e, 0, sizeof *e);
  uint64_t h = dl_key_hash(key, n);
  unsigned a = (unsigned)(h >> 48), b = (unsigned)(h >> 32) & 0xFFFFu;
  dl_filter[a >> 3] |= (uint8_t)(1u << (a & 7));
  dl_filter[b >> 3] |= (uint8_t)(1u << (b & 7));
  memcpy(e->key, key, n);
  e->klen = (uint8_t)n;
  uint32_t s = (uint32_t)h & (TAB_SIZE - 1);
  while (table[s]) s = (s + 1) & (TAB_SIZE - 1);
  table[s] = (int16_t)nentries;
  return e;
}

/* ------------------------------------------------------------- loading */
typedef dl_form_key form_key;

/* A form's key is its tokens' folded forms, joined by one space where the
** form has white space: the scanner builds the same keys from text. */
int dl_form_to_key(const char *s, size_t n, form_key *fk) {
  dscan *sc = diwan_malloc(sizeof *sc);
  if (!sc) return -2;   /* out of memory: not "not a form" */
  ds_init(sc, s, n);
  sc->nolookup = 1;
  fk->klen = 0;
  fk->ntok = 0;
  fk->word0 = 0;
  for (long i = 0;; i++) {
    const dtok *t = ds_tok(sc, i);
    if (t->kind == T_EOF) break;
    size_t need = t->klen + (i > 0 && t->sp);
    if (!t->klen || fk->ntok == 8 || fk->klen + need >= DL_KEYMAX) {
      diwan_free(sc);
      return -1;
    }
    if (i == 0) fk->word0 = t->kind == T_WORD;
    if (i > 0 && t->sp) fk->key[fk->klen++] = ' ';
    memcpy(fk->key + fk->klen, t->key, t->klen);
    fk->klen += t->klen;
    fk->cut[fk->ntok++] = fk->klen;
  }
  diwan_free(sc);
  return fk->ntok ? 0 : -1;
}

static int field_is(const char *f, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(f, lit, n) == 0;
}

static int parse_int(const char *f, size_t n) {
  int sign = 1, v = 0;
  size_t i = 0;
  if (i < n && (f[i] == '-' || f[i] == '+')) sign = f[i++] == '-' ? -1 : 1;
  for (; i < n && f[i] >= '0' && f[i] <= '9'; i++) v = v * 10 + (f[i] - '0');
  return sign * v;
}

static void set_lang(char *dst, const char *f, size_t n) {
  if (n > 3) n = 3;
  memcpy(dst, f, n);
  dst[n] = 0;
}

static int mod_code(const char *f, size_t n) {
  for (int i = 1; i <= MOD_LAST; i++)
    if (field_is(f, n, dd_modifier_name[i])) return i;
  return MOD_NONE;
}

static const struct { const char *name; uint64_t kind; } kind_names[] = {
  {"cue", K_CUE}, {"year", K_YEAR}, {"qual", K_QUAL}, {"weekday", K_WEEKDAY},
  {"muwafiq", K_MUWAFIQ}, {"era", K_ERA}, {"rstart", K_RSTART},
  {"rjoin", K_RJOIN}, {"article", K_ARTICLE}, {"ordsuf", K_ORDSUF},
  {"of", K_OF}, {"unit", K_UNIT}, {"rday", K_RDAY}, {"rmonth", K_RMONTH},
  {"ryear", K_RYEAR}, {"rafter", K_RAFTER}, {"rbefore", K_RBEFORE},
  {"ago", K_AGO}, {"later", K_LATER}, {"yunit", K_YUNIT}, {"numw", K_NUMW},
  {"decade", K_DECADE}, {"century", K_CENTURY}, {"declead", K_DECLEAD},
  {"oday", K_ODAY}, {"rweek", K_RWEEK}, {"tunit", K_TUNIT}, {"rquarter", K_RQUARTER},
  {"rprev", K_RPREV}, {"stop", K_STOP}, {"deadline", K_DEADLINE},
  {"rspan", K_RSPAN}, {"notcount", K_NOTCOUNT},
  {"night", K_NIGHT}, {"within", K_WITHIN}, {"weekof", K_WEEKOF}, {"wdays", K_WDAYS},
};

static void set_kind(dlex *e, uint64_t kind, const char *v, size_t vn) {
  e->kinds |= kind;
  switch (kind) {
    case K_QUAL: e->mod = (int8_t)mod_code(v, vn); break;
    case K_ERA:
      e->era = field_is(v, vn, "ah") ? ERA_AH : field_is(v, vn, "ru") ? ERA_RU
             : field_is(v, vn, "az") ? ERA_AZ : ERA_CE;
      break;
    case K_TUNIT:       /* d w m y, then the count the word implies (d2) */
      if (vn) e->unit = v[0] == 'd' ? U_DAY : v[0] == 'w' ? U_WEEK : v[0] == 'm' ? U_MONTH
                      : v[0] == 'q' ? U_QUARTER : U_YEAR;
      e->num = (int16_t)(vn > 1 ? parse_int(v + 1, vn - 1) : 0);
      break;
    case K_WEEKDAY: case K_WDAYS:
      e->num = (int16_t)parse_int(v, vn);
      e->wd_amb = vn > 1 && v[vn - 1] == 'a';
      break;
    case K_RDAY: case K_RMONTH: case K_RYEAR: case K_RAFTER: case K_RBEFORE: case K_RWEEK:
    case K_RQUARTER: case K_RPREV:
      e->rel = (int8_t)parse_int(v, vn);
      if (kind == K_RAFTER && vn > 1 && v[vn - 1] == 'w') e->wk_next = 1;
      if (kind == K_RAFTER && vn > 1 && v[vn - 1] == 't') e->wk_next = 2;
      break;
    case K_RSPAN:       /* in num: "next" is also a rbefore with its own rel */
      e->num = (int16_t)parse_int(v, vn);
      e->after = vn > 1 && v[vn - 1] == 'p';      /* only after count and unit */
      e->vague = vn > 1 && v[vn - 1] == 'v';      /* also before a plural unit */
      break;
    case K_AGO: case K_LATER: {         /* after+: the word takes an object */
      size_t pn = 0;                    /* ",day": one grain finer (fine) */
      while (pn < vn && v[pn] != ',') pn++;
      e->after = field_is(v, pn, "after") || field_is(v, pn, "after+");
      e->obj = field_is(v, pn, "after+");
      e->fine = field_is(v + pn, vn - pn, ",day") ? 1 : field_is(v + pn, vn - pn, ",today") ? 2 : 0;
      break;
    }
    case K_YUNIT: e->unit = U_YEAR; e->num = (int16_t)parse_int(v, vn); break;
    case K_NUMW: case K_DECADE: case K_CENTURY: case K_ODAY:
      e->num = (int16_t)parse_int(v, vn);
      if (kind == K_ODAY && vn > 1 && v[vn - 1] == 'w') e->ord_nth = 1;
      if (kind == K_ODAY && vn > 1 && v[vn - 1] == 'c') e->ord_nth = -1;
      break;
    default: break;
  }
}

static int add_prefixes(const form_key *fk) {
  for (int t = 0; t + 1 < fk->ntok; t++) {
    dlex *p = get_or_add(fk->key, fk->cut[t]);
    if (!p) return 1;
    p->kinds |= K_PFX;
  }
  return 0;
}

/* months: form, month, calendar, lang, flags */
static int month_line(void *ctx, int nf, const char **f, const size_t *l,
                      size_t lineno) {
  form_key fk;
  if (nf < 4) return 0;
  int keyed = dl_form_to_key(f[0], l[0], &fk);
  if (keyed == -2) return 1;   /* out of memory: the load fails, retried later */
  if (keyed) return 0;
  if (add_prefixes(&fk)) return 1;   /* first: it may move entries */
  dlex *e = get_or_add(fk.key, fk.klen);
  if (!e) return 1;
  if (e->kinds & K_MONTH) return 0;    /* the first listing wins */
  e->kinds |= K_MONTH;
  e->ntok = (uint8_t)fk.ntok;
  e->month = (int8_t)parse_int(f[1], l[1]);
  e->cal = f[2][0] == 'h' ? CAL_HIJRI : f[2][0] == 'j' ? CAL_HEBREW : CAL_GREG;
  e->ambiguous = nf > 4 && l[4] && f[4][0] == 'a';
  set_lang(e->mlang, f[3], l[3]);
  return 0;
}

/* other lexicons: form, kind, value, lang */
static int word_line(void *ctx, int nf, const char **f, const size_t *l,
                     size_t lineno) {
  form_key fk;
  if (nf < 2) return 0;
  int keyed = dl_form_to_key(f[0], l[0], &fk);
  if (keyed == -2) return 1;   /* out of memory: the load fails, retried later */
  if (keyed) return 0;
  uint64_t kind = 0;
  for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++)
    if (field_is(f[1], l[1], kind_names[k].name)) kind = kind_names[k].kind;
  if (!kind) return 0;
  if (add_prefixes(&fk)) return 1;
  dlex *e = get_or_add(fk.key, fk.klen);
  if (!e) return 1;
  e->ntok = (uint8_t)fk.ntok;
  set_kind(e, kind, nf > 2 ? f[2] : "", nf > 2 ? l[2] : 0);
  if (!e->lang[0] && nf > 3) set_lang(e->lang, f[3], l[3]);
  return 0;
}

/* holidays: form, rule, lang, flags (see dates_holidays.tsv) */
static dhol *hols;
static int nhols, caphols;

const dhol *dl_holiday(int hol) {
  return hol >= 1 && hol <= nhols ? &hols[hol - 1] : NULL;
}

/* "g:12-25", "j:12-25", "easter-2", "h:09", "hb:08-15+7": 0, or -1. */
static int parse_rule(const char *f, size_t n, dhol *h) {
  static const struct { const char *p; int rule; } pre[] = {
    {"oeaster", HR_OEASTER}, {"easter", HR_EASTER}, {"hb:", HR_HEBREW},
    {"h:", HR_HIJRI}, {"j:", HR_JULIAN}, {"g:", HR_GREG}};
  memset(h, 0, sizeof *h);
  h->len = 1;
  for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
    size_t pl = strlen(pre[k].p);
    if (n < pl || memcmp(f, pre[k].p, pl)) continue;
    h->rule = (int8_t)pre[k].rule;
    f += pl; n -= pl;
    if (h->rule == HR_EASTER || h->rule == HR_OEASTER) {
      h->off = (int16_t)(n ? parse_int(f, n) : 0);
      return 0;
    }
    if (n < 2) return -1;
    h->m = (int8_t)parse_int(f, 2);
    if (n >= 5 && f[2] == '-') { h->d = (int8_t)parse_int(f + 3, 2); f += 5; n -= 5; }
    else { h->len = 0; f += 2; n -= 2; }
    if (n > 1 && f[0] == '+') h->len = (int16_t)parse_int(f + 1, n - 1);
    return h->m >= 1 && h->m <= 13 && h->d >= 0 && h->d <= 31 && h->len >= 0 &&
           h->len <= 60 ? 0 : -1;
  }
  return -1;
}

static int holiday_line(void *ctx, int nf, const char **f, const size_t *l,
                        size_t lineno) {
  form_key fk;
  dhol h;
  if (nf < 3 || parse_rule(f[1], l[1], &h)) return 0;
  int keyed = dl_form_to_key(f[0], l[0], &fk);
  if (keyed == -2) return 1;
  if (keyed) return 0;
  if (add_prefixes(&fk)) return 1;
  dlex *e = get_or_add(fk.key, fk.klen);
  if (!e) return 1;
  if (e->kinds & K_HOLIDAY) return 0;   /* the first listing wins */
  if (nhols == caphols) {
    int cap = caphols ? caphols * 2 : 128;
    dhol *p = diwan_realloc(hols, sizeof *p * (size_t)cap);
    if (!p) return 1;
    hols = p;
    caphols = cap;
  }
  hols[nhols++] = h;
  e->kinds |= K_HOLIDAY;
  e->hol = (int16_t)nhols;
  e->ntok = (uint8_t)fk.ntok;
  if (nf > 3 && l[3] && f[3][0] == 'a') e->hol_amb = 1;
  if (!e->lang[0]) set_lang(e->lang, f[2], l[2]);
  return 0;
}

static void free_hols(void *p) {
  diwan_free(p);
  hols = NULL;
}

static void free_entries(void *p) {
  diwan_free(p);
  entries = NULL;
}

/* A failed load frees what it built and is run again at the next use. */
static int load(void) {
  static const char *const words[] = {"dates_cues.tsv", "dates_decades.tsv",
                                      "dates_relative.tsv"};
  size_t len;
  ds_classes_init();
  const char *t = diwan_data("dates_months.tsv", &len);
  int rc = DIWAN_OK;
  if (!t || diwan_tsv_each(t, len, 5, month_line, NULL)) rc = DIWAN_NOMEM;
  for (size_t i = 0; rc == DIWAN_OK && i < 3; i++) {
    t = diwan_data(words[i], &len);
    if (!t || diwan_tsv_each(t, len, 4, word_line, NULL)) rc = DIWAN_NOMEM;
  }
  if (rc == DIWAN_OK) {
    t = diwan_data("dates_holidays.tsv", &len);
    if (!t || diwan_tsv_each(t, len, 4, holiday_line, NULL)) rc = DIWAN_NOMEM;
  }
  if (rc) {
    diwan_free(hols);
    hols = NULL;
    nhols = caphols = 0;
    diwan_free(entries);
    entries = NULL;
    nentries = capentries = 0;
    memset(table, 0, sizeof table);
    memset(dl_filter, 0, sizeof dl_filter);
    return rc;
  }
  if (entries) diwan_at_unload(free_entries, entries);
  if (hols) diwan_at_unload(free_hols, hols);
  return DIWAN_OK;
}

int dl_init(void) {
  return diwan_once_run(&once, load);
}
