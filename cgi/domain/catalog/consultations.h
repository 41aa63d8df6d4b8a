/* consultations.h: product questions from members (A6) — ask, "my consultations" */
#ifndef MALL_CONSULTATIONS_H
#define MALL_CONSULTATIONS_H
#include "db.h"

#define CONSULT_MAX_CHARS 200
#define CONSULT_DAILY_MAX 30 /* per member per day */

typedef enum { CONSULT_OK, CONSULT_NO_PRODUCT, CONSULT_TOO_MANY } consult_result;

/* Stores a pending question about an on-shelf product. */
NEOERR *consultation_ask(MYSQL *db, long long member_id, long long product_id, const char *question,
                         consult_result *res);
/* Own questions, newest first: id, product_id, product (name in lang), image, question, answer, date, answered. */
NEOERR *consultations_mine(MYSQL *db, long long member_id, const char *lang, HDF *out, const char *prefix,
                           long long offset, int limit, long long *total);

#endif
