/* The publication day of a document, from what the file itself says:
** HTML metadata (article:published_time, og/Dublin Core/schema.org dates,
** <time datetime>) and a date in the file's path (2015-08-02, 20150802,
** 2015/08/02). Linear scans, no allocation. */
#include <string.h>
#include <strings.h>
#include "diwan.h"

static int digits(const char *s, int k) {
  for (int i = 0; i < k; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int num(const char *s, int k) {
  int v = 0;
  for (int i = 0; i < k; i++) v = v * 10 + (s[i] - '0');
  return v;
}

static int days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : d[m - 1];
}

/* Writes YYYY-MM-DD when y-m-d is a day of 1900–2099. */
static int put_day(int y, int m, int d, char out[11]) {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return 0;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = 0;
  return 1;
}

/* An ISO day at the start of a metadata value (time and zone ignored). */
static int iso_value(const char *s, size_t n, char out[11]) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  if (n < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
      !digits(s + 8, 2) || (n > 10 && s[10] >= '0' && s[10] <= '9'))
    return 0;
  return put_day(num(s, 4), num(s + 5, 2), num(s + 8, 2), out);
}

/* The value of attribute name inside the tag s[0, n), or NULL. */
static const char *attr(const char *s, size_t n, const char *name, size_t *len) {
  size_t k = strlen(name);
  for (size_t i = 0; i + k < n; i++) {
    if (strncasecmp(s + i, name, k) != 0) continue;
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t' && s[i - 1] != '\n') continue;
    size_t j = i + k;
    while (j < n && s[j] == ' ') j++;
    if (j >= n || s[j] != '=') continue;
    j++;
    while (j < n && s[j] == ' ') j++;
    char q = j < n && (s[j] == '"' || s[j] == '\'') ? s[j++] : 0;
    size_t a = j;
    while (j < n && (q ? s[j] != q : s[j] != ' ' && s[j] != '>')) j++;
    *len = j - a;
    return s + a;
  }
  return NULL;
}

/* The metadata names that carry the publication time. */
static const char *const keys[] = {
  "article:published_time", "og:published_time", "og:article:published_time",
  "datepublished", "dc.date.issued", "dcterms.issued", "dc.date",
  "dcterms.created", "pubdate", "publishdate", "publish-date", "date", 0};

static int meta_key(const char *v, size_t n) {
  for (int i = 0; keys[i]; i++)
    if (strlen(keys[i]) == n && strncasecmp(v, keys[i], n) == 0) return 1;
  return 0;
}

int diwan_html_published(const char *s, size_t n, char out[11]) {
  char time_day[11] = "";
  for (size_t i = 0; i + 5 < n; i++) {
    if (s[i] != '<') continue;
    int meta = strncasecmp(s + i + 1, "meta", 4) == 0;
    int time = strncasecmp(s + i + 1, "time", 4) == 0;
    if (!meta && !time) continue;
    const char *end = memchr(s + i, '>', n - i);
    size_t tn = end ? (size_t)(end - (s + i)) : n - i;
    const char *tag = s + i;
    size_t vl, kl;
    const char *v;
    if (meta) {
      const char *k = attr(tag, tn, "property", &kl);
      if (!k || !meta_key(k, kl)) k = attr(tag, tn, "name", &kl);
      if (!k || !meta_key(k, kl)) k = attr(tag, tn, "itemprop", &kl);
      if (k && meta_key(k, kl) && (v = attr(tag, tn, "content", &vl)) &&
          iso_value(v, vl, out))
        return 1;
    } else if (!time_day[0] && (v = attr(tag, tn, "datetime", &vl))) {
      iso_value(v, vl, time_day);
    }
    i += tn ? tn - 1 : 0;
  }
  if (!time_day[0]) return 0;
  memcpy(out, time_day, 11);
  return 1;
}

/* YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD, YYYY/MM/DD or YYYYMMDD, not inside a
** longer run of digits: the last such day in the path (the file name is
** after the folders). */
int diwan_path_published(const char *s, size_t n, char out[11]) {
  int found = 0;
  for (size_t i = 0; i + 8 <= n; i++) {
    if (!digits(s + i, 4) || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    char day[11];
    size_t e = 0;
    char c = s[i + 4];
    if ((c == '-' || c == '_' || c == '.' || c == '/') && i + 10 <= n &&
        digits(s + i + 5, 2) && s[i + 7] == c && digits(s + i + 8, 2)) {
      if (put_day(num(s + i, 4), num(s + i + 5, 2), num(s + i + 8, 2), day)) e = i + 10;
    } else if (digits(s + i + 4, 4)) {
      if (put_day(num(s + i, 4), num(s + i + 4, 2), num(s + i + 6, 2), day)) e = i + 8;
    }
    if (!e || (e < n && s[e] >= '0' && s[e] <= '9')) continue;
    memcpy(out, day, 11);
    found = 1;
    i = e - 1;
  }
  return found;
}
