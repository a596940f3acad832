/* Calendar arithmetic: the proleptic Gregorian day count, and conversions
** from the Islamic (ICU "islamic-umalqura": Umm al-Qura, Saudi Arabia's
** official calendar, tabular outside its 1300-1600 AH table) and Hebrew
** calendars through ICU, non-lenient so that impossible days are errors. */
#include <unicode/ucal.h>
#include "dates_int.h"

int dd_days_in_month(int y, int m) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return mdays[m - 1];
}

/* Days since 0000-03-01 (a civil-from-days scheme; no tables). */
long dd_day_number(int y, int m, int d) {
  long yy = y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long mp = (m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

void dd_from_day_number(long z, diwan_ymd *out) {
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
  out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
  out->y = (int)(yoe + era * 400 + (out->m <= 2));
}

/* Julian day number of 0000-03-01 in dd_day_number's count. */
#define JD_EPOCH 1721120L

static UCalendar *open_cal(int cal) {
  UErrorCode err = U_ZERO_ERROR;
  static const UChar utc[] = {'U', 'T', 'C', 0};
  const char *loc = cal == CAL_HIJRI ? "en@calendar=islamic-umalqura"
                                     : "en@calendar=hebrew";
  UCalendar *uc = ucal_open(utc, 3, loc, UCAL_DEFAULT, &err);
  if (U_FAILURE(err)) { if (uc) ucal_close(uc); return NULL; }
  ucal_setAttribute(uc, UCAL_LENIENT, 0);
  return uc;
}

/* Julian day of y-m-d in calendar uc, or -1 when the day does not exist
** (read back: ICU must not have moved any field). */
static long julian_day(UCalendar *uc, int y, int m, int d) {
  UErrorCode err = U_ZERO_ERROR;
  ucal_clear(uc);
  ucal_set(uc, UCAL_YEAR, y);
  ucal_set(uc, UCAL_MONTH, m - 1);
  ucal_set(uc, UCAL_DATE, d);
  int32_t jd = ucal_get(uc, UCAL_JULIAN_DAY, &err);
  if (U_FAILURE(err)) return -1;
  if (ucal_get(uc, UCAL_YEAR, &err) != y || ucal_get(uc, UCAL_MONTH, &err) != m - 1 ||
      ucal_get(uc, UCAL_DATE, &err) != d || U_FAILURE(err))
    return -1;
  return jd;
}

static int year_ok(int cal, int y) {
  return cal == CAL_HIJRI ? (y >= 1 && y <= 2000) : (y >= 3761 && y <= 7000);
}

int dc_year_months(int cal, int y) {
  if (cal == CAL_HEBREW) return ((7L * y + 1) % 19) < 7 ? 13 : 12;
  return 12;
}

int dc_to_gregorian(int cal, int y, int m, int d, diwan_ymd *out) {
  if (cal == CAL_GREG) {
    if (m < 1 || m > 12 || d < 1 || d > dd_days_in_month(y, m)) return DIWAN_ERROR;
    out->y = y; out->m = m; out->d = d;
    return DIWAN_OK;
  }
  if (!year_ok(cal, y) || m < 1 || m > 13 || d < 1 || d > 30) return DIWAN_ERROR;
  if (cal == CAL_HIJRI && m > 12) return DIWAN_ERROR;
  UCalendar *uc = open_cal(cal);
  if (!uc) return DIWAN_ERROR;
  long jd = julian_day(uc, y, m, d);
  ucal_close(uc);
  if (jd < 0) return DIWAN_ERROR;
  dd_from_day_number(jd - JD_EPOCH, out);
  return DIWAN_OK;
}

int dc_month_days(int cal, int y, int m) {
  if (cal == CAL_GREG) return dd_days_in_month(y, m);
  diwan_ymd g;
  if (dc_to_gregorian(cal, y, m, 1, &g) != DIWAN_OK) return 0;
  for (int d = 30; d >= 29; d--)
    if (dc_to_gregorian(cal, y, m, d, &g) == DIWAN_OK) return d;
  return 0;
}
