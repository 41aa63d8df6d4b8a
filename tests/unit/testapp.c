/* testapp.c: a small route table exercising every central check of the request core */
#include "testapp.h"
#include "config.h"
#include <stdio.h>
#include <string.h>

/* Body templates of these routes live in tests/unit/templates/, never in the shipped templates/. */
static NEOERR *page(req *r, const char *msg) {
  NEOERR *err = hdf_set_valuef(r->hdf, "hdf.loadpaths.1=%s/tests/unit/templates", g_cfg.root);
  if (!err) err = hdf_set_value(r->hdf, "Page.Msg", msg);
  r->template = "unit_page.cs";
  return nerr_pass(err);
}

static NEOERR *h_hello(req *r) { return page(r, "hello"); }

static NEOERR *h_item(req *r) {
  char m[100];
  snprintf(m, sizeof m, "item:%s", req_arg(r, 0));
  return page(r, m);
}

static NEOERR *h_order(req *r) {
  char m[100];
  snprintf(m, sizeof m, "order:%s", req_arg(r, 0));
  return page(r, m);
}

static NEOERR *h_form(req *r) { return page(r, "form"); }
static NEOERR *h_form_post(req *r) { return page(r, "posted"); }

static NEOERR *h_private(req *r) {
  char m[100];
  snprintf(m, sizeof m, "member:%lld", r->user_id);
  return page(r, m);
}

static NEOERR *h_whoami(req *r) {
  char m[100];
  if (r->user_id) snprintf(m, sizeof m, "user:%lld", r->user_id);
  else snprintf(m, sizeof m, "anon");
  return page(r, m);
}

/* A real failing statement: its SQL text and the server's message must never reach the page. */
static const char SQL_BAD[] = "SELECT secret_column FROM no_such_table_xyzzy WHERE id = ?";
static NEOERR *h_boom(req *r) {
  long long v = 0;
  return nerr_pass(db_query_ll(r->db, SQL_BAD, DBA(DI(1)), &v, NULL));
}

static NEOERR *h_echo(req *r) {
  static const in_field F[] = {{"q", IN_STR, IN_REQUIRED, 1, 100, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  return page(r, v[0].s);
}

static NEOERR *h_login(req *r) {
  static const in_field F[] = {{"id", IN_INT, IN_REQUIRED, 1, 1000000, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = req_login(r, v[0].i);
  if (!err) req_redirect(r, "/t/private");
  return nerr_pass(err);
}

static NEOERR *h_logout(req *r) {
  NEOERR *err = req_logout(r);
  if (!err) req_redirect(r, "/t/whoami");
  return nerr_pass(err);
}

static NEOERR *load_user(req *r, long long id, int *ok) {
  *ok = id != TEST_FROZEN_ID;
  if (!*ok) return STATUS_OK;
  return nerr_pass(hdf_set_valuef(r->hdf, "User.Masked=principal-%lld", id));
}

static const route ROUTES[] = {
    {"GET", "/t/hello", 0, h_hello, NULL},
    {"GET", "/t/item/{id}", 0, h_item, NULL},
    {"GET", "/t/order/{no}", 0, h_order, NULL},
    {"GET", "/t/form", R_FORM, h_form, NULL},
    {"POST", "/t/form", 0, h_form_post, NULL},
    {"GET", "/t/private", R_MEMBER, h_private, NULL},
    {"POST", "/t/private", R_MEMBER, h_private, NULL},
    {"GET", "/t/whoami", R_FORM, h_whoami, NULL},
    {"GET", "/t/boom", 0, h_boom, NULL},
    {"GET", "/t/echo", 0, h_echo, NULL},
    {"POST", "/t/login", 0, h_login, NULL},
    {"POST", "/t/logout", R_MEMBER, h_logout, NULL},
};

static const app TEST_APP = {
    .name = "mall", /* uses the real storefront layout */
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "member",
    .login_path = "/login",
    .load_user = load_user,
};

const app *test_app(void) { return &TEST_APP; }
