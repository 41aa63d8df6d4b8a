/* consultations.h: product questions from members (A6) — ask, "my consultations" */
#ifndef MALL_CONSULTATIONS_H
#define MALL_CONSULTATIONS_H
#include "shared/list_stmt.h"

#define CONSULT_MAX_CHARS 200
#define CONSULT_DAILY_MAX 30 /* per member per day */

typedef enum { CONSULT_OK, CONSULT_NO_PRODUCT, CONSULT_TOO_MANY } consult_result;

/* Stores a pending question about an on-shelf product. */
NEOERR *consultation_ask(MYSQL *db, long long member_id, long long product_id, const char *question,
                         consult_result *res);
/* Own questions, newest first (arg: the member; [id_list_en(lang)]): id, product_id, product, image, question, answer,
 * date, answered. */
extern const id_list CONSULTATIONS_MINE[2];

#endif
