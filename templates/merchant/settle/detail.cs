<?cs # detail.cs: one statement — totals, its vouchers and terminal payments, submit when it is the merchant's turn ?>
<?cs include:"layout/macros.cs" ?>
<?cs with:b = Bill.0 ?>
<div class="page-head">
  <h1><?cs var:Lang.Settle.Detail ?> <?cs var:b.month ?> <span class="badge badge-<?cs var:b.status ?>" id="status"><?cs var:Lang.Settle.Status[b.status] ?></span></h1>
  <div class="toolbar">
    <a class="btn" href="/merchant/settlements/<?cs var:url_escape(b.id) ?>/vouchers.csv" download><?cs var:Lang.Settle.Csv ?></a>
    <a class="btn" href="/merchant/settlements"><?cs var:Lang.Settle.Back ?></a>
  </div>
</div>
<?cs if:b.status == "rejected" ?><div class="flash flash-error" role="alert"><?cs var:Lang.Settle.Rejected ?> <?cs var:b.reject_reason ?></div><?cs /if ?>
<div class="grid settle-stats">
  <div class="stat"><div class="stat-label"><?cs var:Lang.Settle.Vouchers ?></div><div class="stat-value" id="total-vouchers"><?cs var:b.vouchers ?></div></div>
  <div class="stat"><div class="stat-label"><?cs var:Lang.Settle.TerminalCount ?></div><div class="stat-value" id="total-terminal"><?cs var:b.offline_count ?></div></div>
  <div class="stat"><div class="stat-label"><?cs var:Lang.Settle.Amount ?></div><div class="stat-value" id="total-amount">¥<?cs var:b.amount ?></div></div>
  <div class="stat"><div class="stat-label"><?cs var:Lang.Settle.Points ?></div><div class="stat-value" id="total-points"><?cs var:b.points ?></div></div>
</div>
<?cs if:b.status == "draft" || b.status == "rejected" ?>
<form class="card settle-submit" method="post" action="/merchant/settlements/<?cs var:url_escape(b.id) ?>/submit">
  <?cs call:csrf() ?>
  <p class="muted"><?cs var:Lang.Settle.SubmitHint ?></p>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Settle.Submit ?></button>
</form>
<?cs /if ?>
<div class="card table-wrap"><table class="table" id="vouchers">
  <thead><tr><th><?cs var:Lang.Settle.VoucherNo ?></th><th><?cs var:Lang.Settle.Product ?></th><th><?cs var:Lang.Settle.RedeemedAt ?></th><th><?cs var:Lang.Settle.RedeemedBy ?></th><th class="num"><?cs var:Lang.Settle.Price ?></th><th class="num"><?cs var:Lang.Settle.Points ?></th></tr></thead>
  <tbody>
  <?cs each:v = Vouchers ?>
    <tr><td class="mono"><?cs var:v.voucher_no ?></td><td><?cs var:v.product ?></td><td><?cs var:v.redeemed_at ?></td><td><?cs alt:v.redeemed_by ?>—<?cs /alt ?></td><td class="num">¥<?cs var:v.price ?></td><td class="num"><?cs var:v.points ?></td></tr>
  <?cs /each ?>
  </tbody>
  <tfoot><tr><th colspan="4"><?cs var:Lang.Settle.Total ?></th><th class="num">¥<?cs var:b.voucher_amount ?></th><th class="num"><?cs var:b.voucher_points ?></th></tr></tfoot>
</table></div>
<section class="card">
  <h2><?cs var:Lang.Settle.TerminalTitle ?></h2>
  <p class="muted"><?cs var:Lang.Settle.TerminalRule ?></p>
  <?cs if:subcount(Terminal) ?>
  <div class="table-wrap"><table class="table" id="terminal">
    <thead><tr><th><?cs var:Lang.Settle.ReceiptNo ?></th><th><?cs var:Lang.Settle.PaidTime ?></th><th><?cs var:Lang.Settle.Cashier ?></th><th class="num"><?cs var:Lang.Settle.Points ?></th><th class="num"><?cs var:Lang.Settle.Price ?></th></tr></thead>
    <tbody><?cs each:t = Terminal ?><tr><td class="mono"><?cs var:t.receipt_no ?></td><td><?cs var:t.paid_at ?></td><td><?cs alt:t.cashier ?>—<?cs /alt ?></td><td class="num"><?cs var:t.points ?></td><td class="num">¥<?cs var:t.price ?></td></tr><?cs /each ?></tbody>
    <tfoot><tr><th colspan="3"><?cs var:Lang.Settle.Total ?></th><th class="num"><?cs var:b.offline_points ?></th><th class="num">¥<?cs var:b.offline_amount ?></th></tr></tfoot>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Settle.NoTerminal ?></p><?cs /if ?>
</section>
<?cs /with ?>
