/* moderation.c: moderation queues (B4) — messages (approve / reject / reply), reviews (approve / hide),
 * consultations (answer); every action audited, storefront caches bumped */
#include "adm_ops.h"
#include "content/moderation.h"
#include <stdio.h>
#include <string.h>

#define MSG_STATES "pending|approved|rejected"
#define REVIEW_STATES "pending|approved|hidden"
#define CONSULT_STATES "pending|answered"

/* Reads ?status= (or the hidden status field of a POST); "pending" when absent. 0 when invalid. */
static int read_status(req *r, const char *choices, const char **status) {
  in_field f = {"status", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  *status = "pending";
  if (input_read(r, &f, 1, &v)) return 0;
  if (v.present) *status = v.s;
  return 1;
}

/* The queue page: tabs with counts, status filter, one page of items. */
static NEOERR *queue(req *r, const char *tab, const char *status, long long page, long long after) {
  static const struct {
    const char *tab, *tmpl, *title;
  } T[] = {
      {"messages", "admin/ops/mod_messages.cs", "Ops.Mod.Messages"},
      {"reviews", "admin/ops/mod_reviews.cs", "Ops.Mod.Reviews"},
      {"consultations", "admin/ops/mod_consultations.cs", "Ops.Mod.Consultations"},
  };
  int t = strcmp(tab, "messages") == 0 ? 0 : strcmp(tab, "reviews") == 0 ? 1 : 2;
  int rows = 0;
  /* Numbered pages stop at MOD_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long total = 0, offset = page <= MOD_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  NEOERR *err = ops_show(r, T[t].tmpl, T[t].title);
  if (!err) err = hdf_set_value(r->hdf, "Mod.Tab", tab);
  if (!err) err = hdf_set_value(r->hdf, "Mod.Status", status);
  if (!err) err = moderation_counts(r->db, r->hdf, "Mod.Counts");
  static const char *const STATES[3][4] = {
      {"pending", "approved", "rejected"}, {"pending", "approved", "hidden"}, {"pending", "answered"}};
  for (int i = 0; !err && STATES[t][i]; i++) err = hdf_set_valuef(r->hdf, "Mod.States.%d=%s", i, STATES[t][i]);
  if (!err) err = moderation_list(r->db, t, status, offset, after, OPS_PER_PAGE, r->hdf, "Items", &rows, &total);
  char next[32] = "";
  if (!err && rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Items.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  char base[96];
  snprintf(base, sizeof base, "/admin/moderation/%s?status=%s&", tab, status);
  if (!err)
    err = req_pager_seek(r, base, after ? 0 : page, total, MOD_COUNT_CAP, OPS_PER_PAGE, MOD_OFFSET_PAGES,
                         next[0] ? next : NULL);
  return nerr_pass(err);
}

static NEOERR *list(req *r, const char *tab, const char *choices) {
  const char *status;
  long long page = 1, after = 0;
  if (!read_status(r, choices, &status) || !req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = queue(r, tab, status, page, after);
  if (!err) err = ops_done(r, "approved|rejected|replied|hidden|answered");
  return nerr_pass(err);
}

/* GET /admin/moderation → 303 /admin/moderation/messages */
NEOERR *h_adm_mod_index(req *r) {
  req_redirect(r, "/admin/moderation/messages");
  return STATUS_OK;
}

/* GET /admin/moderation/messages?status=pending|approved|rejected&page=|after= → 200; 400 bad parameters */
NEOERR *h_adm_mod_messages(req *r) { return nerr_pass(list(r, "messages", MSG_STATES)); }
/* GET /admin/moderation/reviews?status=pending|approved|hidden&page=|after= → 200; 400 bad parameters */
NEOERR *h_adm_mod_reviews(req *r) { return nerr_pass(list(r, "reviews", REVIEW_STATES)); }
/* GET /admin/moderation/consultations?status=pending|answered&page=|after= → 200; 400 bad parameters */
NEOERR *h_adm_mod_consultations(req *r) { return nerr_pass(list(r, "consultations", CONSULT_STATES)); }

static void back(req *r, const char *tab, const char *status, const char *done) {
  char to[128];
  snprintf(to, sizeof to, "/admin/moderation/%s?status=%s&done=%s", tab, status, done);
  req_redirect(r, to);
}

/* Re-renders the queue with an error (input stays in Form.*). */
static NEOERR *again(req *r, const char *tab, const char *status, const char *lang_key) {
  NEOERR *err = queue(r, tab, status, 1, 0);
  if (!err) err = req_flash(r, lang_key);
  return nerr_pass(err);
}

/* POST /admin/moderation/messages/{id}: action=approve|reject|reply, reply (0–1000 characters, required for
 * reply), status (the tab to return to) → 303 back with done=; 200 queue with the error; 404 unknown id */
NEOERR *h_adm_mod_message(req *r) {
  static const in_field F[] = {
      {"action", IN_ENUM, IN_REQUIRED, 0, 0, "approve|reject|reply"},
      {"reply", IN_TEXT, 0, 1, MOD_REPLY_MAX, NULL},
      {"status", IN_ENUM, 0, 0, 0, MSG_STATES},
  };
  in_value v[3];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 3, v);
  hdf_set_value(r->hdf, "Form.Id", req_arg(r, 0)); /* the row whose form shows the errors */
  const char *tab_status = v[2].present ? v[2].s : "pending";
  if (bad) return nerr_pass(again(r, "messages", tab_status, "Ops.Mod.BadInput"));
  const char *action = v[0].s;
  if (strcmp(action, "reply") == 0 && !v[1].present) {
    NEOERR *err = again(r, "messages", tab_status, "Ops.Mod.ReplyRequired");
    if (!err) err = req_form_error(r, "reply", "Ops.Mod.ReplyRequired");
    return nerr_pass(err);
  }
  const char *status = strcmp(action, "approve") == 0 ? "approved" : strcmp(action, "reject") == 0 ? "rejected" : NULL;
  audit_actor who;
  admin_actor(r, &who);
  int found = 0;
  NEOERR *err = moderation_message(r->db, &who, id, status, v[1].present ? v[1].s : NULL, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  back(r, "messages", tab_status, status ? status : "replied");
  return STATUS_OK;
}

/* POST /admin/moderation/reviews/{id}: action=approve|hide, status (tab) → 303 back; 404 unknown id */
NEOERR *h_adm_mod_review(req *r) {
  static const in_field F[] = {
      {"action", IN_ENUM, IN_REQUIRED, 0, 0, "approve|hide"},
      {"status", IN_ENUM, 0, 0, 0, REVIEW_STATES},
  };
  in_value v[2];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 2, v);
  const char *tab_status = v[1].present ? v[1].s : "pending";
  if (bad) return nerr_pass(again(r, "reviews", tab_status, "Ops.Mod.BadInput"));
  const char *status = strcmp(v[0].s, "approve") == 0 ? "approved" : "hidden";
  audit_actor who;
  admin_actor(r, &who);
  int found = 0;
  NEOERR *err = moderation_review(r->db, &who, id, status, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  back(r, "reviews", tab_status, status);
  return STATUS_OK;
}

/* POST /admin/moderation/consultations/{id}: answer (1–1000 characters), status (tab) → 303 back;
 * 200 queue with the error; 404 unknown id */
NEOERR *h_adm_mod_answer(req *r) {
  static const in_field F[] = {
      {"answer", IN_TEXT, IN_REQUIRED, 1, MOD_REPLY_MAX, NULL},
      {"status", IN_ENUM, 0, 0, 0, CONSULT_STATES},
  };
  in_value v[2];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 2, v);
  hdf_set_value(r->hdf, "Form.Id", req_arg(r, 0));
  const char *tab_status = v[1].present ? v[1].s : "pending";
  if (bad) { return nerr_pass(again(r, "consultations", tab_status, "Ops.Mod.AnswerRequired")); }
  audit_actor who;
  admin_actor(r, &who);
  int found = 0;
  NEOERR *err = moderation_answer(r->db, &who, id, v[0].s, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  back(r, "consultations", tab_status, "answered");
  return STATUS_OK;
}
