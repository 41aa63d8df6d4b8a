/* center_points.c: points center (A2) — balance, expiring soon, open lots, filterable ledger */
#include "mall_center.h"
#include "points/points_read.h"
#include "points/reports.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

/* 'YYYY-MM-DD' naming a real calendar day in 2000–2099. */
static int valid_date(const char *s) { return report_day_number(s) >= 0; }

#define LOTS_PER_PAGE 10
/* Open lots are counted exactly: the count is one kept row (points_member_lots, schema 046), not a scan; the cap only
 * bounds what the page prints ("1000000+"). */
#define LOTS_SHOWN_CAP 1000000

/* What this process learnt of a member's size at their last view (a hint kept per process, never an answer: a wrong
 * guess costs a few index reads or a second statement, and the numbers shown always come from the view's own reads):
 * lots — more open lots than a page, so the expiring sum and the open lots need counting; entries — more ledger
 * entries than a page, so a first view needs them counted. The next view reads just those counts in its union: one
 * round trip, and no lot counts for a member whose lots the rows already tell (five subqueries, ~0.13 ms a view). */
#define HINT_SLOTS 1024
static struct {
  long long member;
  unsigned lots : 1, entries : 1;
} g_hints[HINT_SLOTS];

static void hint_get(long long member, int *lots, int *entries) {
  unsigned slot = (unsigned)((unsigned long long)member % HINT_SLOTS);
  int mine = g_hints[slot].member == member;
  *lots = mine && g_hints[slot].lots;
  *entries = mine && g_hints[slot].entries;
}

static void hint_note(long long member, int lots, int entries) {
  unsigned slot = (unsigned)((unsigned long long)member % HINT_SLOTS);
  if (lots || entries) {
    g_hints[slot].member = member;
    g_hints[slot].lots = lots != 0;
    g_hints[slot].entries = entries != 0;
  } else if (g_hints[slot].member == member) {
    g_hints[slot].member = 0;
  }
}

/* GET /points?kind=&from=&to=&page=|after=&lots= → 200; 400 for an invalid kind, page or cursor. Bad dates are shown
 * next to their field and ignored. The ledger numbers POINTS_OFFSET_PAGES pages, then seeks (?after=<entry id>); the
 * open lots show LOTS_PER_PAGE at a time (?lots=<expires>.<id> continues after a lot). */
