/* Checks of user lexicon values (user_check.c). */
#ifndef DW_USER_CHECK_H
#define DW_USER_CHECK_H
#include "dw.h"

enum { DW_CHECK_NONE, DW_CHECK_NONEMPTY, DW_CHECK_LANG, DW_CHECK_COUNTRY,
       DW_CHECK_KIND, DW_CHECK_TYPE };

/* 1 when z has the shape of an ISO 639 code (2 or 3 lowercase letters). */
int dw_is_lang(const char *z, size_t n);

/* SQLITE_OK, or SQLITE_ERROR with a message naming fn, table, row, column,
** the value and what is accepted. */
int dw_check_field(int check, const char *fn, const char *table, sqlite3_int64 rowno,
                   const char *col, const char *z, size_t n, char **pzErr);
#endif
