/* diwan_version() and diwan_debug(): what is loaded, and how it was built. */
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include "dw.h"

#ifndef DIWAN_BUILD
#define DIWAN_BUILD "unknown"
#endif

static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_result_text(ctx, diwan_version_string(), -1, SQLITE_STATIC);
}

static void fn_debug(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  UVersionInfo v;
  char icu[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(v);
  u_versionToString(v, icu);
  const char *tok = dw_fts5_last_error();
  char *z = sqlite3_mprintf(
      "Version: v%s\nSQLite: %s (headers %s)\nICU: %s (Unicode %s)\n"
      "Build: %s\nCompiler: %s%s%s",
      diwan_version_string(), sqlite3_libversion(), SQLITE_VERSION, icu,
      U_UNICODE_VERSION, DIWAN_BUILD, __VERSION__,
      tok[0] ? "\nLast tokenizer error: " : "", tok);
  if (!z) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

static const dw_func funcs[] = {
  {"diwan_version", 0, DW_PURE, fn_version},
  {"diwan_debug", 0, DW_PURE, fn_debug},
};

int dw_register_version(sqlite3 *db, char **pzErr) {
  return dw_register_functions(db, funcs, sizeof funcs / sizeof funcs[0], pzErr);
}
