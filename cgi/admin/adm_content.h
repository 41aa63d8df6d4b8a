/* adm_content.h: back-office handlers of the content pages — announcements, banners, ads, activities (B3) */
#ifndef MALL_ADM_CONTENT_H
#define MALL_ADM_CONTENT_H
#include "admin.h"

/* content.c: the same six handlers for each kind of content */
#define ADM_CONTENT_DECLARE(name)                                                                                      \
  NEOERR *h_adm_##name##_list(req *r);                                                                                 \
  NEOERR *h_adm_##name##_new(req *r);                                                                                  \
  NEOERR *h_adm_##name##_create(req *r);                                                                               \
  NEOERR *h_adm_##name##_edit(req *r);                                                                                 \
  NEOERR *h_adm_##name##_update(req *r);                                                                               \
  NEOERR *h_adm_##name##_delete(req *r);
ADM_CONTENT_DECLARE(notice)
ADM_CONTENT_DECLARE(banner)
ADM_CONTENT_DECLARE(ad)
ADM_CONTENT_DECLARE(activity)

#endif
