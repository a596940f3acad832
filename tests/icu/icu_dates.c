/* ICU's own formatting of random days, for the round trip of
** tests/30_dates_icu.test: date_each must read each back as the same day.
**
**   icu_dates [PER_STYLE [SEED]]
**
** Prints one line per formatted day: locale, style (full long medium),
** ISO day, text. Days are drawn by a fixed linear congruential generator
** (the same lines on every machine with the same ICU) from 1950 to 2039,
** PER_STYLE (default 100) per locale and style. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

static const char *const locales[] = {
  "ar", "ar_EG", "ar_SA", "ar_DZ", "ar_MA", "ar_LB", "ar_IQ", "fr_FR", "fr_CA",
  "he_IL", "en_US", "en_GB", "ru_RU", "az_AZ", "ar_TN", "ar_JO", "ar_SY", "fr_MA",
  "ar_SA@calendar=islamic-umalqura", "ar@calendar=islamic-umalqura",
  "he_IL@calendar=hebrew", "he@calendar=hebrew"};
static const struct { UDateFormatStyle style; const char *name; } styles[] = {
  {UDAT_FULL, "full"}, {UDAT_LONG, "long"}, {UDAT_MEDIUM, "medium"}};

static uint64_t state;
static uint32_t next_rand(void) {
  state = state * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(state >> 33);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int main(int argc, char **argv) {
  int per = argc > 1 ? atoi(argv[1]) : 100;
  state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261129u;
  long lo = days_from_civil(1950, 1, 1), hi = days_from_civil(2039, 12, 31);
  static const UChar utc[] = {'U', 'T', 'C', 0};
  for (size_t l = 0; l < sizeof locales / sizeof locales[0]; l++) {
    for (size_t s = 0; s < sizeof styles / sizeof styles[0]; s++) {
      UErrorCode err = U_ZERO_ERROR;
      UDateFormat *f = udat_open(UDAT_NONE, styles[s].style, locales[l], utc, -1, NULL, 0, &err);
      if (U_FAILURE(err)) {
        fprintf(stderr, "icu_dates: %s: %s\n", locales[l], u_errorName(err));
        return 1;
      }
      for (int k = 0; k < per; k++) {
        long day = lo + (long)(next_rand() % (uint32_t)(hi - lo + 1));
        UChar u[256];
        char out[1024];
        err = U_ZERO_ERROR;
        int32_t n = udat_format(f, (UDate)day * 86400000.0 + 43200000.0, u, 256, NULL, &err);
        int32_t on = 0;
        if (U_SUCCESS(err)) u_strToUTF8(out, sizeof out, &on, u, n, &err);
        if (U_FAILURE(err)) {
          fprintf(stderr, "icu_dates: %s: %s\n", locales[l], u_errorName(err));
          udat_close(f);
          return 1;
        }
        int y, m, d;
        civil_from_days(day, &y, &m, &d);
        printf("%s\t%s\t%04d-%02d-%02d\t%.*s\n", locales[l], styles[s].name, y, m, d, (int)on, out);
      }
      udat_close(f);
    }
  }
  return 0;
}
