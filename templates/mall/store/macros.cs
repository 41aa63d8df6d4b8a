<?cs # macros.cs: shared storefront pieces — product card, grid, pager, stars ?>
<?cs def:card(p) ?><li class="product-card<?cs if:p.stock == 0 ?> is-soldout<?cs /if ?>">
<a class="product-link" href="/product/<?cs var:p.id ?>">
<span class="product-img"><?cs if:p.image ?><img src="<?cs var:p.image ?>" alt="" loading="lazy" width="300" height="300"><?cs else ?><span class="img-placeholder" aria-hidden="true"><?cs var:Lang.Site.Name ?></span><?cs /if ?><?cs if:p.stock == 0 ?><span class="badge badge-soldout"><?cs var:Lang.Store.SoldOut ?></span><?cs /if ?></span>
<span class="product-name"><?cs var:p.name ?></span>
<span class="product-price"><strong class="points"><?cs var:p.points ?></strong> <span class="unit"><?cs var:Lang.Site.Points ?></span><?cs if:p.cash ?> <span class="cash">+ ¥<?cs var:p.cash ?></span><?cs /if ?></span>
<span class="product-meta"><?cs var:Lang.Store.Sold ?> <?cs var:p.sales ?></span>
</a></li><?cs /def ?>
<?cs def:grid(list) ?><ul class="product-grid"><?cs each:p = list ?><?cs call:card(p) ?><?cs /each ?></ul><?cs /def ?>
<?cs def:pager() ?><?cs if:Pager.Pages > 1 ?><nav class="pagination" aria-label="<?cs var:Lang.Store.Pager.Label ?>">
<?cs if:Pager.Prev ?><a class="page-prev" rel="prev" href="<?cs var:Pager.Base ?><?cs alt:Pager.Param ?>page<?cs /alt ?>=<?cs var:Pager.Prev ?><?cs var:Pager.Anchor ?>"><?cs var:Lang.Store.Pager.Prev ?></a><?cs else ?><span class="page-prev disabled"><?cs var:Lang.Store.Pager.Prev ?></span><?cs /if ?>
<?cs each:i = Pager.Items ?><?cs if:i.gap ?><span class="page-gap">…</span><?cs elif:i.current ?><span class="page-current" aria-current="page"><?cs var:i.num ?></span><?cs else ?><a href="<?cs var:Pager.Base ?><?cs alt:Pager.Param ?>page<?cs /alt ?>=<?cs var:i.num ?><?cs var:Pager.Anchor ?>"><?cs var:i.num ?></a><?cs /if ?><?cs /each ?>
<?cs if:Pager.Next ?><a class="page-next" rel="next" href="<?cs var:Pager.Base ?><?cs alt:Pager.Param ?>page<?cs /alt ?>=<?cs var:Pager.Next ?><?cs var:Pager.Anchor ?>"><?cs var:Lang.Store.Pager.Next ?></a><?cs else ?><span class="page-next disabled"><?cs var:Lang.Store.Pager.Next ?></span><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>
<?cs def:stars(n) ?><span class="stars" aria-hidden="true"><?cs loop:i = 1, 5, 1 ?><?cs if:i <= n ?>★<?cs else ?><span class="star-off">★</span><?cs /if ?><?cs /loop ?></span><?cs /def ?>
