/* The class table of charclass.h, built from the functions it stands for. */
#include <pthread.h>
#include "charclass.h"
#include "segment.h"

unsigned char dw_cc_table[DW_CC_LIMIT];
unsigned char dw_cc_run[1 << 16];
int dw_cc_ready;
static pthread_once_t cc_once = PTHREAD_ONCE_INIT;

static void build(void) {
  for (uint32_t cp = 0; cp < DW_CC_LIMIT; cp++) {
    diwan_script sc = diwan_script_of(cp);
    unsigned c = (unsigned)sc;
    if (diwan_is_space(cp)) c |= DW_CC_SPACE;
    if (diwan_is_invisible(cp)) c |= DW_CC_INVIS;
    if (sc == DIWAN_SCRIPT_LATIN || sc == DIWAN_SCRIPT_ARABIC || sc == DIWAN_SCRIPT_HEBREW ||
        sc == DIWAN_SCRIPT_CYRILLIC || sc == DIWAN_SCRIPT_OTHER ||
        sc == DIWAN_SCRIPT_MARK || sc == DIWAN_SCRIPT_DIGIT)
      c |= DW_CC_WORD;
    dw_cc_table[cp] = (unsigned char)c;
  }
  for (unsigned b = 0; b < 0x80; b++)
    for (unsigned x = 0; x < 0x100; x++)
      dw_cc_run[b | x << 8] = (dw_cc_table[b] & DW_CC_WORD) ? 1 : 0;
  for (unsigned b = 0xC2; b <= 0xDF; b++)
    for (unsigned x = 0x80; x <= 0xBF; x++)
      dw_cc_run[b | x << 8] = (dw_cc_table[((b & 0x1F) << 6) | (x & 0x3F)] & DW_CC_WORD) ? 2 : 0;
  __atomic_store_n(&dw_cc_ready, 1, __ATOMIC_RELEASE);
}

void dw_cc_build(void) { pthread_once(&cc_once, build); }
