/* render.c: ClearSilver rendering with HTML escaping, language files, and the page-body cache */
#include "render.h"
#include "config.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static HDF *g_lang_zh, *g_lang_en;
static char g_tmpl_dir[1024];

/* Reads every .hdf file of templates/lang/<dir> in name order (each page family owns one file). */
static NEOERR *read_lang_dir(HDF *hdf, const char *dir) {
  char path[1200];
  snprintf(path, sizeof path, "%s/lang/%s", g_tmpl_dir, dir);
  struct dirent **names = NULL;
  int n = scandir(path, &names, NULL, alphasort);
  if (n < 0) return nerr_raise(NERR_IO, "cannot read %s", path);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < n; i++) {
    size_t l = strlen(names[i]->d_name);
    if (!err && l > 4 && strcmp(names[i]->d_name + l - 4, ".hdf") == 0) {
      snprintf(path, sizeof path, "%s/lang/%s/%s", g_tmpl_dir, dir, names[i]->d_name);
      err = hdf_read_file(hdf, path);
    }
    free(names[i]);
  }
  free(names);
  return nerr_pass(err);
}

NEOERR *render_init(void) {
  NEOERR *err;
  snprintf(g_tmpl_dir, sizeof g_tmpl_dir, "%s/templates", g_cfg.root);
  if (!g_lang_zh) {
    if ((err = hdf_init(&g_lang_zh))) return nerr_pass(err);
    if ((err = read_lang_dir(g_lang_zh, "zh-CN"))) return nerr_pass(err);
  }
  if (!g_lang_en) {
    /* English starts as a copy of Chinese so a missing key never shows blank. */
    if ((err = hdf_init(&g_lang_en))) return nerr_pass(err);
    if ((err = read_lang_dir(g_lang_en, "zh-CN"))) return nerr_pass(err);
    if ((err = read_lang_dir(g_lang_en, "en"))) return nerr_pass(err);
  }
  return STATUS_OK;
}

static HDF *lang_hdf(const char *lang) { return (lang && strcmp(lang, "en") == 0) ? g_lang_en : g_lang_zh; }

const char *lang_get(const char *lang, const char *key) {
  HDF *h = lang_hdf(lang);
  return h ? hdf_get_value(h, key, NULL) : NULL;
}

NEOERR *render_prepare(HDF *hdf, const char *lang) {
  NEOERR *err;
  /* Must be in the HDF before any template is parsed, or nothing is escaped. */
  if ((err = hdf_set_value(hdf, "Config.VarEscapeMode", "html"))) return nerr_pass(err);
  if ((err = hdf_set_value(hdf, "hdf.loadpaths.0", g_tmpl_dir))) return nerr_pass(err);
  /* Lang.* is not copied into every request: templates read it from the shared language tree
   * (ClearSilver's global HDF, consulted when a name is not in the request's HDF). */
  return nerr_pass(hdf_set_value(hdf, "Config.Lang", lang && strcmp(lang, "en") == 0 ? "en" : "zh-CN"));
}

static NEOERR *append_cb(void *ctx, char *s) { return nerr_pass(string_append((STRING *)ctx, s)); }

static NEOERR *render_with(HDF *hdf, const char *file, const char *tmpl, STRING *out) {
  CSPARSE *cs = NULL;
  NEOERR *err = cs_init(&cs, hdf);
  if (!err) err = cgi_register_strfuncs(cs);
  if (!err) cs->global_hdf = lang_hdf(hdf_get_value(hdf, "Config.Lang", NULL));
  if (!err) {
    if (file) {
      err = cs_parse_file(cs, file);
    } else {
      /* cs_parse_string takes ownership of a malloc'd buffer. */
      char *copy = strdup(tmpl);
      err = copy ? cs_parse_string(cs, copy, strlen(copy)) : nerr_raise(NERR_NOMEM, "strdup");
    }
  }
  if (!err) err = cs_render(cs, out, append_cb);
  cs_destroy(&cs);
  return nerr_pass(err);
}

