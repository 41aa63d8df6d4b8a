/* test_data_cache.c: the per-process data cache lends its trees to a request's HDF without copying them — the request
 * reads (and renders) them, writes beside them stay its own, and after data_cache_return the cached tree is whole and
 * the request's HDF frees cleanly, even when the tree was replaced while lent (run under valgrind) */
#include "harness.h"
#include "data_cache.h"
#include "render.h"
#include <stdio.h>
#include <string.h>

/* A cached tree like the list's chips: 40 categories (enough for HDF's child index) and a few brands. */
static HDF *chips(const char *tag) {
  HDF *t = NULL;
  t_ok(hdf_init(&t), "init");
  for (int i = 0; i < 40; i++) t_ok(hdf_set_valuef(t, "Categories.%d.name=%s%d", i, tag, i), "set");
  t_ok(hdf_set_value(t, "Brands.0.name", "华为"), "set");
  t_ok(hdf_set_value(t, "Brands.1.name", "小米"), "set");
  t_ok(hdf_set_value(t, "Title", tag), "set");
  return t;
}

static char *render(HDF *h, const char *tmpl) {
  STRING out;
  string_init(&out);
  t_ok(render_string(h, tmpl, &out), "render");
  return out.buf ? out.buf : strdup("");
}

static void test_lend_reads_and_returns(void **state) {
  (void)state;
  HDF *t = chips("c"), *kept = t, *req = NULL;
  data_cache_put("test|lend", &t, 0);
  assert_null(t); /* the cache owns it */
  t_ok(hdf_init(&req), "init");
  t_ok(hdf_set_value(req, "Title", "the request's own"), "set");
  t_ok(data_cache_lend(req, kept), "lend");

  assert_string_equal(hdf_get_value(req, "Categories.37.name", ""), "c37");
  assert_string_equal(hdf_get_value(req, "Brands.1.name", ""), "小米");
  assert_string_equal(hdf_get_value(req, "Title", ""), "the request's own"); /* a name it had is copied over */
  char *page = render(req, "<?cs each:c = Categories ?><?cs if:c.name == \"c3\" ?>[<?cs var:c.name ?>]<?cs /if ?>"
                           "<?cs /each ?><?cs var:Brands.0.name ?>|<?cs var:subcount(Categories) ?>");
  assert_string_equal(page, "[c3]华为|40");
  free(page);

  /* The request writes beside the lent nodes, never beneath them: the cached tree is not touched. */
  t_ok(hdf_set_value(req, "Page.Title", "x"), "set");
  assert_null(hdf_get_obj(kept, "Page"));

  data_cache_return();
  assert_null(hdf_obj_child(hdf_get_obj(req, "Categories"))); /* empty again */
  assert_string_equal(hdf_get_value(kept, "Categories.37.name", ""), "c37");
  assert_string_equal(hdf_get_value(kept, "Title", ""), "c");
  hdf_destroy(&req); /* frees only the request's own nodes (valgrind: no invalid free) */
  assert_string_equal(hdf_get_value(kept, "Brands.0.name", ""), "华为");
}

/* A tree replaced in the cache while a request still reads it is freed by data_cache_return, not before. */
static void test_evicted_while_lent(void **state) {
  (void)state;
  HDF *t = chips("old"), *old = t, *req = NULL;
  data_cache_put("test|evict", &t, 0);
  t_ok(hdf_init(&req), "init");
  t_ok(data_cache_lend(req, old), "lend");

  HDF *n = chips("new");
  data_cache_put("test|evict", &n, 0); /* another read of the same key during the request */
  assert_null(n);
  assert_string_equal(hdf_get_value(req, "Categories.5.name", ""), "old5"); /* still readable (valgrind) */

  data_cache_return(); /* frees old: valgrind reports a leak or an invalid read otherwise */
  hdf_destroy(&req);

  /* Without anything lent, a replacement frees the old tree at once. */
  HDF *m = chips("newer");
  data_cache_put("test|evict", &m, 0);
  assert_null(m);
}

/* A name lent twice in one request: the second tree replaces the first, and neither cached tree is written. */
static void test_lent_twice(void **state) {
  (void)state;
  HDF *a = chips("a"), *b = chips("b"), *ka = a, *kb = b, *req = NULL;
  data_cache_put("test|twice-a", &a, 0);
  data_cache_put("test|twice-b", &b, 0);
  t_ok(hdf_init(&req), "init");
  t_ok(data_cache_lend(req, ka), "lend a");
  t_ok(data_cache_lend(req, kb), "lend b");
  assert_string_equal(hdf_get_value(req, "Categories.7.name", ""), "b7");
  assert_string_equal(hdf_get_value(ka, "Categories.7.name", ""), "a7"); /* a copy over a's node writes b into a */
  data_cache_return();
  hdf_destroy(&req);
  assert_string_equal(hdf_get_value(kb, "Categories.7.name", ""), "b7");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lend_reads_and_returns),
      cmocka_unit_test(test_evicted_while_lent),
      cmocka_unit_test(test_lent_twice),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
