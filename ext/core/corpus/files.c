/* Listing the documents of a folder: recursive, sorted, loop-safe. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "diwan.h"
#include "base/alloc.h"

static const char *const exts[] = {".txt", ".text", ".md", ".markdown",
                                   ".html", ".htm", ".xhtml", 0};

static int wanted(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return 0;
  for (int i = 0; exts[i]; i++)
    if (strcasecmp(dot, exts[i]) == 0) return 1;
  return 0;
}

typedef struct walk {
  diwan_filelist *out;
  size_t cap;
  struct { dev_t dev; ino_t ino; } *seen;   /* directories already walked */
  size_t nseen, capseen;
  char *err;
  size_t errlen;
} walk;

static int push(void **arr, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return DIWAN_OK;
  size_t c = *cap ? *cap * 2 : 16;
  void *p = diwan_realloc(*arr, c * size);
  if (!p) return DIWAN_NOMEM;
  *arr = p;
  *cap = c;
  return DIWAN_OK;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns 1 when this directory was walked before (a link loop or alias). */
static int seen_before(walk *w, const struct stat *st) {
  for (size_t i = 0; i < w->nseen; i++)
    if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino) return 1;
  if (push((void **)&w->seen, &w->capseen, w->nseen, sizeof w->seen[0])) return -1;
  w->seen[w->nseen].dev = st->st_dev;
  w->seen[w->nseen].ino = st->st_ino;
  w->nseen++;
  return 0;
}

static char *join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *p = diwan_malloc(la + lb + 2);
  if (!p) return NULL;
  memcpy(p, a, la);
  p[la] = '/';
  memcpy(p + la + 1, b, lb + 1);
  if (!la) memmove(p, p + 1, lb + 1);
  return p;
}

static int walk_dir(walk *w, const char *root, const char *rel) {
  char *full = *rel ? join(root, rel) : diwan_strdup(root);
  if (!full) return DIWAN_NOMEM;
  DIR *d = opendir(full);
  if (!d) {
    snprintf(w->err, w->errlen, "cannot read folder '%s': %s", full, strerror(errno));
    diwan_free(full);
    return DIWAN_ERROR;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = DIWAN_OK;
  struct dirent *e;
  while (rc == DIWAN_OK && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;   /* ., .., hidden files */
    if ((rc = push((void **)&names, &cap, n, sizeof *names))) break;
    if (!(names[n] = diwan_strdup(e->d_name))) { rc = DIWAN_NOMEM; break; }
    n++;
  }
  closedir(d);
  if (rc == DIWAN_OK) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n && rc == DIWAN_OK; i++) {
    char *r = join(rel, names[i]);
    char *f = r ? join(root, r) : NULL;
    struct stat st;
    if (!r || !f) rc = DIWAN_NOMEM;
    else if (stat(f, &st) != 0) { /* dangling link: nothing to import */ }
    else if (S_ISDIR(st.st_mode)) {
      int s = seen_before(w, &st);
      if (s < 0) rc = DIWAN_NOMEM;
      else if (!s) rc = walk_dir(w, root, r);
    } else if (S_ISREG(st.st_mode) && wanted(names[i])) {
      rc = push((void **)&w->out->paths, &w->cap, w->out->n, sizeof(char *));
      if (rc == DIWAN_OK) { w->out->paths[w->out->n++] = r; r = NULL; }
    }
    diwan_free(r);
    diwan_free(f);
  }
  for (size_t i = 0; i < n; i++) diwan_free(names[i]);
  diwan_free(names);
  diwan_free(full);
  return rc;
}

int diwan_list_files(const char *dir, diwan_filelist *out, char *err, size_t errlen) {
  walk w;
  memset(&w, 0, sizeof w);
  memset(out, 0, sizeof *out);
  w.out = out;
  w.err = err;
  w.errlen = errlen;
  struct stat st;
  int rc;
  if (stat(dir, &st) != 0) {
    snprintf(err, errlen, "cannot read folder '%s': %s", dir, strerror(errno));
    rc = DIWAN_ERROR;
  } else if (!S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "'%s' is not a folder", dir);
    rc = DIWAN_ERROR;
  } else if (seen_before(&w, &st) < 0) {
    rc = DIWAN_NOMEM;
  } else {
    rc = walk_dir(&w, dir, "");
  }
  diwan_free(w.seen);
  if (rc != DIWAN_OK) diwan_filelist_free(out);
  /* Depth-first order with sorted siblings is path order except where a
  ** name sorts before "name/": sort the whole list once more. */
  else qsort(out->paths, out->n, sizeof(char *), cmp_str);
  return rc;
}

void diwan_filelist_free(diwan_filelist *l) {
  for (size_t i = 0; i < l->n; i++) diwan_free(l->paths[i]);
  diwan_free(l->paths);
  memset(l, 0, sizeof *l);
}
