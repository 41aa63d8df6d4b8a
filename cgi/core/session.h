/* session.h: server-side sessions (only the token's hash is stored) and CSRF tokens */
#ifndef MALL_SESSION_H
#define MALL_SESSION_H
#include "app.h"

#define SESSION_IDLE_SECONDS 1800
#define SESSION_MAX_SECONDS 43200

/* Finds the request's session: sets r->user_id and r->sid_hash, or leaves them empty
 * (an expired session is deleted and Page.SessionExpired is set). */
NEOERR *session_load(req *r);
/* Without any HDF or database work (the fast path): 1 when token names a session this process has
 * cached and still trusts; hash and principal_id are filled in. */
int session_peek(const char *realm, const char *token, char hash[65], long long *principal_id);
/* The CSRF token of a session. */
void csrf_for_session(const char *realm, const char *sid_hash, char out[65]);
/* Remembers the request's session and its User.* data for the next requests of this process. */
void session_cache_put(req *r);
/* Computes r->csrf for the session, or for the anonymous visitor when make_anon is set
 * (creating the anonymous cookie). */
NEOERR *csrf_prepare(req *r, int make_anon);
/* 1 when the POST carries the right token. */
int csrf_valid(req *r);
/* Deletes every session of a principal (password change, freeze). */
NEOERR *session_drop_all(MYSQL *db, const char *realm, long long principal_id);

#endif
