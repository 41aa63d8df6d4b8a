/* settlements_list.h: the settlement list's statements (list_stmt), for settlements.c and the EXPLAIN unit test */
#ifndef MALL_SETTLEMENTS_LIST_H
#define MALL_SETTLEMENTS_LIST_H
#include "merchants/settlements.h"
#include "shared/list_stmt.h"

/* The list's statement (count 1: its bounded count), with the text its parameters point to. */
typedef struct {
  list_stmt st;
  char month[16];
} settlements_stmt;
void settlements_list_stmt(long long merchant_id, const char *status, const char *month, long long offset,
                           long long after, int limit, int count, settlements_stmt *out);

#endif
