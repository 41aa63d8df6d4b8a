/* mall_center.h: member center pages — points, addresses, favorites, messages, consultations, reviews, inbox */
#ifndef MALL_MALL_CENTER_H
#define MALL_MALL_CENTER_H
#include "app.h"
#include "shared/list_stmt.h"

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
/* A member-center list (shared/list_stmt.h: l with arg bound to its '?') at page or, after > 0, below that id:
 * prefix.N and Pager.* for base (ending in ? or &) — numbered pages up to CENTER_OFFSET_PAGES, from there a next link
 * ?after=<the last row's key_field>; counts up to CENTER_COUNT_CAP ("1000+"). */
NEOERR *center_list(req *r, const id_list *l, long long arg, long long page, long long after, const char *prefix,
                    const char *base, const char *key_field);
/* Fills Center.Unread (unread inbox notices, and Center.UnreadText "99+" past INBOX_UNREAD_CAP) for the /account hub
 * and the inbox. */
NEOERR *center_account_summary(req *r);

#endif
