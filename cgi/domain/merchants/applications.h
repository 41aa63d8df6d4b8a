/* applications.h: merchant onboarding (V3) — public applications, two-stage review, creating the merchant */
#ifndef MALL_APPLICATIONS_H
#define MALL_APPLICATIONS_H
#include "backoffice/audit.h"
#include "shared/list_stmt.h"

/* Business categories an applicant may pick (labels: Lang.Apply.Categories.<name>). */
#define APPLICATION_CATEGORIES "carwash|cinema|fitness|dining|beauty|retail|other"
#define APPLICATION_STATUSES "submitted|first_approved|approved|rejected"
#define APPLICATION_PASSWORD_LEN 10

typedef struct {
  const char *company, *contact, *mobile, *address, *category, *licence_no, *licence_image, *username;
} application_form;

/* 1 when s is an 18-character unified social credit code (GB 32100-2015) with a correct check character. */
int application_licence_ok(const char *s);
/* 1 when s is a sign-in name for the merchant portal: 4-32 of a-z 0-9 _, starting with a letter. */
int application_username_ok(const char *s);
/* *taken = 1 when a merchant account or another open (submitted / first approved) application has it. */
NEOERR *application_username_taken(MYSQL *db, const char *username, int *taken);
/* Stores a new application (status submitted) and texts the applicant its number. */
NEOERR *application_submit(MYSQL *db, const application_form *f, long long *id);

/* status "" = all; newest first from offset, or after > 0: past that id (offset unused). Rows under prefix.N: id,
 * company, contact, mobile, category, username, status, created_at. *total exact up to APPLICATIONS_COUNT_CAP, else
 * APPLICATIONS_COUNT_CAP + 1 ("1000+"); numbered pages stop at APPLICATIONS_OFFSET_PAGES. */
#define APPLICATIONS_COUNT_CAP 1000
#define APPLICATIONS_OFFSET_PAGES 20
NEOERR *applications_list(MYSQL *db, const char *status, long long offset, long long after, int limit, HDF *out,
                          const char *prefix, int *rows, long long *total);
/* The list's statement (count 1: its bounded count), for applications_list and the EXPLAIN unit test. */
void applications_list_stmt(const char *status, long long offset, long long after, int limit, int count,
                            list_stmt *out);
/* Every column plus first_reviewer_name / final_reviewer_name; *found = 0 when unknown. */
NEOERR *application_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);

typedef enum {
  APP_REVIEW_OK,
  APP_REVIEW_NOT_FOUND,
  APP_REVIEW_STATE,          /* not at the stage this review is for (already reviewed, or wrong stage) */
  APP_REVIEW_USERNAME_TAKEN, /* final approval: the desired sign-in name belongs to a merchant account now */
} app_review_result;

/* One review step, audited in the same transaction. final = 0: submitted → first_approved / rejected;
 * final = 1: first_approved → approved / rejected, approval creating the merchant (active) and its owner
 * account with a random password. After COMMIT the applicant is told by SMS (with the password when
 * approved). reason: required by the caller for a rejection. *merchant_id gets the new merchant. */
NEOERR *application_review(MYSQL *db, const audit_actor *who, long long id, int final, int approve, const char *reason,
                           app_review_result *res, long long *merchant_id);

#endif
