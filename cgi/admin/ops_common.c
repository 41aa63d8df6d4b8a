/* ops_common.c: page helpers shared by the ops and people pages of the back office — frame, paging, notices */
#include "adm_ops.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NEOERR *ops_show(req *r, const char *tmpl, const char *title_key) {
  r->template = tmpl;
  r->no_cache = 1;
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key)));
}

int ops_page(req *r, long long *page) {
  static const in_field F[] = {{"page", IN_INT, 0, 1, 100000, NULL}};
  in_value v[1];
  *page = 1;
  if (input_read(r, F, 1, v)) return 0;
  if (v[0].present) *page = v[0].i;
  return 1;
}

NEOERR *ops_pager(req *r, const char *base, long long page, long long total, int per_page) {
  HDF *h = r->hdf;
  long long pages = (total + per_page - 1) / per_page;
  NEOERR *err = hdf_set_value(h, "Pager.Base", base);
  if (!err) err = hdf_set_valuef(h, "Pager.Page=%lld", page);
  if (!err) err = hdf_set_valuef(h, "Pager.Pages=%lld", pages);
  if (!err) err = hdf_set_valuef(h, "Pager.Total=%lld", total);
  if (!err && page > 1 && page <= pages + 1) err = hdf_set_valuef(h, "Pager.Prev=%lld", page - 1);
  if (!err && page < pages) err = hdf_set_valuef(h, "Pager.Next=%lld", page + 1);
  /* First, last, and two either side of the current page; gaps become "…". */
  int n = 0;
  long long last = 0;
  for (long long p = 1; !err && p <= pages && pages > 1; p++) {
    if (p != 1 && p != pages && (p < page - 2 || p > page + 2)) continue;
    if (last && p > last + 1) err = hdf_set_valuef(h, "Pager.Items.%d.gap=1", n++);
    if (!err) err = hdf_set_valuef(h, "Pager.Items.%d.num=%lld", n, p);
    if (!err && p == page) err = hdf_set_valuef(h, "Pager.Items.%d.current=1", n);
    n++;
    last = p;
    if (p > page + 2 && p < pages) p = pages - 1;
  }
  return nerr_pass(err);
}

NEOERR *ops_base_add(STRING *base, const char *name, const char *value) {
  if (!value || !*value) return STATUS_OK;
  char *esc = NULL;
  NEOERR *err = cgi_url_escape(value, &esc);
  if (!err) err = string_appendf(base, "%s=%s&", name, esc);
  free(esc);
  return nerr_pass(err);
}

NEOERR *ops_done(req *r, const char *choices) {
  in_field f = {"done", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  if (input_read(r, &f, 1, &v)) {
    /* A stale or hand-made ?done= is not worth an error: show nothing. */
    hdf_remove_tree(r->hdf, "Form.Errors.done");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  if (!v.present) return STATUS_OK;
  char key[64];
  snprintf(key, sizeof key, "Ops.Done.%s", v.s);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

NEOERR *ops_flash(req *r, const char *lang_key) {
  return nerr_pass(req_form_error(r, NULL, lang_key));
}

int ops_field_error(req *r, const char *field, const char *lang_key) {
  NEOERR *err = req_form_error(r, field, lang_key);
  nerr_ignore(&err); /* only an allocation failure; the count still makes the form fail */
  return 1;
}

int ops_can(req *r, const char *roles) {
  route rt = {.roles = roles};
  return r->user_id && r->role[0] && route_allows(&rt, r->role);
}

long long ops_id_arg(req *r, int i) {
  const char *s = req_arg(r, i);
  if (!s || !*s || strlen(s) > 15) return 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  long long v = strtoll(s, NULL, 10);
  return v > 0 ? v : 0;
}

int ops_date_ok(const char *s) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
  return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}
