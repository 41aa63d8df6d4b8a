<?cs # form.cs: F6 one coupon campaign — create or edit (errors beside their fields), its figures, pause / resume claims ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1><a class="btn btn-small" href="/admin/coupons"><?cs var:Lang.AdminCoupons.List ?></a></div>
<?cs call:notice("ok") ?>
<?cs if:Campaign.0.id ?>
<section class="card" id="coupon-figures">
  <dl class="sum-list">
    <dt><?cs var:Lang.AdminCoupons.State ?></dt><dd id="coupon-state"><?cs if:Campaign.0.paused == 1 ?><?cs var:Lang.AdminCoupons.PausedState ?> · <?cs var:Campaign.0.pause_reason ?><?cs else ?><?cs var:Lang.AdminCoupons.Running ?><?cs /if ?></dd>
    <dt><?cs var:Lang.AdminCoupons.Claimed ?></dt><dd id="coupon-claimed"><?cs var:Campaign.0.claimed ?> / <?cs var:Campaign.0.quota ?></dd>
    <dt><?cs var:Lang.AdminCoupons.Used ?></dt><dd><?cs var:Campaign.0.used ?></dd>
    <dt><?cs var:Lang.AdminCoupons.Exchanged ?></dt><dd><?cs var:Campaign.0.exchanged ?></dd>
  </dl>
  <?cs if:Campaign.0.paused == 1 ?>
  <form method="post" action="/admin/coupons/<?cs var:url_escape(Campaign.0.id) ?>/resume"><?cs call:csrf() ?><button class="btn btn-primary" type="submit" id="coupon-resume"><?cs var:Lang.AdminCoupons.Resume ?></button></form>
  <?cs else ?>
  <form class="form" method="post" action="/admin/coupons/<?cs var:url_escape(Campaign.0.id) ?>/pause" novalidate><?cs call:csrf() ?>
    <?cs call:field("reason", Lang.AdminCoupons.Reason, "text", "off", 200, 1, Lang.AdminCoupons.PauseHint) ?>
    <div class="actions"><button class="btn btn-danger" type="submit" id="coupon-pause"><?cs var:Lang.AdminCoupons.Pause ?></button></div>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<section class="card" id="coupon-form">
  <form class="form" method="post" action="/admin/coupons<?cs if:Campaign.0.id ?>/<?cs var:url_escape(Campaign.0.id) ?><?cs /if ?>" novalidate><?cs call:csrf() ?>
    <div class="form-row is-required<?cs if:Form.Errors.activity_id ?> has-error<?cs /if ?>">
      <label for="f-activity_id"><?cs var:Lang.AdminCoupons.Activity ?></label>
      <select id="f-activity_id" name="activity_id" required<?cs call:aria(Form.Errors.activity_id, "activity_id", "") ?>>
        <?cs each:a = Activities ?><option value="<?cs var:a.id ?>"<?cs if:Form.Values.activity_id == a.id ?> selected<?cs /if ?>><?cs var:a.title ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.activity_id, "activity_id", "") ?>
    </div>
    <?cs call:field("name_zh", Lang.AdminCoupons.NameZh, "text", "off", 100, 1, "") ?>
    <?cs call:field("name_en", Lang.AdminCoupons.NameEn, "text", "off", 100, 0, "") ?>
    <div class="form-row is-required<?cs if:Form.Errors.kind ?> has-error<?cs /if ?>">
      <label for="f-kind"><?cs var:Lang.AdminCoupons.Kind ?></label>
      <select id="f-kind" name="kind" required<?cs call:aria(Form.Errors.kind, "kind", "") ?>>
        <?cs each:k = Lang.AdminCoupons.Kinds ?><option value="<?cs name:k ?>"<?cs if:Form.Values.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.kind, "kind", "") ?>
    </div>
    <?cs call:field("face_value", Lang.AdminCoupons.FaceValue, "number", "off", "", 1, Lang.AdminCoupons.FaceValueHint) ?>
    <?cs call:field("threshold", Lang.AdminCoupons.Threshold, "number", "off", "", 0, Lang.AdminCoupons.ThresholdHint) ?>
    <?cs call:field("quota", Lang.AdminCoupons.Quota, "number", "off", "", 1, "") ?>
    <?cs call:field("per_member", Lang.AdminCoupons.PerMember, "number", "off", "", 1, "") ?>
    <?cs call:field("price_points", Lang.AdminCoupons.Price, "number", "off", "", 0, Lang.AdminCoupons.PriceHint) ?>
    <?cs call:field("claim_from", Lang.AdminCoupons.ClaimFrom, "date", "", "", 1, "") ?>
    <?cs call:field("claim_until", Lang.AdminCoupons.ClaimUntil, "date", "", "", 1, "") ?>
    <?cs call:field("use_from", Lang.AdminCoupons.UseFrom, "date", "", "", 1, "") ?>
    <?cs call:field("use_until", Lang.AdminCoupons.UseUntil, "date", "", "", 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit" id="coupon-save"><?cs if:Campaign.0.id ?><?cs var:Lang.AdminCoupons.Save ?><?cs else ?><?cs var:Lang.AdminCoupons.Create ?><?cs /if ?></button></div>
  </form>
</section>
