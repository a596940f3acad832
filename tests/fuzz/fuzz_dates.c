/* libFuzzer target of date extraction alone (make fuzz-dates): fast enough
** to run millions of inputs, with a dictionary of every lexicon word
** (tools/fuzz_dict.tcl). The input's first byte picks the options (anchor
** none, a day, a month, a year, far past, far future; prefer; en-US), the
** rest is the text. Checked: spans inside the input and in order, a value
** for every row that has days, first day <= last day, ISO days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diwan.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "violated: %s\n", #c); abort(); } } while (0)

typedef struct seen { size_t n, last; } seen;

static int iso_day(const char *d) {
  return strlen(d) == 10 && d[4] == '-' && d[7] == '-';
}

static int date_cb(void *ctx, const diwan_date *d) {
  seen *s = ctx;
  CHECK(d->len > 0 && d->start + d->len <= s->n);
  CHECK(d->start >= s->last);              /* text order, no overlap */
  s->last = d->start + d->len;
  CHECK(d->precision && d->calendar && d->lang);
  CHECK(diwan_utf8_check(d->value, strlen(d->value)) == strlen(d->value));
  CHECK(!d->first_day[0] == !d->last_day[0]);
  if (d->first_day[0]) {
    CHECK(iso_day(d->first_day) && iso_day(d->last_day));
    CHECK(strcmp(d->first_day, d->last_day) <= 0);
    CHECK(d->value[0]);
  }
  CHECK(d->relative || d->value[0]);       /* only relative rows go empty */
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static const diwan_ymd anchors[] = {
    {2015, 8, 9}, {2013, 2, 12}, {2024, 2, 29}, {2020, 12, 0}, {1999, 0, 0},
    {1, 1, 1}, {9999, 12, 31}};
  if (size < 1) return 0;
  unsigned k = data[0];
  const char *s = (const char *)data + 1;
  size_t n = size - 1;
  diwan_date_opts o;
  memset(&o, 0, sizeof o);
  unsigned a = k % 8;
  o.anchor = a < 7 ? &anchors[a] : NULL;
  o.prefer = (int)((k >> 3) % 5);          /* 4: out of range, must be safe */
  o.lang = (k & 0x80) ? "en-US" : NULL;
  seen sn = {n, 0};
  CHECK(diwan_dates_opts(&o, s, n, date_cb, &sn) == DIWAN_OK);
  return 0;
}
