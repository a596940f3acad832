/* The per-call cost of an extractor, for callgrind (instruction counts do
** not move with the machine's load, wall time does):
**
**   calls SO FUNC MODE FILE...
**
** loads SO, warms FUNC up on a short sentence (the lexicons are built once
** per process; MODE "cold" measures that first call alone), then runs
** FUNC once per FILE as sql/extract.sql does, in one statement over a temp
** table of them (MODE "per"), the same after an unmeasured pass (MODE
** "warm": the process-wide word memos hold their words, as in make bench's
** best of three), or once on all the files joined by blank lines (MODE
** "whole"). Only the measured part is
** instrumented: run it as
**
**   valgrind --tool=callgrind --instr-atstart=no build/release/calls \
**     dist/diwan.so event_each per ../shared/dev/??/ *.txt
**
** and read the total with callgrind_annotate. It prints the rows, the bytes
** and (meaningful without valgrind) the speed in process CPU time, which
** other processes' load disturbs less than wall time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *s = NULL;
  size_t cap = 0, len = 0, got;
  do {
    if (len + 65536 > cap) {
      char *t = realloc(s, cap = 2 * cap + 65536);
      if (!t) { free(s); fclose(f); return NULL; }
      s = t;
    }
    got = fread(s + len, 1, 65536, f);
    len += got;
  } while (got);
  fclose(f);
  *n = len;
  return s;
}

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static long long run(sqlite3_stmt *q, const char *s, size_t n) {
  if (s) sqlite3_bind_text64(q, 1, s, n, SQLITE_STATIC, SQLITE_UTF8);
  long long rows = -1;
  if (sqlite3_step(q) == SQLITE_ROW) rows = sqlite3_column_int64(q, 0);
  sqlite3_reset(q);
  return rows;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: calls SO FUNC per|warm|whole|cold FILE...\n");
    return 2;
  }
  const char *mode = argv[3];
  sqlite3 *db;
  char *err = NULL, sql[128];
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "calls: %s\n", err);
    return 1;
  }
  snprintf(sql, sizeof sql, "select count(*) from %s(?)", argv[2]);
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
    fprintf(stderr, "calls: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  static const char warm[] = "Kuwait opened an embassy in Baku on 3 May 2006.";
  if (!strcmp(mode, "cold")) {
    CALLGRIND_START_INSTRUMENTATION;
    long long rows = run(q, warm, sizeof warm - 1);
    CALLGRIND_STOP_INSTRUMENTATION;
    printf("%s cold: %lld rows\n", argv[2], rows);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return 0;
  }
  run(q, warm, sizeof warm - 1);
  int nf = argc - 4;
  char **text = calloc((size_t)nf + 1, sizeof *text);
  size_t *len = calloc((size_t)nf + 1, sizeof *len), total = 0;
  for (int i = 0; i < nf; i++) {
    text[i] = slurp(argv[4 + i], &len[i]);
    if (!text[i]) { fprintf(stderr, "calls: cannot read %s\n", argv[4 + i]); return 1; }
    total += len[i];
  }
  /* one call per article as sql/extract.sql and make bench make them: one
  ** statement over a table of articles */
  sqlite3_stmt *ins, *each;
  snprintf(sql, sizeof sql, "select count(*) from temp.arts, %s(arts.body)", argv[2]);
  if (sqlite3_exec(db, "create temp table arts(body text)", 0, 0, 0) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "insert into temp.arts values(?)", -1, &ins, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, sql, -1, &each, NULL) != SQLITE_OK) {
    fprintf(stderr, "calls: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  for (int i = 0; i < nf; i++) {
    sqlite3_bind_text64(ins, 1, text[i], len[i], SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  long long rows = 0;
  double t0 = 0, t1 = 0;
  if (!strcmp(mode, "whole")) {
    char *all = malloc(total + 2 * (size_t)nf + 1);
    size_t n = 0;
    for (int i = 0; i < nf; i++) {
      memcpy(all + n, text[i], len[i]);
      n += len[i];
      memcpy(all + n, "\n\n", 2);
      n += 2;
    }
    total = n;
    CALLGRIND_START_INSTRUMENTATION;
    t0 = cpu_now();
    rows = run(q, all, n);
    t1 = cpu_now();
    CALLGRIND_STOP_INSTRUMENTATION;
    free(all);
  } else {
    if (!strcmp(mode, "warm")) run(each, NULL, 0);
    CALLGRIND_START_INSTRUMENTATION;
    t0 = cpu_now();
    rows = run(each, NULL, 0);
    t1 = cpu_now();
    CALLGRIND_STOP_INSTRUMENTATION;
  }
  printf("%s %s: %d files, %zu bytes, %lld rows, %.1f MB/s of CPU time\n", argv[2],
         mode, nf, total, rows, t1 > t0 ? total / (t1 - t0) / 1e6 : 0.0);
  for (int i = 0; i < nf; i++) free(text[i]);
  free(text);
  free(len);
  sqlite3_finalize(ins);
  sqlite3_finalize(each);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return 0;
}
