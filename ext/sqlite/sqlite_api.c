/* The one definition of the extension's pointer to SQLite's API routines;
** every other file declares it through SQLITE_EXTENSION_INIT3 (dw.h). */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
