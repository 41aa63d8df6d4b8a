/* mall_center.h: member center pages — points, addresses, favorites, messages, consultations, reviews, inbox */
#ifndef MALL_MALL_CENTER_H
#define MALL_MALL_CENTER_H
#include "app.h"

/* center_points.c */
NEOERR *h_points(req *r);
/* center_addresses.c */
NEOERR *h_addresses(req *r);
NEOERR *h_address_new(req *r);
NEOERR *h_address_create(req *r);
NEOERR *h_address_edit(req *r);
NEOERR *h_address_update(req *r);
NEOERR *h_address_delete_confirm(req *r);
NEOERR *h_address_delete(req *r);
NEOERR *h_address_default(req *r);
/* center_favorites.c */
NEOERR *h_favorites(req *r);
NEOERR *h_favorite_add(req *r);
NEOERR *h_favorite_remove(req *r);
/* center_messages.c */
NEOERR *h_messages(req *r);
NEOERR *h_message_post(req *r);
NEOERR *h_messages_public(req *r);
/* center_consult.c */
NEOERR *h_ask(req *r);
NEOERR *h_consultations(req *r);
/* center_reviews.c */
NEOERR *h_review_new(req *r);
NEOERR *h_review(req *r);
NEOERR *h_reviews(req *r);
/* center_inbox.c */
NEOERR *h_inbox(req *r);
NEOERR *h_inbox_read(req *r);
NEOERR *h_inbox_read_all(req *r);

/* center_common.c: shared by the pages above */
#define CENTER_PER_PAGE 10
/* Body template, Page.Title from a language key, Center.Tab for the side menu; never cached. */
NEOERR *center_show(req *r, const char *tmpl, const char *title_key, const char *tab);
/* Reads ?done=<word> (one of choices) and shows Lang.Center.Done.<word> as a notice; ignores bad values. */
NEOERR *center_done_notice(req *r, const char *choices);
/* Fills Center.Unread (unread inbox notices) for the /account hub; called by h_account. */
NEOERR *center_account_summary(req *r);

#endif
