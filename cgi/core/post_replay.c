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

struct keep {
  req *r;
  const char *hash, *page, *url;
};

/* In db_tx, so a deadlock with another request's take or sweep (gap locks on the small table) runs it again. */
static NEOERR *keep_tx(MYSQL *db, void *arg) {
  struct keep *k = arg;
  return nerr_pass(db_exec(db, SQL_KEEP, DBA(DS(k->hash), DS(k->url), DI(k->r->user_id), DI(k->r->status), DS(k->page)),
                           NULL, NULL));
}

NEOERR *post_replay_keep(req *r, const char *page, const char *url) {
  char token[65], hash[65], name[40];
  if (session_token_new(token, hash) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for a replay token");
  /* Housekeeping: a sweep that loses a deadlock is left to the next request. */
  NEOERR *err = db_exec(r->db, SQL_SWEEP, DB_NOARGS, NULL, NULL);
  if (err && nerr_match(err, NERR_SQL_RETRY)) nerr_ignore(&err);
  struct keep k = {r, hash, page, url};
  if (!err) err = db_tx(r->db, keep_tx, &k);
  if (err) return nerr_pass(err);
  cookie_name(r->realm, name, sizeof name);
  if ((err = req_set_cookie(r, name, token, POST_REPLAY_SECONDS, 1))) return nerr_pass(err);
  req_redirect(r, url);
  return STATUS_OK;
}

struct take {
  req *r;
  const char *hash;
  HDF *h;
  int rows;
};

/* In db_tx: a deadlock with a concurrent keep or sweep runs the DELETE … RETURNING again instead of failing the GET. */
static NEOERR *take_tx(MYSQL *db, void *arg) {
  struct take *t = arg;
  hdf_remove_tree(t->h, "R");
  return nerr_pass(db_query_hdf(db, t->h, "R", SQL_TAKE, DBA(DS(t->hash), DS(t->r->uri), DI(t->r->user_id)), &t->rows));
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
  struct take t = {r, hash, h, 0};
  if (!err) err = db_tx(r->db, take_tx, &t);
  rows = t.rows;
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
