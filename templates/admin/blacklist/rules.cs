<?cs # rules.cs: the automatic blacklist rules — each one's threshold, window, block time and switch (F3) ?>
<?cs include:"layout/macros.cs" ?>
<?cs # rn(u, n, label): one number of rule u; after a refused save of that rule, the value sent and its error ?>
<?cs def:rn(u, n, label) ?><?cs if:Form.RuleId == u.id ?><?cs set:Page.Rv = Form.Values[n] ?><?cs else ?><?cs set:Page.Rv = u[n] ?><?cs /if ?>
    <div class="form-row<?cs if:Form.RuleId == u.id && Form.Errors[n] ?> has-error<?cs /if ?>">
      <label for="f-<?cs var:u.id ?>-<?cs var:n ?>"><?cs var:label ?></label>
      <input id="f-<?cs var:u.id ?>-<?cs var:n ?>" name="<?cs var:n ?>" type="text" inputmode="numeric" maxlength="7" value="<?cs var:Page.Rv ?>"<?cs
        if:Form.RuleId == u.id && Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs /if ?>>
      <?cs if:Form.RuleId == u.id ?><?cs call:ferr(Form.Errors[n], n, "") ?><?cs /if ?>
    </div><?cs /def ?>
<p class="breadcrumb"><a href="/admin/blacklist"><?cs var:Lang.Blacklist.Title ?></a> / <?cs var:Lang.Blacklist.Rules.Title ?></p>
<div class="page-head"><h1><?cs var:Lang.Blacklist.Rules.Title ?></h1>
  <a class="btn" href="/admin/audit?entity=blacklist_rule"><?cs var:Lang.Blacklist.History ?></a></div>
<?cs call:notice("ok") ?>
<p class="muted"><?cs var:Lang.Blacklist.Rules.Intro ?></p>
<?cs each:u = Rules ?>
<section class="card" id="rule-<?cs var:u.id ?>">
  <h2>#<?cs var:u.id ?> <?cs alt:Lang.Blacklist.Events[u.event] ?><?cs var:u.event ?><?cs /alt ?> · <?cs alt:Lang.Blacklist.Subjects[u.subject] ?><?cs var:u.subject ?><?cs /alt ?>
    <span class="badge <?cs if:u.enabled == "1" ?>badge-ok<?cs else ?>badge-info<?cs /if ?>"><?cs if:u.enabled == "1" ?><?cs var:Lang.Blacklist.Rules.On ?><?cs else ?><?cs var:Lang.Blacklist.Rules.Off ?><?cs /if ?></span></h2>
  <p class="muted"><?cs var:Lang.Blacklist.Rules.Caught ?>: <?cs var:u.caught ?></p>
  <form class="form" method="post" action="/admin/blacklist/rules/<?cs var:url_escape(u.id) ?>" novalidate>
    <?cs call:csrf() ?>
    <div class="grid">
    <?cs call:rn(u, "threshold", Lang.Blacklist.Rules.Threshold) ?>
    <div class="form-row">
      <label for="f-<?cs var:u.id ?>-period"><?cs var:Lang.Blacklist.Rules.Period ?></label>
      <select id="f-<?cs var:u.id ?>-period" name="period">
        <option value="minutes"<?cs if:u.period == "minutes" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Rules.Periods.minutes ?></option>
        <option value="days"<?cs if:u.period == "days" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Rules.Periods.days ?></option>
      </select>
    </div>
    <?cs call:rn(u, "window_minutes", Lang.Blacklist.Rules.WindowMinutes) ?>
    <?cs call:rn(u, "days_needed", Lang.Blacklist.Rules.DaysNeededLabel) ?>
    <?cs call:rn(u, "days_span", Lang.Blacklist.Rules.DaysSpan) ?>
    <?cs call:rn(u, "block_minutes", Lang.Blacklist.Rules.BlockMinutes) ?>
    </div>
    <div class="form-row"><label><input type="checkbox" name="enabled" value="1"<?cs if:u.enabled == "1" ?> checked<?cs /if ?>> <?cs var:Lang.Blacklist.Rules.Enabled ?></label></div>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Blacklist.Rules.Save ?></button></div>
  </form>
</section>
<?cs /each ?>
