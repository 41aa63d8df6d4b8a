/* enterprise_scope.c: the reader's enterprise scope (B8) — all, or one enterprise; an empty one matches nobody */
#include "members/enterprise_scope.h"
#include <stdio.h>
#include <string.h>

/* No members.enterprise holds a control character: the code an unbound scope compares with. */
#define ENT_NOBODY "\x01"

ent_scope ent_scope_all(void) { return (ent_scope){.all = 1}; }

ent_scope ent_scope_of(const char *code) {
  ent_scope s = {.all = 0};
  snprintf(s.code, sizeof s.code, "%s", code && *code ? code : ENT_NOBODY);
  return s;
}

const char *ent_scope_code(const ent_scope *s) { return s->all ? "" : s->code; }
