<?cs # order_section.cs: the order page's vouchers (included by mall/shop/order.cs when Vouchers has rows) ?>
<?cs include:"mall/vouchers/macros.cs" ?>
<section class="card order-vouchers">
  <h2><?cs var:Lang.Voucher.OrderSection ?></h2>
  <ul class="voucher-lines">
  <?cs each:v = Vouchers ?>
    <li><span class="mono"><?cs var:v.no ?></span> <?cs call:vstatus(v.status) ?>
      <span class="muted"><?cs if:v.redeemed_at ?><?cs var:Lang.Voucher.RedeemedAt ?> <?cs var:v.redeemed_at ?><?cs else ?><?cs var:Lang.Voucher.ValidTo ?> <?cs var:v.valid_to ?><?cs /if ?></span>
      <a class="btn btn-small<?cs if:v.status == "issued" ?> btn-primary<?cs /if ?>" href="/voucher/<?cs var:url_escape(v.no) ?>"><?cs var:Lang.Voucher.Open ?></a></li>
  <?cs /each ?>
  </ul>
  <?cs if:Order.0.status == "paid" && Order.CanCancel != 1 ?><p class="muted"><?cs var:Lang.Voucher.NoCancel ?></p><?cs /if ?>
</section>
