/* Shared helpers of the SQLite layer: table-driven registration, character
** offsets, argument access. */
#include <string.h>
#include "dw.h"

int dw_register_functions(sqlite3 *db, const dw_func *tab, int n, char **pzErr) {
  for (int i = 0; i < n; i++) {
    int rc = sqlite3_create_function_v2(db, tab[i].name, tab[i].nArg,
                                        tab[i].flags, 0, tab[i].xFunc, 0, 0, 0);
    if (rc != SQLITE_OK) {
      *pzErr = sqlite3_mprintf("diwan: cannot register %s(): %s", tab[i].name,
                               sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}

int dw_vec_push(dw_vec *v, const void *rec, size_t size) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 32;
    void *p = sqlite3_realloc64(v->p, cap * size);
    if (!p) return DIWAN_NOMEM;
    v->p = p;
    v->cap = cap;
  }
  memcpy((char *)v->p + v->n * size, rec, size);
  v->n++;
  return DIWAN_OK;
}

void dw_vec_free(dw_vec *v) {
  sqlite3_free(v->p);
  v->p = NULL;
  v->n = v->cap = 0;
}

void dw_charpos_init(dw_charpos *c, const char *s, size_t n) {
  c->s = (const unsigned char *)s;
  c->n = n;
  c->byte = 0;
  c->chars = 0;
  /* marks no closer than 512 bytes: a scan stops at each, and closer ones
  ** would keep the eight-byte steps from running on a short text */
  c->step = n / DW_CHARPOS_MARKS + 1;
  if (c->step < 512) c->step = 512;
  c->nmark = 1;
  c->mark_byte[0] = 0;
  c->mark_chars[0] = 0;
}

/* Back to the last mark at or before byte. */
static void charpos_rewind(dw_charpos *c, size_t byte) {
  size_t k = byte / c->step;
  if (k >= c->nmark) k = c->nmark - 1;
  while (k > 0 && c->mark_byte[k] > byte) k--;
  c->byte = c->mark_byte[k];
  c->chars = c->mark_chars[k];
}

#define HI8 0x8080808080808080ull

/* Eight bytes at a time where the byte loop below would count one
** character per byte that is not a continuation byte (10xxxxxx): no
** continuation byte follows an ASCII byte, within the eight or across
** from the eight before (the first byte of the first eight is none), so
** every continuation byte belongs to a lead byte before it. A character
** may straddle two steps; the continuation bytes after the last step are
** skipped as the loop would. Goes on while whole steps fit before stop
** (one call for a run of them). The characters counted (*i moved), or 0
** (nothing done). */
static size_t chunk_chars(const dw_charpos *c, size_t *i, size_t stop) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  size_t p = *i, got = 0;
  uint64_t before = HI8 << 56;     /* bit 63: the byte before p is ASCII */
  while (p + 8 <= stop) {
    uint64_t w;
    memcpy(&w, c->s + p, 8);
    uint64_t cont = w & ~(w << 1) & HI8, ascii = ~w & HI8;
    if (cont & ((ascii << 8) | (before >> 56))) break;
    /* one bit per byte at most: a multiply sums them (no popcount call
    ** where the compiler may not use the instruction) */
    got += 8 - (size_t)(((cont >> 7) * 0x0101010101010101ull) >> 56);
    before = ascii;
    p += 8;
  }
  if (!got) return 0;
  if (c->s[p - 1] >= 0x80)
    while (p < c->n && (c->s[p] & 0xC0) == 0x80) p++;
  *i = p;
  return got;
#else
  (void)c; (void)i; (void)stop;
  return 0;
#endif
}

/* SQLite counts a character at every byte except the continuation bytes
** that follow a byte >= 0xC0 (SQLITE_SKIP_UTF8). Marks are only taken at
** positions this scan stops at, so restarting from one counts the same. */
sqlite3_int64 dw_charpos_chars(dw_charpos *c, size_t byte) {
  if (byte > c->n) byte = c->n;
  if (byte < c->byte) charpos_rewind(c, byte);
  size_t i = c->byte;
  sqlite3_int64 k = c->chars;
  while (i < byte) {
    size_t stop = byte;
    if (c->nmark < DW_CHARPOS_MARKS) {
      size_t next = c->nmark * c->step;
      if (i >= next) {
        c->mark_byte[c->nmark] = i;
        c->mark_chars[c->nmark++] = k;
        continue;
      }
      if (next < stop) stop = next;
    }
    while (i < stop) {
      size_t got = chunk_chars(c, &i, stop);
      if (got) { k += (sqlite3_int64)got; continue; }
      unsigned char b = c->s[i++];
      k++;
      if (b >= 0xC0)
        while (i < c->n && (c->s[i] & 0xC0) == 0x80) i++;
    }
  }
  /* A span may end inside a multi-byte char only on invalid input; i may
  ** overshoot byte then, which is harmless for later calls. */
  c->byte = i;
  c->chars = k;
  return k;
}

const char *dw_arg_text(sqlite3_value *v, size_t *n) {
  int t = sqlite3_value_type(v);
  const char *z;
  if (t == SQLITE_NULL) { *n = 0; return NULL; }
  if (t == SQLITE_BLOB) {
    z = (const char *)sqlite3_value_blob(v);
    *n = (size_t)sqlite3_value_bytes(v);
    return z ? z : "";
  }
  z = (const char *)sqlite3_value_text(v);
  *n = (size_t)sqlite3_value_bytes(v);
  return z ? z : "";
}
