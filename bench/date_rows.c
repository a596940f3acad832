/* Every row of date_each, for comparing two builds (a speed change must
** leave them identical):
**
**   date_rows SO FILE... > rows.txt
**
** loads SO (entry point sqlite3_diwan_init, whatever the file's name),
** runs date_each on each FILE whole (with and without an anchor) and on
** each of its lines, the lines with anchors, langs and prefers that vary
** with a hash of the line, and prints every column of every row. Build
** it with `cc -O2 -o build/date_rows bench/date_rows.c -lsqlite3` and
** diff the output of two builds on the seed and dev articles, the peers'
** cases and any phrases you make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

static const char *anchors[] = {NULL, "2015-08-09", "2013-02-12", "2024-02-29",
                                "1999", "2020-12", "0001-01-01", "9999-12-31"};
static const char *langs[] = {NULL, "en-US", "fr", "en", "ru", "ar", "he", "az"};
static const char *prefers[] = {NULL, "past", "future", "current", "nearest", "news"};

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 65536, len = 0, got;
  char *s = malloc(cap);
  while (s && (got = fread(s + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      char *t = realloc(s, cap *= 2);
      if (!t) { free(s); s = NULL; }
      s = t;
    }
  }
  fclose(f);
  *n = len;
  return s;
}

static void bind_or_null(sqlite3_stmt *q, int k, const char *v) {
  if (v) sqlite3_bind_text(q, k, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(q, k);
}

static void rows(sqlite3_stmt *q, const char *s, size_t n, unsigned h, int a, int l, int p) {
  sqlite3_bind_text64(q, 1, s, n, SQLITE_STATIC, SQLITE_UTF8);
  bind_or_null(q, 2, anchors[a]);
  bind_or_null(q, 3, langs[l]);
  bind_or_null(q, 4, prefers[p]);
  printf("## %u %d %d %d\n", h, a, l, p);
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    for (int c = 0; c < 11; c++) {
      const unsigned char *t = sqlite3_column_text(q, c);
      printf("%s%s", c ? "\t" : "", t ? (const char *)t : "NULL");
    }
    printf("\n");
  }
  if (rc != SQLITE_DONE) printf("error: %s\n", sqlite3_errmsg(sqlite3_db_handle(q)));
  sqlite3_reset(q);
}

int main(int argc, char **argv) {
  sqlite3 *db;
  sqlite3_stmt *q;
  char *err = NULL;
  if (argc < 3) {
    fprintf(stderr, "usage: date_rows SO FILE...\n");
    return 2;
  }
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, argv[1], "sqlite3_diwan_init", &err) != SQLITE_OK) {
    fprintf(stderr, "date_rows: %s\n", err);
    return 1;
  }
  if (sqlite3_prepare_v2(db, "select start, length, surface, value, first_day, last_day, "
                             "precision, calendar, modifier, lang, kind "
                             "from date_each(?1, ?2, ?3, ?4)", -1, &q, NULL) != SQLITE_OK) {
    fprintf(stderr, "date_rows: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  for (int i = 2; i < argc; i++) {
    size_t n;
    char *s = slurp(argv[i], &n);
    if (!s) { fprintf(stderr, "date_rows: cannot read %s\n", argv[i]); continue; }
    printf("#### %s\n", argv[i]);
    rows(q, s, n, 0, 1, 0, 0);
    rows(q, s, n, 0, 0, 0, 0);
    unsigned h = 0;
    for (char *p = s, *e = s + n; p < e;) {
      char *nl = memchr(p, '\n', (size_t)(e - p));
      if (!nl) nl = e;
      h = h * 2654435761u + (unsigned)(nl - p) + 7;
      rows(q, p, (size_t)(nl - p), h, h % 8, (h / 8) % 8, (h / 64) % 6);
      p = nl + 1;
    }
    free(s);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return 0;
}
