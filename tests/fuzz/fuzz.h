/* Shared by the libFuzzer harnesses of tests/fuzz (one per family, built
** and run by `make fuzz`): the check that aborts (libFuzzer keeps the input
** as a crash), and output checks every family shares. */
#ifndef DIWAN_FUZZ_H
#define DIWAN_FUZZ_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diwan.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "violated: %s\n", #c); abort(); } } while (0)

/* A buffer a call filled: no failed allocation, valid UTF-8. */
static inline void fz_valid(const diwan_buf *b) {
  CHECK(!b->oom);
  CHECK(diwan_utf8_check(b->p ? b->p : "", b->n) == b->n);
}

static inline void fz_valid_z(const char *z) {
  CHECK(z != NULL);
  CHECK(diwan_utf8_check(z, strlen(z)) == strlen(z));
}

/* A span inside the input. */
static inline void fz_span(size_t start, size_t len, size_t n) {
  CHECK(start <= n && len <= n - start);
}
#endif
