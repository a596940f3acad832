/* Documents and HTML: diwan_document_text (plain and HTML) gives valid
** UTF-8 whatever the bytes, and the count of replaced bytes is 0 exactly
** when the input was valid UTF-8 (plain text); the title, the publication
** day of the metadata and of a path are valid or absent; the first line is
** a span inside the text. */
#include "fuzz.h"

static void iso_or_none(int found, const char day[11]) {
  if (!found) return;
  CHECK(strlen(day) == 10 && day[4] == '-' && day[7] == '-');
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  for (int html = 0; html < 2; html++) {
    diwan_buf b;
    long bad = -1;
    diwan_buf_init(&b);
    CHECK(diwan_document_text(s, size, html, &b, &bad) == DIWAN_OK);
    fz_valid(&b);
    CHECK(bad >= 0);
    if (!html) CHECK((bad == 0) == (diwan_utf8_check(s, size) == size));
    size_t fs, fl;
    diwan_first_line(b.p ? b.p : "", b.n, &fs, &fl);
    fz_span(fs, fl, b.n);
    diwan_buf_free(&b);
  }
  diwan_buf t;
  diwan_buf_init(&t);
  int r = diwan_html_title(s, size, &t);
  CHECK(r == 0 || r == 1);
  diwan_buf_free(&t);
  char day[11] = "";
  iso_or_none(diwan_html_published(s, size, day), day);
  day[0] = 0;
  iso_or_none(diwan_path_published(s, size, day), day);
  return 0;
}
