<?cs # cart.cs: C1 cart — select, quantity (−/+ and typed), remove, move to favorites, totals; every button is a form ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container shop-page">
<h1 class="page-title"><?cs var:Lang.Shop.Cart.Title ?></h1>
<?cs call:notice("ok") ?>
<?cs if:subcount(Cart) == 0 ?>
<div class="empty-state cart-empty"><p><?cs var:Lang.Shop.Cart.Empty ?></p><a class="btn btn-primary" href="/products"><?cs var:Lang.Shop.Cart.GoShopping ?></a></div>
<?cs else ?>
<div class="card cart">
  <div class="cart-head" aria-hidden="true"><span></span><span><?cs var:Lang.Shop.Cart.Product ?></span><span><?cs var:Lang.Shop.Cart.Price ?></span><span><?cs var:Lang.Shop.Cart.Qty ?></span><span><?cs var:Lang.Shop.Cart.Subtotal ?></span><span><?cs var:Lang.Shop.Cart.Actions ?></span></div>
  <ul class="cart-lines">
  <?cs each:l = Cart ?>
  <li class="cart-line<?cs if:l.problem ?> has-problem<?cs /if ?><?cs if:l.selected == 1 ?> is-selected<?cs /if ?>" id="line-<?cs var:l.id ?>">
    <form class="cart-check" method="post" action="/cart/select"><?cs call:csrf() ?>
      <input type="hidden" name="line" value="<?cs var:l.id ?>">
      <input type="hidden" name="selected" value="<?cs if:l.selected == 1 ?>0<?cs else ?>1<?cs /if ?>">
      <button class="check<?cs if:l.selected == 1 ?> checked<?cs /if ?>" type="submit" aria-pressed="<?cs if:l.selected == 1 ?>true<?cs else ?>false<?cs /if ?>" title="<?cs if:l.selected == 1 ?><?cs var:Lang.Shop.Cart.Unselect ?><?cs else ?><?cs var:Lang.Shop.Cart.Select ?><?cs /if ?>"><span class="sr-only"><?cs var:Lang.Shop.Cart.Select ?> <?cs var:l.name ?></span></button>
    </form>
    <a class="cart-product" href="/product/<?cs var:l.product_id ?>"><?cs call:thumb(l.image, l.name) ?><span class="line-name"><?cs var:l.name ?><?cs if:l.problem ?> <span class="badge badge-problem"><?cs var:Lang.Shop.Cart.Problem[l.problem] ?></span><?cs /if ?></span></a>
    <span class="cart-price"><?cs call:pts(l.points) ?><?cs if:l.cash_price_fen > 0 ?> + <?cs call:yuan(l.cash_price_fen) ?><?cs /if ?></span>
    <form class="qty-form" method="post" action="/cart/update"><?cs call:csrf() ?>
      <input type="hidden" name="line" value="<?cs var:l.id ?>">
      <label class="sr-only" for="q-<?cs var:l.id ?>"><?cs var:Lang.Shop.Cart.Qty ?> <?cs var:l.name ?></label>
      <input id="q-<?cs var:l.id ?>" class="qty" type="number" name="quantity" value="<?cs var:l.quantity ?>" min="1" max="<?cs if:l.max_qty > 0 ?><?cs var:l.max_qty ?><?cs else ?>1<?cs /if ?>" inputmode="numeric" required>
      <button class="btn btn-small qty-update" type="submit"><?cs var:Lang.Shop.Cart.Update ?></button>
      <button class="qty-step qty-minus" type="submit" name="step" value="-1" aria-label="<?cs var:Lang.Shop.Cart.Minus ?>"<?cs if:l.quantity <= 1 ?> disabled<?cs /if ?>>−</button>
      <button class="qty-step qty-plus" type="submit" name="step" value="1" aria-label="<?cs var:Lang.Shop.Cart.Plus ?>"<?cs if:l.quantity >= l.max_qty ?> disabled<?cs /if ?>>+</button>
      <span class="qty-max muted"><?cs var:Lang.Shop.Cart.MaxPre ?> <?cs var:l.max_qty ?> <?cs var:Lang.Shop.Cart.MaxPost ?></span>
    </form>
    <span class="cart-subtotal"><?cs call:pts(l.line_points) ?></span>
    <span class="cart-actions">
      <form method="post" action="/cart/favorite"><?cs call:csrf() ?><input type="hidden" name="line" value="<?cs var:l.id ?>"><button class="btn-link" type="submit"><?cs var:Lang.Shop.Cart.MoveToFavorites ?></button></form>
      <form method="post" action="/cart/remove"><?cs call:csrf() ?><input type="hidden" name="line" value="<?cs var:l.id ?>"><button class="btn-link" type="submit"><?cs var:Lang.Shop.Cart.Remove ?></button></form>
    </span>
  </li>
  <?cs /each ?>
  </ul>
</div>
<div class="card cart-bar">
  <form class="cart-check" method="post" action="/cart/select"><?cs call:csrf() ?>
    <input type="hidden" name="selected" value="<?cs if:Totals.AllSelected == 1 ?>0<?cs else ?>1<?cs /if ?>">
    <button class="btn-link select-all" type="submit"><span class="check<?cs if:Totals.AllSelected == 1 ?> checked<?cs /if ?>" aria-hidden="true"></span><?cs if:Totals.AllSelected == 1 ?><?cs var:Lang.Shop.Cart.UnselectAll ?><?cs else ?><?cs var:Lang.Shop.Cart.SelectAll ?><?cs /if ?></button>
  </form>
  <div class="cart-sum">
    <span class="muted"><?cs var:Lang.Shop.Cart.SelectedPre ?> <strong class="cart-units"><?cs var:Totals.Units ?></strong> <?cs var:Lang.Shop.Cart.SelectedPost ?></span>
    <span class="cart-total"><?cs var:Lang.Shop.Cart.Total ?> <strong><?cs var:Totals.Points ?></strong> <?cs var:Lang.Shop.Points ?><?cs if:Totals.Cash > 0 ?> + <span class="cart-cash"><?cs call:yuan(Totals.Cash) ?></span><?cs /if ?></span>
    <span class="muted cart-balance"><?cs var:Lang.Shop.Cart.Balance ?> <?cs var:User.Points ?><?cs if:Totals.Short == 1 ?> · <span class="warn"><?cs var:Lang.Shop.Cart.ShortTip ?></span><?cs /if ?></span>
  </div>
  <?cs if:Totals.Units > 0 ?><a class="btn btn-primary btn-large" href="/checkout"><?cs var:Lang.Shop.Cart.Checkout ?></a><?cs else ?><span class="btn btn-large" aria-disabled="true"><?cs var:Lang.Shop.Cart.Checkout ?></span><?cs /if ?>
</div>
<?cs /if ?>
</div>
