/* render.h: ClearSilver rendering with HTML escaping, language files, and the page-body cache */
#ifndef MALL_RENDER_H
#define MALL_RENDER_H
#include <ClearSilver.h>

/* Loads the language files under templates/lang/ once per process. */
NEOERR *render_init(void);
/* Prepares a fresh request HDF: escaping on, template path, language strings. */
NEOERR *render_prepare(HDF *hdf, const char *lang);
/* Renders templates/<file> with hdf, appending to out. */
NEOERR *render_file(HDF *hdf, const char *file, STRING *out);
/* Same for a layout, parsed once per process (again when the file changes). */
NEOERR *render_layout(HDF *hdf, const char *file, STRING *out);
/* A language string by full name ("Lang.Form.required"), NULL when missing. */
const char *lang_get(const char *lang, const char *key);
/* Renders a template given as a string (golden tests). */
NEOERR *render_string(HDF *hdf, const char *tmpl, STRING *out);

/* Page-body cache: valid until the catalog generation changes or ttl seconds pass. */
int page_cache_get(const char *key, STRING *out);
/* gen: the generation read before the body was built, so a change during rendering is not hidden. */
void page_cache_put(const char *key, const char *body, unsigned long long gen);
#include "generations.h"

#endif
