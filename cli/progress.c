/* A one-line progress bar with ETA on stderr, drawn only on a terminal and
** at most ten times a second, so pipes and logs stay clean. */
#include "cli.h"
#include <time.h>
#include <unistd.h>

static struct {
  int on;
  const char *label;
  long long total, done;
  double t0, last;
} P;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw(int final) {
  double t = now(), el = t - P.t0;
  if (!final && t - P.last < 0.1) return;
  P.last = t;
  long long total = P.total > 0 ? P.total : 1;
  long long done = P.done > total ? total : P.done;
  int width = 30, fill = (int)(width * done / total);
  fprintf(stderr, "\r%-9s [", P.label);
  for (int i = 0; i < width; i++) fputc(i < fill ? '#' : '.', stderr);
  fprintf(stderr, "] %3d%% %lld/%lld", (int)(100 * done / total), done, total);
  if (final) fprintf(stderr, " %.1fs\n", el);
  else if (done > 0) {
    double eta = el * (total - done) / done;
    fprintf(stderr, " ETA %dm%02ds ", (int)eta / 60, (int)eta % 60);
  }
  fflush(stderr);
}

void progress_start(const char *label, long long total, int quiet) {
  P.on = !quiet && isatty(2);
  P.label = label;
  P.total = total;
  P.done = 0;
  P.t0 = now();
  P.last = 0;
  if (P.on) draw(0);
}

void progress_set(long long done) {
  P.done = done;
  if (P.on) draw(0);
}

void progress_end(void) {
  if (P.on) draw(1);
  P.on = 0;
}
