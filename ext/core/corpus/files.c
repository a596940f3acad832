/* Listing the documents of a folder: recursive, sorted, never leaving the
** folder unless asked, each directory walked once (a hash set of dev/ino),
** so linear in files and folders whatever the links. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
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

typedef struct devino { dev_t dev; ino_t ino; int used; } devino;

typedef struct walk {
  diwan_filelist *out;
  size_t cap;
  devino *seen;             /* open addressing; directories already walked */
  size_t nseen, capseen;    /* capseen: a power of two */
  const char *root;
  char *root_real;          /* realpath of the folder: links must stay in it */
  size_t root_len;
  int flags;
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

static size_t slot_of(const devino *set, size_t cap, dev_t dev, ino_t ino) {
  size_t h = ((size_t)ino * 0x9E3779B97F4A7C15ull) ^ (size_t)dev;
  size_t i = h & (cap - 1);
  while (set[i].used && !(set[i].dev == dev && set[i].ino == ino)) i = (i + 1) & (cap - 1);
  return i;
}

/* 1 when this directory was walked before (a link loop or alias), 0 after
** adding it, -1 out of memory. */
static int seen_before(walk *w, const struct stat *st) {
  if ((w->nseen + 1) * 2 > w->capseen) {
    size_t cap = w->capseen ? w->capseen * 2 : 64;
    devino *t = diwan_calloc(cap, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < w->capseen; i++)
      if (w->seen[i].used) t[slot_of(t, cap, w->seen[i].dev, w->seen[i].ino)] = w->seen[i];
    diwan_free(w->seen);
    w->seen = t;
    w->capseen = cap;
  }
  size_t i = slot_of(w->seen, w->capseen, st->st_dev, st->st_ino);
  if (w->seen[i].used) return 1;
  w->seen[i] = (devino){st->st_dev, st->st_ino, 1};
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

/* Adds a row: rel and full are taken over (freed on failure). */
static int add(walk *w, char *rel, char *full, const char *error) {
  diwan_filelist *l = w->out;
  if (l->n == w->cap) {   /* the three arrays grow together */
    size_t c = w->cap ? w->cap * 2 : 16;
    void *p = diwan_realloc(l->paths, c * sizeof *l->paths);
    if (p) l->paths = p;
    void *q = p ? diwan_realloc(l->files, c * sizeof *l->files) : NULL;
    if (q) l->files = q;
    void *e = q ? diwan_realloc((void *)l->errors, c * sizeof *l->errors) : NULL;
    if (e) l->errors = e;
    if (!e) {
      diwan_free(rel);
      diwan_free(full);
      return DIWAN_NOMEM;
    }
    w->cap = c;
  }
  l->paths[l->n] = rel;
  l->files[l->n] = full;
  l->errors[l->n] = error;
  l->n++;
  return DIWAN_OK;
}

/* A symbolic link's target when it stays inside the folder (or the caller
** follows every link): a malloc'd real path; NULL with *out set when it
** leads outside, NULL with *out clear when out of memory. */
static char *link_target(walk *w, const char *f, int *outside) {
  *outside = 0;
  char *real = realpath(f, NULL);   /* libc's malloc */
  if (!real) { *outside = 1; return NULL; }
  int inside = strncmp(real, w->root_real, w->root_len) == 0 &&
               (real[w->root_len] == '/' || real[w->root_len] == 0 ||
                w->root_len == 1);
  char *copy = NULL;
  if (inside || (w->flags & DIWAN_FILES_FOLLOW)) {
    copy = diwan_strdup(real);
  } else {
    *outside = 1;
  }
  free(real);
  return copy;
}

static int walk_dir(walk *w, const char *full, const char *rel);

/* One directory entry: rel/f are its relative and full paths (taken). */
static int visit(walk *w, const char *name, char *r, char *f) {
  struct stat st;
  if (lstat(f, &st) != 0) { diwan_free(r); diwan_free(f); return DIWAN_OK; }
  if (S_ISLNK(st.st_mode)) {
    int outside;
    char *target = link_target(w, f, &outside);
    diwan_free(f);
    if (!target && !outside) { diwan_free(r); return DIWAN_NOMEM; }
    if (!target || stat(target, &st) != 0) {
      diwan_free(target);
      /* a link out of the folder is reported where a document would be */
      if (outside && wanted(name))
        return add(w, r, NULL, "symbolic link to outside the folder: not followed");
      diwan_free(r);
      return DIWAN_OK;
    }
    f = target;
  }
  int rc = DIWAN_OK;
  if (S_ISDIR(st.st_mode)) {
    int s = seen_before(w, &st);
    if (s < 0) rc = DIWAN_NOMEM;
    else if (!s) rc = walk_dir(w, f, r);
  } else if (wanted(name)) {
    if (S_ISREG(st.st_mode)) return add(w, r, f, NULL);
    diwan_free(f);            /* nothing to open: as diwan.h says */
    return add(w, r, NULL, "not a regular file");
  }
  diwan_free(r);
  diwan_free(f);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(walk *w, const char *full, const char *rel) {
  DIR *d = opendir(full);
  if (!d) {
    if (*rel) return DIWAN_OK;   /* an unreadable subfolder: nothing in it */
    snprintf(w->err, w->errlen, "%s", strerror(errno));
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
  if (rc == DIWAN_OK && n) qsort(names, n, sizeof *names, cmp_str);   /* names NULL when n = 0 */
  for (size_t i = 0; i < n && rc == DIWAN_OK; i++) {
    char *r = join(rel, names[i]);
    char *f = join(full, names[i]);
    if (!r || !f) { diwan_free(r); diwan_free(f); rc = DIWAN_NOMEM; }
    else rc = visit(w, names[i], r, f);
  }
  for (size_t i = 0; i < n; i++) diwan_free(names[i]);
  diwan_free(names);
  return rc;
}

/* Sorting the rows by path: the three arrays move together. */
typedef struct row { char *path, *file; const char *error; } row;
static int cmp_row(const void *a, const void *b) {
  return strcmp(((const row *)a)->path, ((const row *)b)->path);
}

static int sort_rows(diwan_filelist *l) {
  if (l->n < 2) return DIWAN_OK;
  row *t = diwan_malloc(l->n * sizeof *t);
  if (!t) return DIWAN_NOMEM;
  for (size_t i = 0; i < l->n; i++) t[i] = (row){l->paths[i], l->files[i], l->errors[i]};
  qsort(t, l->n, sizeof *t, cmp_row);
  for (size_t i = 0; i < l->n; i++) {
    l->paths[i] = t[i].path;
    l->files[i] = t[i].file;
    l->errors[i] = t[i].error;
  }
  diwan_free(t);
  return DIWAN_OK;
}

int diwan_list_files(const char *dir, int flags, diwan_filelist *out, char *err,
                     size_t errlen) {
  walk w;
  memset(&w, 0, sizeof w);
  memset(out, 0, sizeof *out);
  w.out = out;
  w.root = dir;
  w.flags = flags;
  w.err = err;
  w.errlen = errlen;
  struct stat st;
  int rc;
  char *real = NULL;
  if (stat(dir, &st) != 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    rc = DIWAN_ERROR;
  } else if (!S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "%s", DIWAN_NOT_A_FOLDER);
    rc = DIWAN_ERROR;
  } else if (!(real = realpath(dir, NULL))) {
    rc = errno == ENOMEM ? DIWAN_NOMEM : DIWAN_ERROR;
    snprintf(err, errlen, "%s", strerror(errno));
  } else if (!(w.root_real = diwan_strdup(real))) {
    rc = DIWAN_NOMEM;
  } else if (seen_before(&w, &st) < 0) {
    rc = DIWAN_NOMEM;
  } else {
    w.root_len = strlen(w.root_real);
    rc = walk_dir(&w, dir, "");
  }
  free(real);
  diwan_free(w.root_real);
  diwan_free(w.seen);
  /* Depth-first order with sorted siblings is path order except where a
  ** name sorts before "name/": sort the whole list once more. */
  if (rc == DIWAN_OK) rc = sort_rows(out);
  if (rc != DIWAN_OK) diwan_filelist_free(out);
  return rc;
}

void diwan_filelist_free(diwan_filelist *l) {
  for (size_t i = 0; i < l->n; i++) {
    diwan_free(l->paths[i]);
    diwan_free(l->files[i]);
  }
  diwan_free(l->paths);
  diwan_free(l->files);
  diwan_free(l->errors);
  memset(l, 0, sizeof *l);
}
