/* svg_chart.c: chart geometry for server-rendered SVG — numbers only; the template draws and escapes */
#include "shared/svg_chart.h"
#include <stdio.h>
#include <string.h>

#define LW 720.0 /* line chart viewBox */
#define LH 260.0
#define L_LEFT 64.0
#define L_RIGHT 704.0
#define L_TOP 16.0
#define L_BOTTOM 224.0
#define MAX_DOTS 62
#define MAX_XLABELS 8

#define BW 720.0 /* bar chart viewBox */
#define B_LEFT 196.0
#define B_RIGHT 630.0
#define B_TOP 8.0
#define B_ROW 30.0
#define B_BAR 18.0
#define LABEL_CHARS 14

void chart_group_digits(long long v, char *buf, size_t len) {
  char raw[32];
  unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  int n = snprintf(raw, sizeof raw, "%llu", u);
  char out[48];
  int o = 0;
  if (v < 0) out[o++] = '-';
  for (int i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0) out[o++] = ',';
    out[o++] = raw[i];
  }
  out[o] = 0;
  snprintf(buf, len, "%s", out);
}

void chart_nice_scale(long long max, long long *axis_max, long long *step) {
  if (max < 1) max = 1;
  long long mag = 1;
  while (mag <= max / 10) mag *= 10;
  /* the smallest 1/2/5 × 10^k step that reaches max within five steps */
  const long long cand[] = {mag / 10, mag / 5, mag / 2, mag, mag * 2, mag * 5, mag * 10};
  long long s = mag * 10;
  for (int i = 0; i < 7; i++)
    if (cand[i] >= 1 && cand[i] * 5 >= max) {
      s = cand[i];
      break;
    }
  *step = s;
  *axis_max = (max + s - 1) / s * s;
}

/* First `chars` UTF-8 characters of s, with "…" when cut. */
static void utf8_cut(const char *s, int chars, char *buf, size_t len) {
  size_t i = 0;
  int c = 0;
  while (s[i] && c < chars) {
    i++;
    while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    c++;
  }
  if (!s[i]) snprintf(buf, len, "%s", s);
  else snprintf(buf, len, "%.*s…", (int)i, s);
}

static NEOERR *set_num(HDF *h, const char *prefix, const char *key, double v) {
  return nerr_pass(hdf_set_valuef(h, "%s.%s=%.1f", prefix, key, v));
}

static NEOERR *set_str(HDF *h, const char *prefix, const char *key, const char *v) {
  char name[512];
  snprintf(name, sizeof name, "%s.%s", prefix, key);
  return nerr_pass(hdf_set_value(h, name, v));
}

static NEOERR *put_ticks_y(HDF *out, const char *prefix, long long axis, long long step) {
  NEOERR *err = STATUS_OK;
  int k = 0;
  for (long long t = 0; t <= axis && !err; t += step, k++) {
    char p[160], num[48];
    snprintf(p, sizeof p, "%s.Ticks.%d", prefix, k);
    chart_group_digits(t, num, sizeof num);
    err = set_num(out, p, "Y", L_BOTTOM - (L_BOTTOM - L_TOP) * (double)t / (double)axis);
    if (!err) err = set_str(out, p, "Label", num);
  }
  return nerr_pass(err);
}

static int series_len(const int *len, int j, int n) { return len && len[j] > 0 && len[j] < n ? len[j] : n; }

NEOERR *chart_lines(HDF *out, const char *prefix, const char *const *labels, int n, const chart_series *s, int ns) {
  return nerr_pass(chart_lines_live(out, prefix, labels, n, s, ns, NULL));
}

