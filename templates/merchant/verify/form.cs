<?cs # form.cs: verify a voucher — number + password (pre-filled from the QR's URL), the last outcome, recent attempts ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.MchPortal.Verify.Title ?></h1></div>
<?cs if:Outcome.code ?><div class="flash flash-error" role="alert" id="outcome" data-outcome="<?cs var:Outcome.code ?>"><?cs var:Outcome.text ?></div><?cs /if ?>
<?cs if:Voucher.no ?><section class="card verify-result is-bad"><?cs include:"merchant/verify/details.cs" ?></section><?cs /if ?>
<section class="card verify-box">
  <p class="muted"><?cs var:Lang.MchPortal.Verify.Intro ?></p>
  <form class="form" method="post" action="/merchant/verify" novalidate>
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.no ?> has-error<?cs /if ?>">
      <label for="f-no"><?cs var:Lang.MchPortal.Verify.No ?></label>
      <input class="big" id="f-no" name="no" type="text" inputmode="latin" autocomplete="off" autocapitalize="characters" maxlength="32" required<?cs if:Form.Values.no ?> value="<?cs var:Form.Values.no ?>"<?cs else ?> autofocus<?cs /if ?><?cs call:aria(Form.Errors.no, "no", "") ?>>
      <?cs call:ferr(Form.Errors.no, "no", "") ?>
    </div>
    <div class="form-row<?cs if:Form.Errors.pw ?> has-error<?cs /if ?>">
      <label for="f-pw"><?cs var:Lang.MchPortal.Verify.Password ?></label>
      <input class="big" id="f-pw" name="pw" type="text" inputmode="numeric" autocomplete="off" maxlength="32" required<?cs if:Form.Values.pw ?> value="<?cs var:Form.Values.pw ?>"<?cs /if ?><?cs call:aria(Form.Errors.pw, "pw", "") ?>>
      <?cs call:ferr(Form.Errors.pw, "pw", "") ?>
    </div>
    <div class="actions"><button class="btn btn-primary btn-large" type="submit"><?cs var:Lang.MchPortal.Verify.Check ?></button></div>
  </form>
</section>
<section class="card">
  <div class="card-head"><h2><?cs var:Lang.MchPortal.Verify.Recent ?></h2><a href="/merchant/orders?status=redeemed&amp;by=redeemed"><?cs var:Lang.MchPortal.Verify.AllRedeemed ?></a></div>
  <?cs if:subcount(Attempts) ?>
  <div class="table-wrap"><table class="table nowrap" id="attempts">
    <thead><tr><th><?cs var:Lang.MchPortal.Verify.When ?></th><th><?cs var:Lang.MchPortal.Verify.No ?></th><th><?cs var:Lang.MchPortal.Verify.Staff ?></th><th><?cs var:Lang.MchPortal.Verify.Result ?></th></tr></thead>
    <tbody><?cs each:a = Attempts ?><tr><td><?cs var:a.created_at ?></td><td class="mono"><?cs var:a.no ?></td><td><?cs var:a.username ?></td><td><span class="badge badge-<?cs if:a.outcome == "redeemed" ?>ok<?cs elif:a.outcome == "ok" ?>info<?cs else ?>danger<?cs /if ?>"><?cs alt:Lang.MchPortal.Attempt[a.outcome] ?><?cs var:a.outcome ?><?cs /alt ?></span></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.MchPortal.Verify.NoAttempts ?></p><?cs /if ?>
</section>
