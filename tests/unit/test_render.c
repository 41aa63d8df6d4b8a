/* test_render.c: escaping golden tests — golden/<name>.cs + <name>.hdf rendered must equal <name>.html */
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

/* Renders one golden case both ways (string and file) and compares with the expected HTML. */
static void run_case(const char *name) {
  char cs[1300], hdfp[1300], html[1300];
  snprintf(cs, sizeof cs, "%s/%s.cs", g_dir, name);
  snprintf(hdfp, sizeof hdfp, "%s/%s.hdf", g_dir, name);
  snprintf(html, sizeof html, "%s/%s.html", g_dir, name);
  char *tmpl = slurp(cs), *want = slurp(html);
  for (int via_file = 0; via_file < 2; via_file++) {
    HDF *hdf = NULL;
    STRING out;
    string_init(&out);
    t_ok(hdf_init(&hdf), "hdf_init");
    t_ok(render_prepare(hdf, "zh-CN"), "render_prepare");
    t_ok(hdf_read_file(hdf, hdfp), hdfp);
    t_ok(via_file ? render_file(hdf, cs, &out) : render_string(hdf, tmpl, &out), name);
    if (strcmp(out.buf ? out.buf : "", want) != 0)
      fail_msg("golden %s (%s) differs.\n--- expected\n%s\n--- got\n%s", name, via_file ? "render_file" : "render_string",
               want, out.buf ? out.buf : "");
    string_clear(&out);
    hdf_destroy(&hdf);
  }
  free(tmpl);
  free(want);
}

static void test_goldens(void **state) {
  struct dirent **names = NULL;
  int n = scandir(g_dir, &names, NULL, alphasort), cases = 0;
  assert_true(n > 0);
  for (int i = 0; i < n; i++) {
    size_t l = strlen(names[i]->d_name);
    if (l > 3 && strcmp(names[i]->d_name + l - 3, ".cs") == 0) {
      char name[256];
      snprintf(name, sizeof name, "%.*s", (int)(l - 3), names[i]->d_name);
      run_case(name);
      cases++;
    }
    free(names[i]);
  }
  free(names);
  assert_true(cases >= 3);
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
  if (err) { nerr_log_error(err); nerr_ignore(&err); return 1; }
  snprintf(g_dir, sizeof g_dir, "%s/tests/unit/golden", g_cfg.root);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_goldens),
      cmocka_unit_test(test_prepare_sets_escaping),
      cmocka_unit_test(test_error_template_escapes),
  };
  return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
