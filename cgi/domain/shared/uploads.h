/* uploads.h: uploaded images — recognised by their magic bytes, stored under var/uploads/ with random names */
#ifndef MALL_UPLOADS_H
#define MALL_UPLOADS_H
#include "neo.h"
#include <stdio.h>

#define UPLOAD_MAX_BYTES (5L * 1024 * 1024)

typedef enum { UPLOAD_OK, UPLOAD_EMPTY, UPLOAD_TOO_BIG, UPLOAD_BAD_TYPE } upload_result;

/* "jpg", "png" or "webp" when buf starts like one of those formats; NULL for anything else. */
const char *upload_detect(const unsigned char *buf, size_t len);

/* Copies an uploaded file (already parsed by ClearSilver) to <var>/uploads/<random>.<ext>, mode 0644.
 * The client's file name is never used. url gets "/uploads/<name>" when *res is UPLOAD_OK. */
NEOERR *upload_store(FILE *fp, char *url, size_t url_len, upload_result *res);

/* Removes a file upload_store made (when the save it was for was refused). */
void upload_discard(const char *url);

/* 1 when s is a path we serve ourselves: "/uploads/…" or "/img/…", plain characters, no "..". */
int upload_local_image(const char *s);

#endif
