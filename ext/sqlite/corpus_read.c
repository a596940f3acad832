/* corpus_read(dir [, follow_links [, max_bytes]]): one row per document file
** under dir, in path order. Reads files, so it is SQLITE_DIRECTONLY (never
** from views or triggers of a database someone else wrote) and absent from
** sqlite3_diwan_nofs_init.
**
** It never leaves dir unless follow_links is 1 (links out are rows with an
** error), opens each file with O_NOFOLLOW|O_NONBLOCK and reads it only if
** fstat says it is a regular file of at most max_bytes: a file that cannot be
** read is a row with `error` set, not the end of the import. Paths, titles,
** bodies and messages are valid UTF-8 (invalid bytes replaced, counted in
** `path_replaced` and `replaced`). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dw.h"

#define DEFAULT_MAX_BYTES 100000000L   /* 100 MB: no news article is near */
#define HARD_MAX_BYTES 1000000000L     /* SQLite's default maximum string */

typedef struct corpus_state {
  char *dir;
  diwan_filelist files;
  size_t next;
  sqlite3_int64 max_bytes;
  diwan_buf raw, body, title, path, msg;
  char modified[32], published[11];
} corpus_state;

/* Text of a path or message as valid UTF-8 (invalid bytes replaced). */
static long clean(diwan_buf *out, const char *s) {
  diwan_buf_reset(out);
  return diwan_utf8_sanitize(s, strlen(s), out);
}

