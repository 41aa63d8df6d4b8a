/* svg_chart.h: chart geometry for server-rendered SVG — computed here, drawn by templates/admin/reports/chart.cs */
#ifndef MALL_SVG_CHART_H
#define MALL_SVG_CHART_H
#include "neo.h"

/* One line of a line chart: n values, drawn with CSS class cls ("s1".."s4") and named in the legend. */
typedef struct {
  const char *name;
  const char *cls;
  const long long *v;
} chart_series;

/* The axis maximum and tick step for values up to max: 1/2/5 × 10^k steps, 4–5 ticks, max ≥ 1. */
void chart_nice_scale(long long max, long long *axis_max, long long *step);

/* Line chart over n buckets named labels[0..n-1] (n ≥ 1). Writes under prefix:
 *   Width, Height (viewBox), Left, Right, Top, Bottom (plot area),
 *   Ticks.N.{Y,Label}, XLabels.N.{X,Label} (at most ~8, evenly thinned),
 *   Series.N.{Name,Class,Points ("x,y x,y …"), Dots.N.{X,Y,Label,Value}} (dots only for n ≤ 62). */
NEOERR *chart_lines(HDF *out, const char *prefix, const char *const *labels, int n, const chart_series *s, int ns);

/* The same for a day of minutes, like a stock-index chart: series j draws its first len[j] values only (0: all n;
 * today's line stops at the current minute, where Series.N.{EndX,EndY} mark it), and flat stretches are drawn from
 * their ends only (a day of minutes is mostly flat: a few hundred points instead of 1,440). */
NEOERR *chart_lines_live(HDF *out, const char *prefix, const char *const *labels, int n, const chart_series *s, int ns,
                         const int *len);

/* Horizontal bar chart of n values (n ≥ 0, shown in the given order). Writes under prefix:
 *   Width, Height, Left, Right, Bars.N.{Y,H,W,TextY,Label,Value}, Ticks.N.{X,Label}. */
NEOERR *chart_bars(HDF *out, const char *prefix, const char *const *labels, const long long *v, int n);

/* "1234567" → "1,234,567" (negative values keep their sign). */
void chart_group_digits(long long v, char *buf, size_t len);

#endif
