<?cs # settlements.cs: the bill list of every merchant, filters, CSV, and building a month (V7) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/onboarding/macros.cs" ?>
<?cs call:notice("ok") ?>
<div class="page-head">
  <h1><?cs var:Lang.Onboarding.Settle.Title ?></h1>
  <a class="btn" href="<?cs var:Page.CsvHref ?>" download><?cs var:Lang.Onboarding.Settle.Csv ?></a>
</div>
<section class="card" id="run">
  <h2><?cs var:Lang.Onboarding.Settle.Run ?></h2>
  <p class="hint"><?cs var:Lang.Onboarding.Settle.RunHint ?></p>
  <form class="filters" method="post" action="/admin/settlements/run">
    <?cs call:csrf() ?>
    <label><?cs var:Lang.Onboarding.Settle.Month ?><input type="month" name="month" required placeholder="2026-10" value="<?cs if:Page.RunOpen ?><?cs var:Form.Values.month ?><?cs /if ?>"<?cs call:aria(Form.Errors.month, "month", "") ?>><?cs call:ierr(Form.Errors.month, "month") ?></label>
    <button class="btn btn-primary" type="submit"><?cs var:Lang.Onboarding.Settle.RunButton ?></button>
  </form>
</section>
<form class="filters" method="get" action="/admin/settlements" role="search">
  <label><?cs var:Lang.Onboarding.Settle.Month ?><input type="month" name="month" value="<?cs var:Filter.month ?>"></label>
  <label><?cs var:Lang.Onboarding.Settle.Status ?><select name="status"><option value=""><?cs var:Lang.Onboarding.Apps.All ?></option>
    <?cs each:s = Lang.Onboarding.Status ?><?cs if:name(s) != "first_approved" ?><option value="<?cs name:s ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs alt:Lang.Onboarding.SettleStatus[name(s)] ?><?cs var:s ?><?cs /alt ?></option><?cs /if ?><?cs /each ?>
  </select></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Onboarding.Settle.Filter ?></button>
  <a class="btn" href="/admin/settlements"><?cs var:Lang.Onboarding.Settle.Reset ?></a>
</form>
<?cs if:Cash.Net ?>
<section class="card" id="month-cash">
  <h2><?cs var:Lang.AdminReports.Cash.Title ?> <?cs var:Filter.month ?></h2>
  <div class="grid report-stats report-cash">
    <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Received ?> <span id="cash-payments"><?cs var:Cash.Payments ?></span></span><span class="stat-value" id="sum-cash-in">¥<?cs var:Cash.Received ?></span></div>
    <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Refunded ?> <span id="cash-refunds"><?cs var:Cash.Refunds ?></span></span><span class="stat-value" id="sum-cash-refunded">¥<?cs var:Cash.Refunded ?></span></div>
    <div class="stat"><span class="stat-label"><?cs var:Lang.AdminReports.Cash.Net ?></span><span class="stat-value s2" id="sum-cash-net">¥<?cs var:Cash.Net ?></span></div>
  </div>
</section>
<?cs /if ?>
<?cs if:subcount(Bills) ?>
<div class="table-wrap"><table class="table" id="settlements">
  <thead><tr><th><?cs var:Lang.Onboarding.Settle.Id ?></th><th><?cs var:Lang.Onboarding.Settle.Merchant ?></th><th><?cs var:Lang.Onboarding.Settle.Month ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Vouchers ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.TerminalCount ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Amount ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Points ?></th><th><?cs var:Lang.Onboarding.Settle.Status ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:b = Bills ?>
    <tr data-id="<?cs var:b.id ?>">
      <td><?cs var:b.id ?></td>
      <td><a href="/admin/merchants/<?cs var:url_escape(b.merchant_id) ?>"><?cs var:b.merchant ?></a></td>
      <td><?cs var:b.month ?></td>
      <td class="num"><?cs var:b.vouchers ?></td>
      <td class="num"><?cs var:b.offline_count ?></td>
      <td class="num">¥<?cs var:b.amount ?></td>
      <td class="num"><?cs var:b.points ?></td>
      <td><?cs call:onboarding_badge(b.status, 1) ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/settlements/<?cs var:url_escape(b.id) ?>"><?cs var:Lang.Onboarding.Apps.View ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Onboarding.Settle.Empty ?></p>
<?cs /if ?>
