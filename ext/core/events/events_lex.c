/* The event lexicon: ext/data triggers.tsv, arguments.tsv, titles.tsv,
** cues.tsv, status.tsv and roles.tsv in one phrase table, plus a user's triggers. */
#include <stdlib.h>
#include <string.h>
#include "base/data.h"
#include "events_lex.h"
#include "base/alloc.h"

static void *push(void **arr, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    void *p = diwan_realloc(*arr, c * size);
    if (!p) return NULL;
    *arr = p;
    *cap = c;
  }
  return (char *)*arr + (*n)++ * size;
}

diwan_event_lexicon *diwan_event_lexicon_new(void) {
  diwan_event_lexicon *x = diwan_calloc(1, sizeof *x);
  if (x) ph_table_init(&x->tab);
  return x;
}

void diwan_event_lexicon_free(diwan_event_lexicon *x) {
  if (!x) return;
  ph_table_free(&x->tab);
  ph_arena_free(&x->strings);
  diwan_free(x->trig);
  diwan_free(x->names);
  diwan_free(x->cues);
  ev_roles_free(&x->roles);
  ev_roles_free(&x->admin);
  diwan_free(x->dirs);
  diwan_free(x);
}

static const char *dup(diwan_event_lexicon *x, const char *s, size_t n) {
  return ph_strdup_clean(&x->strings, s, n);
}

static int is_contact(const char *type) {
  static const char *const c[] = {"visit", "meeting", "talks", "invitation"};
  for (int i = 0; i < 4; i++)
    if (strcmp(type, c[i]) == 0) return 1;
  return 0;
}

int diwan_event_lexicon_add(diwan_event_lexicon *x, const char *const f[5],
                            const size_t len[5], int rank) {
  if (!len[1] || !len[3]) return DIWAN_ERROR;
  size_t idx = x->ntrig;
  ev_trigger *t = push((void **)&x->trig, &x->ntrig, &x->captrig, sizeof *t);
  if (!t) return DIWAN_NOMEM;
  t->type = dup(x, f[1], len[1]);
  t->cameo = len[2] ? dup(x, f[2], len[2]) : NULL;
  t->arg = dup(x, f[4], len[4]);
  t->rank = rank;
  if (!t->type || (len[2] && !t->cameo) || !t->arg) return DIWAN_NOMEM;
  t->contact = is_contact(t->type);
  /* An Arabic stem is too short to name an event (اجتماع is also the stem
  ** of الاجتماعية "social", دعا of الدعاة "preachers"): Arabic triggers
  ** match the forms triggers.tsv lists, with the article and bare
  ** proclitics. */
  int flags = len[0] == 2 && memcmp(f[0], "ar", 2) == 0 ? PH_EXACT | PH_BARE : 0;
  int rc = ph_table_add(&x->tab, f[3], len[3], EV_TRIGGER, idx, flags, NULL);
  if (!rc && len[0] == 2 && memcmp(f[0], "fr", 2) == 0)
    rc = ev_add_fr_agreement(&x->tab, f[3], len[3], idx);
  if (!rc && len[0] == 2 && memcmp(f[0], "fr", 2) == 0)
    rc = ev_add_fr_conjugation(&x->tab, f[3], len[3], len[4] > 0, idx);
  return rc;
}

/* A name (argument class or title role) as a payload. */
static int add_named(diwan_event_lexicon *x, int tag, const char *name,
                     size_t nn, const char *surface, size_t ns, int flags) {
  size_t idx = x->nnames;
  const char **p = push((void **)&x->names, &x->nnames, &x->capnames, sizeof *p);
  if (!p) return DIWAN_NOMEM;
  *p = dup(x, name, nn);
  if (!*p) return DIWAN_NOMEM;
  return ph_table_add(&x->tab, surface, ns, tag, idx, flags, NULL);
}

