/* The user's lexicon tables read once per change, not on every call: a
** database handed to us with a 100,000-row diwan_gazetteer must not cost a
** rebuild of its phrase index per entity_each call.
**
** Each connection keeps, per group of tables (user_cache.h), the object last
** built and the key it was built under. The key says whether any table can
** have changed:
**   - per database (main, temp, attached; attaching or detaching changes
**     the list): SQLITE_FCNTL_DATA_VERSION, which moves when this
**     connection or another commits, once the pager has looked at the file
**     (PRAGMA data_version runs first when the database has no read
**     transaction open: it is what makes the pager look; lex_key);
**   - sqlite3_total_changes64: this connection's own rows, which are not
**     committed yet inside a transaction.
** Schema changes are commits (data versions) or, uncommitted, happen in a
** write transaction. What is read inside a write transaction may include
** this connection's own uncommitted rows, which a ROLLBACK or ROLLBACK TO
** takes back without moving any counter: such an object is not kept by the
** connection but by the table-valued function's cursor (a memo, below),
** which lives for one execution of one statement (all the rows of one
** INSERT … SELECT … FROM docs, diwan_extract(docs.body), say). A virtual
** table's content can change without SQLite knowing: an object read from
** one is used once.
**
** Objects are shared: the cache holds one reference, every scan using one
** another (it may outlive the cache entry: mentions point into the
** gazetteer). References live in a process-wide table under a mutex; a
** connection's cache is found by its handle in another (SQLite 3.40 has no
** sqlite3_set_clientdata) and freed with diwan_lexicon_cache(), the function
** that reports it, when the connection closes. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "dw.h"
#include "user_cache.h"

#define BUCKETS 256
#define BUCKET(p) (((uintptr_t)(p) >> 4) % BUCKETS)

typedef struct lexref {
  struct lexref *next;
  const void *obj;
  void (*destroy)(void *);
  int n;
} lexref;

typedef struct slot {
  char *key;                /* NULL: nothing cached */
  const void *obj;          /* may be NULL: no user rows */
} slot;

/* A cursor's objects read inside a write transaction (tvf.c). */
struct dw_lexmemo {
  slot s[DW_LEX_GROUPS];
};

typedef struct ucache {
  struct ucache *next;
  sqlite3 *db;
  slot s[DW_LEX_GROUPS];
  sqlite3_int64 reads, hits;
} ucache;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static lexref *refs[BUCKETS];
static ucache *caches[BUCKETS];

/* A group being built in this thread: a view that calls a diwan function
** that reads the same group would recurse without end. */
static _Thread_local unsigned char building[DW_LEX_GROUPS];
/* The memo of the cursor whose scan is starting in this thread, if any. */
static _Thread_local dw_lexmemo **current_memo;

static const char *const group_tables[DW_LEX_GROUPS] = {
  "diwan_gazetteer", "diwan_triggers, diwan_titles or diwan_roles",
  "diwan_months"};

static int ref_new(const void *obj, void (*destroy)(void *)) {
  lexref *r = sqlite3_malloc(sizeof *r);
  if (!r) return SQLITE_NOMEM;
  r->obj = obj;
  r->destroy = destroy;
  r->n = 1;
  pthread_mutex_lock(&mu);
  r->next = refs[BUCKET(obj)];
  refs[BUCKET(obj)] = r;
  pthread_mutex_unlock(&mu);
  return SQLITE_OK;
}

static void ref_hold(const void *obj) {
  pthread_mutex_lock(&mu);
  for (lexref *r = refs[BUCKET(obj)]; r; r = r->next)
    if (r->obj == obj) { r->n++; break; }
  pthread_mutex_unlock(&mu);
}

void dw_user_release(const void *obj) {
  if (!obj) return;
  lexref *gone = NULL;
  pthread_mutex_lock(&mu);
  for (lexref **p = &refs[BUCKET(obj)]; *p; p = &(*p)->next)
    if ((*p)->obj == obj) {
      if (--(*p)->n == 0) { gone = *p; *p = gone->next; }
      break;
    }
  pthread_mutex_unlock(&mu);
  if (gone) {
    gone->destroy((void *)obj);
    sqlite3_free(gone);
  }
}

static ucache *cache_of(sqlite3 *db) {
  pthread_mutex_lock(&mu);
  ucache *c = caches[BUCKET(db)];
  while (c && c->db != db) c = c->next;
  pthread_mutex_unlock(&mu);
  return c;
}

static void slot_clear(slot *s) {
  sqlite3_free(s->key);
  dw_user_release(s->obj);
  s->key = NULL;
  s->obj = NULL;
}

/* ------------------------------------------------------------- the key */

