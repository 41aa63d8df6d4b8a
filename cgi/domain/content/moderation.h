/* moderation.h: the back office's moderation queues (B4) — messages, reviews, consultations; audited actions */
#ifndef MALL_MODERATION_H
#define MALL_MODERATION_H
#include "backoffice/audit.h"
#include "shared/list_stmt.h"

#define MOD_REPLY_MAX 1000 /* characters of a reply or an answer (the columns hold 1000) */

/* Waiting items per queue under prefix.messages, prefix.reviews, prefix.consultations. */
NEOERR *moderation_counts(MYSQL *db, HDF *out, const char *prefix);

/* Queues, newest first: queue 0 messages (status pending|approved|rejected), 1 reviews (pending|approved|hidden),
 * 2 consultations (pending|answered). From offset, or after > 0: past that id (offset unused). Rows under prefix.N:
 * messages: id, member_id, mobile, content, status, reply, date, replied
 * reviews: id, product_id, product, mobile, score, content, status, date
 * consultations: id, product_id, product, mobile, question, answer, date, answered
 * *total exact up to MOD_COUNT_CAP, else MOD_COUNT_CAP + 1 ("1000+"); numbered pages stop at MOD_OFFSET_PAGES. */
#define MOD_COUNT_CAP 1000
#define MOD_OFFSET_PAGES 20
enum { MOD_MESSAGES, MOD_REVIEWS, MOD_CONSULTATIONS };
NEOERR *moderation_list(MYSQL *db, int queue, const char *status, long long offset, long long after, int limit,
                        HDF *out, const char *prefix, int *rows, long long *total);
/* The queue's statement (count 1: its bounded count), for moderation_list and the EXPLAIN unit test. */
void moderation_list_stmt(int queue, const char *status, long long offset, long long after, int limit, int count,
                          list_stmt *out);

/* Each action runs in one db_tx with its audit entry; *found = 0 (nothing written) for an unknown id.
 * Message: status "approved"/"rejected" or NULL to keep it; reply NULL for none (a reply tells the member
 * through the inbox). Review: status "approved"/"hidden". Consultation: answer (tells the member).
 * *product_id gets the product a review or consultation is about (for the caller's cache bump). */
NEOERR *moderation_message(MYSQL *db, const audit_actor *who, long long id, const char *status, const char *reply,
                           int *found);
NEOERR *moderation_review(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found);
NEOERR *moderation_answer(MYSQL *db, const audit_actor *who, long long id, const char *answer, int *found);

#endif
