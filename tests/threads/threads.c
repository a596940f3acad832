/* Four connections in four threads over every entry point of diwan, started
** together so that the lazy lexicon loads race: every thread must get the
** rows a single thread gets. Built plain by make (run by tests/06_threads.test)
** and with -fsanitize=thread against a ThreadSanitizer build of diwan by
** `make threads`, which then also reports any data race.
**
**   threads DIWAN_SO [ROUNDS] */
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../entries.h"

#define NTHREADS 4
#define NENTRIES (sizeof entries / sizeof entries[0])

static const char *so;
static int rounds = 3;
static pthread_barrier_t start;
static uint64_t got[NTHREADS][NENTRIES];
static int errors[NTHREADS];

static uint64_t run(sqlite3 *db, const char *sql, int *rc) {
  uint64_t h = 1469598103934665603ull;
  sqlite3_stmt *st = NULL;
  *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  while (*rc == SQLITE_OK) {
    int s = sqlite3_step(st);
    if (s == SQLITE_DONE) break;
    if (s != SQLITE_ROW) { *rc = s; break; }
    for (int i = 0; i < sqlite3_column_count(st); i++) {
      const unsigned char *z = sqlite3_column_text(st, i);
      int n = sqlite3_column_bytes(st, i);
      for (int k = 0; z && k < n; k++) h = (h ^ z[k]) * 1099511628211ull;
      h = (h ^ 0xFF) * 1099511628211ull;
    }
  }
  sqlite3_finalize(st);
  return h;
}

static void *worker(void *arg) {
  int t = (int)(intptr_t)arg;
  pthread_barrier_wait(&start);
  for (int r = 0; r < rounds; r++) {
    /* each thread walks the entry points from a different place */
    for (size_t k = 0; k < NENTRIES; k++) {
      size_t i = (k + (size_t)t * 5) % NENTRIES;
      sqlite3 *db = entry_open("threads", so, &entries[i]);
      int rc;
      uint64_t h = run(db, entries[i].sql, &rc);
      if (rc != SQLITE_OK) {
        fprintf(stderr, "threads: %s failed in thread %d: %s\n", entries[i].name, t,
                sqlite3_errmsg(db));
        errors[t]++;
      } else if (r > 0 && got[t][i] != h) {
        fprintf(stderr, "threads: %s changed its rows in thread %d\n", entries[i].name, t);
        errors[t]++;
      }
      got[t][i] = h;
      sqlite3_close(db);
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: threads DIWAN_SO [ROUNDS]\n"); return 2; }
  so = argv[1];
  if (argc > 2) rounds = atoi(argv[2]);
  if (sqlite3_threadsafe() == 0) { fprintf(stderr, "threads: SQLite is not threadsafe\n"); return 2; }
  pthread_t th[NTHREADS];
  pthread_barrier_init(&start, NULL, NTHREADS);
  for (int t = 0; t < NTHREADS; t++) pthread_create(&th[t], NULL, worker, (void *)(intptr_t)t);
  for (int t = 0; t < NTHREADS; t++) pthread_join(th[t], NULL);
  int bad = 0;
  for (size_t i = 0; i < NENTRIES; i++) {
    sqlite3 *db = entry_open("threads", so, &entries[i]);
    int rc;
    uint64_t h = run(db, entries[i].sql, &rc);
    sqlite3_close(db);
    for (int t = 0; t < NTHREADS; t++)
      if (got[t][i] != h) {
        fprintf(stderr, "threads: %s: thread %d got other rows than one thread alone\n",
                entries[i].name, t);
        bad++;
      }
  }
  for (int t = 0; t < NTHREADS; t++) bad += errors[t];
  printf("threads: %d threads x %d rounds x %zu entry points, %d failed\n", NTHREADS,
         rounds, NENTRIES, bad);
  return bad ? 1 : 0;
}
