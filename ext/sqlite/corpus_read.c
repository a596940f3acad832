/* corpus_read(dir): one row per document file under dir, in path order.
** Reads files, so it is SQLITE_DIRECTONLY: usable from top-level SQL, never
** from views or triggers of a database someone else wrote. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include "dw.h"

#define MAX_FILE_BYTES 1000000000L   /* SQLite's default maximum string length */

typedef struct corpus_state {
  char *dir;
  diwan_filelist files;
  size_t next;
  diwan_buf raw, body, title;
  char modified[32];
} corpus_state;

static int corpus_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  corpus_state *st = p;
  size_t n;
  const char *dir = dw_arg_text(args[0], &n);
  if (!dir) return SQLITE_OK;   /* NULL folder: no rows */
  if (n == 0 || memchr(dir, 0, n)) {
    *pzErr = sqlite3_mprintf("corpus_read(): folder name is empty or contains NUL");
    return SQLITE_ERROR;
  }
  st->dir = sqlite3_mprintf("%.*s", (int)n, dir);
  if (!st->dir) return SQLITE_NOMEM;
  char err[512];
  int rc = diwan_list_files(st->dir, &st->files, err, sizeof err);
  if (rc == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (rc != DIWAN_OK) {
    *pzErr = sqlite3_mprintf("corpus_read(): %s", err);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static int read_file(const char *path, diwan_buf *out, struct stat *st, char **pzErr) {
  FILE *f = fopen(path, "rb");
  if (!f || fstat(fileno(f), st) != 0) {
    *pzErr = sqlite3_mprintf("corpus_read(): cannot read '%s': %s", path, strerror(errno));
    if (f) fclose(f);
    return SQLITE_ERROR;
  }
  if (st->st_size > MAX_FILE_BYTES) {
    fclose(f);
    *pzErr = sqlite3_mprintf("corpus_read(): '%s' is larger than %ld bytes", path,
                             MAX_FILE_BYTES);
    return SQLITE_TOOBIG;
  }
  diwan_buf_reset(out);
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (diwan_buf_append(out, chunk, k)) { fclose(f); return SQLITE_NOMEM; }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    *pzErr = sqlite3_mprintf("corpus_read(): error reading '%s'", path);
    return SQLITE_IOERR;
  }
  return SQLITE_OK;
}

static int is_html(const char *path) {
  const char *dot = strrchr(path, '.');
  return dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") ||
                 !strcasecmp(dot, ".xhtml"));
}

/* The <title> of raw HTML, made valid UTF-8 like the body: 1, 0 (none) or
** -DIWAN_NOMEM. */
static int html_title(const char *raw, size_t n, diwan_buf *out) {
  diwan_buf t;
  diwan_buf_init(&t);
  int found = diwan_html_title(raw, n, &t);
  if (found > 0 && diwan_utf8_sanitize(t.p, t.n, out) < 0) found = -DIWAN_NOMEM;
  diwan_buf_free(&t);
  return found;
}

static int corpus_next(void *p, dw_val *row, char **pzErr) {
  corpus_state *st = p;
  if (!st->dir || st->next >= st->files.n) return 0;
  const char *rel = st->files.paths[st->next++];
  char *full = sqlite3_mprintf("%s/%s", st->dir, rel);
  if (!full) return -SQLITE_NOMEM;
  struct stat sb;
  int rc = read_file(full, &st->raw, &sb, pzErr);
  sqlite3_free(full);
  if (rc != SQLITE_OK) return -rc;
  long replaced = 0;
  int html = is_html(rel);
  diwan_buf_reset(&st->body);
  diwan_buf_reset(&st->title);
  if (diwan_document_text(st->raw.p ? st->raw.p : "", st->raw.n, html, &st->body, &replaced))
    return -SQLITE_NOMEM;
  const char *body = st->body.p ? st->body.p : "";
  int titled = html ? html_title(st->raw.p ? st->raw.p : "", st->raw.n, &st->title) : 0;
  if (titled < 0) return -SQLITE_NOMEM;
  if (!titled) {
    size_t ts, tl;
    diwan_first_line(body, st->body.n, &ts, &tl);
    diwan_buf_append(&st->title, body + ts, tl);
  }
  if (st->title.oom) return -SQLITE_NOMEM;
  struct tm tm;
  time_t mt = sb.st_mtime;
  gmtime_r(&mt, &tm);
  strftime(st->modified, sizeof st->modified, "%Y-%m-%dT%H:%M:%SZ", &tm);
  dw_text(&row[0], rel, -1);
  dw_text(&row[1], diwan_lang_detect(body, st->body.n), -1);
  dw_text(&row[2], st->title.p ? st->title.p : "", (sqlite3_int64)st->title.n);
  dw_text(&row[3], body, (sqlite3_int64)st->body.n);
  dw_int(&row[4], (sqlite3_int64)sb.st_size);
  dw_text(&row[5], st->modified, -1);
  dw_int(&row[6], replaced);
  return 1;
}

static void corpus_finish(void *p) {
  corpus_state *st = p;
  sqlite3_free(st->dir);
  diwan_filelist_free(&st->files);
  diwan_buf_free(&st->raw);
  diwan_buf_free(&st->body);
  diwan_buf_free(&st->title);
}

static const dw_tvf corpus_read = {
  .name = "corpus_read",
  .columns = "path TEXT, lang TEXT, title TEXT, body TEXT, bytes INTEGER, "
             "modified TEXT, replaced INTEGER",
  .args = {"dir"},
  .nRequired = 1,
  .directOnly = 1,
  .stateSize = sizeof(corpus_state),
  .start = corpus_start,
  .next = corpus_next,
  .finish = corpus_finish,
};

int dw_register_corpus(sqlite3 *db, char **pzErr) {
  return dw_register_tvf(db, &corpus_read, pzErr);
}
