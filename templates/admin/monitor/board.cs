<?cs # board.cs: the monitor's parts shared by the desk/phone page and the wall — an activity's state, its figures against yesterday and its budget, its charts, an alert's words. Partial: the page includes layout/macros.cs first. ?>
<?cs include:"admin/reports/chart.cs" ?>
<?cs def:monstate(a) ?><?cs if:a.paused ?><span class="badge badge-danger mon-state"><?cs var:Lang.Monitor.Paused ?></span><?cs
elif:a.tripped ?><span class="badge badge-danger mon-state"><?cs var:Lang.Monitor.Tripped ?></span><?cs
elif:Monitor.MallPaused ?><span class="badge badge-danger mon-state"><?cs var:Lang.Monitor.MallPaused ?></span><?cs
else ?><span class="badge badge-ok mon-state"><?cs var:Lang.Monitor.Running ?></span><?cs /if ?><?cs /def ?>
<?cs def:monalert(al) ?><span class="mon-alert-kind"><?cs var:Lang.Monitor.Kind[al.kind] ?></span> <?cs var:al.title ?>:<?cs
if:al.kind == "surge" ?><?cs var:Lang.Monitor.SurgeNow ?> <?cs var:al.measured ?>,<?cs var:Lang.Monitor.SurgeThen ?> <?cs var:al.reference ?><?cs
elif:al.kind == "budget" ?><?cs var:Lang.Monitor.BudgetUsed ?> <?cs var:al.measured ?>%<?cs
else ?><?cs var:Lang.Monitor.TrippedText ?><?cs /if ?><?cs /def ?>
<?cs def:monbudget(label, pct, spent, budget) ?>
<div class="mon-budget"><span class="mon-budget-label"><?cs var:label ?></span>
  <meter min="0" max="100" low="60" high="80" optimum="0" value="<?cs var:pct ?>" aria-label="<?cs var:label ?>"><?cs var:pct ?>%</meter>
  <span class="mon-budget-text"><?cs var:spent ?> / <?cs var:budget ?> (<?cs var:pct ?>%)</span></div>
<?cs /def ?>
<?cs def:monactivity(a) ?>
<article class="mon-activity<?cs if:a.paused || a.tripped ?> is-stopped<?cs /if ?>" id="act-<?cs var:a.id ?>" data-activity="<?cs var:a.id ?>">
  <header class="mon-head"><h2><?cs var:a.title ?></h2><?cs call:monstate(a) ?></header>
  <?cs if:a.paused && a.pause_reason ?><p class="mon-reason"><?cs var:Lang.Monitor.Reason ?>:<?cs var:a.pause_reason ?></p><?cs /if ?>
  <dl class="mon-figures">
    <div><dt><?cs var:Lang.Monitor.OrdersToday ?></dt><dd class="mon-num" data-k="orders"><?cs var:a.Today.orders ?></dd><dd class="mon-ref"><?cs var:Lang.Monitor.YesterdayByNow ?> <?cs var:a.Yday.orders ?></dd></div>
    <div><dt><?cs var:Lang.Monitor.PointsToday ?></dt><dd class="mon-num" data-k="points"><?cs var:a.Today.points ?></dd><dd class="mon-ref"><?cs var:Lang.Monitor.YesterdayByNow ?> <?cs var:a.Yday.points ?></dd></div>
    <?cs if:a.Today.scans > 0 ?><div><dt><?cs var:Lang.Monitor.ScansToday ?></dt><dd class="mon-num" data-k="scans"><?cs var:a.Today.scans ?></dd><dd class="mon-ref"><?cs var:Lang.Monitor.ScanPoints ?> <?cs var:a.Today.scan_points ?></dd></div><?cs /if ?>
    <?cs if:a.CashChart.Width ?><div><dt><?cs var:Lang.Monitor.CashToday ?></dt><dd class="mon-num" data-k="cash"><?cs var:a.Today.cash_yuan ?></dd><dd class="mon-ref"><?cs var:Lang.Monitor.YesterdayByNow ?> <?cs var:a.Yday.cash_yuan ?></dd></div><?cs /if ?>
  </dl>
  <?cs if:a.points_budget > 0 ?><?cs call:monbudget(Lang.Monitor.PointsBudget, a.PointsPct, a.points_spent, a.points_budget) ?><?cs /if ?>
  <?cs if:a.cash_budget_fen > 0 ?><?cs call:monbudget(Lang.Monitor.CashBudget, a.CashPct, a.cash_spent_yuan, a.cash_budget_yuan) ?><?cs /if ?>
  <div class="mon-charts">
    <?cs call:lchart(a.OrdersChart, Lang.Monitor.OrdersPerMinute, "mo" + a.id) ?>
    <?cs call:lchart(a.PointsChart, Lang.Monitor.PointsPerMinute, "mp" + a.id) ?>
    <?cs if:a.CashChart.Width ?><?cs call:lchart(a.CashChart, Lang.Monitor.CashPerMinute, "mc" + a.id) ?><?cs /if ?>
  </div>
</article>
<?cs /def ?>
