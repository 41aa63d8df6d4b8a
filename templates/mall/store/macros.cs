<?cs # macros.cs: shared storefront pieces — product card, grid, stars ?>
<?cs # grid(list): the product cards, each written in the loop (a card macro called per card cost more than its markup) ?>
<?cs def:grid(list) ?><ul class="product-grid"><?cs each:p = list ?><li class="product-card<?cs if:p.stock == 0 ?> is-soldout<?cs /if ?>">
<a class="product-link" href="/product/<?cs var:p.id ?>">
<span class="product-img"><?cs if:p.image ?><img src="<?cs var:p.image ?>" alt="" loading="lazy" width="300" height="300"><?cs else ?><span class="img-placeholder" aria-hidden="true"><?cs var:Lang.Site.Name ?></span><?cs /if ?><?cs if:p.stock == 0 ?><span class="badge badge-soldout"><?cs var:Lang.Store.SoldOut ?></span><?cs /if ?></span>
<span class="product-name"><?cs var:p.name ?></span>
<span class="product-price"><strong class="points"><?cs var:p.points ?></strong> <span class="unit"><?cs var:Lang.Site.Points ?></span><?cs if:p.cash ?> <span class="cash">+ ¥<?cs var:p.cash ?></span><?cs /if ?></span>
<span class="product-meta"><?cs var:Lang.Store.Sold ?> <?cs var:p.sales ?></span>
</a></li><?cs /each ?></ul><?cs /def ?>
<?cs def:stars(n) ?><span class="stars" aria-hidden="true"><?cs loop:i = 1, 5, 1 ?><?cs if:i <= n ?>★<?cs else ?><span class="star-off">★</span><?cs /if ?><?cs /loop ?></span><?cs /def ?>
<?cs # instock(on, base): the "in stock only" switch of a list — base is the list's address without it (ends in ? or &) ?>
<?cs def:instock(on, base) ?><a class="instock-switch<?cs if:on ?> active<?cs /if ?>" href="<?cs var:base ?><?cs if:!on ?>instock=1<?cs /if ?>"<?cs if:on ?> aria-current="true"<?cs /if ?>><span class="box" aria-hidden="true"><?cs if:on ?>✓<?cs /if ?></span><?cs var:Lang.Store.List.InStockOnly ?></a><?cs /def ?>
