/* test_render.c: golden tests — golden/<name>.cs rendered with golden/<name>.hdf must equal golden/<name>.html.
 *
 * A case's .cs is a template of its own or names a real one under templates/ in one line, e.g.
 *   <?cs include:"mall/shop/cart.cs" ?>
 * (includes resolve under templates/; Lang.* comes from the real language files, Chinese unless the .hdf sets
 * Config.Lang = en). When the .hdf sets Golden.Layout (e.g. layout/mall.cs) the .cs is rendered as the page
 * body and then the layout around it, as render_page does (the body goes in as Page.Body), so a case shows the
 * whole page. Every case is rendered twice (render_string and render_file) and both must match: the file rendering
 * has the language strings written into the template as it loads (render.c), the string rendering reads them.
 * The output depends only on the templates, the language files and the .hdf: nothing reads the clock or the DB.
 *
 * After a deliberate template change, regenerate the expectations and read their diff before committing:
 *   GOLDEN_UPDATE=1 build/tests/test_render && git diff tests/unit/golden/
 * (GOLDEN_UPDATE=1 rewrites every <name>.html with what is rendered now; the test then passes.) */
#include "harness.h"
#include "config.h"
#include "render.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char g_dir[1100];

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot read %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  size_t got = fread(buf, 1, (size_t)n, f);
  buf[got] = 0;
  fclose(f);
  return buf;
}

static void spill(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0) fail_msg("cannot write %s", path);
}

/* Prints the first line where got differs from want (whole pages are too long to print); returns 0 then. */
static int same(const char *name, const char *how, const char *want, const char *got) {
  if (strcmp(want, got) == 0) return 1;
  int line = 1;
  const char *w = want, *g = got;
  while (*w && *w == *g) {
    if (*w == '\n') line++;
    w++, g++;
  }
  while (w > want && w[-1] != '\n') w--, g--;
  print_error("golden %s (%s) differs from line %d:\n--- expected\n%.*s\n--- got\n%.*s\n", name, how, line,
              (int)strcspn(w, "\n"), w, (int)strcspn(g, "\n"), g);
  return 0;
}

/* One rendering of a case: the .cs (from the string or the file), then the layout around it if the .hdf names one. */
static char *render_case(const char *name, const char *cs, const char *tmpl, const char *hdfp, int via_file) {
  HDF *hdf = NULL;
  STRING body, page;
  string_init(&body);
  string_init(&page);
  t_ok(hdf_init(&hdf), "hdf_init");
  t_ok(render_prepare(hdf, "zh-CN"), "render_prepare");
  t_ok(hdf_read_file(hdf, hdfp), hdfp);
  t_ok(via_file ? render_file(hdf, cs, &body) : render_string(hdf, tmpl, &body), name);
  const char *layout = hdf_get_value(hdf, "Golden.Layout", NULL);
  char *out;
  if (layout) {
    t_ok(hdf_set_value(hdf, "Page.Body", body.buf ? body.buf : ""), "Page.Body");
    t_ok(render_layout(hdf, layout, &page), layout);
    out = strdup(page.buf ? page.buf : "");
  } else {
    out = strdup(body.buf ? body.buf : "");
  }
  string_clear(&body);
  string_clear(&page);
  hdf_destroy(&hdf);
  return out;
}

/* Renders one golden case both ways and compares with the expected HTML (or writes it under GOLDEN_UPDATE);
 * returns 0 when it differs. */
static int run_case(const char *name, int update) {
  char cs[1300], hdfp[1300], html[1300];
  snprintf(cs, sizeof cs, "%s/%s.cs", g_dir, name);
  snprintf(hdfp, sizeof hdfp, "%s/%s.hdf", g_dir, name);
  snprintf(html, sizeof html, "%s/%s.html", g_dir, name);
  char *tmpl = slurp(cs);
  char *via_string = render_case(name, cs, tmpl, hdfp, 0), *via_file = render_case(name, cs, tmpl, hdfp, 1);
  int ok = same(name, "render_file against render_string", via_string, via_file);
  if (update) spill(html, via_file);
  char *want = slurp(html);
  ok = ok && same(name, "render_string", want, via_string) && same(name, "render_file", want, via_file);
  free(tmpl);
  free(want);
  free(via_string);
  free(via_file);
  return ok;
}

static void test_goldens(void **state) {
  struct dirent **names = NULL;
  int n = scandir(g_dir, &names, NULL, alphasort), cases = 0, failed = 0;
  const char *u = getenv("GOLDEN_UPDATE");
  int update = u && *u && strcmp(u, "0") != 0;
  assert_true(n > 0);
  for (int i = 0; i < n; i++) {
    size_t l = strlen(names[i]->d_name);
    if (l > 3 && strcmp(names[i]->d_name + l - 3, ".cs") == 0) {
      char name[256];
      snprintf(name, sizeof name, "%.*s", (int)(l - 3), names[i]->d_name);
      if (!run_case(name, update)) failed++;
      cases++;
    }
    free(names[i]);
  }
  free(names);
  if (failed)
    fail_msg("%d of %d golden cases differ (a deliberate change? GOLDEN_UPDATE=1 build/tests/test_render, then "
             "git diff tests/unit/golden/)",
             failed, cases);
  assert_true(cases >= 12);
}

/* Without VarEscapeMode nothing would be escaped: render_prepare must set it on every fresh HDF. */
static void test_prepare_sets_escaping(void **state) {
  HDF *hdf = NULL;
  STRING out;
  string_init(&out);
  t_ok(hdf_init(&hdf), "hdf_init");
  t_ok(render_prepare(hdf, "en"), "render_prepare");
  t_ok(hdf_set_value(hdf, "X", "<i>"), "set");
  t_ok(render_string(hdf, "<?cs var:X ?>|<?cs var:Lang.Site.Login ?>", &out), "render");
  assert_string_equal(out.buf, "&lt;i&gt;|Sign in");
  string_clear(&out);
  hdf_destroy(&hdf);
}

/* The shipped error page prints its texts escaped. */
static void test_error_template_escapes(void **state) {
  HDF *hdf = NULL;
  STRING out;
  string_init(&out);
  t_ok(hdf_init(&hdf), "hdf_init");
  t_ok(render_prepare(hdf, "zh-CN"), "render_prepare");
  t_ok(hdf_set_value(hdf, "Page.Status", "404"), "set");
  t_ok(hdf_set_value(hdf, "Page.Title", "<script>t()</script>"), "set");
  t_ok(hdf_set_value(hdf, "Page.ErrorText", "\"><img src=x onerror=e()>"), "set");
  t_ok(render_file(hdf, "layout/error.cs", &out), "render error.cs");
  assert_null(strstr(out.buf, "<script>"));
  assert_null(strstr(out.buf, "<img"));
  assert_non_null(strstr(out.buf, "&lt;script&gt;"));
  string_clear(&out);
  hdf_destroy(&hdf);
}

int main(void) {
  if (config_load() != 0) return 1;
  NEOERR *err = render_init();
  if (err) {
    nerr_log_error(err);
    nerr_ignore(&err);
    return 1;
  }
  /* Absolute, as render_file takes a path outside templates/ only so: the file rendering then goes through the
   * parse cache and its language inlining, which the string rendering does not. */
  char rel[1100], *abs;
  snprintf(rel, sizeof rel, "%s/tests/unit/golden", g_cfg.root);
  if (!(abs = realpath(rel, NULL))) return 1;
  snprintf(g_dir, sizeof g_dir, "%s", abs);
  free(abs);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_goldens),
      cmocka_unit_test(test_prepare_sets_escaping),
      cmocka_unit_test(test_error_template_escapes),
  };
  return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
