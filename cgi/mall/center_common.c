/* center_common.c: pieces shared by the member center pages — page frame, paging, notices */
#include "center.h"
#include "store.h"
#include "inbox_view.h"
#include <stdio.h>
#include <string.h>

NEOERR *center_show(req *r, const char *tmpl, const char *title_key, const char *tab) {
  r->template = tmpl;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key));
  if (!err && tab) err = hdf_set_value(r->hdf, "Center.Tab", tab);
  return nerr_pass(err);
}

int center_page(req *r, long long *page) {
  static const in_field F[] = {{"page", IN_INT, 0, 1, STORE_PAGE_MAX, NULL}};
  in_value v[1];
  *page = 1;
  if (input_read(r, F, 1, v)) return 0;
  if (v[0].present) *page = v[0].i;
  return 1;
}

NEOERR *center_done_notice(req *r, const char *choices) {
  in_field f = {"done", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  if (input_read(r, &f, 1, &v)) {
    /* A stale or hand-made ?done= is not worth an error page: just show nothing. */
    hdf_remove_tree(r->hdf, "Form.Errors.done");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  if (!v.present) return STATUS_OK;
  char key[64];
  snprintf(key, sizeof key, "Center.Done.%s", v.s);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

NEOERR *center_pager(req *r, const char *base, long long page, long long total) {
  return nerr_pass(req_pager(r, base, page, total, CENTER_PER_PAGE));
}

NEOERR *center_flash(req *r, const char *lang_key) {
  return nerr_pass(req_form_error(r, NULL, lang_key));
}

NEOERR *center_account_summary(req *r) {
  long long unread = 0;
  NEOERR *err = inbox_unread(r->db, r->user_id, &unread);
  if (!err) err = hdf_set_valuef(r->hdf, "Center.Unread=%lld", unread);
  return nerr_pass(err);
}
