/* report_cmd.c: mallctl report-points — the monthly finance points report (P5) as a table or CSV */
#include "report_cmd.h"
#include "log.h"
#include "points/finance_report.h"
#include <stdio.h>
#include <string.h>

void report_cmd_usage(void) {
  fprintf(stderr, "  report-points --month YYYY-MM [--enterprise CODE] [--csv]\n"
                  "                               points liability by enterprise: opening, issued by source, spent,\n"
                  "                               expired, closing; exit 1 if opening + issued - spent - expired != closing\n");
}

static void print_row(const char *name, const fin_row *f) {
  printf("%-16s %12lld", name, f->opening);
  for (int k = 0; k < FIN_COLS; k++) {
    if (k == FIN_SPENT) printf(" %12lld", f->issued);
    printf(" %12lld", f->col[k]);
  }
  printf(" %12lld  %s\n", f->closing, f->holds ? "ok" : "BROKEN");
}

int report_cmd(MYSQL *db, int argc, char **argv) {
  const char *month = NULL, *ent = NULL;
  int csv = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--month") == 0 && i + 1 < argc) month = argv[++i];
    else if (strcmp(argv[i], "--enterprise") == 0 && i + 1 < argc) ent = argv[++i];
    else if (strcmp(argv[i], "--csv") == 0) csv = 1;
    else month = NULL, i = argc;
  }
  if (!finance_month_valid(month)) {
    fprintf(stderr, "mallctl report-points: usage: mallctl report-points --month YYYY-MM [--enterprise CODE] [--csv]\n");
    return 2;
  }
  fin_report r;
  NEOERR *err = finance_report_load(db, month, ent ? ent_scope_of(ent) : ent_scope_all(), &r);
  if (err) {
    log_neoerr("report-points", &err);
    fprintf(stderr, "mallctl report-points: failed (see the log)\n");
    return 1;
  }
  int holds = r.total.holds;
  for (int i = 0; i < r.n; i++) holds &= r.rows[i].holds;
  if (csv) {
    STRING s;
    string_init(&s);
    err = finance_report_csv(&r, &s);
    if (!err) fwrite(s.buf ? s.buf : "", 1, (size_t)s.len, stdout);
    string_clear(&s);
    nerr_ignore(&err);
  } else {
    printf("points report %s (%s .. %s)%s\n", r.month, r.from, r.to, r.complete ? "" : ", month not ended: figures so far");
    printf("%-16s %12s", "enterprise", "opening");
    for (int k = 0; k < FIN_COLS; k++) {
      if (k == FIN_SPENT) printf(" %12s", "issued");
      printf(" %12s", fin_col_names[k]);
    }
    printf(" %12s  identity\n", "closing");
    for (int i = 0; i < r.n; i++) print_row(r.rows[i].enterprise[0] ? r.rows[i].enterprise : "(none)", &r.rows[i]);
    print_row("TOTAL", &r.total);
    printf("opening + issued - spent - expired = closing: %s\n", holds ? "holds on every row" : "BROKEN");
  }
  finance_report_free(&r);
  return holds ? 0 : 1;
}