static int corpus_start(void *p, sqlite3_value **args, sqlite3 *db, char **pzErr) {
  corpus_state *st = p;
  size_t n;
  const char *dir = dw_arg_text(args[0], &n);
  if (!dir) return SQLITE_OK;   /* NULL folder: no rows */
  if (n == 0 || memchr(dir, 0, n)) {
    *pzErr = sqlite3_mprintf("corpus_read(): folder name is empty or contains NUL");
    return SQLITE_ERROR;
  }
  int flags = 0;
  if (args[1] && sqlite3_value_type(args[1]) != SQLITE_NULL) {
    if (sqlite3_value_type(args[1]) != SQLITE_INTEGER ||
        (sqlite3_value_int64(args[1]) != 0 && sqlite3_value_int64(args[1]) != 1)) {
      *pzErr = sqlite3_mprintf("corpus_read(): follow_links must be 0 or 1");
      return SQLITE_ERROR;
    }
    if (sqlite3_value_int64(args[1])) flags |= DIWAN_FILES_FOLLOW;
  }
  st->max_bytes = DEFAULT_MAX_BYTES;
  if (args[2] && sqlite3_value_type(args[2]) != SQLITE_NULL) {
    st->max_bytes = sqlite3_value_int64(args[2]);
    if (sqlite3_value_type(args[2]) != SQLITE_INTEGER || st->max_bytes < 0 ||
        st->max_bytes > HARD_MAX_BYTES) {
      *pzErr = sqlite3_mprintf("corpus_read(): max_bytes must be an integer from 0 to %ld",
                               HARD_MAX_BYTES);
      return SQLITE_ERROR;
    }
  }
  st->dir = sqlite3_mprintf("%.*s", (int)n, dir);
  if (!st->dir) return SQLITE_NOMEM;
  char err[256];
  int rc = diwan_list_files(st->dir, flags, &st->files, err, sizeof err);
  if (rc == DIWAN_NOMEM) return SQLITE_NOMEM;
  if (rc != DIWAN_OK) {
    if (clean(&st->path, st->dir) < 0) return SQLITE_NOMEM;
    *pzErr = strcmp(err, DIWAN_NOT_A_FOLDER) == 0
                 ? sqlite3_mprintf("corpus_read(): '%s' is not a folder", st->path.p)
                 : sqlite3_mprintf("corpus_read(): cannot read folder '%s': %s",
                                   st->path.p, err);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* Reads a listed file into out. SQLITE_OK; SQLITE_NOMEM; or SQLITE_ERROR
** with the reason (a static string or errno text) in *why. */
static int read_file(corpus_state *st, const char *file, struct stat *sb,
                     const char **why) {
  int fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) { *why = errno == ELOOP ? "became a symbolic link: not followed" : strerror(errno); return SQLITE_ERROR; }
  int rc = SQLITE_OK;
  if (fstat(fd, sb) != 0) { *why = strerror(errno); rc = SQLITE_ERROR; }
  else if (!S_ISREG(sb->st_mode)) { *why = "not a regular file"; rc = SQLITE_ERROR; }
  else if (sb->st_size > st->max_bytes) { *why = "larger than max_bytes"; rc = SQLITE_ERROR; }
  diwan_buf_reset(&st->raw);
  if (rc == SQLITE_OK && diwan_buf_reserve(&st->raw, (size_t)sb->st_size)) rc = SQLITE_NOMEM;
  while (rc == SQLITE_OK) {
    char chunk[65536];
    ssize_t k = read(fd, chunk, sizeof chunk);
    if (k == 0) break;
    if (k < 0) {
      if (errno == EINTR) continue;
      *why = strerror(errno);
      rc = SQLITE_ERROR;
    } else if ((sqlite3_int64)(st->raw.n + (size_t)k) > st->max_bytes) {
      *why = "larger than max_bytes";   /* it grew while being read */
      rc = SQLITE_ERROR;
    } else if (diwan_buf_append(&st->raw, chunk, (size_t)k)) {
      rc = SQLITE_NOMEM;
    }
  }
  close(fd);
  return rc;
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

/* A dateline: the first full date (day precision, year known) in the first
** DATELINE_BYTES of the text. */
#define DATELINE_BYTES 300
#define FOUND 100   /* stops the walk; not a DIWAN_ code */
static int take_day(void *ctx, const diwan_date *d) {
  if (!d->first_day[0] || strcmp(d->first_day, d->last_day) != 0) return 0;
  memcpy(ctx, d->first_day, 11);
  return FOUND;
}

static int find_published(corpus_state *st, const char *rel, int html) {
  st->published[0] = 0;
  if (html && diwan_html_published(st->raw.p, st->raw.n, st->published)) return DIWAN_OK;
  if (diwan_path_published(rel, strlen(rel), st->published)) return DIWAN_OK;
  size_t n = st->body.n < DATELINE_BYTES ? st->body.n : DATELINE_BYTES;
  int rc = diwan_dates(st->body.p, n, NULL, NULL, take_day, st->published);
  return rc == DIWAN_NOMEM ? DIWAN_NOMEM : DIWAN_OK;
}

static void error_row(corpus_state *st, dw_val *row, const char *why) {
  for (int i = 1; i < 9; i++) dw_null(&row[i]);
  dw_int(&row[6], 0);
  dw_text(&row[8], why, -1);
}

static int corpus_next(void *p, dw_val *row, char **pzErr) {
  corpus_state *st = p;
  if (!st->dir || st->next >= st->files.n) return 0;
  size_t i = st->next++;
  const char *rel = st->files.paths[i];
  long bad = clean(&st->path, rel);
  if (bad < 0) return -SQLITE_NOMEM;
  dw_text(&row[0], st->path.p, (sqlite3_int64)st->path.n);
  dw_int(&row[9], bad);
  if (st->files.errors[i]) { error_row(st, row, st->files.errors[i]); return 1; }
  struct stat sb;
  const char *why = NULL;
  int rc = read_file(st, st->files.files[i], &sb, &why);
  if (rc == SQLITE_NOMEM) return -SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    if (clean(&st->msg, why) < 0) return -SQLITE_NOMEM;
    error_row(st, row, st->msg.p);
    return 1;
  }
  long replaced = 0;
  int html = is_html(rel);
  diwan_buf_reset(&st->body);
  diwan_buf_reset(&st->title);
  if (diwan_document_text(st->raw.p ? st->raw.p : "", st->raw.n, html, &st->body, &replaced) ||
      diwan_buf_reserve(&st->body, 0))
    return -SQLITE_NOMEM;
  const char *body = st->body.p;
  int titled = html ? html_title(st->raw.p ? st->raw.p : "", st->raw.n, &st->title) : 0;
  if (titled < 0) return -SQLITE_NOMEM;
  if (!titled) {
    size_t ts, tl;
    diwan_first_line(body, st->body.n, &ts, &tl);
    diwan_buf_append(&st->title, body + ts, tl);
  }
  if (st->title.oom || find_published(st, rel, html)) return -SQLITE_NOMEM;
  struct tm tm;
  time_t mt = sb.st_mtime;
  gmtime_r(&mt, &tm);
  strftime(st->modified, sizeof st->modified, "%Y-%m-%dT%H:%M:%SZ", &tm);
  dw_text(&row[1], diwan_lang_detect(body, st->body.n), -1);
  dw_text(&row[2], st->title.p ? st->title.p : "", (sqlite3_int64)st->title.n);
  dw_text(&row[3], body, (sqlite3_int64)st->body.n);
  dw_int(&row[4], (sqlite3_int64)sb.st_size);
  dw_text(&row[5], st->modified, -1);
  dw_int(&row[6], replaced);
  if (st->published[0]) dw_text(&row[7], st->published, -1);
  else dw_null(&row[7]);
  dw_null(&row[8]);
  return 1;
}

static void corpus_finish(void *p) {
  corpus_state *st = p;
  sqlite3_free(st->dir);
  diwan_filelist_free(&st->files);
  diwan_buf_free(&st->raw);
  diwan_buf_free(&st->body);
  diwan_buf_free(&st->title);
  diwan_buf_free(&st->path);
  diwan_buf_free(&st->msg);
}

static const dw_tvf corpus_read = {
  .name = "corpus_read",
  .columns = "path TEXT, lang TEXT, title TEXT, body TEXT, bytes INTEGER, "
             "modified TEXT, replaced INTEGER, published TEXT, error TEXT, "
             "path_replaced INTEGER",
  .args = {"dir", "follow_links", "max_bytes"},
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
