<?cs # list.cs: P2 an enterprise's consumption rules (newest version of each code) and the form for a new rule ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<a class="btn btn-small" href="/admin/earning-bonuses"><?cs var:Lang.Admin.Nav.EarningBonuses ?></a>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=earning_rule"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<?cs call:notice("ok") ?>
<p class="muted"><?cs var:Lang.Earning.Intro ?></p>
<form class="form form-inline" method="get" action="/admin/earning-rules" id="earning-enterprise">
  <div class="form-row"><label for="q-enterprise"><?cs var:Lang.Earning.Enterprise ?></label>
    <select id="q-enterprise" name="enterprise">
      <?cs each:e = Enterprises ?><option value="<?cs var:e.code ?>"<?cs if:Earning.Enterprise == e.code ?> selected<?cs /if ?>><?cs var:e.name ?> (<?cs var:e.code ?>)</option><?cs /each ?>
    </select></div>
  <div class="actions"><button class="btn" type="submit"><?cs var:Lang.Earning.Show ?></button></div>
</form>
<section class="card" id="earning-rules">
  <h2><?cs var:Lang.Earning.Rules ?> · <?cs var:Earning.Enterprise ?></h2>
  <?cs if:subcount(Rules) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Earning.Code ?></th><th><?cs var:Lang.Earning.Name ?></th><th class="num"><?cs var:Lang.Earning.Version ?></th>
      <th><?cs var:Lang.Earning.Rate ?></th><th><?cs var:Lang.Earning.Rounding ?></th><th class="num"><?cs var:Lang.Earning.DayCap ?></th><th><?cs var:Lang.Earning.Status ?></th></tr></thead>
    <tbody><?cs each:x = Rules ?>
      <tr data-rule="<?cs var:x.code ?>"><td><a href="/admin/earning-rules/<?cs var:url_escape(x.id) ?>"><?cs var:x.code ?></a></td><td><?cs var:x.name ?></td>
        <td class="num">v<?cs var:x.version ?></td><td><?cs var:x.points_per_unit ?> / <?cs var:x.unit_fen ?> <?cs var:Lang.Earning.Fen ?></td>
        <td><?cs var:Lang.Earning.Roundings[x.rounding] ?></td><td class="num"><?cs if:x.member_day_cap > 0 ?><?cs var:x.member_day_cap ?><?cs else ?><?cs var:Lang.Earning.NoCap ?><?cs /if ?></td>
        <td><?cs var:Lang.Earning.States[x.status] ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Earning.None ?></p><?cs /if ?>
</section>
<section class="card" id="earning-rule-new">
  <h2><?cs var:Lang.Earning.New ?></h2>
  <form class="form" method="post" action="/admin/earning-rules" novalidate><?cs call:csrf() ?>
    <input type="hidden" name="enterprise" value="<?cs var:Earning.Enterprise ?>">
    <?cs call:ferr(Form.Errors.enterprise, "enterprise", "") ?>
    <?cs call:field("code", Lang.Earning.Code, "text", "off", 32, 1, Lang.Earning.CodeHint) ?>
    <?cs include:"admin/earning/rule_fields.cs" ?>
    <div class="actions"><button class="btn btn-primary" type="submit" id="rule-create"><?cs var:Lang.Earning.Create ?></button></div>
  </form>
</section>
