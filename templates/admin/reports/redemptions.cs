<?cs # redemptions.cs: redemptions by product, category or merchant over a date range (B9) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/reports/chart.cs" ?>
<?cs include:"admin/reports/filters.cs" ?>
<?cs call:rtabs() ?>
<?cs call:rfilters("/admin/reports/redemptions", "redemptions") ?>
<?cs if:Report.Days ?>
<div class="grid report-stats">
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Orders ?></span><span class="stat-value" id="sum-orders"><?cs var:Report.Total.Orders ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Qty ?></span><span class="stat-value" id="sum-qty"><?cs var:Report.Total.Qty ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Points ?></span><span class="stat-value s2" id="sum-points"><?cs var:Report.Total.Points ?></span></div>
</div>
<div class="grid report-stats report-cash">
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Received ?> <span id="cash-payments"><?cs var:Report.Cash.Payments ?></span></span><span class="stat-value" id="sum-cash-in">¥<?cs var:Report.Cash.Received ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Refunded ?> <span id="cash-refunds"><?cs var:Report.Cash.Refunds ?></span></span><span class="stat-value" id="sum-cash-refunded">¥<?cs var:Report.Cash.Refunded ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Net ?></span><span class="stat-value s2" id="sum-cash-net">¥<?cs var:Report.Cash.Net ?></span></div>
</div>
<?cs if:Report.Count > 0 ?>
<section class="card"><?cs call:bchart(Charts.Top, Lang.AdminReports.Chart.Top, "chart-top") ?></section>
<section class="card">
<?cs if:Report.Truncated ?><p class="muted"><?cs var:Lang.AdminReports.Truncated ?></p><?cs /if ?>
<div class="table-wrap"><table class="table report-table" id="redemptions-report">
  <thead><tr>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Rank ?></th>
    <th scope="col"><?cs var:Lang.AdminReports.By[Report.By] ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Qty ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Orders ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Points ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Cash ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Share ?></th>
  </tr></thead>
  <tbody>
  <?cs each:b = Report.Rows ?>
  <tr data-id="<?cs var:b.Id ?>">
    <td class="num"><?cs var:b.Rank ?></td>
    <th scope="row"><?cs var:b.Name ?><?cs if:b.Id ?> <span class="muted">#<?cs var:b.Id ?></span><?cs /if ?></th>
    <td class="num"><?cs var:b.Qty ?></td>
    <td class="num"><?cs var:b.Orders ?></td>
    <td class="num"><?cs var:b.Points ?></td>
    <td class="num"><?cs var:b.Cash ?></td>
    <td class="num"><?cs var:b.Share ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
  <tfoot><tr class="report-total">
    <td></td>
    <th scope="row"><?cs var:Lang.AdminReports.Total ?></th>
    <td class="num"><?cs var:Report.Total.Qty ?></td>
    <td class="num"><?cs var:Report.Total.Orders ?></td>
    <td class="num"><?cs var:Report.Total.Points ?></td>
    <td class="num"><?cs var:Report.Total.Cash ?></td>
    <td class="num">100%</td>
  </tr>
  <tr class="report-discount">
    <td></td>
    <th scope="row"><?cs var:Lang.AdminReports.Discount ?></th>
    <td></td><td></td>
    <td class="num" id="discount-points"><?cs var:Report.Total.DiscountPoints ?></td>
    <td class="num" id="discount-cash"><?cs var:Report.Total.DiscountCash ?></td>
    <td></td>
  </tr>
  <tr class="report-total">
    <td></td>
    <th scope="row"><?cs var:Lang.AdminReports.Charged ?></th>
    <td></td>
    <td class="num"><?cs var:Report.Total.Orders ?></td>
    <td class="num" id="charged-points"><?cs var:Report.Total.ChargedPoints ?></td>
    <td class="num" id="charged-cash"><?cs var:Report.Total.ChargedCash ?></td>
    <td></td>
  </tr></tfoot>
</table></div>
</section>
<?cs else ?>
<div class="empty-state"><?cs var:Lang.AdminReports.Empty ?></div>
<?cs /if ?>
<section class="card report-defs">
  <h2><?cs var:Lang.AdminReports.DefTitle ?></h2>
  <p><?cs var:Lang.AdminReports.Def.Redemptions ?></p>
</section>
<?cs /if ?>
