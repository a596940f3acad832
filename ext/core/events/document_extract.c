/* diwan_document_extract: a document's dates, mentions and events in one
** call, for extracting a corpus (sql/extract.sql through diwan_extract).
** The mentions are those the event scan finds anyway, so entity_each's
** separate scan of the text is saved. The event scan runs first: its
** working memory (a whole document's mentions, sentences and candidate
** events) is freed before the date scan, whose own memory is constant, so
** the dates a caller collects are never held beside it (diwan_extract's
** peak memory per input byte, bench/memory.bench.tcl). */
#include "diwan.h"

static int no_event(void *ctx, const diwan_event *e) { return 0; }

int diwan_document_extract(const diwan_months *months, const diwan_event_opts *o,
                           const char *s, size_t n, const diwan_extract_cbs *cb) {
  const diwan_ymd *anchor = o ? o->anchor : NULL;
  int rc = DIWAN_OK;
  diwan_event_opts eo = {0};
  if (o) eo = *o;
  eo.on_mention = cb->on_mention;
  eo.mention_ctx = cb->ctx;
  if (cb->on_event || cb->on_mention)
    rc = diwan_events(&eo, s, n, cb->on_event ? cb->on_event : no_event, cb->ctx);
  if (rc) return rc;
  if (cb->on_date) rc = diwan_dates_with(months, s, n, anchor, NULL, cb->on_date, cb->ctx);
  return rc;
}
