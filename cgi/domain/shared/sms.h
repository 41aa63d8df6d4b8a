/* sms.h: text messages through a driver (outbox or HTTP gateway) and one-time SMS codes */
#ifndef MALL_SMS_H
#define MALL_SMS_H
#include "db.h"

#define SMS_CODE_DIGITS 6
#define SMS_CODE_TTL 300      /* seconds a code lives */
#define SMS_CODE_MAX_TRIES 5  /* wrong entries that kill a code */
#define SMS_CODE_COOLDOWN 60  /* seconds between codes per mobile + purpose */
#define SMS_CODE_DAILY_CAP 10 /* codes per mobile per (mall time zone) day, all purposes */

/* Sends text to mobile with the configured driver (g_cfg.sms_driver) and records the attempt in
 * sms_outbox. *sent = 1 when the driver accepted it. Errors are database failures only. */
NEOERR *sms_send(MYSQL *db, const char *mobile, const char *purpose, const char *text, int *sent);

typedef enum {
  SMS_SEND_OK,        /* code stored (and delivered) */
  SMS_SEND_COOLDOWN,  /* a code for this mobile + purpose was sent less than 60 s ago: see seconds_left */
  SMS_SEND_DAILY_CAP, /* 10 codes today for this mobile */
  SMS_SEND_FAILED,    /* the driver refused it (the code is void) */
} sms_send_status;
typedef struct {
  sms_send_status status;
  long long seconds_left;
} sms_send_result;

/* Issues a 6-digit code bound to purpose + mobile + ref ("" when nothing to bind, an order number
 * and amount for payments) and texts it. Only the newest code of a mobile + purpose + ref counts
 * (so a member can pay two orders from two tabs; the cooldown and cap still count per mobile). */
NEOERR *sms_code_send(MYSQL *db, const char *mobile, const char *purpose, const char *ref, sms_send_result *res);
/* Same, but deliver = 0 stores the code without texting it: lets a page answer identically whether
 * or not a mobile is registered (same cooldown and cap) while texting members only. */
NEOERR *sms_code_issue(MYSQL *db, const char *mobile, const char *purpose, const char *ref, int deliver,
                       sms_send_result *res);

typedef enum {
  SMS_VERIFY_OK,      /* the code matched and is now used */
  SMS_VERIFY_WRONG,   /* wrong code: tries_left more attempts */
  SMS_VERIFY_DEAD,    /* 5 wrong attempts: the code no longer works */
  SMS_VERIFY_EXPIRED, /* older than 5 minutes */
  SMS_VERIFY_USED,    /* already used */
  SMS_VERIFY_NONE,    /* no code was sent */
} sms_verify_status;
typedef struct {
  sms_verify_status status;
  int tries_left;
} sms_verify_result;

/* Checks code against the newest code of mobile + purpose + ref; uses it up on success (once,
 * even under concurrent requests). Every check counts as an attempt. */
NEOERR *sms_code_verify(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code,
                        sms_verify_result *res);
/* Inside a transaction: sms_code_verify's usual case (the right code, live: counted and used) sent pipelined, ahead
 * of the transaction's next writes; *used lands 1 when it was, else 0, once the answers are read (db_settle). Any
 * other outcome is for sms_code_verify to tell — after this transaction rolls back. */
NEOERR *sms_code_use_deferred(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code,
                              long long *used);
/* The hash a matching code row holds (what sms_code_use_deferred compares), for a statement that checks the code
 * itself (schema/048_order_pay_usual.sql). */
void sms_code_given_hash(const char *purpose, const char *mobile, const char *ref, const char *code, char out[65]);
/* Uses up a still-live code that matches (a payment refused after its code checked out rolled the use
 * back with everything else); nothing when it does not match or is gone. */
NEOERR *sms_code_spend(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code);

/* Names for logs and mallctl. */
const char *sms_send_status_name(sms_send_status s);
const char *sms_verify_status_name(sms_verify_status s);

#endif
