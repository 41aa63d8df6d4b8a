<?cs # favorites.cs: A4 favorites — product cards with a remove button each ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Fav.Title ?></h1>
  <?cs call:notice("ok") ?>
  <?cs if:subcount(Favorites) ?>
  <?cs call:total_line() ?>
  <ul class="product-grid fav-grid">
  <?cs each:p = Favorites ?>
    <li class="product-card<?cs if:p.stock == 0 || p.on_shelf != 1 ?> is-soldout<?cs /if ?>">
      <a class="product-link" href="/product/<?cs var:p.id ?>">
        <span class="product-img"><?cs if:p.image ?><img src="<?cs var:p.image ?>" alt="" loading="lazy" width="300" height="300"><?cs else ?><span class="img-placeholder" aria-hidden="true"><?cs var:Lang.Site.Name ?></span><?cs /if ?><?cs if:p.on_shelf != 1 ?><span class="badge badge-soldout"><?cs var:Lang.Center.Fav.OffShelf ?></span><?cs elif:p.stock == 0 ?><span class="badge badge-soldout"><?cs var:Lang.Store.SoldOut ?></span><?cs /if ?></span>
        <span class="product-name"><?cs var:p.name ?></span>
        <span class="product-price"><strong class="points"><?cs var:p.points ?></strong> <span class="unit"><?cs var:Lang.Site.Points ?></span><?cs if:p.cash ?> <span class="cash">+ ¥<?cs var:p.cash ?></span><?cs /if ?></span>
        <span class="product-meta"><?cs var:Lang.Center.Fav.SavedOn ?> <?cs var:p.saved ?></span>
      </a>
      <form class="fav-remove" method="post" action="/favorites/remove"><?cs call:csrf() ?><input type="hidden" name="product_id" value="<?cs var:p.id ?>"><button class="btn btn-small btn-outline" type="submit"><?cs var:Lang.Center.Fav.Remove ?></button></form>
    </li>
  <?cs /each ?>
  </ul>
  <?cs call:pager(0) ?>
  <?cs elif:Pager.Total > 0 ?><div class="card empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
  <?cs else ?><div class="card empty-state"><?cs var:Lang.Center.Fav.None ?> <a href="/products"><?cs var:Lang.Center.Fav.Browse ?></a></div><?cs /if ?>
</section>
</div>
