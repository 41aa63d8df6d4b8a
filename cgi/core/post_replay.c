/* post_replay.c: POST/redirect/GET for pages a POST renders — the page waits in the database for the GET its 303 leads
 * to, so Back and Reload never offer to send a form again. The database (not this process or machine) holds it: the
 * GET may reach another process or another node. A page is served only to whoever it was rendered for: the same
 * cookie, the same signed-in member (or still nobody). */
#include "post_replay.h"
#include "crypto.h"
#include "fcgi_io.h"
#include "session_store.h"
#include <stdio.h>
#include <string.h>

static const char SQL_KEEP[] = "INSERT INTO post_replays (token_hash, url, user_id, status, page, created_at) "
                               "VALUES (?, ?, ?, ?, ?, NOW())";
/* Rows nobody came back for; the index on created_at keeps this a short range read. */
static const char SQL_SWEEP[] = "DELETE FROM post_replays WHERE created_at < NOW() - INTERVAL 10 MINUTE LIMIT 20";
static const char SQL_TAKE[] = "DELETE FROM post_replays WHERE token_hash = ? AND url = ? AND user_id = ? "
                               "RETURNING status, page, created_at >= NOW() - INTERVAL 120 SECOND AS fresh";

static void cookie_name(const char *realm, char *buf, size_t len) { snprintf(buf, len, "%s_pr", realm); }

int post_replay_pending(const char *realm) {
  char name[40], token[80];
  cookie_name(realm, name, sizeof name);
  return io_env_cookie(name, token, sizeof token);
}

NEOERR *post_replay_keep(req *r, const char *page, const char *url) {
  char token[65], hash[65], name[40];
  if (session_token_new(token, hash) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for a replay token");
  NEOERR *err = db_exec(r->db, SQL_SWEEP, DB_NOARGS, NULL, NULL);
  if (!err) err = db_exec(r->db, SQL_KEEP, DBA(DS(hash), DS(url), DI(r->user_id), DI(r->status), DS(page)), NULL, NULL);
  if (err) return nerr_pass(err);
  cookie_name(r->realm, name, sizeof name);
  if ((err = req_set_cookie(r, name, token, POST_REPLAY_SECONDS, 1))) return nerr_pass(err);
  req_redirect(r, url);
  return STATUS_OK;
}

NEOERR *post_replay_take(req *r, STRING *page, int *found) {
  char name[40], hash[65];
  *found = 0;
  cookie_name(r->realm, name, sizeof name);
  const char *token = req_cookie(r, name);
  if (!token || !session_token_hash(token, hash)) return STATUS_OK;
  HDF *h = NULL;
  int rows = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(r->db, h, "R", SQL_TAKE, DBA(DS(hash), DS(r->uri), DI(r->user_id)), &rows);
  if (!err && rows == 1 && hdf_get_int_value(h, "R.0.fresh", 0)) {
    int status = hdf_get_int_value(h, "R.0.status", 200);
    err = string_append(page, hdf_get_value(h, "R.0.page", ""));
    if (!err) err = req_set_cookie(r, name, "", 0, 1);
    if (!err) {
      r->status = status;
      *found = 1;
    }
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}
