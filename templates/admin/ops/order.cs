<?cs # order.cs: order detail — facts, items, vouchers, points ledger of the order, logistics timeline; ship, add event, unlock a voucher, cancel ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs call:notice("ok") ?>
<?cs include:"admin/ops/order_summary.cs" ?>
<?cs with:o = Order.0 ?>
<?cs if:Page.CanEdit && o.status == "paid" && o.needs_shipping == 1 ?>
<section class="card" id="ship">
  <h2><?cs var:Lang.Ops.Order.Ship ?></h2>
  <form class="form ops-inline-form" method="post" action="/admin/orders/<?cs var:url_escape(o.order_no) ?>/ship">
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.carrier ?> has-error<?cs /if ?>">
      <label for="f-carrier"><?cs var:Lang.Ops.Order.Carrier ?></label>
      <input type="text" id="f-carrier" name="carrier" list="carriers" maxlength="32" required value="<?cs var:Form.Values.carrier ?>"<?cs call:aria(Form.Errors.carrier, "carrier", "") ?>>
      <datalist id="carriers"><?cs each:c = Lang.Ops.Carriers ?><option value="<?cs var:c ?>"><?cs /each ?></datalist>
      <?cs call:ferr(Form.Errors.carrier, "carrier", "") ?>
    </div>
    <div class="form-row<?cs if:Form.Errors.tracking_no ?> has-error<?cs /if ?>">
      <label for="f-tracking"><?cs var:Lang.Ops.Order.Tracking ?></label>
      <input type="text" id="f-tracking" name="tracking_no" maxlength="64" required autocomplete="off" value="<?cs var:Form.Values.tracking_no ?>"<?cs call:aria(Form.Errors.tracking_no, "tracking_no", "") ?>>
      <?cs call:ferr(Form.Errors.tracking_no, "tracking_no", "") ?>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Order.ShipButton ?></button></div>
  </form>
</section>
<?cs /if ?>
<?cs if:subcount(Payments) ?>
<section class="card" id="payments">
  <h2><?cs var:Lang.Ops.Order.Payments ?></h2>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.SandboxPay.Trade ?></th><th><?cs var:Lang.Ops.Order.Provider ?></th><th class="num"><?cs var:Lang.SandboxPay.Amount ?></th><th><?cs var:Lang.Ops.Order.PayState ?></th><th><?cs var:Lang.Ops.Order.PayTimes ?></th></tr></thead>
    <tbody><?cs each:p = Payments ?><tr class="payment-<?cs var:p.state ?>"><td class="mono"><?cs var:p.trade_no ?><?cs if:p.provider_trade_no ?><br><span class="muted"><?cs var:p.provider_trade_no ?></span><?cs /if ?></td><td><?cs var:p.provider ?></td><td class="num">¥<?cs var:p.yuan ?></td><td><?cs alt:Lang.Ops.PayState[p.state] ?><?cs var:p.state ?><?cs /alt ?><?cs if:p.note ?><br><span class="muted"><?cs var:p.note ?></span><?cs /if ?></td><td class="muted"><?cs var:p.created_at ?><?cs if:p.paid_at ?><br><?cs var:p.paid_at ?><?cs /if ?><?cs if:p.refunded_at ?><br><?cs var:p.refunded_at ?><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs /if ?>
<section class="card" id="timeline">
  <h2><?cs var:Lang.Ops.Order.Timeline ?></h2>
  <?cs if:subcount(Events) ?>
  <ol class="ops-timeline">
    <?cs each:e = Events ?><li><time class="muted"><?cs var:e.created_at ?></time> <strong><?cs alt:Lang.Ops.Event[e.kind] ?><?cs var:e.kind ?><?cs /alt ?></strong><?cs if:e.note ?> · <?cs var:e.note ?><?cs /if ?></li><?cs /each ?>
  </ol>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Order.NoEvents ?></p><?cs /if ?>
  <?cs if:Page.CanEdit && o.status == "shipped" ?>
  <form class="form ops-inline-form" method="post" action="/admin/orders/<?cs var:url_escape(o.order_no) ?>/event">
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.note ?> has-error<?cs /if ?>">
      <label for="f-note"><?cs var:Lang.Ops.Order.AddEvent ?></label>
      <input type="text" id="f-note" name="note" maxlength="255" required placeholder="<?cs var:Lang.Ops.Order.EventHint ?>" value="<?cs var:Form.Values.note ?>"<?cs call:aria(Form.Errors.note, "note", "") ?>>
      <?cs call:ferr(Form.Errors.note, "note", "") ?>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Order.AddEventButton ?></button></div>
  </form>
  <?cs /if ?>
