<?cs # order_summary.cs: an order's facts — member, status, payment, address, items (detail and cancel pages) ?>
<?cs with:o = Order.0 ?>
<div class="page-head">
  <h1><?cs var:Lang.Ops.Order.Title ?> <span class="ops-no"><?cs var:o.order_no ?></span> <?cs call:ops_badge(o.status) ?></h1>
  <a class="btn" href="/admin/orders"><?cs var:Lang.Ops.Order.Back ?></a>
</div>
<div class="grid ops-facts">
  <section class="card">
    <h2><?cs var:Lang.Ops.Order.Payment ?></h2>
    <dl class="dl">
      <dt><?cs var:Lang.Ops.Orders.Member ?></dt><dd><a href="/admin/members/<?cs var:url_escape(o.member_id) ?>"><?cs var:o.member_mobile ?></a><?cs if:o.member_name ?> · <?cs var:o.member_name ?><?cs /if ?><?cs if:o.member_status == "frozen" ?> <?cs call:ops_badge("frozen") ?><?cs /if ?></dd>
      <dt><?cs var:Lang.Ops.Orders.Points ?></dt><dd><strong><?cs var:o.points_total ?></strong><?cs if:o.cash_total_fen > 0 ?> + ¥<?cs var:o.cash_total_fen / 100 ?>.<?cs if:o.cash_total_fen % 100 < 10 ?>0<?cs /if ?><?cs var:o.cash_total_fen % 100 ?><?cs /if ?></dd>
      <?cs if:o.coupon_id ?><dt><?cs var:Lang.Coupons.Discount ?></dt><dd class="coupon-discount">−<?cs var:o.discount_points ?> <?cs var:Lang.Site.Points ?><?cs if:o.discount_cash_fen > 0 ?> · −¥<?cs var:o.discount_cash_fen / 100 ?>.<?cs if:o.discount_cash_fen % 100 < 10 ?>0<?cs /if ?><?cs var:o.discount_cash_fen % 100 ?><?cs /if ?> <span class="muted">#<?cs var:o.coupon_id ?></span></dd><?cs /if ?>
      <dt><?cs var:Lang.Ops.Orders.Created ?></dt><dd><?cs var:o.created_at ?></dd>
      <dt><?cs var:Lang.Ops.Order.PaidAt ?></dt><dd><?cs alt:o.paid_at ?>—<?cs /alt ?></dd>
      <?cs if:o.shipped_at ?><dt><?cs var:Lang.Ops.Order.ShippedAt ?></dt><dd><?cs var:o.shipped_at ?></dd><?cs /if ?>
      <?cs if:o.completed_at ?><dt><?cs var:Lang.Ops.Order.CompletedAt ?></dt><dd><?cs var:o.completed_at ?></dd><?cs /if ?>
      <?cs if:o.cancelled_at ?><dt><?cs var:Lang.Ops.Order.CancelledAt ?></dt><dd><?cs var:o.cancelled_at ?><?cs if:o.refunded == 1 ?> · <?cs var:Lang.Ops.Order.Refunded ?><?cs /if ?></dd>
      <dt><?cs var:Lang.Ops.Order.CancelReason ?></dt><dd><?cs var:o.cancel_reason ?></dd><?cs /if ?>
      <?cs if:o.remark ?><dt><?cs var:Lang.Ops.Order.Remark ?></dt><dd><?cs var:o.remark ?></dd><?cs /if ?>
    </dl>
  </section>
  <section class="card">
    <h2><?cs var:Lang.Ops.Order.Address ?></h2>
    <?cs if:o.needs_shipping == 1 ?>
    <dl class="dl">
      <dt><?cs var:Lang.Ops.Order.Recipient ?></dt><dd><?cs var:o.recipient ?> · <?cs var:o.mobile ?></dd>
      <dt><?cs var:Lang.Ops.Order.Region ?></dt><dd><?cs var:o.region ?></dd>
      <dt><?cs var:Lang.Ops.Order.Detail ?></dt><dd><?cs var:o.address_detail ?></dd>
      <?cs if:o.carrier ?><dt><?cs var:Lang.Ops.Order.Carrier ?></dt><dd><?cs var:o.carrier ?> · <?cs var:o.tracking_no ?></dd><?cs /if ?>
    </dl>
    <?cs else ?><p class="muted"><?cs var:Lang.Ops.Order.NoShipping ?></p><?cs /if ?>
  </section>
</div>
<section class="card">
  <h2><?cs var:Lang.Ops.Order.Items ?></h2>
  <div class="table-wrap"><table class="table" id="items">
    <thead><tr><th><?cs var:Lang.Ops.Order.Product ?></th><th><?cs var:Lang.Ops.Order.Type ?></th><th class="num"><?cs var:Lang.Ops.Order.Price ?></th><th class="num"><?cs var:Lang.Ops.Order.Quantity ?></th><th class="num"><?cs var:Lang.Ops.Order.LinePoints ?></th></tr></thead>
    <tbody><?cs each:i = Items ?><tr><td><a href="/product/<?cs var:url_escape(i.product_id) ?>"><?cs var:i.name ?></a></td><td><?cs alt:Lang.Ops.Type[i.product_type] ?><?cs var:i.product_type ?><?cs /alt ?></td><td class="num"><?cs var:i.points_price ?></td><td class="num"><?cs var:i.quantity ?></td><td class="num"><?cs var:i.line_points ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs /with ?>
