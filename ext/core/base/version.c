#include "diwan.h"
#ifndef DIWAN_VERSION
#define DIWAN_VERSION "unknown"
#endif
const char *diwan_version_string(void) { return DIWAN_VERSION; }
