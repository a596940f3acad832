/* Internal helpers shared by the segmenters. */
#ifndef DIWAN_SEGMENT_H
#define DIWAN_SEGMENT_H
#include <stdint.h>
#include <stddef.h>

/* White space of any kind, including NBSP and the narrow NBSP of French. */
int diwan_is_space(uint32_t cp);
/* Is the word w (UTF-8, n bytes) an abbreviation that a dot does not end
** a sentence after (ext/data/abbreviations.txt)? */
int diwan_is_abbreviation(const char *w, size_t n);

#endif