</section>
<?cs if:subcount(Vouchers) ?>
<section class="card" id="vouchers">
  <h2><?cs var:Lang.Ops.Order.Vouchers ?></h2>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Voucher.No ?></th><th><?cs var:Lang.Ops.Voucher.Merchant ?></th><th><?cs var:Lang.Ops.Voucher.Status ?></th><th><?cs var:Lang.Ops.Voucher.ValidTo ?></th><th><?cs var:Lang.Ops.Voucher.RedeemedAt ?></th><th class="num"><?cs var:Lang.Ops.Voucher.Failed ?></th><th></th></tr></thead>
    <tbody><?cs each:v = Vouchers ?><tr data-voucher="<?cs var:v.voucher_no ?>">
      <td><?cs var:v.voucher_no ?></td><td><?cs var:v.merchant ?></td>
      <td><?cs alt:Lang.Ops.Voucher.State[v.status] ?><?cs var:v.status ?><?cs /alt ?><?cs if:v.locked == 1 ?> <span class="badge badge-danger"><?cs var:Lang.Ops.Voucher.Locked ?> <?cs var:v.locked_at ?></span><?cs /if ?></td>
      <td><?cs var:v.valid_to ?></td><td><?cs var:v.redeemed_at ?></td><td class="num"><?cs var:v.failed_attempts ?></td>
      <td class="actions nowrap"><?cs if:Page.CanEdit && v.locked == 1 ?><form class="inline" method="post" action="/admin/orders/<?cs var:url_escape(o.order_no) ?>/vouchers/<?cs var:url_escape(v.voucher_no) ?>/unlock">
        <?cs call:csrf() ?><button class="btn btn-small" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Ops.Voucher.Unlock ?></button></form><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <p class="muted"><?cs var:Lang.Ops.Voucher.UnlockHelp ?></p>
</section>
<?cs /if ?>
<section class="card" id="ledger">
  <h2><?cs var:Lang.Ops.Order.Ledger ?></h2>
  <?cs if:subcount(Ledger) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Ledger.When ?></th><th><?cs var:Lang.Ops.Ledger.Kind ?></th><th class="num"><?cs var:Lang.Ops.Ledger.Amount ?></th><th class="num"><?cs var:Lang.Ops.Ledger.BalanceAfter ?></th></tr></thead>
    <tbody><?cs each:l = Ledger ?><tr><td><?cs var:l.created_at ?></td><td><?cs alt:Lang.Ops.Kind[l.kind] ?><?cs var:l.kind ?><?cs /alt ?></td><td class="num"><?cs var:l.amount ?></td><td class="num"><?cs var:l.balance_after ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs if:subcount(Lots) ?>
  <h3><?cs var:Lang.Ops.Order.LotsUsed ?></h3>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Lots.Lot ?></th><th><?cs var:Lang.Ops.Lots.Source ?></th><th class="num"><?cs var:Lang.Ops.Lots.Used ?></th><th class="num"><?cs var:Lang.Ops.Lots.Refunded ?></th><th><?cs var:Lang.Ops.Lots.Expires ?></th></tr></thead>
    <tbody><?cs each:l = Lots ?><tr><td>#<?cs var:l.lot_id ?></td><td><?cs var:l.source ?><?cs if:l.note ?> · <?cs var:l.note ?><?cs /if ?></td><td class="num"><?cs var:l.amount ?></td><td class="num"><?cs var:l.refunded ?></td><td><?cs var:l.expires_at ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Order.NoLedger ?></p><?cs /if ?>
</section>
<?cs if:Page.CanEdit && (o.status == "pending" || o.status == "paid") ?>
<section class="card ops-danger-zone">
  <h2><?cs var:Lang.Ops.Order.CancelTitle ?></h2>
  <p class="muted"><?cs if:o.status == "paid" ?><?cs var:Lang.Ops.Order.CancelPaidHint ?><?cs else ?><?cs var:Lang.Ops.Order.CancelPendingHint ?><?cs /if ?></p>
  <a class="btn btn-danger" href="/admin/orders/<?cs var:url_escape(o.order_no) ?>/cancel"><?cs var:Lang.Ops.Order.CancelButton ?></a>
</section>
<?cs /if ?>
<?cs /with ?>
