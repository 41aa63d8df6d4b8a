<?cs # order.cs: O1 order detail — status and actions, items (review links), address, payment, points entries and lots, timeline ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container narrow shop-page">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/orders"><?cs var:Lang.Shop.Orders.Title ?></a><span>/</span><?cs var:Order.0.order_no ?></nav>
<?cs call:notice("ok") ?>
<section class="card order-head">
  <div class="order-head-main">
    <h1><?cs var:Lang.Shop.Order.Title ?> <?cs call:status(Order.0.status, Order.0.needs_shipping) ?></h1>
    <p class="muted"><?cs var:Lang.Shop.Order.No ?> <span class="order-no"><?cs var:Order.0.order_no ?></span> · <?cs var:Lang.Shop.Order.CreatedAt ?> <?cs var:Order.0.created_at ?></p>
  </div>
  <div class="order-actions">
    <?cs if:Order.CanPay == 1 ?><a class="btn btn-primary" href="/order/<?cs var:Order.0.order_no ?>/pay"><?cs var:Lang.Shop.Order.Pay ?></a><?cs /if ?>
    <?cs if:Order.CanReceive == 1 ?><form method="post" action="/order/<?cs var:Order.0.order_no ?>/receive"><?cs call:csrf() ?><button class="btn btn-primary" type="submit"><?cs var:Lang.Shop.Order.Receive ?></button></form><?cs /if ?>
    <?cs if:Order.CanCancel == 1 ?><a class="btn" href="/order/<?cs var:Order.0.order_no ?>/cancel"><?cs var:Lang.Shop.Order.Cancel ?></a><?cs /if ?>
  </div>
</section>
<section class="card">
  <h2><?cs var:Lang.Shop.Order.Items ?></h2>
  <ul class="order-lines">
  <?cs each:i = Items ?>
    <li><?cs call:thumb(i.image, i.name) ?><span class="line-name"><a href="/product/<?cs var:i.product_id ?>"><?cs var:i.name ?></a></span>
    <span class="line-qty"><?cs call:pts(i.points_price) ?><?cs if:i.cash_price_fen > 0 ?> + <?cs call:yuan(i.cash_price_fen) ?><?cs /if ?> × <?cs var:i.quantity ?></span><span class="line-total"><?cs call:pts(i.line_points) ?></span>
    <?cs if:Order.CanReview == 1 ?><span class="line-review"><?cs if:i.reviewed == 1 ?><span class="muted"><?cs var:Lang.Shop.Order.Reviewed ?></span><?cs else ?><a class="btn btn-outline btn-small" href="/review/new?item=<?cs var:i.id ?>"><?cs var:Lang.Shop.Order.Review ?></a><?cs /if ?></span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs if:subcount(Vouchers) ?><?cs include:"mall/vouchers/order_section.cs" ?><?cs /if ?>
