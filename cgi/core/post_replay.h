/* post_replay.h: POST/redirect/GET for pages a POST renders — the page waits in the database for the GET its 303 leads to */
#ifndef MALL_POST_REPLAY_H
#define MALL_POST_REPLAY_H
#include "request.h"

/* How long a kept page waits for its GET (the cookie's Max-Age; older rows are never served). */
#define POST_REPLAY_SECONDS 120

/* Keeps page (rendered with r->status, CSRF placeholders still in it) for a GET of url, and turns the response into
 * a 303 to url carrying the cookie that names it. */
NEOERR *post_replay_keep(req *r, const char *page, const char *url);
/* On a GET of r->uri with the cookie: the page kept for exactly this address (found = 1, r->status set, the cookie
 * cleared), taken once. found = 0 when there is none — the page is then built as usual. */
NEOERR *post_replay_take(req *r, STRING *page, int *found);
/* 1 when this request carries a kept page's cookie (no HDF needed: the fast path asks before parsing). */
int post_replay_pending(const char *realm);

#endif
