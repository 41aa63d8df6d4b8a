/* web_session.h: the request's side of sessions — the session cookie, sign-in/out, CSRF tokens */
#ifndef MALL_WEB_SESSION_H
#define MALL_WEB_SESSION_H
#include "request.h"
#include "session_store.h"

/* Finds the request's session from its cookie: sets r->user_id and r->sid_hash, or leaves them empty
 * (an expired session is deleted, its cookie cleared and Page.SessionExpired set). A cached session
 * brings its User.* along (r->user_loaded, or r->user_stale when the principal's balance moved on). */
NEOERR *web_session_load(req *r);
/* Without any HDF work and with one primary-key read (the fast path): 1 when token names a session this process
 * has cached and still trusts (generations.h); hash and principal_id are filled in. */
int web_session_peek(MYSQL *db, const char *realm, const char *token, char hash[65], long long *principal_id);
/* Remembers the request's session and its User.* for the next requests of this process. */
void web_session_remember(req *r);
/* Starts a new session for principal id (rotating any old one) / ends the current one. */
NEOERR *req_login(req *r, long long id);
NEOERR *req_logout(req *r);

/* The CSRF token of a session. */
void csrf_for_session(const char *realm, const char *sid_hash, char out[65]);
/* Computes r->csrf for the session, or for the anonymous visitor when make_anon is set
 * (creating the anonymous cookie). */
NEOERR *csrf_prepare(req *r, int make_anon);
/* 1 when the POST carries the right token (never one in the URL). */
int csrf_valid(req *r);

#endif
