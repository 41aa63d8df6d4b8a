/* adm_ops.h: back-office handlers of the ops pages — moderation (B4), orders (B5) — and the page helpers
 * they share with the people pages (ops_common.c) */
#ifndef MALL_ADM_OPS_H
#define MALL_ADM_OPS_H
#include "admin.h"
#include "members/enterprise_scope.h"

/* moderation.c */
NEOERR *h_adm_mod_index(req *r);
NEOERR *h_adm_mod_messages(req *r);
NEOERR *h_adm_mod_message(req *r);
NEOERR *h_adm_mod_reviews(req *r);
NEOERR *h_adm_mod_review(req *r);
NEOERR *h_adm_mod_consultations(req *r);
NEOERR *h_adm_mod_answer(req *r);
/* orders.c */
NEOERR *h_adm_orders(req *r);
NEOERR *h_adm_order(req *r);
NEOERR *h_adm_order_ship(req *r);
NEOERR *h_adm_order_event(req *r);
NEOERR *h_adm_order_cancel_form(req *r);
NEOERR *h_adm_order_cancel(req *r);
NEOERR *h_adm_order_voucher_unlock(req *r);

/* ops_common.c */
#define OPS_PER_PAGE 20
/* Body template and Page.Title from a language key; back-office pages are never cached. */
NEOERR *ops_show(req *r, const char *tmpl, const char *title_key);
/* Appends "name=<url-escaped value>&" to base when value is not empty. */
NEOERR *ops_base_add(STRING *base, const char *name, const char *value);
/* Reads ?done=<word> (one of choices) and sets Page.Notice to Lang.Ops.Done.<word>; ignores bad values. */
NEOERR *ops_done(req *r, const char *choices);
/* Form.Errors.<field> from a language key (a check input_read cannot make); returns 1, to count it. */
int ops_field_error(req *r, const char *field, const char *lang_key);
/* 1 when the signed-in admin's role is in roles (to hide forms and links a role cannot use). */
int ops_can(req *r, const char *roles);
/* The signed-in admin's scope (B8): the enterprise role reads only its enterprise's members (r->enterprise, set with the
 * role when the admin is loaded — empty matches nobody); super, ops, finance, moderator and monitor read everything.
 * Every member, ledger, order and report read of the back office passes this to the domain. */
ent_scope adm_scope(req *r);
/* 1 when s is a real date written YYYY-MM-DD. */
int ops_date_ok(const char *s);

#endif
