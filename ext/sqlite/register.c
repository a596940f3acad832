/* The extension's entry points. Each module of the SQLite layer has a
** registration function; they run in table order and the first failure
** stops the load with a message naming what failed.
**
**   sqlite3_diwan_init       everything
**   sqlite3_diwan_nofs_init  everything but what reads files (corpus_read):
**                            for servers that run SQL written by others */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <pthread.h>
#include "dw.h"

int dw_register_version(sqlite3 *db, char **pzErr);
int dw_register_user_cache(sqlite3 *db, char **pzErr);
int dw_register_text(sqlite3 *db, char **pzErr);
int dw_register_corpus(sqlite3 *db, char **pzErr);
int dw_register_match(sqlite3 *db, char **pzErr);
int dw_register_collation(sqlite3 *db, char **pzErr);
int dw_register_fts5(sqlite3 *db, char **pzErr);
int dw_register_date_each(sqlite3 *db, char **pzErr);
int dw_register_date_parse(sqlite3 *db, char **pzErr);
int dw_register_entities(sqlite3 *db, char **pzErr);
int dw_register_events(sqlite3 *db, char **pzErr);
int dw_register_extract(sqlite3 *db, char **pzErr);

static const struct {
  const char *module;
  dw_register_fn fn;
  int files;                /* reads files: left out by the nofs entry point */
} modules[] = {
  {"version", dw_register_version, 0},
  {"lexicon cache", dw_register_user_cache, 0},
  {"text", dw_register_text, 0},
  {"corpus", dw_register_corpus, 1},
  {"match", dw_register_match, 0},
  {"collation", dw_register_collation, 0},
  {"fts5", dw_register_fts5, 0},
  {"date_each", dw_register_date_each, 0},
  {"date_parse", dw_register_date_parse, 0},
  {"entities", dw_register_entities, 0},
  {"events", dw_register_events, 0},
  {"extract", dw_register_extract, 0},
};

/* Keep this library (and so ICU, which it loaded) in memory once loaded.
** ICU keeps process-wide caches whose entries point into ICU's own code;
** if sqlite3_close unloaded us and ICU with us, a later load would find
** those entries dangling. Pinning makes every load after the first free. */
static void pin_library(void) {
#ifndef _WIN32
  Dl_info info;
  if (dladdr((void *)pin_library, &info) && info.dli_fname)
    dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}

/* The core allocates through SQLite, so SQLite's memory accounting, heap
** limits and SQLITE_CONFIG_MALLOC (the OOM test's fault injection) cover
** the core too. Installed once, before the core allocates anything. */
static void *core_malloc(size_t n) { return sqlite3_malloc64(n); }
static void *core_realloc(void *p, size_t n) { return sqlite3_realloc64(p, n); }
static void core_free(void *p) { sqlite3_free(p); }
static void install_allocator(void) {
  static const diwan_allocator a = {core_malloc, core_realloc, core_free};
  diwan_set_allocator(&a);
}

static _Thread_local const sqlite3_api_routines *loading_api;
static void install_api(void) {
  SQLITE_EXTENSION_INIT2(loading_api);
  install_allocator();
}

static int init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi,
                int with_files) {
  /* sqlite3_api and the allocator are set once per process (every load
  ** hands the same routines): rewriting them at each connection's load
  ** would race with the threads using them (ThreadSanitizer). */
  static pthread_once_t api_once = PTHREAD_ONCE_INIT;
  loading_api = pApi;
  pthread_once(&api_once, install_api);
  pin_library();
  for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++) {
    if (modules[i].files && !with_files) continue;
    char *zErr = 0;
    int rc = modules[i].fn(db, &zErr);
    if (rc != SQLITE_OK) {
      if (pzErrMsg) {
        *pzErrMsg = zErr ? zErr
                         : sqlite3_mprintf("diwan: loading module '%s' failed: %s",
                                           modules[i].module, sqlite3_errstr(rc));
      } else {
        sqlite3_free(zErr);
      }
      return rc;
    }
  }
  return SQLITE_OK;
}

#ifdef _WIN32
#define DW_EXPORT __declspec(dllexport)
#else
#define DW_EXPORT __attribute__((visibility("default")))
#endif

DW_EXPORT int sqlite3_diwan_init(sqlite3 *db, char **pzErrMsg,
                                 const sqlite3_api_routines *pApi) {
  return init(db, pzErrMsg, pApi, 1);
}

/* load_extension('diwan', 'sqlite3_diwan_nofs_init') */
DW_EXPORT int sqlite3_diwan_nofs_init(sqlite3 *db, char **pzErrMsg,
                                      const sqlite3_api_routines *pApi) {
  return init(db, pzErrMsg, pApi, 0);
}
