/* The out-of-memory test, like SQLite's own: every entry point of diwan is
** run again and again, with its 1st, 2nd, 3rd, … allocation failing, until
** it runs without the failure being hit. The extension's core allocates
** through sqlite3_malloc64 (register.c), so the one allocator installed
** here with SQLITE_CONFIG_MALLOC sees every allocation of both.
**
**   oom DIWAN_SO [NAME_SUBSTRING]
**
** Each entry point runs in its own process (fork), first cold (nothing of
** diwan loaded yet: a failure while a lexicon loads must not stick), then
** warm. A failed call must return SQLITE_NOMEM and leave no memory behind
** (warm: nothing diwan allocated during it is still live once the next call
** has run: the user tables' cache may hold a group read before the failure
** until then); a call that
** succeeds, even with an allocation failed, must return exactly the rows of
** a run without failures; the call after a failure must work. Cold, the
** n-th allocation is failed for every n up to 64, then for n growing by 1/8
** (loading the gazetteer makes some 80,000: DIWAN_OOM_FULL=1 tries every n,
** which takes hours; DIWAN_OOM_QUICK=1 every n up to 16, then doubling).
** Warm, every n is tried, failing that allocation only and then that one
** and all after it. Prints one line per entry point; exits 1 on a failure. */
#define _GNU_SOURCE 1
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dlfcn.h>
#include <execinfo.h>

/* ------------------------------------------------------ the allocator */
static sqlite3_mem_methods sys;
static long nalloc;          /* allocations since arming */
static long fail_at;         /* 0: none; else the allocation to fail */
static int persistent;       /* fail every allocation from fail_at on */
static int hit;              /* a failure was injected since arming */
static long live;            /* allocations not yet freed */

/* While a warm call runs, each allocation is recorded with its call stack,
** so that what is left behind after a failed call can be told apart: an
** allocation made from diwan's code is a leak; SQLite keeps some of its
** own (the connection's last error message, …). */
#define MAXTRACK 65536
#define DEPTH 16
static struct { void *p; void *bt[DEPTH]; int n; } track[MAXTRACK];
static int ntrack, tracking, watching, overflow;
static void *diwan_base;     /* load address of diwan.so */

static void track_alloc(void *p) {
  if (!tracking || !p) return;
  if (ntrack == MAXTRACK) { overflow = 1; return; }
  track[ntrack].p = p;
  track[ntrack].n = backtrace(track[ntrack].bt, DEPTH);
  ntrack++;
}

static void track_free(void *p) {
  if (!watching || !p) return;
  for (int i = ntrack - 1; i >= 0; i--)
    if (track[i].p == p) { track[i].p = NULL; return; }
}

/* Made from diwan's code, and not the connection's error message (SQLite
** keeps the last one, whoever caused it). */
static int from_diwan(int i) {
  int mine = 0;
  for (int k = 0; k < track[i].n; k++) {
    Dl_info info;
    if (!dladdr(track[i].bt[k], &info)) continue;
    if (info.dli_sname && (!strcmp(info.dli_sname, "sqlite3ErrorWithMsg") ||
                           !strcmp(info.dli_sname, "sqlite3VdbeTransferError")))
      return 0;
    if (info.dli_fbase == diwan_base) mine = 1;
  }
  return mine;
}

static int should_fail(void) {
  if (!fail_at) return 0;
  nalloc++;
  if (nalloc == fail_at || (persistent && nalloc > fail_at)) { hit = 1; return 1; }
  return 0;
}

static void *x_malloc(int n) {
  if (should_fail()) return NULL;
  void *p = sys.xMalloc(n);
  if (p) live++;
  track_alloc(p);
  return p;
}

static void x_free(void *p) {
  if (p) live--;
  track_free(p);
  sys.xFree(p);
}

static void *x_realloc(void *p, int n) {
  if (should_fail()) return NULL;
  void *q = sys.xRealloc(p, n);
  if (q && !p) live++;
  if (q && q != p) { track_free(p); track_alloc(q); }
  return q;
}

static int x_size(void *p) { return sys.xSize(p); }
static int x_roundup(int n) { return sys.xRoundup(n); }
static int x_init(void *a) { return sys.xInit(a); }
static void x_shutdown(void *a) { sys.xShutdown(a); }

static void arm(long at, int pers) {
  nalloc = 0;
  hit = 0;
  persistent = pers;
  fail_at = at;
}
static void disarm(void) { fail_at = 0; }

#include "../entries.h"

/* ------------------------------------------------------------- running */
typedef struct result { int rc; uint64_t hash; char msg[200]; } result;

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  const unsigned char *u = p;
  for (size_t i = 0; i < n; i++) h = (h ^ u[i]) * 1099511628211ull;
  return h;
}

