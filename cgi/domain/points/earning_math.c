/* earning_math.c: the arithmetic of earning rules (P2) — rounding, caps and bonuses, in integers only */
#include "points/earning_math.h"
#include <limits.h>
#include <string.h>

int earning_rounding_parse(const char *s) {
  if (!s) return -1;
  if (!strcmp(s, "down")) return EARN_ROUND_DOWN;
  if (!strcmp(s, "half_up")) return EARN_ROUND_HALF_UP;
  if (!strcmp(s, "up")) return EARN_ROUND_UP;
  return -1;
}

const char *earning_rounding_name(earn_rounding r) {
  return r == EARN_ROUND_UP ? "up" : r == EARN_ROUND_HALF_UP ? "half_up" : "down";
}

long long earning_points(long long amount_fen, long long points_per_unit, long long unit_fen, earn_rounding r) {
  if (amount_fen < 0 || points_per_unit < 1 || unit_fen < 1) return -1;
  if (amount_fen > LLONG_MAX / points_per_unit) return -1;
  long long num = amount_fen * points_per_unit;
  long long q = num / unit_fen, rem = num % unit_fen;
  switch (r) {
  case EARN_ROUND_UP: return rem ? q + 1 : q;
  case EARN_ROUND_HALF_UP: return rem >= unit_fen - rem ? q + (rem ? 1 : 0) : q; /* 2·rem ≥ unit without overflow */
  default: return q;
  }
}

long long earning_capped(long long points, long long cap, long long used) {
  if (points <= 0) return 0;
  if (cap <= 0) return points;
  long long room = cap - (used > 0 ? used : 0);
  if (room <= 0) return 0;
  return points < room ? points : room;
}

long long earning_bonus(long long points, int multiply, long long pct, long long fixed_points) {
  if (points <= 0) return 0;
  if (!multiply) return fixed_points > 0 && fixed_points <= 1000000 ? fixed_points : 0;
  if (pct < 100 || pct > 1000 || points > LLONG_MAX / 1000) return 0;
  return points * (pct - 100) / 100;
}
