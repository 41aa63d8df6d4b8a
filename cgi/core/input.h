/* input.h: declared inputs — each handler lists its fields with validators and limits; nothing reads Query.* raw */
#ifndef MALL_INPUT_H
#define MALL_INPUT_H
#include "request.h"

/* IN_DATE: a calendar date written YYYY-MM-DD (years 1900–2999), whatever the browser's locale would show. */
typedef enum { IN_INT, IN_STR, IN_TEXT, IN_ENUM, IN_MOBILE, IN_DIGITS, IN_DATE } in_type;
enum { IN_REQUIRED = 1 };
typedef struct {
  const char *name;
  in_type type;
  int flags;
  long long min, max;  /* IN_INT: value range; IN_STR/TEXT: length in characters; IN_DIGITS: digit count */
  const char *choices; /* IN_ENUM: "a|b|c" */
} in_field;
typedef struct {
  const char *s; /* the raw (validated) string, NULL when absent */
  long long i;   /* IN_INT value */
  int present;
} in_value;
/* Validates every field; for each bad one sets Form.Errors.<name> to a Lang.Form key.
 * Returns the number of invalid fields. Values of absent optional fields have present = 0. */
int input_read(req *r, const in_field *f, int n, in_value *out);
/* The validator on a plain string, for unit tests. 0 ok, else an error key. */
const char *input_check(const in_field *f, const char *value, int multi, in_value *out);

#endif
