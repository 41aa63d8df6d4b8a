<?cs # orders.cs: O1 my orders — status tabs with counts, order cards with first items and actions, pager ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container shop-page">
<h1 class="page-title"><?cs var:Lang.Shop.Orders.Title ?></h1>
<nav class="tabs order-tabs" aria-label="<?cs var:Lang.Shop.Orders.Title ?>">
<?cs def:tab(k) ?><a href="/orders?status=<?cs var:k ?>"<?cs if:Orders.Status == k ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Shop.Status[k] ?><?cs if:Orders.Counts[k] > 0 && (k == "pending" || k == "paid" || k == "shipped") ?> <span class="tab-count"><?cs var:Orders.Counts[k] ?></span><?cs /if ?></a><?cs /def ?>
<?cs call:tab("all") ?><?cs call:tab("pending") ?><?cs call:tab("paid") ?><?cs call:tab("shipped") ?><?cs call:tab("completed") ?><?cs call:tab("cancelled") ?>
</nav>
<?cs if:subcount(Orders.List) == 0 ?>
<div class="empty-state"><p><?cs var:Lang.Shop.Orders.Empty ?></p><a class="btn btn-primary" href="/products"><?cs var:Lang.Shop.Cart.GoShopping ?></a></div>
<?cs else ?>
<ul class="order-list">
<?cs each:o = Orders.List ?>
<li class="card order-card">
  <div class="order-card-head"><span class="muted"><?cs var:Lang.Shop.Orders.Placed ?> <?cs var:o.created_at ?></span><span class="muted"><?cs var:Lang.Shop.Order.No ?> <a class="order-no" href="/order/<?cs var:o.order_no ?>"><?cs var:o.order_no ?></a></span><?cs call:status(o.status, o.needs_shipping) ?></div>
  <a class="order-card-body" href="/order/<?cs var:o.order_no ?>">
    <ul class="order-thumbs"><?cs each:i = o.Items ?><li><?cs call:thumb(i.image, i.name) ?><?cs if:o.line_count == 1 ?><span class="line-name"><?cs var:i.name ?></span><?cs /if ?></li><?cs /each ?><?cs if:o.line_count > 4 ?><li class="muted"><?cs var:Lang.Shop.Orders.More ?></li><?cs /if ?></ul>
    <span class="order-card-total"><?cs var:Lang.Shop.Orders.TotalPre ?> <?cs var:o.units ?> <?cs var:Lang.Shop.Orders.TotalMid ?> <?cs call:pts(o.points_total) ?></span>
  </a>
  <div class="order-card-actions">
    <?cs if:o.status == "pending" ?><a class="btn btn-primary btn-small" href="/order/<?cs var:o.order_no ?>/pay"><?cs var:Lang.Shop.Order.Pay ?></a><?cs /if ?>
    <?cs if:o.status == "shipped" ?><form method="post" action="/order/<?cs var:o.order_no ?>/receive"><?cs call:csrf() ?><button class="btn btn-outline btn-small" type="submit"><?cs var:Lang.Shop.Order.Receive ?></button></form><?cs /if ?>
    <a class="btn btn-small" href="/order/<?cs var:o.order_no ?>"><?cs var:Lang.Shop.Orders.View ?></a>
  </div>
</li>
<?cs /each ?>
</ul>
<?cs call:pager(0) ?>
<?cs /if ?>
</div>
