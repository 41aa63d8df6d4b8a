<?cs # done.cs: C6 payment result — what was paid, the new balance, where to go next ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container narrow shop-page">
<section class="card pay-done">
  <div class="done-mark" aria-hidden="true">✓</div>
  <h1><?cs var:Lang.Shop.Done.Heading ?></h1>
  <dl class="sum-list">
    <dt><?cs var:Lang.Shop.Order.No ?></dt><dd class="order-no"><?cs var:Order.0.order_no ?></dd>
    <dt><?cs var:Lang.Shop.Done.Paid ?></dt><dd class="sum-total"><?cs call:pts(Order.0.points_total) ?><?cs if:Order.0.cash_total_fen > 0 ?> + <span class="sum-cash"><?cs call:yuan(Order.0.cash_total_fen) ?></span><?cs /if ?></dd>
    <dt><?cs var:Lang.Shop.Done.PaidAt ?></dt><dd><?cs var:Order.0.paid_at ?></dd>
    <dt><?cs var:Lang.Shop.Done.Balance ?></dt><dd class="done-balance"><?cs var:User.Points ?></dd>
  </dl>
  <p class="muted"><?cs if:Order.0.needs_shipping == 1 ?><?cs var:Lang.Shop.Done.ShipTip ?><?cs else ?><?cs var:Lang.Shop.Done.VoucherTip ?><?cs /if ?></p>
  <div class="actions">
    <a class="btn btn-primary" href="/order/<?cs var:Order.0.order_no ?>"><?cs var:Lang.Shop.Done.ViewOrder ?></a>
    <a class="btn" href="/products"><?cs var:Lang.Shop.Done.Continue ?></a>
  </div>
</section>
</div>
