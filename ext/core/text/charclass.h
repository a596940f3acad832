/* The character classes of the code points below U+0800 in one byte each
** (ASCII, Latin-1 and Latin Extended, Greek, Cyrillic, Armenian, Hebrew,
** Arabic, Syriac, Thaana, NKo: nearly every character of our news): the
** tokenizer reads them from a table instead of calling diwan_script_of,
** diwan_is_space and diwan_is_invisible per code point. The table is built
** from those functions once per process (no allocation, so nothing to
** retry), and gives exactly their answers. Internal to the core. */
#ifndef DIWAN_CHARCLASS_H
#define DIWAN_CHARCLASS_H
#include <stdint.h>
#include "diwan.h"

#define DW_CC_SCRIPT 0x0F   /* the diwan_script */
#define DW_CC_SPACE 0x10    /* diwan_is_space */
#define DW_CC_INVIS 0x20    /* diwan_is_invisible */
#define DW_CC_WORD 0x40     /* letter of a script, mark or digit: continues a word */
#define DW_CC_LIMIT 0x800

extern unsigned char dw_cc_table[DW_CC_LIMIT];
/* By two bytes s[i] | s[i + 1] << 8: how many bytes the word character at
** s[i] spans when it is ASCII (1) or a well-formed two-byte sequence (2)
** with DW_CC_WORD, else 0; built with dw_cc_table. The tokenizer's run of
** word characters reads one entry per character. */
extern unsigned char dw_cc_run[1 << 16];
extern int dw_cc_ready;
void dw_cc_build(void);   /* thread-safe, idempotent */

/* The class byte of cp, or -1 when cp is beyond the table. */
static inline int dw_cc(uint32_t cp) {
  if (!__atomic_load_n(&dw_cc_ready, __ATOMIC_ACQUIRE)) dw_cc_build();
  return cp < DW_CC_LIMIT ? dw_cc_table[cp] : -1;
}

#endif