/* The caching needs sqlite3_db_name (3.39), sqlite3_total_changes64 (3.37)
** and sqlite3_txn_state (3.34); an older library reads on every call. */
static int can_cache(void) { return sqlite3_libversion_number() >= 3039000; }

static int data_version(sqlite3 *db, const char *schema, sqlite3_int64 *v) {
  char *sql = sqlite3_mprintf("PRAGMA \"%w\".data_version", schema);
  if (!sql) return SQLITE_NOMEM;
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(st);
  *v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_finalize(st);
  return rc;
}

/* The key is built in a buffer on the caller's stack (it is asked for on
** every call of every extractor, and is most often the one cached): heap
** only for a key longer than that (many attached databases). */
typedef struct keybuf {
  char *p;
  size_t n, cap;
  int oom;
  char stack[256];
} keybuf;

static void kb_init(keybuf *b) {
  b->p = b->stack;
  b->n = 0;
  b->cap = sizeof b->stack;
  b->oom = 0;
  b->p[0] = 0;
}

static void kb_free(keybuf *b) {
  if (b->p != b->stack) sqlite3_free(b->p);
  kb_init(b);
}

static void kb_add(keybuf *b, const char *s, size_t len) {
  if (b->oom) return;
  if (b->n + len + 1 > b->cap) {
    size_t cap = 2 * (b->n + len + 1);
    char *p = sqlite3_malloc64(cap);
    if (!p) { b->oom = 1; return; }
    memcpy(p, b->p, b->n + 1);
    if (b->p != b->stack) sqlite3_free(b->p);
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, len);
  b->n += len;
  b->p[b->n] = 0;
}

static void kb_num(keybuf *b, sqlite3_int64 v) {
  char d[24];
  int i = (int)sizeof d;
  sqlite3_uint64 u = v < 0 ? (sqlite3_uint64)0 - (sqlite3_uint64)v : (sqlite3_uint64)v;
  do { d[--i] = (char)('0' + u % 10); u /= 10; } while (u);
  if (v < 0) d[--i] = '-';
  kb_add(b, d + i, sizeof d - (size_t)i);
}

/* The key of the tables' state now (see the top of the file), in *key:
** "name:version;" per database, then "changes:N;". The file control's
** counter moves on every commit, ours and other connections' (PRAGMA
** data_version leaves out ours), but only once the pager has looked at the
** file: when a database has no read transaction open the pragma makes it
** look; when one is open (the statement calling us reads it, or an earlier
** call in the same statement ran the pragma: an implicit transaction lasts
** until the last active statement ends) the pager is current and no other
** commit can show before it ends, so the prepare and step of the pragma,
** most of a call's set-up, are skipped. */
static int lex_key(sqlite3 *db, const char *fn, keybuf *key, char **pzErr) {
  int rc = SQLITE_OK;
  const char *name;
  for (int i = 0; rc == SQLITE_OK && (name = sqlite3_db_name(db, i)); i++) {
    sqlite3_int64 dv = 0;
    unsigned fdv = 0;
    /* temp is this connection's alone: its file control is enough */
    if (i != 1 && sqlite3_txn_state(db, name) == SQLITE_TXN_NONE)
      rc = data_version(db, name, &dv);
    if (sqlite3_file_control(db, name, SQLITE_FCNTL_DATA_VERSION, &fdv) != SQLITE_OK)
      fdv = 0;
    kb_add(key, name, strlen(name));
    kb_add(key, ":", 1);
    kb_num(key, (sqlite3_int64)fdv);
    kb_add(key, ";", 1);
  }
  kb_add(key, "changes:", 8);
  kb_num(key, sqlite3_total_changes64(db));
  kb_add(key, ";", 1);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM)
      *pzErr = sqlite3_mprintf("%s(): cannot tell whether the lexicon tables "
                               "changed: %s", fn, sqlite3_errmsg(db));
    return rc;
  }
  return key->oom ? SQLITE_NOMEM : SQLITE_OK;
}

/* ---------------------------------------------------------- the lookup */

dw_lexmemo **dw_lex_memo_enter(dw_lexmemo **memo) {
  dw_lexmemo **prev = current_memo;
  current_memo = memo;
  return prev;
}

void dw_lex_memo_free(dw_lexmemo *m) {
  if (!m) return;
  for (int g = 0; g < DW_LEX_GROUPS; g++) slot_clear(&m->s[g]);
  sqlite3_free(m);
}

static int slot_hit(const slot *s, const char *key, void **out) {
  if (!s->key || strcmp(s->key, key) != 0) return 0;
  if (s->obj) ref_hold(s->obj);
  *out = (void *)s->obj;
  return 1;
}

