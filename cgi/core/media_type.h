/* media_type.h: a request's Content-Type read as RFC 9110 says — type/subtype in any case, parameters after ';' */
#ifndef MALL_MEDIA_TYPE_H
#define MALL_MEDIA_TYPE_H
#include <stddef.h>

typedef enum { BODY_NONE, BODY_FORM, BODY_MULTIPART, BODY_OTHER, BODY_BAD_CHARSET } body_kind;

/* What a POST body is: a url-encoded form (any case, with or without parameters), multipart/form-data, something
 * else, or a form in a charset other than UTF-8 (which would be misread: refuse it). NULL or blank: BODY_NONE. */
body_kind media_body_kind(const char *content_type);
/* The value of parameter name (case-insensitive; quotes removed) into out, 1 when present. */
int media_param(const char *content_type, const char *name, char *out, size_t len);

#endif
