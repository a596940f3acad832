/* HTML reduced to its readable text: tags dropped, block elements as line
** breaks, script/style/comments removed, entities decoded, white space
** folded as a browser would. Not a validating parser: any input ends. */
#include <string.h>
#include <strings.h>
#include "diwan.h"
#include "html.h"

static const char *const blocks[] = {
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "title",
  "section", "article", "header", "footer", "ul", "ol", "table", "blockquote",
  "pre", "hr", "dt", "dd", "figcaption", "main", "aside", "nav", "body", 0};
static const char *const skipped[] = {"script", "style", "noscript", "template", 0};

static const struct { const char *name; uint32_t cp; } entities[] = {
  {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
  {"nbsp", 0xA0}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D},
  {"ldquo", 0x201C}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
  {"laquo", 0xAB}, {"raquo", 0xBB}, {"shy", 0xAD}, {"zwnj", 0x200C},
  {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F}, {"eacute", 0xE9},
  {"egrave", 0xE8}, {"ecirc", 0xEA}, {"agrave", 0xE0}, {"ccedil", 0xE7},
  {"iuml", 0xEF}, {"euml", 0xEB}, {"ocirc", 0xF4}, {"ucirc", 0xFB},
  {"Eacute", 0xC9}, {"copy", 0xA9}, {"deg", 0xB0}, {"middot", 0xB7}, {0, 0}};

static int in_list(const char *const *list, const char *name, size_t n) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0) return 1;
  return 0;
}

/* Decode the entity at s[i] ('&'); returns bytes consumed or 0. */
static size_t entity(const char *s, size_t n, size_t i, uint32_t *cp) {
  size_t j = i + 1, lim = i + 12 < n ? i + 12 : n;
  while (j < lim && s[j] != ';') j++;
  if (j >= lim) return 0;
  if (s[i + 1] == '#') {
    uint32_t v = 0;
    int hex = (s[i + 2] | 0x20) == 'x';
    size_t k = i + 2 + hex;
    if (k == j) return 0;
    for (; k < j; k++) {
      int c = (unsigned char)s[k], d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
      else return 0;
      v = v * (hex ? 16 : 10) + (uint32_t)d;
      if (v > 0x10FFFF) return 0;
    }
    *cp = (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) ? DIWAN_REPLACEMENT : v;
    return j - i + 1;
  }
  for (int e = 0; entities[e].name; e++) {
    size_t len = strlen(entities[e].name);
    if (len == j - i - 1 && memcmp(entities[e].name, s + i + 1, len) == 0) {
      *cp = entities[e].cp;
      return j - i + 1;
    }
  }
  return 0;
}

/* Find "</name" case-insensitively from i; returns its index or n. */
static size_t find_close(const char *s, size_t n, size_t i, const char *name, size_t len) {
  for (; i + 2 + len <= n; i++)
    if (s[i] == '<' && s[i + 1] == '/' && strncasecmp(s + i + 2, name, len) == 0) return i;
  return n;
}

static size_t skip_tag(const char *s, size_t n, size_t i) {
  char q = 0;
  for (; i < n; i++) {
    if (q) { if (s[i] == q) q = 0; }
    else if (s[i] == '"' || s[i] == '\'') q = s[i];
    else if (s[i] == '>') return i + 1;
  }
  return n;
}

/* Handles the markup at s[i] == '<'; returns where text resumes. */
static size_t markup(const char *s, size_t n, size_t i, diwan_buf *out, int *space) {
  if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
    const char *e = NULL;
    for (size_t k = i + 4; k + 3 <= n; k++)
      if (memcmp(s + k, "-->", 3) == 0) { e = s + k; break; }
    return e ? (size_t)(e - s) + 3 : n;
  }
  size_t j = i + 1 + (i + 1 < n && s[i + 1] == '/');
  size_t k = j;
  while (k < n && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') ||
                   (s[k] >= '0' && s[k] <= '9')))
    k++;
  size_t end = skip_tag(s, n, k);
  if (k == j) return end;   /* <!DOCTYPE>, <?xml?>, stray '<' + junk */
  if (s[i + 1] != '/' && in_list(skipped, s + j, k - j)) {
    size_t c = find_close(s, n, end, s + j, k - j);
    return c < n ? skip_tag(s, n, c) : n;
  }
  if (in_list(blocks, s + j, k - j)) {
    diwan_buf_putc(out, '\n');
    *space = 1;
  }
  return end;
}

int diwan_html_to_text(const char *s, size_t n, diwan_buf *out) {
  int space = 1;   /* last output was white space: fold runs */
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    if (c == '<') { i = markup(s, n, i, out, &space); continue; }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!space) diwan_buf_putc(out, ' ');
      space = 1;
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = c == '&' ? entity(s, n, i, &cp) : 0;
    if (k) { diwan_buf_putc(out, cp); i += k; }
    else { diwan_buf_append(out, s + i, 1); i++; }
    space = 0;
  }
  return out->oom ? DIWAN_NOMEM : DIWAN_OK;
}

int diwan_html_title(const char *s, size_t n, diwan_buf *out) {
  for (size_t i = 0; i + 7 <= n; i++) {
    if (s[i] != '<' || strncasecmp(s + i + 1, "title", 5) != 0) continue;
    if (s[i + 6] != '>' && s[i + 6] != ' ') continue;
    size_t a = skip_tag(s, n, i + 6);
    size_t b = find_close(s, n, a, "title", 5);
    diwan_buf t;
    diwan_buf_init(&t);
    int found = -DIWAN_NOMEM;
    if (diwan_html_to_text(s + a, b - a, &t) == DIWAN_OK) {
      size_t ts, tl;
      diwan_first_line(t.p ? t.p : "", t.n, &ts, &tl);
      found = tl > 0;
      if (found && diwan_buf_append(out, t.p + ts, tl)) found = -DIWAN_NOMEM;
    }
    diwan_buf_free(&t);
    return found;
  }
  return 0;
}
