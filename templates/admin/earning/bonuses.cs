<?cs # bonuses.cs: P2 activity bonuses (multiplier or fixed, for earns by consumption rules within the activity's window and daily budget) and the form ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<a class="btn btn-small" href="/admin/earning-rules"><?cs var:Lang.Admin.Nav.EarningRules ?></a>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=activity_bonus"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<?cs call:notice("ok") ?>
<p class="muted"><?cs var:Lang.Earning.BonusIntro ?></p>
<section class="card" id="earning-bonuses">
  <?cs if:subcount(Bonuses) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Earning.Activity ?></th><th><?cs var:Lang.Earning.Window ?></th><th><?cs var:Lang.Earning.Enterprise ?></th><th><?cs var:Lang.Earning.Bonus ?></th>
      <th class="num"><?cs var:Lang.Earning.PaidToday ?></th><th class="num"><?cs var:Lang.Earning.Budget ?></th><th><?cs var:Lang.Earning.Status ?></th></tr></thead>
    <tbody><?cs each:b = Bonuses ?>
      <tr data-bonus="<?cs var:b.activity_id ?>"><td>#<?cs var:b.activity_id ?> <?cs var:b.title ?></td><td><?cs var:b.starts_at ?> – <?cs var:b.ends_at ?><?cs if:b.running == 1 ?> <span class="badge"><?cs var:Lang.Earning.Running ?></span><?cs /if ?></td>
        <td><?cs if:b.enterprise ?><?cs var:b.enterprise ?><?cs else ?><?cs var:Lang.Earning.AllEnterprises ?><?cs /if ?></td>
        <td><?cs if:b.kind == "multiply" ?>× <?cs var:b.multiplier_pct ?>%<?cs else ?>+<?cs var:b.fixed_points ?><?cs /if ?></td>
        <td class="num"><?cs var:b.paid_today ?></td><td class="num"><?cs if:b.points_budget > 0 ?><?cs var:b.points_budget ?><?cs else ?><?cs var:Lang.Earning.NoCap ?><?cs /if ?></td>
        <td><?cs var:Lang.Earning.States[b.status] ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Earning.NoBonuses ?></p><?cs /if ?>
</section>
<section class="card" id="earning-bonus-form">
  <h2><?cs var:Lang.Earning.BonusSet ?></h2>
  <form class="form" method="post" action="/admin/earning-bonuses" novalidate><?cs call:csrf() ?>
    <div class="form-row is-required<?cs if:Form.Errors.activity_id ?> has-error<?cs /if ?>">
      <label for="f-activity_id"><?cs var:Lang.Earning.Activity ?></label>
      <select id="f-activity_id" name="activity_id" required<?cs call:aria(Form.Errors.activity_id, "activity_id", "") ?>>
        <?cs each:a = Activities ?><option value="<?cs var:a.id ?>"<?cs if:Form.Values.activity_id == a.id ?> selected<?cs /if ?>><?cs var:a.title ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.activity_id, "activity_id", "") ?>
    </div>
    <div class="form-row<?cs if:Form.Errors.enterprise ?> has-error<?cs /if ?>">
      <label for="f-enterprise"><?cs var:Lang.Earning.Enterprise ?></label>
      <select id="f-enterprise" name="enterprise"<?cs call:aria(Form.Errors.enterprise, "enterprise", "") ?>>
        <option value=""><?cs var:Lang.Earning.AllEnterprises ?></option>
        <?cs each:e = Enterprises ?><option value="<?cs var:e.code ?>"<?cs if:Form.Values.enterprise == e.code ?> selected<?cs /if ?>><?cs var:e.name ?> (<?cs var:e.code ?>)</option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.enterprise, "enterprise", "") ?>
    </div>
    <div class="form-row is-required<?cs if:Form.Errors.kind ?> has-error<?cs /if ?>">
      <label for="f-kind"><?cs var:Lang.Earning.Bonus ?></label>
      <select id="f-kind" name="kind" required<?cs call:aria(Form.Errors.kind, "kind", "") ?>>
        <?cs each:k = Lang.Earning.BonusKinds ?><option value="<?cs name:k ?>"<?cs if:Form.Values.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.kind, "kind", "") ?>
    </div>
    <?cs call:field("multiplier_pct", Lang.Earning.Pct, "number", "off", "", 0, Lang.Earning.PctHint) ?>
    <?cs call:field("fixed_points", Lang.Earning.Fixed, "number", "off", "", 0, "") ?>
    <div class="form-row is-required<?cs if:Form.Errors.status ?> has-error<?cs /if ?>">
      <label for="f-status"><?cs var:Lang.Earning.Status ?></label>
      <select id="f-status" name="status" required<?cs call:aria(Form.Errors.status, "status", "") ?>>
        <?cs each:k = Lang.Earning.States ?><option value="<?cs name:k ?>"<?cs if:Form.Values.status == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.status, "status", "") ?>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit" id="bonus-save"><?cs var:Lang.Earning.Save ?></button></div>
  </form>
</section>
