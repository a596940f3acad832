/* Access to the compiled-in lexicons and a tiny TSV line walker. */
#include <pthread.h>
#include <string.h>
#include "data.h"

#define MAX_CLEANUPS 128
static struct { void (*fn)(void *); void *arg; } cleanups[MAX_CLEANUPS];
static int ncleanups;
static pthread_mutex_t cleanup_mu = PTHREAD_MUTEX_INITIALIZER;

void diwan_at_unload(void (*fn)(void *), void *arg) {
  pthread_mutex_lock(&cleanup_mu);
  if (ncleanups < MAX_CLEANUPS) {
    cleanups[ncleanups].fn = fn;
    cleanups[ncleanups].arg = arg;
    ncleanups++;
  }
  pthread_mutex_unlock(&cleanup_mu);
}

__attribute__((destructor)) static void run_cleanups(void) {
  while (ncleanups > 0) {
    ncleanups--;
    cleanups[ncleanups].fn(cleanups[ncleanups].arg);
  }
}

const char *diwan_data(const char *name, size_t *len) {
  for (const diwan_datafile *f = diwan_datafiles; f->name; f++) {
    if (strcmp(f->name, name) == 0) {
      if (len) *len = f->len;
      return f->text;
    }
  }
  return NULL;
}

int diwan_tsv_each(const char *text, size_t len, int maxf, diwan_tsv_cb cb,
                   void *ctx) {
  const char *f[32];
  size_t lens[32];
  size_t lineno = 0, i = 0;
  if (maxf > 32) maxf = 32;
  while (i < len) {
    size_t eol = i;
    while (eol < len && text[eol] != '\n') eol++;
    size_t end = eol;
    if (end > i && text[end - 1] == '\r') end--;
    lineno++;
    if (end > i && text[i] != '#') {
      int nf = 0;
      size_t a = i;
      while (nf < maxf) {
        size_t b = a;
        while (b < end && text[b] != '\t') b++;
        if (nf == maxf - 1) b = end;   /* the last field takes the rest */
        f[nf] = text + a;
        lens[nf] = b - a;
        nf++;
        if (b >= end) break;
        a = b + 1;
      }
      int rc = cb(ctx, nf, f, lens, lineno);
      if (rc) return rc;
    }
    i = eol + 1;
  }
  return 0;
}