/* Where an object built now is kept: the connection's slot, or inside a
** write transaction the starting cursor's memo (made here), or nowhere. */
static slot *slot_for(ucache *c, int g, int intxn) {
  if (!intxn) return &c->s[g];
  if (!current_memo) return NULL;
  if (!*current_memo) {
    *current_memo = sqlite3_malloc(sizeof **current_memo);
    if (!*current_memo) return NULL;     /* not kept: only slower */
    memset(*current_memo, 0, sizeof **current_memo);
  }
  return &(*current_memo)->s[g];
}

int dw_lex_get(sqlite3 *db, int g, const char *fn, dw_lex_build build,
               void (*destroy)(void *), void **out, char **pzErr) {
  *out = NULL;
  if (building[g]) {
    *pzErr = sqlite3_mprintf("%s(): reading %s calls %s() again (a view "
                             "named like the table that calls diwan?): refused",
                             fn, group_tables[g], fn);
    return SQLITE_ERROR;
  }
  ucache *c = can_cache() ? cache_of(db) : NULL;
  keybuf kb;
  char *key = NULL;
  int intxn = 0;
  kb_init(&kb);
  if (c) {
    int rc = lex_key(db, fn, &kb, pzErr);
    if (rc != SQLITE_OK) { kb_free(&kb); return rc; }
    /* the connection's object was read outside a write transaction: with
    ** the same key, nothing was written since, by anyone */
    intxn = sqlite3_txn_state(db, NULL) == SQLITE_TXN_WRITE;
    if (slot_hit(&c->s[g], kb.p, out) ||
        (intxn && current_memo && *current_memo && slot_hit(&(*current_memo)->s[g], kb.p, out))) {
      kb_free(&kb);
      c->hits++;
      return SQLITE_OK;
    }
    if (!intxn) slot_clear(&c->s[g]);    /* the old object goes now */
    key = sqlite3_malloc64(kb.n + 1);    /* kept with what is built now */
    if (key) memcpy(key, kb.p, kb.n + 1);
    kb_free(&kb);
    if (!key) return SQLITE_NOMEM;
  }
  void *obj = NULL;
  int isvolatile = 0;
  building[g] = 1;
  int rc = build(db, fn, &obj, &isvolatile, pzErr);
  building[g] = 0;
  /* on error build may leave a part built (a group of several tables) */
  if (obj && (rc != SQLITE_OK || ref_new(obj, destroy) != SQLITE_OK)) {
    destroy(obj);
    obj = NULL;
    if (rc == SQLITE_OK) rc = SQLITE_NOMEM;
  }
  slot *s = rc == SQLITE_OK && c && !isvolatile ? slot_for(c, g, intxn) : NULL;
  if (s) {
    slot_clear(s);
    s->key = key;
    s->obj = obj;
    if (obj) ref_hold(obj);
  } else {
    sqlite3_free(key);
  }
  if (rc == SQLITE_OK && c) c->reads++;
  *out = obj;
  return rc;
}

/* ---------------------------------------- per connection: make and free */

static void cache_free(void *p) {
  ucache *c = p;
  pthread_mutex_lock(&mu);
  for (ucache **q = &caches[BUCKET(c->db)]; *q; q = &(*q)->next)
    if (*q == c) { *q = c->next; break; }
  pthread_mutex_unlock(&mu);
  for (int g = 0; g < DW_LEX_GROUPS; g++) slot_clear(&c->s[g]);
  sqlite3_free(c);
}

/* diwan_lexicon_cache(): how often this connection read the tables and
** how often it reused what it had read, as JSON. */
static void fn_cache(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ucache *c = sqlite3_user_data(ctx);
  char *z = sqlite3_mprintf("{\"reads\":%lld,\"hits\":%lld}", c->reads, c->hits);
  if (!z) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

int dw_register_user_cache(sqlite3 *db, char **pzErr) {
  ucache *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->db = db;
  pthread_mutex_lock(&mu);
  /* a second load into the same connection replaces the function, whose
  ** destructor takes the first cache out of the table */
  c->next = caches[BUCKET(db)];
  caches[BUCKET(db)] = c;
  pthread_mutex_unlock(&mu);
  /* on failure SQLite calls cache_free itself */
  int rc = sqlite3_create_function_v2(db, "diwan_lexicon_cache", 0,
                                      SQLITE_UTF8 | SQLITE_INNOCUOUS, c,
                                      fn_cache, 0, 0, cache_free);
  if (rc != SQLITE_OK)
    *pzErr = sqlite3_mprintf("diwan: cannot register diwan_lexicon_cache: %s",
                             sqlite3_errstr(rc));
  return rc;
}
