/* neo.h: the parts of ClearSilver every layer may use — errors (NEOERR), HDF, strings; not the CGI kit */
#ifndef MALL_NEO_H
#define MALL_NEO_H
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "cs_config.h"
#include "util/neo_misc.h"
#include "util/neo_err.h"
#include "util/neo_hdf.h"
#include "util/neo_str.h"

#endif
