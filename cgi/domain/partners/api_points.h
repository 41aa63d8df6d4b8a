/* api_points.h: what the partner API (I1) does — signatures, nonces and rate counts; member lookup and enrolment
 * within the partner's enterprise; balance, ledger pages; earn, spend and reverse (ledger kinds api_*); idempotency
 * keys. No HTTP here: cgi/api/ turns requests into these calls and their outcomes into JSON. */
#ifndef MALL_API_POINTS_H
#define MALL_API_POINTS_H
#include "db.h"
#include "points/earning_rules.h"
#include <stddef.h>

#define API_SKEW_SECONDS 300       /* a request's timestamp may be this far from the server's clock */
#define API_NONCE_KEEP_SECONDS 600 /* nonces are remembered twice the window */
#define API_IDEM_KEEP_HOURS 48     /* idempotency keys and their answers are kept this long (≥ 24 h) */
#define API_REF_MAX 64
#define API_IDEM_MAX 100
#define API_POINTS_MAX 10000000LL /* one earn or spend */

/* The string a request signs, each part on a line of its own:
 *   METHOD \n PATH \n QUERY \n TIMESTAMP \n NONCE \n hex SHA-256 of the body
 * PATH and QUERY exactly as sent (QUERY without its "?", empty when none). sig_hex gets HMAC-SHA256(secret, string)
 * in lower-case hex. */
void api_signature(const char *secret, const char *method, const char *path, const char *query, const char *timestamp,
                   const char *nonce, const char *body, size_t body_len, char sig_hex[65]);
/* Constant-time comparison of a presented signature (hex, either case) with the expected one. */
int api_signature_ok(const char *expected_hex, const char *presented);
/* 1 when the nonce is 16–64 characters of [A-Za-z0-9_-]. */
int api_nonce_valid(const char *nonce);
/* Remembers the partner's nonce: *fresh = 0 when it was used before (within API_NONCE_KEEP_SECONDS). */
NEOERR *api_nonce_use(MYSQL *db, long long partner_id, const char *nonce, int *fresh);
/* Counts this request in the partner's current minute (in the database: every app machine counts in the same row).
 * *allowed = 0 past limit; *retry_after = seconds to the next minute. */
NEOERR *api_rate_count(MYSQL *db, long long partner_id, int limit, int *allowed, int *retry_after);

/* The outcomes the API reports (stable error codes in cgi/api). */
typedef enum {
  API_OK,
  API_NO_MEMBER,     /* no such member in the partner's enterprise */
  API_MEMBER_EXISTS, /* enrolment: the mobile is registered already */
  API_EXT_ID_TAKEN,  /* enrolment: the enterprise's member id is used by another member */
  API_REF_EXISTS,    /* earn/spend: the reference was used before in this enterprise */
  API_REF_UNKNOWN,   /* reverse: no earn or spend with that reference */
  API_ALREADY_REVERSED,
  API_INSUFFICIENT,
  API_FROZEN,
  API_EARN_USED, /* reverse of an earn whose points were spent (partly) or expired: refused */
  /* earning rules (P2): an earn by rule */
  API_RULE_UNKNOWN,    /* no such rule code in the enterprise (or disabled) */
  API_NOTHING_TO_EARN, /* the amount gives no point under the rule */
  API_DAILY_CAP,       /* the member's day cap of the rule is used up */
  API_RULE_TOO_MUCH,   /* the rule gives more than API_POINTS_MAX for this amount */
  API_BUDGET_USED, /* earn: past the enterprise's prepaid points budget (B8): nothing written */
} api_result;

typedef struct {
  long long id;
  char mobile[12];
  char name[DB_VARCHAR(64)];
  char ext_id[DB_VARCHAR(64)];
  char status[16];
  long long balance;
  char created_at[32];
} api_member;

