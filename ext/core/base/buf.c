/* Growable NUL-terminated byte buffers used by every core module. */
#include <stdlib.h>
#include <string.h>
#include "diwan.h"
#include "alloc.h"

void diwan_buf_init(diwan_buf *b) { memset(b, 0, sizeof *b); }

void diwan_buf_free(diwan_buf *b) {
  diwan_free(b->p);
  diwan_buf_init(b);
}

void diwan_buf_reset(diwan_buf *b) {
  b->n = 0;
  if (b->p) b->p[0] = 0;
}

int diwan_buf_reserve(diwan_buf *b, size_t extra) {
  if (b->oom) return DIWAN_NOMEM;
  if (extra > SIZE_MAX / 2 - b->n) { b->oom = 1; return DIWAN_NOMEM; }
  size_t need = b->n + extra + 1;
  if (need <= b->cap) return DIWAN_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  char *p = diwan_realloc(b->p, cap);
  if (!p) { b->oom = 1; return DIWAN_NOMEM; }
  b->p = p;
  b->cap = cap;
  return DIWAN_OK;
}

int diwan_buf_append(diwan_buf *b, const char *s, size_t n) {
  if (diwan_buf_reserve(b, n)) return DIWAN_NOMEM;
  if (n) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
  return DIWAN_OK;
}

int diwan_buf_putc(diwan_buf *b, uint32_t cp) {
  char tmp[4];
  return diwan_buf_append(b, tmp, diwan_utf8_encode(cp, tmp));
}
