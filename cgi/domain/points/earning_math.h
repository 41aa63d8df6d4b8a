/* earning_math.h: the arithmetic of earning rules (P2) — points from an amount in fen, rounding, what a day cap leaves,
 * activity bonuses. Pure functions (no database), tested by tests/unit/test_earning_math.c. */
#ifndef MALL_EARNING_MATH_H
#define MALL_EARNING_MATH_H

typedef enum { EARN_ROUND_DOWN, EARN_ROUND_HALF_UP, EARN_ROUND_UP } earn_rounding;

/* "down", "half_up", "up" → the mode; -1 for anything else. */
int earning_rounding_parse(const char *s);
/* The mode's name ("down" …). */
const char *earning_rounding_name(earn_rounding r);

/* amount_fen × points_per_unit / unit_fen, rounded by r (half_up: a half rounds away from zero). -1 when an argument
 * is out of range (amount_fen < 0, points_per_unit < 1, unit_fen < 1) or the product would overflow. */
long long earning_points(long long amount_fen, long long points_per_unit, long long unit_fen, earn_rounding r);

/* What a member may still earn under a day cap: min(points, cap − used), never below 0; cap 0 = no cap (points). */
long long earning_capped(long long points, long long cap, long long used);

/* The bonus an earn of points gets: multiply → points × (pct − 100) / 100 rounded down (pct 100–1000); fixed →
 * fixed_points. 0 for points ≤ 0 or settings out of range. */
long long earning_bonus(long long points, int multiply, long long pct, long long fixed_points);

#endif
