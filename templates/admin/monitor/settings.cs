<?cs # settings.cs: F1 an activity's alert settings — surge, budget share, breaker, on-duty mobiles ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1><a class="btn btn-small" href="/admin/monitor"><?cs var:Lang.Monitor.Title ?></a></div>
<p class="muted"><?cs var:Settings.Activity ?></p>
<form class="form card" method="post" action="/admin/monitor/<?cs var:url_escape(Settings.Id) ?>/settings" novalidate><?cs call:csrf() ?>
  <?cs call:field("surge_pct", Lang.Monitor.Settings.SurgePct, "number", "off", 6, 1, Lang.Monitor.Settings.SurgePctHint) ?>
  <?cs call:field("surge_minutes", Lang.Monitor.Settings.SurgeMinutes, "number", "off", 3, 1, "") ?>
  <?cs call:field("surge_min_orders", Lang.Monitor.Settings.SurgeMin, "number", "off", 7, 1, Lang.Monitor.Settings.SurgeMinHint) ?>
  <?cs call:field("budget_pct", Lang.Monitor.Settings.BudgetPct, "number", "off", 3, 1, Lang.Monitor.Settings.BudgetPctHint) ?>
  <div class="form-row">
    <label for="f-on_trip"><?cs var:Lang.Monitor.Settings.OnTrip ?></label>
    <select id="f-on_trip" name="on_trip"><option value="1"<?cs if:Form.Values.on_trip != "0" ?> selected<?cs /if ?>><?cs var:Lang.Monitor.Settings.Yes ?></option><option value="0"<?cs if:Form.Values.on_trip == "0" ?> selected<?cs /if ?>><?cs var:Lang.Monitor.Settings.No ?></option></select>
  </div>
  <?cs call:field("duty_mobiles", Lang.Monitor.Settings.Mobiles, "text", "off", 200, 0, Lang.Monitor.Settings.MobilesHint) ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Monitor.Settings.Save ?></button></div>
</form>
