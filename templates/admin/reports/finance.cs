<?cs # finance.cs: the monthly points liability report for finance (P5) — by enterprise, identity stated, CSV ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/reports/filters.cs" ?>
<?cs call:rtabs() ?>
<form class="filters report-filters" method="get" action="/admin/reports/finance">
  <label<?cs if:Form.Errors.month ?> class="has-error"<?cs /if ?>><?cs var:Lang.FinReport.Month ?>
    <input type="text" name="month" value="<?cs var:Fin.Month ?>" inputmode="numeric" maxlength="7" placeholder="2026-11" autocomplete="off"<?cs call:aria(Form.Errors.month, "month", "") ?>>
    <?cs call:ierr(Form.Errors.month, "month") ?></label>
  <button type="submit" class="btn"><?cs var:Lang.AdminReports.Query ?></button>
  <?cs if:Fin.From ?><a class="btn btn-ghost" id="fin-csv" href="/admin/reports/finance.csv?month=<?cs var:url_escape(Fin.Month) ?>"><?cs var:Lang.AdminReports.Export ?></a><?cs /if ?>
</form>
<?cs if:Fin.From ?>
<p class="muted"><?cs var:Lang.FinReport.Period ?> <?cs var:Fin.From ?> – <?cs var:Fin.To ?><?cs if:!Fin.Complete ?> · <strong><?cs var:Lang.FinReport.SoFar ?></strong><?cs /if ?></p>
<?cs if:Fin.Holds ?>
<p class="notice ok" id="fin-identity" data-holds="1"><?cs var:Lang.FinReport.Holds ?></p>
<?cs else ?>
<p class="notice error" id="fin-identity" data-holds="0" role="alert"><?cs var:Lang.FinReport.Broken ?></p>
<?cs /if ?>
<div class="grid report-stats">
  <div class="stat"><span class="stat-label"><?cs var:Lang.FinReport.Opening ?></span><span class="stat-value" id="fin-opening"><?cs var:Fin.Total.Opening ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.FinReport.Issued ?></span><span class="stat-value s1" id="fin-issued"><?cs var:Fin.Total.Issued ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.FinReport.Col.spent ?></span><span class="stat-value s2" id="fin-spent"><?cs var:Fin.Total.Cols.5 ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.FinReport.Col.expired ?></span><span class="stat-value s4" id="fin-expired"><?cs var:Fin.Total.Cols.6 ?></span></div>
  <div class="stat"><span class="stat-label"><?cs var:Lang.FinReport.Closing ?></span><span class="stat-value" id="fin-closing"><?cs var:Fin.Total.Closing ?></span></div>
</div>
<section class="card">
<div class="table-wrap"><table class="table report-table" id="finance-report">
  <thead><tr>
    <th scope="col"><?cs var:Lang.FinReport.Enterprise ?></th>
    <th scope="col" class="num"><?cs var:Lang.FinReport.Opening ?></th>
    <?cs each:k = Fin.Cols ?><?cs if:name(k) == Fin.SpentAt ?><th scope="col" class="num" data-col="issued"><?cs var:Lang.FinReport.Issued ?></th><?cs /if ?><th scope="col" class="num" data-col="<?cs var:k ?>"><?cs var:Lang.FinReport.Col[k] ?></th><?cs /each ?>
    <th scope="col" class="num"><?cs var:Lang.FinReport.Closing ?></th>
    <th scope="col"><?cs var:Lang.FinReport.Identity ?></th>
  </tr></thead>
  <tbody>
  <?cs each:e = Fin.Rows ?>
  <tr data-enterprise="<?cs var:e.Enterprise ?>">
    <th scope="row"><?cs if:e.Enterprise ?><?cs var:e.Enterprise ?><?cs else ?><span class="muted"><?cs var:Lang.FinReport.NoEnterprise ?></span><?cs /if ?></th>
    <td class="num"><?cs var:e.Opening ?></td>
    <?cs each:v = e.Cols ?><?cs if:name(v) == Fin.SpentAt ?><td class="num"><?cs var:e.Issued ?></td><?cs /if ?><td class="num"><?cs var:v ?></td><?cs /each ?>
    <td class="num"><?cs var:e.Closing ?></td>
    <td><?cs if:e.Holds ?>✓<?cs else ?><strong class="error">✗</strong><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  <?cs if:!subcount(Fin.Rows) ?><tr><td colspan="12" class="empty"><?cs var:Lang.FinReport.Empty ?></td></tr><?cs /if ?>
  </tbody>
  <tfoot><tr class="report-total" data-enterprise="total">
    <th scope="row"><?cs var:Lang.AdminReports.Total ?></th>
    <td class="num"><?cs var:Fin.Total.Opening ?></td>
    <?cs each:v = Fin.Total.Cols ?><?cs if:name(v) == Fin.SpentAt ?><td class="num"><?cs var:Fin.Total.Issued ?></td><?cs /if ?><td class="num"><?cs var:v ?></td><?cs /each ?>
    <td class="num"><?cs var:Fin.Total.Closing ?></td>
    <td><?cs if:Fin.Total.Holds ?>✓<?cs else ?><strong class="error">✗</strong><?cs /if ?></td>
  </tr></tfoot>
</table></div>
</section>
<section class="card report-defs" id="fin-legend">
  <h2><?cs var:Lang.AdminReports.DefTitle ?></h2>
  <p><?cs var:Lang.FinReport.Rule ?></p>
  <ul>
    <?cs each:k = Fin.Cols ?><li><strong><?cs var:Lang.FinReport.Col[k] ?></strong>: <?cs var:Lang.FinReport.Def[k] ?></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