static const struct { const char *name; int kind; } cue_kinds[] = {
  {"pair", CUE_PAIR}, {"nonevent", CUE_NONEVENT}, {"inherit", CUE_INHERIT},
  {"relative", CUE_RELATIVE}, {"anniversary", CUE_ANNIVERSARY},
  {"ignore", CUE_IGNORE}, {"boundary", CUE_BOUNDARY}, {"topic", CUE_TOPIC}, {"shift", CUE_SHIFT},
  {"joint", CUE_JOINT}, {"anaphor", CUE_ANAPHOR},
  {"anew", CUE_ANEW}, {"others", CUE_OTHERS}, {"urge", CUE_URGE},
  {"counterpart", CUE_COUNTERPART}, {"stance", CUE_STANCE},
  {"accession", CUE_ACCESSION}, {"body", CUE_BODY}, {"pronoun", CUE_PRONOUN},
  {"subordinator", CUE_SUBORDINATOR}, {"there", CUE_THERE},
  {"additive", CUE_ADDITIVE},
  {"faction", CUE_FACTION}, {"chair", CUE_CHAIR}, {"posting", CUE_POSTING},
  {"homonym", CUE_HOMONYM},
};

/* A cue's value as a number, as atoi reads it: "+2", "-1", "1", "" (0);
** words (habitual, …) are 0. Bounded: a user's value may be any text. */
static int cue_value(const char *s, size_t n) {
  size_t i = n && (s[0] == '+' || s[0] == '-');
  int v = 0;
  for (; i < n && s[i] >= '0' && s[i] <= '9' && v < 100000; i++) v = v * 10 + (s[i] - '0');
  return n && s[0] == '-' ? -v : v;
}

static int add_prefixed(diwan_event_lexicon *x, const char *s, size_t n, size_t idx,
                        const char *const *pre, int npre);

/* A homonym: value is the id of the place the surface also names (عمان:
** city:amman); read on the fold key, in Arabic also after the proclitics
** و ف ب ل, which a cue does not strip (events_homonyms.c). */
static int add_homonym(diwan_event_lexicon *x, ev_cue *c, const char *const *f,
                       const size_t *len, size_t idx) {
  static const char *const pre[8] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84",
                                     "\xd9\x88\xd8\xa8", "\xd9\x88\xd9\x84",
                                     "\xd9\x81\xd8\xa8", "\xd9\x81\xd9\x84"};
  if (!len[2]) return DIWAN_ERROR;
  c->place = dup(x, f[2], len[2]);
  if (!c->place) return DIWAN_NOMEM;
  int rc = ph_table_add(&x->tab, f[3], len[3], EV_CUE, idx, 1, NULL);
  if (rc == DIWAN_OK && len[0] == 2 && memcmp(f[0], "ar", 2) == 0)
    rc = add_prefixed(x, f[3], len[3], idx, pre, 8);
  return rc;
}

/* DIWAN_ERROR for a kind this version does not know (the built-in file
** skips such a row, a user's row is an error). */
static int add_cue(diwan_event_lexicon *x, const char *const *f, const size_t *len) {
  int kind = 0;
  for (size_t i = 0; i < sizeof cue_kinds / sizeof cue_kinds[0]; i++)
    if (strlen(cue_kinds[i].name) == len[1] && memcmp(cue_kinds[i].name, f[1], len[1]) == 0)
      kind = cue_kinds[i].kind;
  if (!kind || !len[3]) return DIWAN_ERROR;
  if (kind == CUE_NONEVENT && len[2] == 8 && memcmp(f[2], "citation", 8) == 0)
    kind = CUE_CITATION;
  size_t idx = x->ncues;
  ev_cue *c = push((void **)&x->cues, &x->ncues, &x->capcues, sizeof *c);
  if (!c) return DIWAN_NOMEM;
  memset(c, 0, sizeof *c);
  c->kind = kind;
  c->value = cue_value(f[2], len[2]);
  if (kind == CUE_HOMONYM) return add_homonym(x, c, f, len, idx);
  /* cues are function words: a stem would widen them ("خلال زيارة" is no
  ** back-reference, "البلد" no pair), so they match on the fold key */
  return ph_table_add(&x->tab, f[3], len[3], EV_CUE, idx, 1, NULL);
}

