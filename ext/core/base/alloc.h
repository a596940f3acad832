/* The core's allocation functions. Every allocation of the core goes
** through these, so a host can route them to its own allocator (the SQLite
** layer routes them to sqlite3_malloc64: SQLite's memory limits and
** SQLITE_CONFIG_MALLOC fault injection then cover the core too). Internal. */
#ifndef DIWAN_ALLOC_H
#define DIWAN_ALLOC_H
#include <stddef.h>
#include <pthread.h>

void *diwan_malloc(size_t n);            /* n == 0 is served as 1 byte */
void *diwan_calloc(size_t k, size_t n);  /* NULL on overflow */
void *diwan_realloc(void *p, size_t n);  /* on failure p is kept */
void  diwan_free(void *p);
char *diwan_strdup(const char *s);

/* A lexicon loaded at first use. Unlike pthread_once, a failed load (out of
** memory) is not final: the next use tries again, so one failed allocation
** never leaves a function degraded for the life of the process. */
typedef struct diwan_once {
  pthread_mutex_t mu;
  int done;
} diwan_once;
#define DIWAN_ONCE_INIT {PTHREAD_MUTEX_INITIALIZER, 0}

/* Runs init() until it once returns 0 (it must free whatever it took when
** it fails). Returns 0 once loaded, else init's non-zero code. */
int diwan_once_run(diwan_once *o, int (*init)(void));

#endif