NEOERR *h_points(req *r) {
  static const in_field F[] = {
      /* the page's select writes these out (templates/mall/center/points.cs): a kind added here goes there too */
      {"kind", IN_ENUM, 0, 0, 0,
       "all|earn|spend|refund|expire|grant|adjust|offline|scan|api_earn|api_spend|api_reverse|coupon|bonus"},
      {"from", IN_DATE, 0, 0, 0, NULL},
      {"to", IN_DATE, 0, 0, 0, NULL},
  };
  static const in_field K[] = {
      {"after", IN_INT, 0, 1, 9000000000000000000LL, NULL},
      {"lots", IN_STR, 0, 0, 40, NULL},
  };
  in_value v[3], k[2];
  long long page = 1;
  lots_seek lots_after = {0};
  if (!req_page(r, &page) || input_read(r, F, 1, v) || input_read(r, K, 2, k)) return nerr_pass(req_fail(r, 400));
  if (k[1].present && !lots_seek_parse(k[1].s, &lots_after)) return nerr_pass(req_fail(r, 400));
  long long after_id = k[0].present ? k[0].i : 0;
  NEOERR *err = center_show(r, "mall/center/points.cs", "Center.Points.Title", "points");
  if (err) return nerr_pass(err);
  input_read(r, F + 1, 2, v + 1);
  ledger_filter f = {0};
  if (v[0].present && strcmp(v[0].s, "all") != 0) f.kind = v[0].s;
  const char *names[2] = {"from", "to"};
  for (int i = 1; i <= 2 && !err; i++) {
    if (!v[i].present || hdf_get_valuef(r->hdf, "Form.Errors.%s", names[i - 1])) continue;
    if (!valid_date(v[i].s)) {
      err = req_form_error(r, names[i - 1], "Center.Points.BadDate");
      continue;
    }
    if (i == 1) f.from = v[i].s;
    else f.to = v[i].s;
  }
  if (!err && f.from && f.to && strcmp(f.from, f.to) > 0) err = req_form_error(r, "to", "Center.Points.BadRange");
  if (err) return nerr_pass(err);
  if (hdf_get_obj(r->hdf, "Form.Errors.to")) f.to = NULL;
  if (hdf_get_obj(r->hdf, "Form.Errors.from")) f.from = NULL;

  HDF *h = r->hdf;
  long long soon = -1, total = -1, open = -1;
  int lots = 0;
  lots_seek lots_next;
  /* Counts read no more than the page shows: open lots from their kept row; ledger entries up to four
   * pages past this one (the numbered pages the pager links to), none on a keyset page (past the numbered pages
   * already). Measured at 20,000 entries and lots: two counts to 1,000 read 2,000 index entries a view, most of the
   * page's database time. */
  long long entries_cap = after_id ? -1 : (page + 4) * CENTER_PER_PAGE;
  if (entries_cap > POINTS_COUNT_CAP) entries_cap = POINTS_COUNT_CAP;
  long long keyset_total = POINTS_OFFSET_PAGES * CENTER_PER_PAGE + 1; /* past the numbered pages: no count shown */
  /* Numbered pages stop at POINTS_OFFSET_PAGES (the OFFSET grows with the page); deeper ones seek. */
  int numbered = page <= POINTS_OFFSET_PAGES;
  long long offset = numbered ? (page - 1) * CENTER_PER_PAGE : 1LL << 60;
  /* Every view but the lots' own paging reads the first page of open lots (from its start, the expiring ones) and its
   * ledger page in one UNION ALL (member_points_lots_first); a numbered page past the first, which always shows a
   * count, reads the counts in it too. The first view reads one entry more instead: with fewer than a page of entries
   * the rows are the count, and a member with few lots has their numbers from the rows — one statement; the counts
   * cost more than a second round trip at that size. So does a keyset page (no count shown) unless there are many
   * open lots. */
  int first_view = page == 1 && !after_id;
  int entries = 0, ledger_read = !lots_after.set && (after_id > 0 || numbered);
  int many_lots = 0, many_entries = 0; /* what the last view of this member here found (hint_get) */
  hint_get(r->user_id, &many_lots, &many_entries);
  /* The union reads the counts too: always on a numbered page past the first; on a first view or keyset page when the
   * hint says the rows will not tell them. The lots' counts only when the member has many lots. */
  int counted = first_view ? many_lots || many_entries : after_id ? many_lots : 1;
  ledger_page lp = {&f,         after_id ? 0 : offset, after_id, first_view ? CENTER_PER_PAGE + 1 : CENTER_PER_PAGE,
                    "Ledger",   &entries,              LOTS_SHOWN_CAP, entries_cap,
                    counted ? &total : NULL,           !many_lots};
  if (!lots_after.set)
    err = member_points_lots_first(r->db, r->user_id, POINTS_EXPIRING_DAYS, LOTS_PER_PAGE, h, "Lots", "Expiring", &lots,
                                   &lots_next, &open, &soon, ledger_read ? &lp : NULL);
  if (!err && ledger_read && first_view) {
    char extra[32];
    snprintf(extra, sizeof extra, "Ledger.%d", CENTER_PER_PAGE); /* the row that says more follow */
    if (entries <= CENTER_PER_PAGE) total = entries;
    else err = hdf_remove_tree(h, extra);
  }
  if (after_id) total = keyset_total;
  int separate = !err && (soon < 0 || open < 0 || total < 0);
  if (!err && ledger_read) /* unknown after the union, or counted past a page: many */
    hint_note(r->user_id, open < 0 || open > LOTS_PER_PAGE,
              first_view ? entries > CENTER_PER_PAGE : after_id || total < 0 || total > CENTER_PER_PAGE);
  if (separate)
    err = member_points_summary(r->db, r->user_id, POINTS_EXPIRING_DAYS, &f, LOTS_SHOWN_CAP, entries_cap, &soon, &open,
                                &total);
  if (!err && after_id) total = keyset_total;
  if (!err) err = hdf_set_valuef(h, "Points.ExpiringSum=%lld", soon);
  if (!err) err = hdf_set_valuef(h, "Points.Days=%d", POINTS_EXPIRING_DAYS);
  if (!err && lots_after.set) {
    err = member_points_expiring(r->db, r->user_id, POINTS_EXPIRING_DAYS, h, "Expiring", NULL);
    if (!err) err = member_points_lots(r->db, r->user_id, &lots_after, LOTS_PER_PAGE, h, "Lots", &lots, NULL, &lots_next);
  }
  /* The expiring list shows the soonest POINTS_EXPIRING_MAX; when the sum due is more than theirs, more are due. */
  long long shown_soon = 0;
  for (HDF *l = err ? NULL : hdf_get_child(h, "Expiring"); l; l = hdf_obj_next(l))
    shown_soon += db_hdf_ll(l, "remaining", 0);
  if (!err && shown_soon < soon) err = hdf_set_value(h, "Points.ExpiringMore", "1");
  if (!err && open > LOTS_SHOWN_CAP) err = hdf_set_valuef(h, "Points.LotsOpen=%d+", LOTS_SHOWN_CAP);
  else if (!err) err = hdf_set_valuef(h, "Points.LotsOpen=%lld", open);
  if (!err && lots_after.set) err = hdf_set_value(h, "Points.LotsFirst", "1");
  if (!err && lots_next.set) err = hdf_set_valuef(h, "Points.LotsMore=%s.%lld", lots_next.expires, lots_next.id);
  if (!err && !ledger_read && (after_id > 0 || offset < total))
    err = member_points_ledger_rows(r->db, r->user_id, &f, h, "Ledger", offset, after_id, CENTER_PER_PAGE);
  if (!err) err = hdf_set_value(h, "Filter.Kind", f.kind ? f.kind : "all");
  if (!err && f.from) err = hdf_set_value(h, "Filter.From", f.from);
  if (!err && f.to) err = hdf_set_value(h, "Filter.To", f.to);
  if (!err && (f.kind || f.from || f.to)) err = hdf_set_value(h, "Filter.Active", "1");
  char base[128];
  snprintf(base, sizeof base, "/points?%s%s%s%s%s%s%s", f.kind ? "kind=" : "", f.kind ? f.kind : "", f.kind ? "&" : "",
           f.from ? "from=" : "", f.from ? f.from : "", f.from ? "&" : "", "");
  if (f.to) snprintf(base + strlen(base), sizeof base - strlen(base), "to=%s&", f.to);
  /* The next page seeks from the last entry shown. */
  char next[32] = "";
  int shown = 0;
  for (HDF *e = hdf_get_child(h, "Ledger"); e; e = hdf_obj_next(e)) {
    shown++;
    if (!hdf_obj_next(e)) snprintf(next, sizeof next, "%lld", db_hdf_ll(e, "id", 0));
  }
  if (!err)
    err = req_pager_seek(r, base, after_id ? 0 : page, total, entries_cap < 0 ? POINTS_COUNT_CAP : entries_cap,
                         CENTER_PER_PAGE, POINTS_OFFSET_PAGES,
                         shown == CENTER_PER_PAGE && next[0] ? next : NULL);
  if (!err) err = hdf_set_value(h, "Pager.Anchor", "#ledger");
  return nerr_pass(err);
}
