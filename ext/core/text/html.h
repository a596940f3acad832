#ifndef DIWAN_HTML_H
#define DIWAN_HTML_H
#include "diwan.h"
/* Appends the text of HTML s to out (see html.c). */
int diwan_html_to_text(const char *s, size_t n, diwan_buf *out);
#endif
