/* Character classes: fast tables for the scripts of the corpus, ICU for the
** rest of Unicode. */
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include "diwan.h"

int diwan_digit_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  if (cp >= 0x0660 && cp <= 0x0669) return (int)(cp - 0x0660);  /* Arabic-Indic */
  if (cp >= 0x06F0 && cp <= 0x06F9) return (int)(cp - 0x06F0);  /* Persian */
  if (cp < 0x07C0) return -1;
  if (u_charType((UChar32)cp) != U_DECIMAL_DIGIT_NUMBER) return -1;
  return u_charDigitValue((UChar32)cp);
}

int diwan_is_invisible(uint32_t cp) {
  if (cp < 0x00AD || (cp > 0x00AD && cp < 0x061C)) return 0;
  switch (cp) {
    case 0x00AD: case 0x061C: case 0x180E: case 0x200B: case 0x200C:
    case 0x200D: case 0x200E: case 0x200F: case 0x2060: case 0xFEFF:
      return 1;
    default:
      return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }
}

static int is_mark(uint32_t cp) {
  int8_t t = u_charType((UChar32)cp);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
         t == U_ENCLOSING_MARK;
}

static diwan_script arabic_block(uint32_t cp) {
  if (cp >= 0x0660 && cp <= 0x0669) return DIWAN_SCRIPT_DIGIT;
  if (cp >= 0x06F0 && cp <= 0x06F9) return DIWAN_SCRIPT_DIGIT;
  if ((cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
      cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06DC) ||
      (cp >= 0x06DF && cp <= 0x06E4) || cp == 0x06E7 || cp == 0x06E8 ||
      (cp >= 0x06EA && cp <= 0x06ED))
    return DIWAN_SCRIPT_MARK;
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x066A ||
      cp == 0x066B || cp == 0x066C || cp == 0x066D || cp == 0x06D4 ||
      cp == 0x0609 || cp == 0x060A || cp == 0x060D || cp == 0x061E ||
      cp == 0x061C || cp == 0x0600 || cp == 0x0601 || cp == 0x0602 ||
      cp == 0x0603 || cp == 0x0604 || cp == 0x0605 || cp == 0x06DD ||
      cp == 0x06DE || cp == 0x06E9)
    return DIWAN_SCRIPT_NONE;
  return DIWAN_SCRIPT_ARABIC;
}

diwan_script diwan_script_of(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return DIWAN_SCRIPT_LATIN;
    if (cp >= '0' && cp <= '9') return DIWAN_SCRIPT_DIGIT;
    return DIWAN_SCRIPT_NONE;
  }
  if (cp >= 0x0600 && cp <= 0x06FF) return arabic_block(cp);
  /* Latin-1 letters and Latin Extended-A/B, but × and ÷. */
  if (cp >= 0xC0 && cp <= 0x24F) return (cp == 0xD7 || cp == 0xF7) ? DIWAN_SCRIPT_NONE
                                                                     : DIWAN_SCRIPT_LATIN;
  if (cp >= 0x0591 && cp <= 0x05C7 && cp != 0x05BE && cp != 0x05C0 &&
      cp != 0x05C3 && cp != 0x05C6)
    return DIWAN_SCRIPT_MARK;
  if (cp >= 0x05D0 && cp <= 0x05EA) return DIWAN_SCRIPT_HEBREW;
  if (cp >= 0x05EF && cp <= 0x05F2) return DIWAN_SCRIPT_HEBREW;
  if (cp >= 0x0400 && cp <= 0x04FF && cp != 0x0482 &&
      !(cp >= 0x0483 && cp <= 0x0489))
    return DIWAN_SCRIPT_CYRILLIC;
  if (diwan_is_invisible(cp)) return DIWAN_SCRIPT_NONE;
  if (cp == DIWAN_REPLACEMENT) return DIWAN_SCRIPT_NONE;
  if (is_mark(cp)) return DIWAN_SCRIPT_MARK;
  if (u_charType((UChar32)cp) == U_DECIMAL_DIGIT_NUMBER) return DIWAN_SCRIPT_DIGIT;
  if (!u_isalpha((UChar32)cp)) return DIWAN_SCRIPT_NONE;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript((UChar32)cp, &err);
  if (U_FAILURE(err)) return DIWAN_SCRIPT_OTHER;
  switch (sc) {
    case USCRIPT_LATIN: return DIWAN_SCRIPT_LATIN;
    case USCRIPT_ARABIC: return DIWAN_SCRIPT_ARABIC;
    case USCRIPT_HEBREW: return DIWAN_SCRIPT_HEBREW;
    case USCRIPT_CYRILLIC: return DIWAN_SCRIPT_CYRILLIC;
    default: return DIWAN_SCRIPT_OTHER;
  }
}
