<?cs # points.cs: points per day or month (B9) — opening, one column per ledger kind, net, closing; legend ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/reports/chart.cs" ?>
<?cs include:"admin/reports/filters.cs" ?>
<?cs call:rtabs() ?>
<?cs call:rfilters("/admin/reports", "points") ?>
<?cs if:Report.Days ?>
<div class="grid report-stats">
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Opening ?></span><span class="stat-value" id="sum-opening"><?cs var:Report.Total.Opening ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Issued ?></span><span class="stat-value s1" id="sum-issued"><?cs var:Report.Total.Issued ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Spent ?></span><span class="stat-value s2" id="sum-spent"><?cs var:Report.Total.Spent ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Refunded ?></span><span class="stat-value s3" id="sum-refunded"><?cs var:Report.Total.Refunded ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Col.Expired ?></span><span class="stat-value s4" id="sum-expired"><?cs var:Report.Total.Expired ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Closing ?></span><span class="stat-value" id="sum-closing"><?cs var:Report.Total.Outstanding ?></span></div>
</div>
<div class="report-charts">
  <section class="card"><?cs call:lchart(Charts.Flow, Lang.AdminReports.Chart.Flow, "chart-flow") ?></section>
  <section class="card"><?cs call:lchart(Charts.Balance, Lang.AdminReports.Chart.Balance, "chart-balance") ?></section>
</div>
<p class="muted report-note"><?cs var:Lang.AdminReports.Chart.Note ?></p>
<section class="card">
<div class="table-wrap"><table class="table report-table" id="points-report">
  <thead><tr>
    <th scope="col"><?cs if:Report.Group == "month" ?><?cs var:Lang.AdminReports.Col.Month ?><?cs else ?><?cs var:Lang.AdminReports.Col.Day ?><?cs /if ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Opening ?></th>
    <?cs each:k = Report.Cols ?><th scope="col" class="num" data-kind="<?cs var:k.Name ?>"><?cs var:k.Label ?></th><?cs /each ?>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Col.Net ?></th>
    <th scope="col" class="num"><?cs var:Lang.AdminReports.Closing ?></th>
  </tr></thead>
  <tbody>
  <?cs each:b = Report.Rows ?>
  <tr data-period="<?cs var:b.Label ?>">
    <th scope="row"><?cs if:Report.Group == "month" ?><a href="/admin/reports?from=<?cs var:url_escape(b.From) ?>&amp;to=<?cs var:url_escape(b.To) ?>&amp;group=day" title="<?cs var:Lang.AdminReports.Drill ?>"><?cs var:b.Label ?></a><?cs else ?><?cs var:b.Label ?><?cs /if ?></th>
    <td class="num"><?cs var:b.Opening ?></td>
    <?cs each:v = b.Cols ?><td class="num"><?cs var:v ?></td><?cs /each ?>
    <td class="num<?cs if:b.NetUp ?> up<?cs /if ?>"><?cs if:b.NetUp ?>+<?cs /if ?><?cs var:b.Net ?></td>
    <td class="num"><?cs var:b.Closing ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
  <tfoot><tr class="report-total" data-period="total">
    <th scope="row"><?cs var:Lang.AdminReports.Total ?></th>
    <td class="num"><?cs var:Report.Total.Opening ?></td>
    <?cs each:v = Report.Total.Cols ?><td class="num"><?cs var:v ?></td><?cs /each ?>
    <td class="num"><?cs if:Report.Total.NetUp ?>+<?cs /if ?><?cs var:Report.Total.Net ?></td>
    <td class="num"><?cs var:Report.Total.Closing ?></td>
  </tr></tfoot>
</table></div>
</section>
<section class="card report-defs" id="report-legend">
  <h2><?cs var:Lang.AdminReports.DefTitle ?></h2>
  <p><?cs var:Lang.AdminReports.Def.Rule ?></p>
  <ul>
    <?cs each:k = Report.Cols ?><li><strong><?cs var:k.Label ?></strong>: <?cs var:Lang.AdminReports.KindDef[k.Name] ?></li><?cs /each ?>
    <li><?cs var:Lang.AdminReports.Def.Groups ?></li>
  </ul>
</section>
<?cs /if ?>