NEOERR *chart_lines_live(HDF *out, const char *prefix, const char *const *labels, int n, const chart_series *s, int ns,
                         const int *lens) {
  if (n < 1) return STATUS_OK;
  long long max = 0;
  for (int j = 0; j < ns; j++)
    for (int i = 0; i < series_len(lens, j, n); i++)
      if (s[j].v[i] > max) max = s[j].v[i];
  long long axis, step;
  chart_nice_scale(max, &axis, &step);
  NEOERR *err = hdf_set_valuef(out, "%s.Width=%d", prefix, (int)LW);
  if (!err) err = hdf_set_valuef(out, "%s.Height=%d", prefix, (int)LH);
  if (!err) err = set_num(out, prefix, "Left", L_LEFT);
  if (!err) err = set_num(out, prefix, "Right", L_RIGHT);
  if (!err) err = set_num(out, prefix, "Top", L_TOP);
  if (!err) err = set_num(out, prefix, "Bottom", L_BOTTOM);
  if (!err) err = set_num(out, prefix, "LabelY", L_BOTTOM + 20);
  if (!err) err = put_ticks_y(out, prefix, axis, step);
  double dx = n > 1 ? (L_RIGHT - L_LEFT) / (n - 1) : 0;
  double x0 = n > 1 ? L_LEFT : (L_LEFT + L_RIGHT) / 2;
  int every = (n + MAX_XLABELS - 1) / MAX_XLABELS, last = -1;
  for (int i = 0, k = 0; i < n && !err; i++) {
    /* every `every`-th bucket, and the last one unless it would crowd its neighbour */
    int show = i % every == 0 || (i == n - 1 && (last < 0 || i - last > every / 2));
    if (!show) continue;
    if (i == n - 1 || i % every == 0) last = i;
    char p[160];
    snprintf(p, sizeof p, "%s.XLabels.%d", prefix, k++);
    err = set_num(out, p, "X", x0 + dx * i);
    if (!err) err = set_str(out, p, "Label", labels[i]);
  }
  for (int j = 0; j < ns && !err; j++) {
    char p[160];
    snprintf(p, sizeof p, "%s.Series.%d", prefix, j);
    err = set_str(out, p, "Name", s[j].name);
    if (!err) err = set_str(out, p, "Class", s[j].cls);
    STRING pts;
    string_init(&pts);
    int len = series_len(lens, j, n);
    for (int i = 0; i < len && !err; i++) {
      double x = x0 + dx * i, y = L_BOTTOM - (L_BOTTOM - L_TOP) * (double)s[j].v[i] / (double)axis;
      /* A point inside a flat stretch adds nothing to the line: its neighbours on both sides have its value. */
      if (lens && i > 0 && i < len - 1 && s[j].v[i] == s[j].v[i - 1] && s[j].v[i] == s[j].v[i + 1]) continue;
      err = string_appendf(&pts, "%s%.1f,%.1f", pts.len ? " " : "", x, y);
      if (!err && i == len - 1 && len < n) {
        err = set_num(out, p, "EndX", x);
        if (!err) err = set_num(out, p, "EndY", y);
      }
      if (!err && n <= MAX_DOTS) {
        char d[200], num[48];
        snprintf(d, sizeof d, "%s.Dots.%d", p, i);
        chart_group_digits(s[j].v[i], num, sizeof num);
        err = set_num(out, d, "X", x);
        if (!err) err = set_num(out, d, "Y", y);
        if (!err) err = set_str(out, d, "Label", labels[i]);
        if (!err) err = set_str(out, d, "Value", num);
      }
    }
    if (!err) err = set_str(out, p, "Points", pts.buf ? pts.buf : "");
    string_clear(&pts);
  }
  return nerr_pass(err);
}

NEOERR *chart_bars(HDF *out, const char *prefix, const char *const *labels, const long long *v, int n) {
  long long max = 0;
  for (int i = 0; i < n; i++)
    if (v[i] > max) max = v[i];
  long long axis, step;
  chart_nice_scale(max, &axis, &step);
  double height = B_TOP + B_ROW * (n > 0 ? n : 1) + 24;
  NEOERR *err = hdf_set_valuef(out, "%s.Width=%d", prefix, (int)BW);
  if (!err) err = hdf_set_valuef(out, "%s.Height=%d", prefix, (int)height);
  if (!err) err = set_num(out, prefix, "Left", B_LEFT);
  if (!err) err = set_num(out, prefix, "Right", B_RIGHT);
  if (!err) err = set_num(out, prefix, "Top", B_TOP);
  if (!err) err = set_num(out, prefix, "Bottom", height - 24);
  if (!err) err = set_num(out, prefix, "LabelY", height - 6);
  int k = 0;
  for (long long t = 0; t <= axis && !err; t += step, k++) {
    char p[160], num[48];
    snprintf(p, sizeof p, "%s.Ticks.%d", prefix, k);
    chart_group_digits(t, num, sizeof num);
    err = set_num(out, p, "X", B_LEFT + (B_RIGHT - B_LEFT) * (double)t / (double)axis);
    if (!err) err = set_str(out, p, "Label", num);
  }
  for (int i = 0; i < n && !err; i++) {
    char p[160], num[48], cut[128];
    snprintf(p, sizeof p, "%s.Bars.%d", prefix, i);
    double y = B_TOP + B_ROW * i + (B_ROW - B_BAR) / 2;
    double w = (B_RIGHT - B_LEFT) * (double)(v[i] > 0 ? v[i] : 0) / (double)axis;
    chart_group_digits(v[i], num, sizeof num);
    utf8_cut(labels[i], LABEL_CHARS, cut, sizeof cut);
    err = set_num(out, p, "Y", y);
    if (!err) err = set_num(out, p, "H", B_BAR);
    if (!err) err = set_num(out, p, "W", w < 1 && v[i] > 0 ? 1 : w);
    if (!err) err = set_num(out, p, "TextY", y + B_BAR - 4);
    if (!err) err = set_num(out, p, "ValueX", B_LEFT + w + 6);
    if (!err) err = set_str(out, p, "Label", cut);
    if (!err) err = set_str(out, p, "Full", labels[i]);
    if (!err) err = set_str(out, p, "Value", num);
  }
  return nerr_pass(err);
}
