/* A file's bytes made into the text diwan stores: valid UTF-8 (invalid
** sequences replaced and counted), no BOM, LF line ends, HTML as text. */
#include <string.h>
#include "diwan.h"
#include "html.h"
#include "segment.h"

/* Copies s to out with CRLF and lone CR turned into LF. With squeeze (HTML
** output), lines are trimmed and empty ones dropped: one block, one line. */
static int lines(const char *s, size_t n, int squeeze, diwan_buf *out) {
  size_t i = 0;
  while (i < n) {
    size_t e = i;
    while (e < n && s[e] != '\n' && s[e] != '\r') e++;
    size_t a = i, b = e;
    if (squeeze) {
      while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
      while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    }
    if (!(squeeze && a == b)) {
      diwan_buf_append(out, s + a, b - a);
      if (e < n) diwan_buf_putc(out, '\n');
    }
    if (e < n && s[e] == '\r' && e + 1 < n && s[e + 1] == '\n') e++;
    i = e + 1;
  }
  if (squeeze) while (out->n && out->p[out->n - 1] == '\n') out->p[--out->n] = 0;
  return out->oom ? DIWAN_NOMEM : DIWAN_OK;
}

int diwan_document_text(const char *raw, size_t n, int is_html, diwan_buf *out,
                        long *replaced) {
  diwan_buf clean, html;
  diwan_buf_init(&clean);
  diwan_buf_init(&html);
  long bad = diwan_utf8_sanitize(raw, n, &clean);
  int rc = DIWAN_NOMEM;
  if (bad >= 0) {
    const char *s = clean.p ? clean.p : "";
    size_t len = clean.n;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; len -= 3; }
    if (is_html) {
      rc = diwan_html_to_text(s, len, &html);
      if (rc == DIWAN_OK) rc = lines(html.p ? html.p : "", html.n, 1, out);
    } else {
      rc = lines(s, len, 0, out);
    }
  }
  if (replaced) *replaced = bad < 0 ? 0 : bad;
  diwan_buf_free(&clean);
  diwan_buf_free(&html);
  return rc;
}

void diwan_first_line(const char *s, size_t n, size_t *start, size_t *len) {
  size_t i = 0;
  while (i < n) {
    size_t e = i;
    while (e < n && s[e] != '\n') e++;
    size_t a = i, b = e, l;
    while (a < b && (s[a] == '#' || diwan_is_space(diwan_utf8_decode(
                         (const unsigned char *)s + a, b - a, &l))))
      a += s[a] == '#' ? 1 : l;
    while (b > a) {
      size_t k = b - 1;
      while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
      if (!diwan_is_space(diwan_utf8_decode((const unsigned char *)s + k, b - k, &l))) break;
      b = k;
    }
    if (b > a) { *start = a; *len = b - a; return; }
    i = e + 1;
  }
  *start = 0;
  *len = 0;
}
