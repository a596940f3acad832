/* Events and diwan_extract: diwan_events (partial or not, anchored or not,
** with user triggers and titles or none: the input's first byte picks) and
** diwan_document_extract, which must give the same events. Spans inside
** the input, a type, a status, actors that are codes or ids, mentions in
** text order. */
#include "fuzz.h"

typedef struct seen { size_t n, count; } seen;

static int on_event(void *ctx, const diwan_event *e) {
  seen *s = ctx;
  fz_span(e->start, e->len, s->n);
  fz_span(e->sent_start, e->sent_len, s->n);
  CHECK(e->len > 0 && e->type && e->type[0] && e->status);
  fz_valid_z(e->type);
  if (e->actor1) fz_valid_z(e->actor1);
  if (e->actor2) fz_valid_z(e->actor2);
  CHECK(e->npersons >= 0 && e->npersons <= DIWAN_EVENT_MAXPERSONS);
  CHECK(e->nmentions >= 1);
  int k = e->nmentions < DIWAN_EVENT_MAXMENTIONS ? e->nmentions : DIWAN_EVENT_MAXMENTIONS;
  for (int i = 0; i < k; i++) {
    fz_span(e->mention[i].start, e->mention[i].len, s->n);
    if (i) CHECK(e->mention[i].start >= e->mention[i - 1].start);
  }
  if (e->has_date) fz_valid_z(e->date.value);
  s->count++;
  return 0;
}

static int on_date(void *ctx, const diwan_date *d) {
  fz_span(d->start, d->len, *(size_t *)ctx);
  return 0;
}

static int on_mention(void *ctx, const diwan_mention *m) {
  fz_span(m->start, m->len, *(size_t *)ctx);
  return 0;
}

static diwan_event_lexicon *user_lexicon(void) {
  diwan_event_lexicon *x = diwan_event_lexicon_new();
  if (!x) return NULL;
  const char *t[5] = {"en", "visit", "042", "toured", ""};
  const size_t tl[5] = {2, 5, 3, 6, 0};
  diwan_event_lexicon_add(x, t, tl, 1);
  const char *ti[3] = {"en", "foreign_minister", "top diplomat"};
  const size_t til[3] = {2, 16, 12};
  diwan_event_lexicon_add_title(x, ti, til);
  return x;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  static const diwan_ymd anchor = {2021, 5, 3};
  if (size < 1) return 0;
  unsigned k = data[0];
  const char *s = (const char *)data + 1;
  size_t n = size - 1;
  diwan_event_lexicon *x = (k & 4) ? user_lexicon() : NULL;
  diwan_event_opts o = {.lexicon = x, .anchor = (k & 1) ? &anchor : NULL,
                        .partial = (k >> 1) & 1};
  seen a = {n, 0}, b = {n, 0};
  CHECK(diwan_events(&o, s, n, on_event, &a) == DIWAN_OK);
  diwan_extract_cbs cb = {on_date, on_mention, NULL, &n};
  cb.on_event = on_event;
  cb.ctx = &b;
  /* one ctx for all three: dates and mentions read its first field, n */
  CHECK(diwan_document_extract(NULL, &o, s, n, &cb) == DIWAN_OK);
  CHECK(a.count == b.count);
  diwan_event_lexicon_free(x);
  return 0;
}
