/* pager.c: page links for paginated lists — Pager.* in the HDF, drawn by the templates */
#include "app.h"

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

