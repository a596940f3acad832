/* The FTS5 tokenizer 'diwan' (with stems, without, in a set language),
** called as FTS5 calls it, for a document, a query and a prefix query: every
** token is non-empty valid UTF-8 of at most 32,768 bytes, and its offsets a
** span inside the input. The extension is compiled into the harness. */
#include <sqlite3.h>
#include "fuzz.h"

int sqlite3_diwan_init(sqlite3 *db, char **pzErrMsg, const void *pApi);

static sqlite3 *db;
static fts5_tokenizer tok;
static Fts5Tokenizer *inst[3];

static void setup(void) {
  static const char *a0[] = {""}, *a1[] = {"stem", "0"}, *a2[] = {"lang", "fr"};
  sqlite3_auto_extension((void (*)(void))sqlite3_diwan_init);
  CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
  fts5_api *api = NULL;
  sqlite3_stmt *st;
  CHECK(sqlite3_prepare_v2(db, "select fts5(?1)", -1, &st, NULL) == SQLITE_OK);
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  CHECK(api);
  void *ud = NULL;
  CHECK(api->xFindTokenizer(api, "diwan", &ud, &tok) == SQLITE_OK);
  CHECK(tok.xCreate(ud, a0, 0, &inst[0]) == SQLITE_OK);
  CHECK(tok.xCreate(ud, a1, 2, &inst[1]) == SQLITE_OK);
  CHECK(tok.xCreate(ud, a2, 2, &inst[2]) == SQLITE_OK);
}

static int on_token(void *ctx, int flags, const char *t, int nt, int start, int end) {
  int n = *(int *)ctx;
  CHECK(nt > 0 && nt <= 32768);
  CHECK(diwan_utf8_check(t, (size_t)nt) == (size_t)nt);
  CHECK(start >= 0 && start <= end && end <= n);
  return SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static const int how[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                            FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, FTS5_TOKENIZE_AUX};
  if (!db) setup();
  if (size < 1 || size > 100000) return 0;
  int n = (int)size - 1;
  const char *s = (const char *)data + 1;
  Fts5Tokenizer *t = inst[data[0] % 3];
  int rc = tok.xTokenize(t, &n, how[(data[0] >> 2) % 4], s, n, on_token);
  CHECK(rc == SQLITE_OK);
  return 0;
}