const char *const ev_status_names[5] = {"happened", "present", "planned",
                                       "hypothetical", "negated"};

/* The scanner strips و/ف only from a word of three letters or more (ولد,
** فرض are no و + لد): a cue whose first word has two letters (لم, لن, لا,
** لو, من المقرر) is also added with each, since "ولم يزر", "ولن يلتقي",
** "ولو وقعت" are how the news writes them. */
static int add_prefixed(diwan_event_lexicon *x, const char *s, size_t n, size_t idx,
                        const char *const *pre, int npre) {
  char buf[256];
  for (int i = 0; i < npre; i++) {
    size_t k = strlen(pre[i]);
    if (n + k > sizeof buf) return DIWAN_OK;
    memcpy(buf, pre[i], k);
    memcpy(buf + k, s, n);
    int rc = ph_table_add(&x->tab, buf, n + k, EV_CUE, idx, 1, NULL);
    if (rc != DIWAN_OK) return rc;
  }
  return DIWAN_OK;
}

static int add_conj_forms(diwan_event_lexicon *x, const char *s, size_t n, size_t idx) {
  size_t w = 0;
  while (w < n && s[w] != ' ') w++;
  if (w > 4) return DIWAN_OK;
  static const char *const conj[2] = {"\xd9\x88", "\xd9\x81"};   /* و ف */
  return add_prefixed(x, s, n, idx, conj, 2);
}

/* Hebrew writes "and", "that" and "when" as prefixes, which cues (matched
** on the fold key) do not strip: "אמר שייפגש", "ולא ביקר", "כשיבקר" are
** the cue with ו, ש, וש, כש. Not for a cue that opens its clause (לו:
** שלו is "his", ולו "even"). */
static int add_he_prefix_forms(diwan_event_lexicon *x, const char *s, size_t n, size_t idx) {
  static const char *const pre[4] = {"\xd7\x95", "\xd7\xa9", "\xd7\x95\xd7\xa9",
                                     "\xd7\x9b\xd7\xa9"};          /* ו ש וש כש */
  return add_prefixed(x, s, n, idx, pre, 4);
}

/* status.tsv: lang, status, reach (<N, <, >N, ^), surface. A row this
** version does not understand is skipped, as in the other files. */
static int add_status(diwan_event_lexicon *x, const char **f, const size_t *len) {
  /* happened: a phrase that holds a status word and says nothing of the
  ** kind (لا يزال "still", لا سيما "especially", "למסור אם" "to tell
  ** whether"); the nearest cue wins, so it shields the trigger from a
  ** farther one */
  int st = -1;
  for (int i = 0; i < 5; i++)
    if (strlen(ev_status_names[i]) == len[1] && memcmp(ev_status_names[i], f[1], len[1]) == 0)
      st = i;
  if (st < 0 || !len[2] || !strchr("<>^", f[2][0]) || !len[3]) return DIWAN_OK;
  if (f[2][0] == '^' && len[2] > 1) return DIWAN_OK;
  int reach = -1;
  if (len[2] > 1) {
    reach = 0;
    for (size_t i = 1; i < len[2] && reach < 100; i++) {
      if (f[2][i] < '0' || f[2][i] > '9') return DIWAN_OK;
      reach = reach * 10 + (f[2][i] - '0');
    }
  }
  if (f[2][0] == '>' && reach < 0) return DIWAN_OK;
  size_t idx = x->ncues;
  ev_cue *c = push((void **)&x->cues, &x->ncues, &x->capcues, sizeof *c);
  if (!c) return DIWAN_NOMEM;
  c->kind = CUE_STATUS;
  c->value = st;
  c->where = f[2][0] == '<' ? REACH_BEFORE : f[2][0] == '^' ? REACH_OPENS : REACH_AFTER;
  c->reach = reach;
  int rc = ph_table_add(&x->tab, f[3], len[3], EV_CUE, idx, 1, NULL);
  if (rc == DIWAN_OK && len[0] == 2 && memcmp(f[0], "ar", 2) == 0)
    rc = add_conj_forms(x, f[3], len[3], idx);
  if (rc == DIWAN_OK && len[0] == 2 && memcmp(f[0], "he", 2) == 0 && c->where != REACH_OPENS)
    rc = add_he_prefix_forms(x, f[3], len[3], idx);
  return rc;
}

