/* Internal helpers shared by the segmenters. */
#ifndef DIWAN_SEGMENT_H
#define DIWAN_SEGMENT_H
#include <stdint.h>
#include <stddef.h>
#include "diwan.h"

/* White space of any kind, including NBSP and the narrow NBSP of French. */
int diwan_is_space(uint32_t cp);
/* Is the word w (UTF-8, n bytes) an abbreviation that a dot does not end
** a sentence after (ext/data/abbreviations.txt)? */
int diwan_is_abbreviation(const char *w, size_t n);

/* diwan_tokenizer_next, and for a word *plain = 1 when it is only letters,
** marks and digits of the class table's fast path: no joiner (apostrophe,
** hyphen, gershayim, dot), invisible character or trailing dot in it. */
int dw_tokenizer_next(diwan_tokenizer *t, size_t *start, size_t *len,
                      diwan_token_kind *kind, int *plain);

#endif
