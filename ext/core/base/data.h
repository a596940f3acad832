/* The lexicons of ext/data/, compiled in by tools/embed.c. Internal. */
#ifndef DIWAN_DATA_H
#define DIWAN_DATA_H
#include <stddef.h>

typedef struct diwan_datafile {
  const char *name;   /* base name, e.g. "months.tsv" */
  const char *text;   /* NUL-terminated contents */
  size_t len;
} diwan_datafile;

extern const diwan_datafile diwan_datafiles[];

/* The contents of a data file by base name, or NULL. */
const char *diwan_data(const char *name, size_t *len);

/* Walk the lines of a TSV lexicon: blank lines and lines starting with '#'
** are skipped; each line is split on TABs into at most maxf fields (the
** fields point into the data and are not NUL-terminated: use lens). The
** callback returns non-zero to stop. */
typedef int (*diwan_tsv_cb)(void *ctx, int nf, const char **f,
                            const size_t *lens, size_t lineno);
int diwan_tsv_each(const char *text, size_t len, int maxf, diwan_tsv_cb cb,
                   void *ctx);

/* Lexicons parsed at first use live until the library is unloaded; then
** (sqlite3_close dlcloses the extension) every registered cleanup runs in
** reverse order, so nothing the library allocated outlives it. */
void diwan_at_unload(void (*fn)(void *), void *arg);

#endif