/* Language strings written into the template text as it is loaded (the file itself and every file it includes): a
 * plain <?cs var:Lang.A.B ?> becomes that string of the parse's language, HTML-escaped as var: would have escaped it
 * at render time (a missing one renders nothing, as var: does). A page evaluates dozens of them, each a failed lookup
 * in the request's HDF and then a walk down the language tree, on every request. Names with a variable part
 * (Lang.X[k]), macro arguments and alt: stay as they are and are read when rendered. */
static NEOERR *load_inlined(void *ctx, HDF *hdf, const char *filename, char **contents) {
  static const char OPEN[] = "<?cs var:Lang.";
  char path[1400], key[256];
  snprintf(path, sizeof path, filename[0] == '/' ? "%s%s" : "%s/%s", filename[0] == '/' ? "" : g_tmpl_dir, filename);
  char *raw = NULL;
  NEOERR *err = ne_load_file(path, &raw);
  if (err) return nerr_pass(err);
  STRING out;
  string_init(&out);
  const char *p = raw, *q;
  while (!err && (q = strstr(p, OPEN))) {
    const char *k = q + sizeof OPEN - 1 - 5, *e = k; /* k: at "Lang." */
    while ((*e >= 'A' && *e <= 'Z') || (*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9') || *e == '_' || *e == '.') e++;
    const char *close = e;
    while (*close == ' ') close++;
    if (strncmp(close, "?>", 2) != 0 || e == k || e[-1] == '.' || (size_t)(e - k) >= sizeof key) {
      err = string_appendn(&out, p, (int)(q + 1 - p)); /* not a plain name: left for the renderer */
      p = q + 1;
      continue;
    }
    memcpy(key, k, (size_t)(e - k));
    key[e - k] = 0;
    err = string_appendn(&out, p, (int)(q - p));
    const char *v = hdf_get_value((HDF *)ctx, key, NULL);
    char *esc = NULL;
    if (!err && v && *v) err = neos_html_escape(v, (int)strlen(v), &esc);
    if (!err && esc) err = string_append(&out, esc);
    free(esc);
    p = close + 2;
  }
  if (!err) err = string_append(&out, p);
  free(raw);
  if (err) {
    string_clear(&out);
    return nerr_pass(err);
  }
  *contents = out.buf ? out.buf : strdup("");
  return *contents ? STATUS_OK : nerr_raise(NERR_NOMEM, "template %s", filename);
}

/* Templates — layouts and page bodies — are parsed once per process and language, and again when the file changes (its
 * own mtime: an edited partial or macros.cs needs a restart). A parsed tree does not depend on HDF values, only on the
 * escaping mode, the load path (no template includes a file named by a variable) and the language strings written
 * into it, so each render points it at the request's HDF. Parsing a page with layout/macros.cs on every request cost
 * more than rendering it. */
#define TEMPLATE_SLOTS 512
static struct {
  char path[256];
  int en; /* the language written in: English, else Chinese */
  CSPARSE *cs;
  HDF *owner;
  time_t mtime;
  time_t checked; /* when its mtime was last read: at most once a second (a stat per render was 1-2% of a page) */
} g_templates[TEMPLATE_SLOTS];

static unsigned template_slot(const char *file, int en) {
  unsigned h = 2166136261u ^ (unsigned)en;
  for (const char *p = file; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
  return h % TEMPLATE_SLOTS;
}

static NEOERR *render_parsed(HDF *hdf, unsigned slot, STRING *out);

static NEOERR *parse_cached(const char *file, int en, unsigned slot, time_t mtime) {
  /* Parsed against a private HDF holding only what parsing reads (escaping, load path, language). */
  HDF *owner = NULL;
  CSPARSE *cs = NULL;
  NEOERR *err = hdf_init(&owner);
  if (!err) err = render_prepare(owner, en ? "en" : "zh-CN");
  if (!err) err = cs_init(&cs, owner);
  if (!err) err = cgi_register_strfuncs(cs);
  if (!err) cs_register_fileload(cs, en ? g_lang_en : g_lang_zh, load_inlined);
  if (!err) err = cs_parse_file(cs, file);
  if (err) {
    cs_destroy(&cs);
    hdf_destroy(&owner);
    return nerr_pass(err);
  }
  snprintf(g_templates[slot].path, sizeof g_templates[slot].path, "%s", file);
  g_templates[slot].en = en;
  g_templates[slot].cs = cs;
  g_templates[slot].owner = owner;
  g_templates[slot].mtime = mtime;
  return STATUS_OK;
}

NEOERR *render_file(HDF *hdf, const char *file, STRING *out) {
  const char *lang = hdf_get_value(hdf, "Config.Lang", NULL);
  int en = lang && strcmp(lang, "en") == 0;
  unsigned slot = template_slot(file, en);
  time_t now = time(NULL);
  int same = g_templates[slot].cs && g_templates[slot].en == en && strcmp(g_templates[slot].path, file) == 0;
  if (same && g_templates[slot].checked == now) return nerr_pass(render_parsed(hdf, slot, out));
  char full[1400];
  snprintf(full, sizeof full, file[0] == '/' ? "%s%s" : "%s/%s", file[0] == '/' ? "" : g_tmpl_dir, file);
  struct stat st;
  if (strlen(file) >= sizeof g_templates[0].path || stat(full, &st) != 0)
    return nerr_pass(render_with(hdf, file, NULL, out)); /* reports the missing file as parsing would */
  /* A slot holds one file in one language; another hashing here replaces it (rare: 512 slots, ~2 x 150 templates). */
  if (g_templates[slot].cs && (!same || g_templates[slot].mtime != st.st_mtime)) {
    cs_destroy(&g_templates[slot].cs);
    hdf_destroy(&g_templates[slot].owner);
  }
  NEOERR *err = g_templates[slot].cs ? STATUS_OK : parse_cached(file, en, slot, st.st_mtime);
  if (err) return nerr_pass(err);
  g_templates[slot].checked = now;
  return nerr_pass(render_parsed(hdf, slot, out));
}

/* Renders the parsed template of a slot against the request's HDF. */
static NEOERR *render_parsed(HDF *hdf, unsigned slot, STRING *out) {
  CSPARSE *cs = g_templates[slot].cs;
  cs->hdf = hdf;
  cs->global_hdf = lang_hdf(hdf_get_value(hdf, "Config.Lang", NULL));
  NEOERR *err = cs_render(cs, out, append_cb);
  cs->hdf = g_templates[slot].owner;
  return nerr_pass(err);
}

NEOERR *render_layout(HDF *hdf, const char *file, STRING *out) { return nerr_pass(render_file(hdf, file, out)); }

NEOERR *render_string(HDF *hdf, const char *tmpl, STRING *out) { return nerr_pass(render_with(hdf, NULL, tmpl, out)); }

/* ---- page-body cache: per process, small, direct-mapped ---- */
#define CACHE_SLOTS 512
#define CACHE_TTL 10 /* seconds: stock and sales counts may lag this much; catalog edits bump at once */
static struct {
  char *key;
  char *body;
  unsigned long long gen;
  time_t at;
} g_cache[CACHE_SLOTS];

static unsigned slot_of(const char *key) {
  unsigned h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 16777619u;
  return h % CACHE_SLOTS;
}

int page_cache_get(const char *key, STRING *out) {
  unsigned s = slot_of(key);
  if (!g_cache[s].key || strcmp(g_cache[s].key, key) != 0) return 0;
  if (g_cache[s].gen != catalog_generation() || time(NULL) - g_cache[s].at >= CACHE_TTL) return 0;
  NEOERR *err = string_append(out, g_cache[s].body);
  if (err) {
    nerr_ignore(&err);
    return 0;
  }
  return 1;
}

void page_cache_put(const char *key, const char *body, unsigned long long gen) {
  unsigned s = slot_of(key);
  free(g_cache[s].key);
  free(g_cache[s].body);
  g_cache[s].key = strdup(key);
  g_cache[s].body = strdup(body);
  g_cache[s].gen = gen;
  g_cache[s].at = time(NULL);
  if (!g_cache[s].key || !g_cache[s].body) {
    free(g_cache[s].key);
    free(g_cache[s].body);
    g_cache[s].key = g_cache[s].body = NULL;
  }
}