/* By mall member id, by mobile or by the enterprise's own id (one of them), only within enterprise. */
NEOERR *api_member_find(MYSQL *db, const char *enterprise, long long id, const char *mobile, const char *ext_id,
                        api_member *m, int *found);
/* Inside a transaction: a new active member of the enterprise (no password: the member signs in by SMS code and
 * sets one). ext_id may be "" (none). */
NEOERR *api_member_enrol(MYSQL *db, const char *enterprise, const char *mobile, const char *name, const char *ext_id,
                         api_member *m, api_result *res);

typedef struct {
  long long id;
  char kind[16];
  long long amount, balance_after;
  char note[DB_VARCHAR(200)];
  char created_at[32];
} api_entry;
#define API_LEDGER_MAX 100
/* Entries of the member, newest first, created in [from, to_excl) ('YYYY-MM-DD HH:MM:SS'), with id < before
 * (0: from the newest); up to limit (≤ API_LEDGER_MAX) into out; *more = 1 when there are further entries. */
NEOERR *api_ledger_page(MYSQL *db, long long member_id, const char *from, const char *to_excl, long long before,
                        int limit, api_entry *out, int *n, int *more);

typedef struct {
  long long op_id, ledger_id, member_id, points, balance; /* points: signed, as the ledger holds it */
  char ref[API_REF_MAX + 1];
  char kind[16]; /* "earn", "spend", "reverse" */
  char reverses[API_REF_MAX + 1];
  char expires_on[11];
  int has_rule; /* earning rules (P2): an earn by rule — the rule's use and the activity bonuses it got (or, on a
                 * reverse, the bonuses taken back) */
  earn_rule_use rule;
  int nbonus;
  earn_bonus_paid bonus[EARN_MAX_BONUSES];
} api_op;

/* 1 in *ok when date is a real 'YYYY-MM-DD' after today and at most 10 years ahead (an earn's expiry). */
NEOERR *api_expiry_ok(MYSQL *db, const char *date, int *ok);
extern const char *const API_LEDGER_SQL; /* for the EXPLAIN test */

/* Inside a transaction (a refusal leaves nothing written: each runs under its own savepoint). */
NEOERR *api_earn(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, long long points,
                 const char *source, const char *ref, const char *expires_on, const char *note, api_op *op,
                 api_result *res);
/* Earning rules (P2): an earn whose points the enterprise's rule code computes from amount_fen (the member's day cap
 * of the rule applied), with the running activities' bonuses as entries of their own (op->rule, op->bonus). Call
 * earning_bonuses_prepare first, outside the transaction. */
NEOERR *api_earn_by_rule(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, const char *rule,
                         long long amount_fen, const char *source, const char *ref, const char *expires_on,
                         const char *note, api_op *op, api_result *res);
NEOERR *api_spend(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, long long points,
                  const char *ref, const char *note, api_op *op, api_result *res);
/* Reverses the enterprise's earn or spend named by ref: a spend's points go back to the lots it used; an earn is
 * taken back only when none of its points was spent or expired (else API_EARN_USED, nothing written), together with
 * its activity bonuses (same condition; op->bonus) and its rule's day points. */
NEOERR *api_reverse(MYSQL *db, long long partner_id, const char *enterprise, const char *ref, const char *note,
                    api_op *op, api_result *res);

/* A write under an Idempotency-Key, in one transaction: the first request with the key runs fn (which sets the
 * answer's status and body, malloc'd) and stores that answer with the request's hash; a later request with the key
 * and the same hash gets the stored answer (*replayed = 1) without running fn; with another hash *conflict = 1.
 * Two at once with one key: the second waits for the first's commit, then is answered from it. */
typedef NEOERR *(*api_write_fn)(MYSQL *db, void *ctx, int *status, char **body);
NEOERR *api_idempotent(MYSQL *db, long long partner_id, const char *key, const char *request_sha256, api_write_fn fn,
                       void *ctx, int *status, char **body, int *replayed, int *conflict);

#endif