long ev_day_number(const char *s, size_t n) {
  diwan_ymd d;
  if (n == 0 || diwan_parse_iso_day(s, n, &d)) return 0;
  return d.y * 10000L + (d.m ? d.m : 1) * 100L + (d.d ? d.d : 1);
}

/* A row of role "administration" is a place (its id as the person) and
** the state that administered it: an official of that state visiting it
** then makes no visit between two states (events_attach.c). */
static int add_role(diwan_event_lexicon *x, const char **f, const size_t *len) {
  int admin = len[1] == 14 && memcmp(f[1], "administration", 14) == 0;
  ev_role r;
  memset(&r, 0, sizeof r);
  r.person = dup(x, f[0], len[0]);
  r.role = dup(x, f[1], len[1]);
  r.country = dup(x, f[2], len[2]);
  r.from = ev_day_number(f[3], len[3]);
  r.to = ev_day_number(f[4], len[4]);
  if (!r.person || !r.role || !r.country) return DIWAN_NOMEM;
  return ev_roles_add(admin ? &x->admin : &x->roles, &r);
}

int diwan_event_lexicon_add_cue(diwan_event_lexicon *x, const char *const f[4],
                                const size_t len[4]) {
  return add_cue(x, f, len);
}

int diwan_event_lexicon_add_title(diwan_event_lexicon *x, const char *const f[3],
                                  const size_t len[3]) {
  if (!len[1] || !len[2]) return DIWAN_ERROR;
  return add_named(x, EV_TITLE, f[1], len[1], f[2], len[2], PH_BARE);
}

/* YYYY or YYYY-MM-DD with a real month and day, as ev_day_number reads. */
static int iso_day(const char *s, size_t n) {
  if (n != 4 && n != 10) return 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
  return ev_day_number(s, n) != 0;
}

int diwan_event_lexicon_add_role(diwan_event_lexicon *x, const char *const f[5],
                                 const size_t len[5]) {
  if (!len[0] || !len[1] || !len[2] || !iso_day(f[3], len[3]) ||
      (len[4] && !iso_day(f[4], len[4])))
    return DIWAN_ERROR;
  return add_role(x, (const char **)f, len);
}

/* "x-" is a prefix, "*" the trigger itself, anything else a word. */
static int add_dir(diwan_event_lexicon *x, const char **f, const size_t *len) {
  if (!len[1] || !len[2]) return DIWAN_OK;
  ev_dir *r = push((void **)&x->dirs, &x->ndirs, &x->capdirs, sizeof *r);
  if (!r) return DIWAN_NOMEM;
  size_t n = len[2];
  r->form = DIR_WORD;
  /* the script of the row's language: the word-order and case forms hold
  ** for triggers of that language only */
  r->script = len[0] == 2 && !memcmp(f[0], "ru", 2)   ? DIWAN_SCRIPT_CYRILLIC
              : len[0] == 2 && !memcmp(f[0], "ar", 2) ? DIWAN_SCRIPT_ARABIC
              : len[0] == 2 && !memcmp(f[0], "he", 2) ? DIWAN_SCRIPT_HEBREW
                                                      : DIWAN_SCRIPT_LATIN;
  if (n == 1 && f[2][0] == '*') r->form = DIR_TRIGGER;
  else if (n == 1 && f[2][0] == '+') r->form = DIR_BEFORE;
  else if (n > 1 && f[2][n - 1] == '-') { r->form = DIR_PREFIX; n--; }
  const char *mk = f[2];
  if (n > 1 && f[2][0] == '~') { r->form = DIR_ENDING; mk++; n--; }
  r->type = dup(x, f[1], len[1]);
  r->marker = dup(x, mk, n);
  if (!r->type || !r->marker) return DIWAN_NOMEM;
  r->len = strlen(r->marker);
  return DIWAN_OK;
}

