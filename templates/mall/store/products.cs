<?cs # products.cs: S3 product list — category/brand/points filters, sort bar, grid, pagination ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/store/macros.cs" ?>
<?cs # bchip(id, name): a brand's chip in the brand row ?>
<?cs def:bchip(id, name) ?><li><a class="chip<?cs if:Filter.BrandId == id ?> active<?cs /if ?>" href="<?cs var:Filter.BrandBase ?>brand=<?cs var:id ?>"><?cs var:name ?></a></li><?cs /def ?>
<div class="container">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><a href="/products"><?cs var:Lang.Store.List.Title ?></a><?cs if:Filter.Category.0.parent_name ?><span>/</span><a href="/products?cat=<?cs var:Filter.Category.0.parent_id ?>"><?cs var:Filter.Category.0.parent_name ?></a><?cs /if ?><?cs if:Filter.Category.0.name ?><span>/</span><?cs var:Filter.Category.0.name ?><?cs /if ?><?cs if:Filter.Brand.0.name ?><span>/</span><?cs var:Filter.Brand.0.name ?><?cs /if ?></nav>

<section class="card filters">
  <div class="filter-row">
    <span class="filter-label"><?cs var:Lang.Store.List.Category ?></span>
    <ul class="chips">
      <li><a class="chip<?cs if:!Filter.Cat ?> active<?cs /if ?>" href="<?cs var:Filter.CatBase ?>"><?cs var:Lang.Store.List.AnyOption ?></a></li>
      <?cs each:c = Categories ?><li><a class="chip<?cs if:c.active ?> active<?cs /if ?>" href="<?cs var:Filter.CatBase ?>cat=<?cs var:c.id ?>"><?cs var:c.name ?></a></li><?cs /each ?>
    </ul>
  </div>
  <?cs each:c = Categories ?><?cs if:c.active && subcount(c.Children) ?>
  <div class="filter-row filter-sub">
    <span class="filter-label"><?cs var:c.name ?></span>
    <ul class="chips">
      <?cs each:k = c.Children ?><li><a class="chip<?cs if:Filter.Cat == k.id ?> active<?cs /if ?>" href="<?cs var:Filter.CatBase ?>cat=<?cs var:k.id ?>"><?cs var:k.name ?></a></li><?cs /each ?>
    </ul>
  </div>
  <?cs /if ?><?cs /each ?>
  <?cs if:subcount(Brands) ?>
  <div class="filter-row">
    <span class="filter-label"><?cs var:Lang.Store.List.Brand ?></span>
    <ul class="chips">
      <li><a class="chip<?cs if:!Filter.BrandId ?> active<?cs /if ?>" href="<?cs var:Filter.BrandBase ?>"><?cs var:Lang.Store.List.AnyOption ?></a></li>
      <?cs if:Filter.AllBrands ?><?cs each:b = BrandsAll ?><?cs call:bchip(b.id, b.name) ?><?cs /each ?><?cs
      else ?><?cs if:Filter.BrandExtra ?><?cs call:bchip(Filter.BrandId, Filter.Brand.0.name) ?><?cs /if ?><?cs
        each:b = Brands ?><?cs call:bchip(b.id, b.name) ?><?cs /each ?><?cs /if ?>
      <?cs if:Filter.AllBrands ?><li><a class="chip chip-more" href="<?cs var:Filter.Base ?>"><?cs var:Lang.Store.List.FewerBrands ?></a></li><?cs
      elif:BrandsMore ?><li><a class="chip chip-more" href="<?cs var:Filter.Base ?>brands=all"><?cs var:Lang.Store.List.MoreBrands ?> (<?cs var:BrandsMore ?>)</a></li><?cs /if ?>
    </ul>
  </div>
  <?cs /if ?>
  <div class="filter-row">
    <span class="filter-label"><?cs var:Lang.Store.List.Points ?></span>
    <ul class="chips">
      <li><a class="chip" href="<?cs var:Filter.PriceBase ?>max=1000">≤ 1000</a></li>
      <li><a class="chip" href="<?cs var:Filter.PriceBase ?>min=1000&amp;max=5000">1000–5000</a></li>
      <li><a class="chip" href="<?cs var:Filter.PriceBase ?>min=5000&amp;max=20000">5000–20000</a></li>
      <li><a class="chip" href="<?cs var:Filter.PriceBase ?>min=20000">≥ 20000</a></li>
    </ul>
    <form class="price-form" method="get" action="/products">
      <?cs if:Filter.Cat ?><input type="hidden" name="cat" value="<?cs var:Filter.Cat ?>"><?cs /if ?>
      <?cs if:Filter.BrandId ?><input type="hidden" name="brand" value="<?cs var:Filter.BrandId ?>"><?cs /if ?>
      <?cs if:Filter.Sort != "sales" ?><input type="hidden" name="sort" value="<?cs var:Filter.Sort ?>"><?cs /if ?>
      <?cs if:Filter.InStock ?><input type="hidden" name="instock" value="1"><?cs /if ?>
      <label class="sr-only" for="f-min"><?cs var:Lang.Store.List.Min ?></label>
      <input id="f-min" type="number" name="min" min="0" inputmode="numeric" placeholder="<?cs var:Lang.Store.List.Min ?>" value="<?cs var:Filter.Min ?>">
      <span aria-hidden="true">–</span>
      <label class="sr-only" for="f-max"><?cs var:Lang.Store.List.Max ?></label>
      <input id="f-max" type="number" name="max" min="0" inputmode="numeric" placeholder="<?cs var:Lang.Store.List.Max ?>" value="<?cs var:Filter.Max ?>">
      <button class="btn btn-small" type="submit"><?cs var:Lang.Store.List.Apply ?></button>
    </form>
  </div>
</section>

<div class="sort-bar">
  <nav class="sorts" aria-label="<?cs var:Lang.Store.List.SortLabel ?>">
  <?cs each:s = Lang.Store.Sort ?><a class="<?cs if:Filter.Sort == name(s) ?>active<?cs /if ?>" href="<?cs var:Filter.SortBase ?><?cs if:name(s) != "sales" ?>sort=<?cs var:name(s) ?><?cs /if ?>"><?cs var:s ?></a><?cs /each ?>
  </nav>
  <?cs call:instock(Filter.InStock, Filter.StockBase) ?>
  <span class="result-count"><?cs var:Lang.Store.List.CountPre ?> <strong><?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?></strong> <?cs var:Lang.Store.List.CountPost ?></span>
</div>

<?cs if:subcount(Products) ?>
  <?cs call:grid(Products) ?>
  <?cs call:pager(0) ?>
<?cs elif:Pager.Total > 0 ?>
  <div class="empty-state"><p><?cs var:Lang.Store.List.PageEmpty ?></p><a class="btn" href="<?cs var:Filter.Base ?>"><?cs var:Lang.Store.List.FirstPage ?></a></div>
<?cs else ?>
  <div class="empty-state"><p><?cs var:Lang.Store.List.Empty ?></p><a class="btn" href="/products"><?cs var:Lang.Store.List.Reset ?></a></div>
<?cs /if ?>
</div>
