<?cs # settlement.cs: one statement — totals (vouchers + terminal payments), its lines, and the finance action its status allows ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/onboarding/macros.cs" ?>
<?cs call:notice("ok") ?>
<?cs with:b = Bill.0 ?>
<div class="page-head">
  <h1><?cs var:b.merchant ?> · <?cs var:b.month ?> <?cs call:onboarding_badge(b.status, 1) ?></h1>
  <div class="toolbar">
    <a class="btn" href="/admin/settlements/<?cs var:url_escape(b.id) ?>/vouchers.csv" download><?cs var:Lang.Onboarding.Settle.Csv ?></a>
    <a class="btn" href="/admin/settlements"><?cs var:Lang.Onboarding.Settle.Back ?></a>
  </div>
</div>
<section class="card">
  <dl class="dl">
    <dt><?cs var:Lang.Onboarding.Settle.Id ?></dt><dd><?cs var:b.id ?></dd>
    <dt><?cs var:Lang.Onboarding.Settle.Vouchers ?></dt><dd id="total-vouchers"><?cs var:b.vouchers ?> · ¥<span id="voucher-amount"><?cs var:b.voucher_amount ?></span> · <?cs var:b.voucher_points ?> <?cs var:Lang.Onboarding.Settle.Points ?></dd>
    <dt><?cs var:Lang.Onboarding.Settle.TerminalCount ?></dt><dd id="total-terminal"><?cs var:b.offline_count ?> · ¥<span id="terminal-amount"><?cs var:b.offline_amount ?></span> · <?cs var:b.offline_points ?> <?cs var:Lang.Onboarding.Settle.Points ?></dd>
    <dt><?cs var:Lang.Onboarding.Settle.Amount ?></dt><dd id="total-amount">¥<?cs var:b.amount ?></dd>
    <dt><?cs var:Lang.Onboarding.Settle.Points ?></dt><dd id="total-points"><?cs var:b.points ?></dd>
    <?cs if:b.submitted_at ?><dt><?cs var:Lang.Onboarding.Settle.SubmittedAt ?></dt><dd><?cs var:b.submitted_at ?></dd><?cs /if ?>
    <?cs if:b.reviewed_at ?><dt><?cs var:Lang.Onboarding.Settle.ReviewedAt ?></dt><dd><?cs var:b.reviewed_at ?> · <?cs var:b.reviewer ?></dd><?cs /if ?>
    <?cs if:b.status == "rejected" ?><dt><?cs var:Lang.Onboarding.Settle.Reason ?></dt><dd><?cs var:b.reject_reason ?></dd><?cs /if ?>
    <?cs if:b.paid_at ?><dt><?cs var:Lang.Onboarding.Settle.PaidAt ?></dt><dd><?cs var:b.paid_at ?></dd><?cs /if ?>
  </dl>
</section>
<section class="card" id="actions">
  <?cs if:b.status == "submitted" ?>
  <form class="form" method="post" action="/admin/settlements/<?cs var:url_escape(b.id) ?>/review">
    <?cs call:csrf() ?>
    <?cs call:area("reason", Lang.Onboarding.Settle.Reason, 2, 200, 0, Lang.Onboarding.Settle.ReasonHint) ?>
    <div class="actions">
      <button class="btn btn-primary" type="submit" name="action" value="approve"><?cs var:Lang.Onboarding.Settle.Approve ?></button>
      <button class="btn btn-danger" type="submit" name="action" value="reject"><?cs var:Lang.Onboarding.Settle.Reject ?></button>
    </div>
  </form>
  <?cs elif:b.status == "approved" ?>
  <form method="post" action="/admin/settlements/<?cs var:url_escape(b.id) ?>/review">
    <?cs call:csrf() ?>
    <p class="hint"><?cs var:Lang.Onboarding.Settle.PayHint ?></p>
    <button class="btn btn-primary" type="submit" name="action" value="pay"><?cs var:Lang.Onboarding.Settle.Pay ?></button>
  </form>
  <?cs elif:b.status == "paid" ?><p class="muted"><?cs var:Lang.Onboarding.Settle.DoneState ?></p>
  <?cs else ?><p class="muted"><?cs var:Lang.Onboarding.Settle.WaitMerchant ?></p><?cs /if ?>
</section>
<section class="card">
  <?cs if:subcount(Vouchers) ?>
  <div class="table-wrap"><table class="table" id="vouchers">
    <thead><tr><th><?cs var:Lang.Onboarding.Settle.VoucherNo ?></th><th><?cs var:Lang.Onboarding.Settle.Product ?></th><th><?cs var:Lang.Onboarding.Settle.RedeemedAt ?></th><th><?cs var:Lang.Onboarding.Settle.RedeemedBy ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Price ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Points ?></th></tr></thead>
    <tbody><?cs each:v = Vouchers ?><tr><td class="mono"><?cs var:v.voucher_no ?></td><td><?cs var:v.product ?></td><td><?cs var:v.redeemed_at ?></td><td><?cs alt:v.redeemed_by ?>—<?cs /alt ?></td><td class="num">¥<?cs var:v.price ?></td><td class="num"><?cs var:v.points ?></td></tr><?cs /each ?></tbody>
    <tfoot><tr><th colspan="4"><?cs var:Lang.Onboarding.Settle.Total ?></th><th class="num">¥<?cs var:b.voucher_amount ?></th><th class="num"><?cs var:b.voucher_points ?></th></tr></tfoot>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Onboarding.Settle.NoVouchers ?></p><?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.Onboarding.Settle.TerminalTitle ?></h2>
  <p class="hint"><?cs var:Lang.Onboarding.Settle.TerminalRule ?></p>
  <?cs if:subcount(Terminal) ?>
  <div class="table-wrap"><table class="table" id="terminal">
    <thead><tr><th><?cs var:Lang.Onboarding.Settle.ReceiptNo ?></th><th><?cs var:Lang.Onboarding.Settle.PaidTime ?></th><th><?cs var:Lang.Onboarding.Settle.Cashier ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Points ?></th><th class="num"><?cs var:Lang.Onboarding.Settle.Price ?></th></tr></thead>
    <tbody><?cs each:t = Terminal ?><tr><td class="mono"><?cs var:t.receipt_no ?></td><td><?cs var:t.paid_at ?></td><td><?cs alt:t.cashier ?>—<?cs /alt ?></td><td class="num"><?cs var:t.points ?></td><td class="num">¥<?cs var:t.price ?></td></tr><?cs /each ?></tbody>
    <tfoot><tr><th colspan="3"><?cs var:Lang.Onboarding.Settle.Total ?></th><th class="num"><?cs var:b.offline_points ?></th><th class="num">¥<?cs var:b.offline_amount ?></th></tr></tfoot>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Onboarding.Settle.NoTerminal ?></p><?cs /if ?>
</section>
<?cs /with ?>