typedef struct load_ctx {
  diwan_event_lexicon *x;
  int file, rc;
} load_ctx;

enum { F_TRIGGERS, F_ARGUMENTS, F_TITLES, F_CUES, F_ROLES, F_DIRS, F_STATUS,
       F_NFILES };

static int load_row(void *ctx, int nf, const char **f, const size_t *len,
                    size_t lineno) {
  load_ctx *c = ctx;
  diwan_event_lexicon *x = c->x;
  int rc = DIWAN_OK;
  (void)lineno;
  switch (c->file) {
    case F_TRIGGERS:
      if (nf >= 5) {
        int rank = nf >= 6 && len[5] ? atoi(f[5]) : 1;
        rc = diwan_event_lexicon_add(x, f, len, rank);
      }
      break;
    case F_ARGUMENTS:
      if (nf >= 3) rc = add_named(x, EV_ARG, f[1], len[1], f[2], len[2], 0);
      break;
    case F_TITLES:
      /* a title takes a bare preposition: "التقى … بأمير دولة الكويت" */
      if (nf >= 3)
        rc = add_named(x, EV_TITLE, f[1], len[1], f[2], len[2], PH_BARE);
      break;
    case F_CUES:
      if (nf >= 4 && add_cue(x, f, len) == DIWAN_NOMEM) rc = DIWAN_NOMEM;
      break;
    case F_ROLES:
      if (nf >= 4) rc = add_role(x, f, len);
      break;
    case F_DIRS:
      if (nf >= 3) rc = add_dir(x, f, len);
      break;
    case F_STATUS:
      if (nf >= 4) rc = add_status(x, f, len);
      break;
  }
  if (rc == DIWAN_NOMEM) { c->rc = rc; return 1; }
  return 0;
}

static diwan_event_lexicon *builtin;

static int build_builtin(void) {
  /* the dated offices are split by region like persons_<region>.tsv */
  static const struct { const char *name; int kind; } files[] = {
      {"triggers.tsv", F_TRIGGERS},       {"arguments.tsv", F_ARGUMENTS},
      {"titles.tsv", F_TITLES},           {"cues.tsv", F_CUES},
      {"roles.tsv", F_ROLES},             {"roles_mideast.tsv", F_ROLES},
      {"roles_eurasia.tsv", F_ROLES},     {"roles_europe.tsv", F_ROLES},
      {"roles_americas.tsv", F_ROLES},    {"roles_asia.tsv", F_ROLES},
      {"roles_africa.tsv", F_ROLES},      {"roles_europe_small.tsv", F_ROLES},
      {"roles_oceania.tsv", F_ROLES},     {"administered.tsv", F_ROLES},
      {"directions.tsv", F_DIRS},
      {"status.tsv", F_STATUS}};
  diwan_event_lexicon *x = diwan_event_lexicon_new();
  if (!x) return DIWAN_NOMEM;
  load_ctx c = {x, 0, DIWAN_OK};
  ph_table_memo(&x->tab, 1);   /* the files repeat their words */
  for (size_t i = 0; i < sizeof files / sizeof files[0] && !c.rc; i++) {
    size_t len;
    const char *text = diwan_data(files[i].name, &len);
    c.file = files[i].kind;
    if (text) diwan_tsv_each(text, len, 6, load_row, &c);
  }
  ph_table_memo(&x->tab, 0);
  if (c.rc) { diwan_event_lexicon_free(x); return c.rc; }
  x->tab.persistent = 1;
  builtin = x;
  return DIWAN_OK;
}

/* Freed when SQLite unloads the extension (see gazetteer.c). */
__attribute__((destructor)) static void free_builtin(void) {
  diwan_event_lexicon_free(builtin);
  builtin = NULL;
}

const diwan_event_lexicon *ev_lexicon_builtin(void) {
  static diwan_once once = DIWAN_ONCE_INIT;
  return diwan_once_run(&once, build_builtin) ? NULL : builtin;
}
