/* pager.c: list helpers — the ?page= parameter, page links (Pager.* in the HDF) and ?done= notices */
#include "input.h"
#include <stdio.h>

NEOERR *req_pager(req *r, const char *base, long long page, long long total, int per_page) {
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

int req_page(req *r, long long *page) {
  static const in_field F[] = {{"page", IN_INT, 0, 1, 100000, NULL}};
  in_value v[1];
  *page = 1;
  if (input_read(r, F, 1, v)) return 0;
  if (v[0].present) *page = v[0].i;
  return 1;
}

int req_page_after(req *r, long long *page, long long *after) {
  static const in_field F[] = {{"page", IN_INT, 0, 1, 100000, NULL}, {"after", IN_INT, 0, 1, 9000000000000000000LL, NULL}};
  in_value v[2];
  *page = 1;
  *after = 0;
  if (input_read(r, F, 2, v)) return 0;
  if (v[0].present) *page = v[0].i;
  if (v[1].present) *after = v[1].i;
  return 1;
}

NEOERR *req_done_notice(req *r, const char *choices, const char *lang_prefix) {
  in_field f = {"done", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  if (input_read(r, &f, 1, &v)) {
    /* A stale or hand-made ?done= is not worth an error page: show nothing. */
    hdf_remove_tree(r->hdf, "Form.Errors.done");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  if (!v.present) return STATUS_OK;
  char key[96];
  snprintf(key, sizeof key, "%s.%s", lang_prefix, v.s);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

NEOERR *req_pager_seek(req *r, const char *base, long long page, long long total, long long cap, int per_page,
                       long long max_pages, const char *after) {
  HDF *h = r->hdf;
  long long numbered = total < max_pages * per_page ? total : max_pages * per_page;
  /* A keyset page (page 0) shows the numbered pages around the last of them, none current. */
  NEOERR *err = req_pager(r, base, page ? page : max_pages + 1, numbered, per_page);
  if (!err) err = hdf_set_valuef(h, "Pager.Total=%lld", total);
  if (!err && total > cap) err = hdf_set_valuef(h, "Pager.TotalText=%lld+", cap);
  if (!err && !page) hdf_remove_tree(h, "Pager.Prev");
  /* Past the numbered pages the next link seeks: it names the last card shown, so it stays right as rows move. */
  if (!err && after && (!page || (page >= max_pages && total > page * per_page))) {
    hdf_remove_tree(h, "Pager.Next");
    err = hdf_set_value(h, "Pager.After", after);
  }
  return nerr_pass(err);
}
