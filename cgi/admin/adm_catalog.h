/* adm_catalog.h: back-office handlers of the catalog pages — products, categories, brands, image uploads (B2) */
#ifndef MALL_ADM_CATALOG_H
#define MALL_ADM_CATALOG_H
#include "admin.h"

/* products.c */
NEOERR *h_adm_products(req *r);
NEOERR *h_adm_product_new(req *r);
NEOERR *h_adm_product_create(req *r);
NEOERR *h_adm_product_edit(req *r);
NEOERR *h_adm_product_update(req *r);
NEOERR *h_adm_product_shelf(req *r);
NEOERR *h_adm_product_image_delete(req *r);
/* taxonomy.c */
NEOERR *h_adm_categories(req *r);
NEOERR *h_adm_category_new(req *r);
NEOERR *h_adm_category_create(req *r);
NEOERR *h_adm_category_edit(req *r);
NEOERR *h_adm_category_update(req *r);
NEOERR *h_adm_category_delete(req *r);
NEOERR *h_adm_brands(req *r);
NEOERR *h_adm_brand_new(req *r);
NEOERR *h_adm_brand_create(req *r);
NEOERR *h_adm_brand_edit(req *r);
NEOERR *h_adm_brand_update(req *r);
NEOERR *h_adm_brand_delete(req *r);
/* upload.c */
NEOERR *h_adm_uploads(req *r);
NEOERR *h_adm_upload(req *r);

/* Shared by the catalog and content pages (upload.c). */
/* Template, title and no-cache for a back-office page of these families. */
NEOERR *adm_cat_page(req *r, const char *tmpl, const char *title_key);
/* Sets Page.Flash to Lang.AdminCat.Done.<done> when ?done= names one of choices ("saved|deleted"). */
NEOERR *adm_cat_done(req *r, const char *choices);
/* After input_read: refused values go back into the form as typed (the template escapes them), so they can be fixed. */
NEOERR *adm_cat_keep_values(req *r, const in_field *f, int n);
/* Stores the image uploaded in file field `field`, if any: *got 1 and url set; 0 when no file was sent;
 * -1 when refused (Form.Errors.<error_field> says why: type, size). */
NEOERR *adm_cat_upload(req *r, const char *field, const char *error_field, char *url, size_t len, int *got);

#endif
