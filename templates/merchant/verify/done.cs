<?cs # done.cs: receipt of a redeemed voucher ?>
<section class="card verify-box verify-done" id="done">
  <p class="big-tick" aria-hidden="true">✓</p>
  <h1><?cs var:Lang.MchPortal.Verify.DoneTitle ?></h1>
</section>
<section class="card verify-box"><?cs include:"merchant/verify/details.cs" ?></section>
<div class="toolbar"><a class="btn btn-primary" href="/merchant/verify"><?cs var:Lang.MchPortal.Verify.Next ?></a><a class="btn" href="/merchant/orders?status=redeemed&amp;by=redeemed"><?cs var:Lang.MchPortal.Verify.AllRedeemed ?></a></div>
