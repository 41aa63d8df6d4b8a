<?cs # checkout.cs: C2 confirm order — items, address choice (physical goods), remark, totals; cart or "buy now" ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container narrow shop-page">
<h1 class="page-title"><?cs var:Lang.Shop.Checkout.Title ?></h1>
<form class="checkout" method="post" action="<?cs if:Checkout.Now ?>/checkout/now<?cs else ?>/checkout<?cs /if ?>"><?cs call:csrf() ?>
<?cs if:Checkout.Now ?>
  <input type="hidden" name="product_id" value="<?cs var:Lines.0.product_id ?>">
  <input type="hidden" name="quantity" value="<?cs var:Lines.0.quantity ?>">
  <input type="hidden" name="confirm" value="1">
<?cs /if ?>
<section class="card">
  <h2><?cs var:Lang.Shop.Checkout.Address ?></h2>
  <?cs if:Checkout.Ship == 1 ?>
    <?cs if:subcount(Addresses) ?>
    <fieldset class="address-list"><legend class="sr-only"><?cs var:Lang.Shop.Checkout.Address ?></legend>
    <?cs each:a = Addresses ?>
      <label class="address-option"><input type="radio" name="address_id" value="<?cs var:a.id ?>"<?cs if:Form.Values.address_id == a.id ?> checked<?cs /if ?>>
        <span><strong><?cs var:a.recipient ?></strong> <?cs var:a.masked_mobile ?><?cs if:a.is_default == 1 ?> <span class="badge"><?cs var:Lang.Shop.Checkout.Default ?></span><?cs /if ?><br>
        <?cs var:a.province ?> <?cs var:a.city ?> <?cs var:a.district ?> <?cs var:a.detail ?></span></label>
    <?cs /each ?>
    </fieldset>
    <p class="address-links"><a class="btn-link" href="/addresses/new?next=<?cs if:Checkout.Now ?>/product/<?cs var:Lines.0.product_id ?><?cs else ?>/checkout<?cs /if ?>">+ <?cs var:Lang.Shop.Checkout.AddAddress ?></a> <a class="btn-link muted" href="/addresses"><?cs var:Lang.Shop.Checkout.ManageAddresses ?> ›</a></p>
    <?cs else ?>
    <p class="warn"><?cs var:Lang.Shop.Checkout.NoAddress ?></p>
    <p><a class="btn btn-outline" href="/addresses/new?next=<?cs if:Checkout.Now ?>/product/<?cs var:Lines.0.product_id ?><?cs else ?>/checkout<?cs /if ?>"><?cs var:Lang.Shop.Checkout.AddAddress ?></a></p>
    <?cs /if ?>
  <?cs else ?>
    <p class="muted"><?cs var:Lang.Shop.Checkout.NoShipping ?></p>
  <?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.Shop.Checkout.Items ?></h2>
  <ul class="order-lines">
  <?cs each:l = Lines ?>
    <li><?cs call:thumb(l.image, l.name) ?><span class="line-name"><a href="/product/<?cs var:l.product_id ?>"><?cs var:l.name ?></a><?cs if:l.problem ?> <span class="badge badge-problem"><?cs var:Lang.Shop.Cart.Problem[l.problem] ?></span><?cs /if ?></span>
    <span class="line-qty"><?cs call:pts(l.points) ?><?cs if:l.cash_price_fen > 0 ?> + <?cs call:yuan(l.cash_price_fen) ?><?cs /if ?> × <?cs var:l.quantity ?></span><span class="line-total"><?cs call:pts(l.line_points) ?></span></li>
  <?cs /each ?>
  </ul>
  <div class="form">
    <?cs call:field("remark", Lang.Shop.Checkout.Remark, "text", "", Checkout.RemarkMax, 0, Lang.Shop.Checkout.RemarkHint) ?>
  </div>
</section>
<?cs include:"mall/coupons/choice.cs" ?>
<section class="card checkout-sum">
  <dl class="sum-list">
    <dt><?cs var:Lang.Shop.Checkout.Total ?></dt><dd class="sum-total"><?cs call:pts(Totals.Points) ?></dd>
    <?cs if:Totals.Discount > 0 ?><dt><?cs var:Lang.Coupons.Discount ?></dt><dd class="coupon-discount">−<?cs call:pts(Totals.Discount) ?></dd>
    <dt><?cs var:Lang.Coupons.Pay ?></dt><dd class="sum-pay"><?cs call:pts(Totals.Pay) ?></dd><?cs /if ?>
    <?cs if:Totals.Cash > 0 ?><dt><?cs var:Lang.Shop.Checkout.Cash ?></dt><dd class="sum-cash"><?cs call:yuan(Totals.Cash) ?></dd>
    <?cs if:Totals.CashOff > 0 ?><dt><?cs var:Lang.Coupons.CashDiscount ?></dt><dd class="coupon-discount">−<?cs call:yuan(Totals.CashOff) ?></dd>
    <dt><?cs var:Lang.Coupons.CashPay ?></dt><dd class="sum-cash-pay"><?cs call:yuan(Totals.CashPay) ?></dd><?cs /if ?><?cs /if ?>
    <dt><?cs var:Lang.Shop.Checkout.Balance ?></dt><dd><?cs var:User.Points ?></dd>
    <?cs if:Totals.Short == 0 ?><dt><?cs var:Lang.Shop.Checkout.After ?></dt><dd><?cs var:Totals.After ?></dd><?cs /if ?>
  </dl>
  <?cs if:Totals.Short == 1 ?><p class="warn"><?cs var:Lang.Shop.Checkout.Short ?></p><?cs /if ?>
  <p class="muted"><?cs var:Lang.Shop.Checkout.PayWithin ?></p>
  <div class="actions">
    <?cs if:!Checkout.Now ?><a class="btn" href="/cart"><?cs var:Lang.Shop.Checkout.BackToCart ?></a><?cs /if ?>
    <button class="btn btn-primary btn-large" type="submit"<?cs if:Checkout.Blocked || Totals.Problems > 0 || (Checkout.Ship == 1 && subcount(Addresses) == 0) ?> disabled<?cs /if ?>><?cs var:Lang.Shop.Checkout.Submit ?></button>
  </div>
</section>
</form>
</div>
