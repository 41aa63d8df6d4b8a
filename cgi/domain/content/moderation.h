/* moderation.h: the back office's moderation queues (B4) — messages, reviews, consultations; audited actions */
#ifndef MALL_MODERATION_H
#define MALL_MODERATION_H
#include "backoffice/audit.h"

#define MOD_REPLY_MAX 1000 /* characters of a reply or an answer (the columns hold 1000) */

/* Waiting items per queue under prefix.messages, prefix.reviews, prefix.consultations. */
NEOERR *moderation_counts(MYSQL *db, HDF *out, const char *prefix);

/* Queues, newest first, paginated. status: pending|approved|rejected (messages), pending|approved|hidden
 * (reviews), pending|answered (consultations). Rows under prefix.N:
 * messages: id, member_id, mobile, content, status, reply, date, replied
 * reviews: id, product_id, product, mobile, score, content, status, date
 * consultations: id, product_id, product, mobile, question, answer, date, answered */
NEOERR *moderation_messages(MYSQL *db, const char *status, long long offset, int limit, HDF *out, const char *prefix,
                            long long *total);
NEOERR *moderation_reviews(MYSQL *db, const char *status, long long offset, int limit, HDF *out, const char *prefix,
                           long long *total);
NEOERR *moderation_consultations(MYSQL *db, const char *status, long long offset, int limit, HDF *out,
                                 const char *prefix, long long *total);

/* Each action runs in one db_tx with its audit entry; *found = 0 (nothing written) for an unknown id.
 * Message: status "approved"/"rejected" or NULL to keep it; reply NULL for none (a reply tells the member
 * through the inbox). Review: status "approved"/"hidden". Consultation: answer (tells the member).
 * *product_id gets the product a review or consultation is about (for the caller's cache bump). */
NEOERR *moderation_message(MYSQL *db, const audit_actor *who, long long id, const char *status, const char *reply,
                           int *found);
NEOERR *moderation_review(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found);
NEOERR *moderation_answer(MYSQL *db, const audit_actor *who, long long id, const char *answer, int *found);

#endif