<div class="order-grid">
<section class="card">
  <h2><?cs var:Lang.Shop.Order.Address ?></h2>
  <?cs if:Order.0.needs_shipping == 1 ?>
  <p><strong><?cs var:Order.0.recipient ?></strong> <?cs var:Order.0.masked_mobile ?><br><?cs var:Order.0.region ?> <?cs var:Order.0.address_detail ?></p>
  <?cs else ?><p class="muted"><?cs var:Lang.Shop.Order.NoAddress ?></p><?cs /if ?>
  <?cs if:Order.0.remark ?><p><span class="muted"><?cs var:Lang.Shop.Order.Remark ?>:</span><?cs var:Order.0.remark ?></p><?cs /if ?>
  <?cs if:Order.0.carrier ?><p><span class="muted"><?cs var:Lang.Shop.Order.Carrier ?>:</span><?cs var:Order.0.carrier ?> · <span class="muted"><?cs var:Lang.Shop.Order.Tracking ?>:</span><?cs var:Order.0.tracking_no ?></p><?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.Shop.Order.Payment ?></h2>
  <dl class="sum-list">
    <?cs if:Order.0.discount_points > 0 ?><dt><?cs var:Lang.Coupons.Discount ?></dt><dd class="coupon-discount">−<?cs call:pts(Order.0.discount_points) ?></dd><?cs /if ?>
    <dt><?cs var:Lang.Shop.Order.Total ?></dt><dd class="sum-total"><?cs call:pts(Order.0.points_total) ?></dd>
    <?cs if:Order.0.cash_total_fen > 0 ?><dt><?cs var:Lang.Shop.Pay.Cash ?></dt><dd class="sum-cash"><?cs call:yuan(Order.0.cash_total_fen) ?> · <span class="cash-state cash-<?cs var:Cash.state ?>"><?cs var:Lang.Shop.Pay.CashState[Cash.state] ?></span></dd><?cs /if ?>
    <dt><?cs var:Lang.Shop.Order.PaidAt ?></dt><dd><?cs if:Order.0.paid_at ?><?cs var:Order.0.paid_at ?><?cs else ?><span class="muted"><?cs var:Lang.Shop.Order.Unpaid ?></span><?cs /if ?></dd>
    <?cs if:Order.0.shipped_at ?><dt><?cs var:Lang.Shop.Order.ShippedAt ?></dt><dd><?cs var:Order.0.shipped_at ?></dd><?cs /if ?>
    <?cs if:Order.0.completed_at ?><dt><?cs var:Lang.Shop.Order.CompletedAt ?></dt><dd><?cs var:Order.0.completed_at ?></dd><?cs /if ?>
    <?cs if:Order.0.cancelled_at ?><dt><?cs var:Lang.Shop.Order.CancelledAt ?></dt><dd><?cs var:Order.0.cancelled_at ?></dd><?cs /if ?>
    <?cs if:Order.0.cancel_reason ?><dt><?cs var:Lang.Shop.Order.CancelReason ?></dt><dd><?cs var:Order.0.cancel_reason ?></dd><?cs /if ?>
  </dl>
</section>
</div>
<section class="card order-ledger">
  <h2><?cs var:Lang.Shop.Order.Ledger ?></h2>
  <?cs if:subcount(Ledger) ?>
  <table class="data-table">
    <thead><tr><th scope="col"><?cs var:Lang.Shop.Order.Time ?></th><th scope="col"><?cs var:Lang.Shop.Order.Kind ?></th><th scope="col" class="num"><?cs var:Lang.Shop.Points ?></th><th scope="col" class="num"><?cs var:Lang.Shop.Order.BalanceAfter ?></th></tr></thead>
    <tbody><?cs each:e = Ledger ?><tr class="ledger-<?cs var:e.kind ?>"><td><?cs var:e.created_at ?></td><td><?cs var:Lang.Shop.Order.Kind[e.kind] ?></td><td class="num amount"><?cs if:e.amount > 0 ?>+<?cs /if ?><?cs var:e.amount ?></td><td class="num"><?cs var:e.balance_after ?></td></tr><?cs /each ?></tbody>
  </table>
  <?cs else ?><p class="muted"><?cs var:Lang.Shop.Order.LedgerEmpty ?></p><?cs /if ?>
  <?cs if:subcount(Lots) ?>
  <h3><?cs var:Lang.Shop.Order.Lots ?></h3>
  <ul class="lot-list">
  <?cs each:l = Lots ?><li class="lot"><span class="lot-note"><?cs var:l.note ?></span><span><?cs var:Lang.Shop.Order.LotUsed ?> <strong><?cs var:l.amount ?></strong></span><span class="lot-expiry"><?cs var:Lang.Shop.Order.LotExpires ?> <time><?cs var:l.expires_at ?></time></span><?cs if:l.refunded > 0 ?><span class="badge badge-ok lot-refunded"><?cs var:Lang.Shop.Order.LotRefunded ?> <?cs var:l.refunded ?></span><?cs /if ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.Shop.Order.Timeline ?></h2>
  <ol class="timeline">
  <?cs each:e = Events ?><li><time><?cs var:e.created_at ?></time><span><?cs alt:Lang.Shop.Order.Event[e.kind] ?><?cs var:e.kind ?><?cs /alt ?><?cs if:e.note && e.note != Lang.Shop.Order.Event[e.kind] ?> · <?cs var:e.note ?><?cs /if ?></span></li><?cs /each ?>
  </ol>
</section>
</div>
