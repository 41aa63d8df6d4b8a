<?cs # application.cs: one application — facts, licence, review history, the review form the role may use ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/onboarding/macros.cs" ?>
<?cs call:notice("ok") ?>
<?cs def:review_form(stage, title, hint) ?>
<section class="card m5-review" id="review-<?cs var:stage ?>">
  <h2><?cs var:title ?></h2>
  <?cs if:hint ?><p class="hint"><?cs var:hint ?></p><?cs /if ?>
  <form class="form" method="post" action="/admin/applications/<?cs var:url_escape(App.0.id) ?>/<?cs var:stage ?>">
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.reason ?> has-error<?cs /if ?>">
      <label for="reason-<?cs var:stage ?>"><?cs var:Lang.Onboarding.App.Reason ?></label>
      <textarea id="reason-<?cs var:stage ?>" name="reason" maxlength="200" rows="3"<?cs call:aria(Form.Errors.reason, "reason-" + stage, Lang.Onboarding.App.ReasonHint) ?>><?cs var:Form.Values.reason ?></textarea>
      <?cs call:ferr(Form.Errors.reason, "reason-" + stage, Lang.Onboarding.App.ReasonHint) ?>
    </div>
    <div class="actions">
      <button class="btn btn-primary" type="submit" name="decision" value="approve"><?cs var:Lang.Onboarding.App.Approve ?></button>
      <button class="btn btn-danger" type="submit" name="decision" value="reject"><?cs var:Lang.Onboarding.App.Reject ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
<?cs with:a = App.0 ?>
<div class="page-head">
  <h1><?cs var:a.company ?> <?cs call:onboarding_badge(a.status, 0) ?></h1>
  <a class="btn" href="/admin/applications"><?cs var:Lang.Onboarding.App.Back ?></a>
</div>
<div class="grid ops-facts">
  <section class="card">
    <dl class="dl">
      <dt><?cs var:Lang.Onboarding.App.No ?></dt><dd><?cs var:a.id ?></dd>
      <dt><?cs var:Lang.Onboarding.Apps.Contact ?></dt><dd><?cs var:a.contact ?></dd>
      <dt><?cs var:Lang.Onboarding.Apps.Mobile ?></dt><dd><?cs var:a.mobile ?></dd>
      <dt><?cs var:Lang.Onboarding.App.Address ?></dt><dd><?cs var:a.address ?></dd>
      <dt><?cs var:Lang.Onboarding.Apps.Category ?></dt><dd><?cs alt:Lang.Onboarding.Categories[a.category] ?><?cs var:a.category ?><?cs /alt ?></dd>
      <dt><?cs var:Lang.Onboarding.App.Licence ?></dt><dd class="mono"><?cs var:a.licence_no ?></dd>
      <dt><?cs var:Lang.Onboarding.Apps.Username ?></dt><dd class="mono"><?cs var:a.username ?></dd>
      <dt><?cs var:Lang.Onboarding.Apps.Created ?></dt><dd><?cs var:a.created_at ?></dd>
      <?cs if:a.merchant_id ?><dt><?cs var:Lang.Onboarding.App.Merchant ?></dt><dd><a href="/admin/merchants/<?cs var:url_escape(a.merchant_id) ?>">#<?cs var:a.merchant_id ?></a></dd><?cs /if ?>
    </dl>
  </section>
  <section class="card">
    <h2><?cs var:Lang.Onboarding.App.LicenceImage ?></h2>
    <?cs if:a.licence_image ?><a href="<?cs var:a.licence_image ?>"><img class="m5-licence" src="<?cs var:a.licence_image ?>" alt="<?cs var:Lang.Onboarding.App.LicenceImage ?>"></a><?cs else ?><p class="muted"><?cs var:Lang.Onboarding.App.NoImage ?></p><?cs /if ?>
  </section>
</div>
<section class="card" id="history">
  <h2><?cs var:Lang.Onboarding.App.History ?></h2>
  <dl class="dl">
    <dt><?cs var:Lang.Onboarding.App.FirstReview ?></dt>
    <dd><?cs if:a.first_at ?><?cs var:a.first_at ?> · <?cs var:a.first_reviewer_name ?><?cs if:a.first_reason ?> · <?cs var:a.first_reason ?><?cs /if ?><?cs else ?><span class="muted"><?cs var:Lang.Onboarding.App.Pending ?></span><?cs /if ?></dd>
    <dt><?cs var:Lang.Onboarding.App.FinalReview ?></dt>
    <dd><?cs if:a.final_at ?><?cs var:a.final_at ?> · <?cs var:a.final_reviewer_name ?><?cs if:a.final_reason ?> · <?cs var:a.final_reason ?><?cs /if ?><?cs elif:a.status == "first_approved" && !Page.CanFinal ?><span class="muted"><?cs var:Lang.Onboarding.App.WaitFinal ?></span><?cs else ?><span class="muted"><?cs var:Lang.Onboarding.App.Pending ?></span><?cs /if ?></dd>
  </dl>
</section>
<?cs /with ?>
<?cs if:Page.CanFirst ?><?cs call:review_form("first", Lang.Onboarding.App.FirstReview, "") ?><?cs /if ?>
<?cs if:Page.CanFinal ?><?cs call:review_form("final", Lang.Onboarding.App.FinalReview, Lang.Onboarding.App.FinalHint) ?><?cs /if ?>