/* Runs sql; the rows are hashed (type and bytes of every value). */
static result run(sqlite3 *db, const char *sql) {
  result r = {SQLITE_OK, 1469598103934665603ull, ""};
  sqlite3_stmt *st = NULL;
  r.rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  while (r.rc == SQLITE_OK) {
    int s = sqlite3_step(st);
    if (s == SQLITE_DONE) break;
    if (s != SQLITE_ROW) { r.rc = s; break; }
    for (int i = 0; i < sqlite3_column_count(st); i++) {
      int t = sqlite3_column_type(st, i);
      const unsigned char *z = sqlite3_column_text(st, i);
      if (!z && t != SQLITE_NULL) { r.rc = SQLITE_NOMEM; break; }
      r.hash = fnv(r.hash, &t, sizeof t);
      if (z) r.hash = fnv(r.hash, z, (size_t)sqlite3_column_bytes(st, i));
    }
  }
  if (r.rc != SQLITE_OK) {
    int ext = sqlite3_extended_errcode(db);
    snprintf(r.msg, sizeof r.msg, "rc=%d ext=%d %s", r.rc, ext, sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return r;
}

static int failures;

static void complain(const entry *e, const char *phase, long n, const char *what,
                     const result *r) {
  if (failures++ < 20)
    fprintf(stderr, "FAILED %s (%s, allocation %ld): %s%s%s\n", e->name, phase, n,
            what, r ? ": " : "", r ? r->msg : "");
}

static void find_diwan(const char *so) {
  void *h = dlopen(so, RTLD_NOW | RTLD_NOLOAD);
  void *sym = h ? dlsym(h, "sqlite3_diwan_init") : NULL;
  Dl_info info;
  if (sym && dladdr(sym, &info)) diwan_base = info.dli_fbase;
  if (h) dlclose(h);
}

static sqlite3 *open_db(const char *so, const entry *e) {
  sqlite3 *db = entry_open("oom", so, e);
  if (!diwan_base) find_diwan(so);
  return db;
}

/* The cold allocations tried: every one (DIWAN_OOM_FULL, hours), every one
** up to 64 then growing by 1/8 (make oom), or up to 16 then doubling
** (DIWAN_OOM_QUICK: the test suite, which runs on shared machines). */
static long next_n(long n) {
  static int mode = -1;
  if (mode < 0) mode = getenv("DIWAN_OOM_FULL") ? 2 : getenv("DIWAN_OOM_QUICK") ? 0 : 1;
  if (mode == 2) return n + 1;
  if (mode == 0) return n < 16 ? n + 1 : n * 2;
  return n < 64 ? n + 1 : n + n / 8;
}

/* Cold: the first call of a process, with allocation n failing, in a child
** forked for each n (so every try starts with nothing of diwan loaded); then
** the next call must work and give the rows of a run without failures. */
/* Exit status: bit 0 a failure found, bit 1 the call made fewer than n. */
static int cold_try(sqlite3 *db, const entry *e, long n, uint64_t ref) {
  int before = failures;
  arm(n, 0);
  result r = run(db, e->sql);
  int was_hit = hit;
  disarm();
  if (r.rc == SQLITE_OK && r.hash != ref)
    complain(e, "cold", n, "a wrong result returned as success", NULL);
  if (r.rc != SQLITE_OK && r.rc != SQLITE_NOMEM)
    complain(e, "cold", n, "failed without SQLITE_NOMEM", &r);
  if (r.rc != SQLITE_OK && !was_hit)
    complain(e, "cold", n, "SQLITE_NOMEM without a failed allocation", &r);
  if (r.rc != SQLITE_OK) {
    result again = run(db, e->sql);
    if (again.rc != SQLITE_OK || again.hash != ref)
      complain(e, "cold", n, "the call after the failure does not work", &again);
  }
  return (failures > before) | (was_hit ? 0 : 2);
}

static long cold(sqlite3 *db, const entry *e, const result *ref) {
  long n, tried = 0;
  for (n = 1;; n = next_n(n)) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); exit(2); }
    if (pid == 0) _exit(cold_try(db, e, n, ref->hash));
    int status;
    waitpid(pid, &status, 0);
    tried++;
    if (WIFSIGNALED(status)) {
      complain(e, "cold", n, "crashed", NULL);
      break;
    }
    if (WEXITSTATUS(status) & 1) failures++;
    if (WEXITSTATUS(status) & 2) break;   /* the call made fewer than n */
    if (n > 100000000) { complain(e, "cold", n, "never ends", NULL); break; }
  }
  return tried;
}

/* The rows of a cold run without failures, computed in a child so that
** this process stays cold. */
static result reference(sqlite3 *db, const entry *e) {
  int fd[2];
  result r = {SQLITE_ERROR, 0, "no reference"};
  if (pipe(fd)) { perror("pipe"); exit(2); }
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    result x = run(db, e->sql);
    _exit(write(fd[1], &x, sizeof x) == (ssize_t)sizeof x ? 0 : 1);
  }
  close(fd[1]);
  if (read(fd[0], &r, sizeof r) != (ssize_t)sizeof r) r.rc = SQLITE_ERROR;
  close(fd[0]);
  waitpid(pid, NULL, 0);
  return r;
}

