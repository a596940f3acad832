/* Corpus paths: a folder tree made from the input (names of any bytes,
** nested folders, files, symbolic links inside and outside, a FIFO), then
** diwan_list_files with and without DIWAN_FILES_FOLLOW. Without it, every
** file to open lies inside the folder; a FIFO or a link out is listed with
** an error and no file; the listing is sorted; a FIFO never blocks (the
** listing does not open it). Entries: a type byte, then a name up to NUL.
** The tree lives under $TMPDIR (use a tmpfs: /dev/shm). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz.h"

static char root[PATH_MAX], rroot[PATH_MAX], outside[PATH_MAX];

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f) {
  return remove(p) ? 0 : 0;
}

/* The tree and its outside go at exit: one folder per process otherwise
** stays in $TMPDIR. */
static void cleanup(void) {
  if (outside[0]) nftw(outside, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void setup(void) {
  const char *tmp = getenv("TMPDIR");
  snprintf(outside, sizeof outside, "%s/diwan-fuzz-%d", tmp ? tmp : "/tmp", (int)getpid());
  mkdir(outside, 0700);
  snprintf(root, sizeof root, "%s/root", outside);
  char secret[PATH_MAX + 16];
  snprintf(secret, sizeof secret, "%s/secret.txt", outside);
  FILE *f = fopen(secret, "w");
  if (f) { fputs("secret", f); fclose(f); }
  atexit(cleanup);
}

/* Every folder on the way to root/name is a real folder, not a link: the
** input makes links to ".." and "." (cases 3 and 4), and a name through one
** ("L/M/x" with L and M links to "..") would create x outside the tree, as
** far as the file system's root (as root; earlier runs left files in
** /dev/shm that way). */
static int parents_real(const char *name) {
  char path[PATH_MAX + 80];
  for (const char *slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/')) {
    struct stat sb;
    snprintf(path, sizeof path, "%s/%.*s", root, (int)(slash - name), name);
    if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) return 0;
  }
  return 1;
}

/* A name from the input: no '/' at either end, no "..", not empty. */
static int make_name(const char *p, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) out[k++] = p[i] ? p[i] : '_';
  out[k] = 0;
  if (!k || out[0] == '/' || strstr(out, "..")) return 0;
  return 1;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (!root[0]) setup();
  nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  CHECK(mkdir(root, 0700) == 0);
  CHECK(realpath(root, rroot) != NULL);
  const char *p = (const char *)data, *end = p + size;
  for (int made = 0; p < end && made < 16; made++) {
    unsigned type = (unsigned char)*p++;
    const char *q = p;
    while (q < end && *q) q++;
    char name[64], path[PATH_MAX + 80];
    int ok = make_name(p, (size_t)(q - p), name, sizeof name);
    p = q < end ? q + 1 : end;
    if (!ok || !parents_real(name)) continue;
    snprintf(path, sizeof path, "%s/%s", root, name);
    switch (type % 6) {
      case 0: case 1: {
        /* O_EXCL|O_NOFOLLOW|O_NONBLOCK: the input may already have made a
        ** FIFO or a link of that name, and fopen would block on the FIFO
        ** (the harness hanging, not diwan) or write through the link. */
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK, 0600);
        if (fd >= 0) {
          static const char text[] = "Baku, 3 May 2021.";
          if (write(fd, text, sizeof text - 1) < 0) { /* a full tmpfs: the file stays short */ }
          close(fd);
        }
        break;
      }
      case 2: mkdir(path, 0700); break;
      case 3: symlink("..", path); break;                  /* out of the folder */
      case 4: symlink(".", path); break;                   /* a loop inside */
      default: mkfifo(path, 0600);
    }
  }
  for (int flags = 0; flags < 2; flags++) {
    diwan_filelist l;
    char err[256];
    int rc = diwan_list_files(root, flags, &l, err, sizeof err);
    CHECK(rc == DIWAN_OK);
    for (size_t i = 0; i < l.n; i++) {
      CHECK(l.paths[i] && l.paths[i][0]);
      if (i) CHECK(strcmp(l.paths[i - 1], l.paths[i]) < 0);
      CHECK(!l.files[i] != !l.errors[i]);
      if (!l.files[i] || flags) continue;
      char real[PATH_MAX];
      if (!realpath(l.files[i], real)) continue;     /* vanished: fine */
      size_t rn = strlen(rroot);
      CHECK(strncmp(real, rroot, rn) == 0 && (real[rn] == '/' || !real[rn]));
      struct stat sb;
      CHECK(stat(real, &sb) == 0 && S_ISREG(sb.st_mode));
    }
    diwan_filelist_free(&l);
  }
  return 0;
}
