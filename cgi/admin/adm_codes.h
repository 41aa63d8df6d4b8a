/* adm_codes.h: back-office handlers of one-item code campaigns (F5) — batches, generation jobs with progress, the
 * encrypted package and its once-shown password, mapping import, box activation */
#ifndef MALL_ADM_CODES_H
#define MALL_ADM_CODES_H
#include "admin.h"

#define ROLES_CODES "super,ops"

/* codes.c */
NEOERR *h_adm_codes(req *r);
NEOERR *h_adm_codes_create(req *r);
NEOERR *h_adm_codes_job(req *r);
NEOERR *h_adm_codes_password(req *r);
NEOERR *h_adm_codes_package(req *r);
NEOERR *h_adm_codes_discard(req *r);
NEOERR *h_adm_codes_retry(req *r);
/* code_boxes.c */
NEOERR *h_adm_codes_batch(req *r);
NEOERR *h_adm_codes_import(req *r);
NEOERR *h_adm_codes_boxes(req *r);

/* Shared by both files: the batch page's model (batch, boxes after a box code, counts). */
NEOERR *adm_codes_batch_page(req *r, long long batch_id, const char *after, int *found);

#endif
