/* Shared by lang.c (the token-by-token reading and the answer) and
** lang_fast.c (the one-pass reading). */
#ifndef DIWAN_LANG_INT_H
#define DIWAN_LANG_INT_H
#include <stddef.h>
#include <stdint.h>
#include "diwan.h"

enum { LANG_FR, LANG_EN, LANG_AZ, LANG_RU, LANG_UK, LANG_NVOTE };
#define LANG_MAXWORD 40   /* listed words are shorter, lower-cased */

typedef struct lang_tally {
  size_t script[8];                 /* letters in word tokens, by script */
  size_t votes[LANG_NVOTE];         /* listed words read as whole tokens */
  size_t az_letters, uk_letters, fr_letters;
  /* One-pass reading only: what may or may not count. */
  size_t latin_maybe, az_letters_maybe, fr_letters_maybe;
  size_t votes_maybe[LANG_NVOTE];
} lang_tally;

/* The language of the listed word w (lower-cased), or -1. */
int lang_word_vote(const char *w, size_t n);
size_t lang_word_max(void);         /* the longest listed word, in bytes */
int lang_is_az_letter(uint32_t cp);
int lang_is_uk_letter(uint32_t cp);
int lang_is_fr_letter(uint32_t cp);

void lang_fast_init(void);
/* diwan_lang_detect by the tokenizer alone (the definition the one-pass
** reading must agree with; the fuzzer compares them). */
const char *diwan_lang_detect_tokens(const char *s, size_t n);
void lang_fast_tally(const char *s, size_t n, lang_tally *t);

#endif
