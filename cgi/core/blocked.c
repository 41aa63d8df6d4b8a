/* blocked.c: the blacklist at the door — one call refuses a request whose client IP, member mobile or merchant
 * account is blacklisted (403 page in zh/en saying how to appeal, logged), one call counts an event for the rules */
#include "blocked.h"
#include "app.h"
#include "log.h"
#include <stdio.h>
#include <string.h>

#define T_BLOCKED "layout/blocked.cs"

/* The refusal page: what is blocked (never which rule: that would teach a script the threshold), until when, and
 * the reference an appeal quotes. */
static NEOERR *blocked_page(req *r, const blacklist_hit *hit) {
  char key[64], ref[32];
  r->status = 403;
  r->template = T_BLOCKED;
  r->no_cache = 1;
  r->location = NULL;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Blocked.Title"));
  snprintf(key, sizeof key, "Blocked.Kind.%s", hit->kind);
  if (!err) err = hdf_set_value(r->hdf, "Blocked.What", req_text(r, key));
  snprintf(ref, sizeof ref, "B%lld", hit->id);
  if (!err) err = hdf_set_value(r->hdf, "Blocked.Ref", ref);
  if (!err && hit->until[0]) err = hdf_set_value(r->hdf, "Blocked.Until", hit->until);
  /* The way out: this program's home (the mall, the merchant portal). */
  if (!err)
    err = strcmp(r->app->name, "mall") == 0 ? hdf_set_value(r->hdf, "Page.HomeUrl", "/")
                                            : hdf_set_valuef(r->hdf, "Page.HomeUrl=/%s/", r->app->name);
  return nerr_pass(err);
}

NEOERR *req_blacklist_guard(req *r, const char *mobile, const char *merchant, int *blocked) {
  blacklist_hit hit;
  const char *ip = req_client_ip(r);
  *blocked = 0;
  NEOERR *err = blacklist_check(r->db, ip, mobile, merchant, &hit);
  if (err || !hit.id) return nerr_pass(err);
  *blocked = 1;
  log_error("blacklist: refused %s %s from %s (entry B%lld, %s %s)", r->method, r->path, ip, hit.id, hit.kind,
            hit.value);
  return nerr_pass(blocked_page(r, &hit));
}

void req_blacklist_event(req *r, const char *event, const char *mobile, const char *merchant) {
  int caught = 0;
  const char *ip = req_client_ip(r);
  NEOERR *err = blacklist_event(r->db, event, ip, mobile, merchant, &caught);
  if (err) log_neoerr("blacklist_event", &err);
  else if (caught)
    log_error("blacklist: %s by %s%s%s%s%s crossed a rule", event, ip, mobile ? " / " : "", mobile ? mobile : "",
              merchant ? " / " : "", merchant ? merchant : "");
}