static long warm(sqlite3 *db, const entry *e, const result *ref, int pers) {
  const char *phase = pers ? "warm, persistent" : "warm";
  long n;
  for (n = 1;; n++) {
    ntrack = overflow = 0;
    tracking = watching = 1;
    arm(n, pers);
    result r = run(db, e->sql);
    int was_hit = hit;
    disarm();
    tracking = 0;
    if (r.rc == SQLITE_OK) {
      watching = 0;
      if (r.hash != ref->hash) complain(e, phase, n, "a wrong result returned as success", NULL);
      if (!was_hit) break;
      continue;
    }
    if (r.rc != SQLITE_NOMEM) complain(e, phase, n, "failed without SQLITE_NOMEM", &r);
    if (!was_hit) { complain(e, phase, n, "failed without a failed allocation", &r); break; }
    /* What the failed call left is counted after the next call: the user
    ** tables' cache (user_cache.c) may keep a group read before the
    ** failure, until a later call finds it out of date and frees it. */
    result again = run(db, e->sql);
    watching = 0;
    if (again.rc != SQLITE_OK || again.hash != ref->hash)
      complain(e, phase, n, "the call after the failure does not work", &again);
    int leaked = 0;
    for (int i = 0; i < ntrack && !overflow; i++)
      if (track[i].p && from_diwan(i)) {
        if (!leaked++ && failures < 20) backtrace_symbols_fd(track[i].bt, track[i].n, 2);
      }
    if (leaked) {
      char what[80];
      snprintf(what, sizeof what, "%d allocation(s) by diwan left behind", leaked);
      complain(e, phase, n, what, NULL);
    }
    if (n > 10000000) break;
  }
  return n;
}

static int test_entry(const char *so, const entry *e) {
  sqlite3 *db = open_db(so, e);
  result ref = reference(db, e);
  if (ref.rc != SQLITE_OK) {
    complain(e, "reference", 0, "fails", &ref);
    return 1;
  }
  long ncold = cold(db, e, &ref);
  result again = run(db, e->sql);
  if (again.rc != SQLITE_OK || again.hash != ref.hash)
    complain(e, "warm", 0, "differs from the cold run", &again);
  long nwarm = warm(db, e, &ref, 0);
  warm(db, e, &ref, 1);
  sqlite3_close(db);
  printf("%-30s cold: %6ld calls  warm: %6ld allocations  %s\n", e->name, ncold,
         nwarm - 1, failures ? "FAILED" : "ok");
  fflush(stdout);
  return failures != 0;
}

/* Loading the extension itself, each allocation failing in turn. */
static int test_load(const char *so) {
  const entry e = {"load_extension", 0, 0};
  long n;
  for (n = 1;; n++) {
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
    sqlite3_enable_load_extension(db, 1);
    char *err = NULL;
    arm(n, 0);
    int rc = sqlite3_load_extension(db, so, NULL, &err);
    int was_hit = hit;
    disarm();
    if (rc != SQLITE_OK && !was_hit) {
      result r = {rc, 0, ""};
      snprintf(r.msg, sizeof r.msg, "%s", err ? err : "");
      complain(&e, "load", n, "fails without a failed allocation", &r);
    }
    sqlite3_free(err);
    if (rc == SQLITE_OK) {
      result r = run(db, "select diwan_fold('Koweït') = 'koweit' and 'a' = 'A' collate diwan");
      if (r.rc != SQLITE_OK) complain(&e, "load", n, "loaded but does not work", &r);
    }
    sqlite3_close(db);
    if (rc == SQLITE_OK && !was_hit) break;
  }
  printf("%-30s every allocation of %ld  %s\n", e.name, n - 1, failures ? "FAILED" : "ok");
  return failures != 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: oom DIWAN_SO [NAME_SUBSTRING]\n");
    return 2;
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  const char *only = argc > 2 ? argv[2] : NULL;
  int bad = 0, ran = 0;
  size_t n = sizeof entries / sizeof entries[0];
  for (size_t i = 0; i <= n; i++) {
    if (i < n && only && !strstr(entries[i].name, only)) continue;
    if (i == n && only && !strstr("load_extension", only)) continue;
    ran++;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
      /* The default allocator is set up by the first initialize. */
      sqlite3_initialize();
      sqlite3_shutdown();
      sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sys);
      sqlite3_mem_methods mine = {x_malloc, x_free, x_realloc, x_size,
                                  x_roundup, x_init, x_shutdown, NULL};
      sqlite3_config(SQLITE_CONFIG_MALLOC, &mine);
      _exit(i < n ? test_entry(argv[1], &entries[i]) : test_load(argv[1]));
    }
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      bad++;
      if (WIFSIGNALED(status))
        printf("%-30s CRASHED (signal %d)\n", i < n ? entries[i].name : "load_extension",
               WTERMSIG(status));
    }
  }
  printf("oom: %d entry points, %d failed\n", ran, bad);
  return bad ? 1 : 0;
}
