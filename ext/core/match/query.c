/* diwan_fts5_query: what a user types, as an FTS5 query that cannot be a
** syntax error. Each term is quoted (so - : ^ + ( ) and column names are
** text, and the diwan tokenizer sees the word as typed); OR, NOT and AND
** written in capitals stay operators; "a phrase" stays a phrase; a final
** * makes a prefix query. A " between two Hebrew letters is a gershayim
** (צה"ל) and ' a geresh (אזרבייג'ן): both stay inside the word. */
#include <string.h>
#include "fold.h"

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Is s[i] (a ") a gershayim: a Hebrew letter just before and just after? */
static int gershayim(const unsigned char *u, size_t n, size_t i) {
  return i >= 2 && i + 2 < n && u[i - 2] == 0xD7 && u[i - 1] >= 0x90 && u[i - 1] <= 0xAA &&
         u[i + 1] == 0xD7 && u[i + 2] >= 0x90 && u[i + 2] <= 0xAA;
}

typedef struct qout {
  diwan_buf *out;
  size_t start;
  int nterms;
  const char *op;      /* an operator waiting for the term after it */
} qout;

/* Writes s[0..n) quoted ("" for "), after a pending operator or a space. */
static int put_term(qout *q, const char *s, size_t n, int prefix) {
  diwan_buf *o = q->out;
  if (n == 0) return DIWAN_OK;
  if (q->nterms) {
    diwan_buf_append(o, " ", 1);
    if (q->op) { diwan_buf_append(o, q->op, strlen(q->op)); diwan_buf_append(o, " ", 1); }
  }
  q->op = NULL;
  diwan_buf_append(o, "\"", 1);
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t len;
    uint32_t cp = diwan_utf8_decode(u + i, n - i, &len);
    /* a bad byte or a NUL separates words, as in the tokenizer; it is
    ** never copied */
    if ((cp == DIWAN_REPLACEMENT && !(len == 3 && u[i] == 0xEF)) || cp == 0)
      diwan_buf_append(o, " ", 1);
    else if (cp == '"') diwan_buf_append(o, "\"\"", 2);
    else diwan_buf_append(o, s + i, len);
    i += len;
  }
  diwan_buf_append(o, prefix ? "\"*" : "\"", prefix ? 2 : 1);
  q->nterms++;
  return o->oom ? DIWAN_NOMEM : DIWAN_OK;
}

/* An operator counts only between two terms: one at the start, at the end
** or after another is dropped. */
static void put_op(qout *q, const char *op) {
  if (q->nterms && !q->op) q->op = op;
}

/* A bare word: OR/NOT/AND in capitals are operators; a final * a prefix. */
static int word(qout *q, const char *s, size_t n) {
  if (n == 2 && memcmp(s, "OR", 2) == 0) { put_op(q, "OR"); return DIWAN_OK; }
  if (n == 3 && memcmp(s, "NOT", 3) == 0) { put_op(q, "NOT"); return DIWAN_OK; }
  if (n == 3 && memcmp(s, "AND", 3) == 0) { put_op(q, "AND"); return DIWAN_OK; }
  int prefix = 0;
  while (n > 0 && s[n - 1] == '*') { n--; prefix = 1; }
  return put_term(q, s, n, prefix);
}

int diwan_fts5_query(const char *s, size_t n, diwan_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  qout q = {out, out->n, 0, NULL};
  size_t i = 0;
  while (i < n) {
    if (is_space(u[i]) || u[i] == '(' || u[i] == ')') { i++; continue; }
    if (u[i] == '"') {                       /* a phrase, to its closing " */
      size_t a = ++i;
      while (i < n && !(u[i] == '"' && !gershayim(u, n, i))) i++;
      size_t b = i;
      if (i < n) i++;
      int prefix = i < n && u[i] == '*';
      if (prefix) i++;
      if (put_term(&q, s + a, b - a, prefix)) return DIWAN_NOMEM;
      continue;
    }
    size_t a = i;
    while (i < n && !is_space(u[i]) && u[i] != '(' && u[i] != ')' &&
           !(u[i] == '"' && !gershayim(u, n, i)))
      i++;
    if (word(&q, s + a, i - a)) return DIWAN_NOMEM;
  }
  /* No term: the empty phrase, which FTS5 accepts and which finds nothing
  ** (MATCH NULL or '' would be a syntax error). */
  if (!q.nterms && diwan_buf_append(out, "\"\"", 2)) return DIWAN_NOMEM;
  if (diwan_buf_reserve(out, 0)) return DIWAN_NOMEM;
  out->p[out->n] = 0;
  return DIWAN_OK;
}
