<?cs # confirm.cs: the voucher's details after a right number + password, and the confirm button ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.MchPortal.Verify.ConfirmTitle ?></h1></div>
<section class="card verify-box verify-result" id="confirm">
  <?cs include:"merchant/verify/details.cs" ?>
  <p class="muted"><?cs var:Lang.MchPortal.Verify.ConfirmHint ?></p>
  <form class="form" method="post" action="/merchant/verify/redeem">
    <?cs call:csrf() ?>
    <input type="hidden" name="no" value="<?cs var:Form.Values.no ?>">
    <input type="hidden" name="pw" value="<?cs var:Form.Values.pw ?>">
    <div class="actions">
      <button class="btn btn-accent btn-large" type="submit"><?cs var:Lang.MchPortal.Verify.Confirm ?></button>
      <a class="btn btn-large" href="/merchant/verify"><?cs var:Lang.MchPortal.Verify.Cancel ?></a>
    </div>
  </form>
</section>
