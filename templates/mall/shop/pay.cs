<?cs # pay.cs: C3 pay a pending order — summary, balance, "send code" form, code + pay form (two forms: Enter pays) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container narrow shop-page">
<h1 class="page-title"><?cs var:Lang.Shop.Pay.Title ?></h1>
<?cs call:notice("ok") ?>
<section class="card pay-summary">
  <dl class="sum-list">
    <dt><?cs var:Lang.Shop.Pay.OrderNo ?></dt><dd class="order-no"><a href="/order/<?cs var:Order.0.order_no ?>"><?cs var:Order.0.order_no ?></a></dd>
    <?cs if:Order.0.discount_points > 0 ?><dt><?cs var:Lang.Coupons.Discount ?></dt><dd class="coupon-discount">−<?cs call:pts(Order.0.discount_points) ?></dd><?cs /if ?>
    <dt><?cs var:Lang.Shop.Pay.Amount ?></dt><dd class="sum-total"><?cs call:pts(Order.0.points_total) ?></dd>
    <?cs if:Order.0.cash_total_fen > 0 ?><dt><?cs var:Lang.Shop.Pay.Cash ?></dt><dd class="sum-cash"><?cs call:yuan(Order.0.cash_total_fen) ?> · <span class="cash-state cash-<?cs var:Cash.state ?>"><?cs var:Lang.Shop.Pay.CashState[Cash.state] ?></span></dd><?cs /if ?>
    <dt><?cs var:Lang.Shop.Pay.Balance ?></dt><dd class="pay-balance"><?cs var:User.Points ?></dd>
    <?cs if:Pay.Enough == 1 ?><dt><?cs var:Lang.Shop.Pay.After ?></dt><dd><?cs var:Pay.After ?></dd><?cs /if ?>
  </dl>
  <ul class="order-lines compact">
  <?cs each:i = Items ?><li><?cs call:thumb(i.image, i.name) ?><span class="line-name"><?cs var:i.name ?></span><span class="line-qty"><?cs call:pts(i.points_price) ?><?cs if:i.cash_price_fen > 0 ?> + <?cs call:yuan(i.cash_price_fen) ?><?cs /if ?> × <?cs var:i.quantity ?></span></li><?cs /each ?>
  </ul>
  <p class="muted"><?cs var:Lang.Shop.Pay.PayBeforePre ?> <?cs alt:Cash.points_before ?><?cs var:Order.0.pay_before ?><?cs /alt ?> <?cs var:Lang.Shop.Pay.PayBeforePost ?></p>
</section>
<?cs if:Pay.Cash ?>
<section class="card pay-box pay-cash" id="pay-cash">
  <?cs if:Cash.failed ?><div class="flash flash-error" role="alert" id="cash-failed"><?cs var:Lang.Shop.Pay.CashFailed ?></div><?cs /if ?>
  <p><?cs var:Lang.Shop.Pay.CashDue ?></p>
  <?cs if:Pay.Enough == 0 ?><div class="flash flash-error" role="alert" id="cash-not-enough"><?cs var:Lang.Shop.Pay.NotEnough ?></div><?cs /if ?>
  <form method="post" action="/order/<?cs var:Order.0.order_no ?>/cash"><?cs call:csrf() ?>
    <div class="actions">
      <button class="btn btn-primary btn-large" type="submit"<?cs if:Pay.Enough == 0 ?> disabled<?cs /if ?>><?cs var:Lang.Shop.Pay.CashButton ?> <?cs call:yuan(Order.0.cash_total_fen) ?></button>
      <a class="btn-link muted" href="/order/<?cs var:Order.0.order_no ?>/cancel"><?cs var:Lang.Shop.Pay.CancelLink ?></a>
    </div>
  </form>
</section>
<?cs else ?>
<?cs if:Cash.state == "paid" ?><div class="flash flash-ok" role="status" id="cash-paid"><?cs var:Lang.Shop.Pay.CashPaid ?></div><?cs /if ?>
<?cs if:Pay.Enough == 0 ?><div class="flash flash-error" role="alert"><?cs var:Lang.Shop.Pay.NotEnough ?></div><?cs /if ?>
<section class="card pay-box">
  <form class="pay-send" method="post" action="/order/<?cs var:Order.0.order_no ?>/code"><?cs call:csrf() ?>
    <p><?cs var:Lang.Shop.Pay.CodeTo ?> <strong><?cs var:User.Masked ?></strong></p>
    <button class="btn btn-outline" type="submit"<?cs if:Pay.Enough == 0 ?> disabled<?cs /if ?>><?cs if:Pay.Sent || Pay.CodeSpent ?><?cs var:Lang.Shop.Pay.ResendCode ?><?cs else ?><?cs var:Lang.Shop.Pay.SendCode ?><?cs /if ?></button>
  </form>
  <form class="form pay-form" method="post" action="/order/<?cs var:Order.0.order_no ?>/pay"><?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.code ?> has-error<?cs /if ?>">
      <label for="f-code"><?cs var:Lang.Shop.Pay.Code ?></label>
      <input id="f-code" type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" required<?cs call:aria(Form.Errors.code, "code", Lang.Shop.Pay.CodeHint) ?><?cs if:Pay.Sent ?> autofocus<?cs /if ?>>
      <?cs if:Pay.CodeSpent ?><?cs call:ferr(Form.Errors.code, "code", Lang.Shop.Pay.CodeSpentTip) ?><?cs else ?><?cs call:ferr(Form.Errors.code, "code", Lang.Shop.Pay.CodeHint) ?><?cs /if ?>
    </div>
    <div class="actions">
      <button class="btn btn-primary btn-large" type="submit"<?cs if:Pay.Enough == 0 ?> disabled<?cs /if ?>><?cs var:Lang.Shop.Pay.Submit ?></button>
      <a class="btn-link muted" href="/order/<?cs var:Order.0.order_no ?>/cancel"><?cs var:Lang.Shop.Pay.CancelLink ?></a>
    </div>
  </form>
</section>
<?cs /if ?>
</div>
