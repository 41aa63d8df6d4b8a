<?cs # product.cs: S5 product detail — gallery, price, stock, buy forms, description, reviews, Q&A ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><a href="/products?cat=<?cs var:Product.0.category_id ?>"><?cs var:Product.0.category ?></a><span>/</span><?cs var:Product.0.name ?></nav>
<section class="product-top card">
  <div class="gallery" data-gallery>
    <div class="gallery-main"><?cs if:Product.0.image ?><img id="gallery-main" src="<?cs var:Product.0.image ?>" alt="<?cs var:Product.0.name ?>" width="600" height="600"><?cs else ?><span class="img-placeholder"><?cs var:Lang.Site.Name ?></span><?cs /if ?></div>
    <?cs if:subcount(Images) ?><ul class="gallery-thumbs"><?cs set:Gallery.N = #0 ?><?cs if:Product.0.image ?><?cs set:Gallery.N = #1 ?><?cs /if ?>
      <?cs if:Product.0.image ?><li><a href="<?cs var:Product.0.image ?>" class="active"><img src="<?cs var:Product.0.image ?>" alt="<?cs var:Lang.Store.Product.Picture ?> 1" width="64" height="64"></a></li><?cs /if ?>
      <?cs each:i = Images ?><li><a href="<?cs var:i.url ?>"><img src="<?cs var:i.url ?>" alt="<?cs var:Lang.Store.Product.Picture ?> <?cs set:Gallery.N = #Gallery.N + #1 ?><?cs var:Gallery.N ?>" width="64" height="64" loading="lazy"></a></li><?cs /each ?>
    </ul><?cs /if ?>
  </div>
  <div class="product-info">
    <h1 class="product-title"><?cs if:Product.0.type == "voucher" ?><span class="badge badge-voucher"><?cs var:Lang.Store.Product.Voucher ?></span> <?cs elif:Product.0.type == "virtual" ?><span class="badge badge-voucher"><?cs var:Lang.Store.Product.Virtual ?></span> <?cs /if ?><?cs var:Product.0.name ?></h1><?cs if:ProductGuard.Message ?>
    <div class="flash flash-error activity-guard" role="alert"><?cs var:ProductGuard.Message ?></div><?cs /if ?>
    <?cs if:Product.0.summary ?><p class="product-summary"><?cs var:Product.0.summary ?></p><?cs /if ?>
    <div class="price-box">
      <span class="price-label"><?cs var:Lang.Store.Product.Price ?></span>
      <span class="price"><strong><?cs var:Product.0.points ?></strong> <?cs var:Lang.Site.Points ?><?cs if:Product.0.cash ?> <span class="cash">+ ¥<?cs var:Product.0.cash ?></span><?cs /if ?></span>
      <span class="price-meta"><?cs var:Lang.Store.Sold ?> <?cs var:Product.0.sales ?> · <?cs var:Lang.Store.Product.Views ?> <?cs var:Product.0.views ?></span>
    </div>
    <dl class="facts">
      <dt><?cs var:Lang.Store.Product.Stock ?></dt>
      <dd><?cs if:Product.0.stock == 0 ?><span class="badge badge-soldout"><?cs var:Lang.Store.SoldOut ?></span><?cs elif:Product.0.stock < 10 ?><span class="stock-low"><?cs var:Lang.Store.Product.Few ?> <?cs var:Product.0.stock ?></span><?cs else ?><?cs var:Lang.Store.Product.InStock ?> (<?cs var:Product.0.stock ?>)<?cs /if ?></dd>
      <dt><?cs var:Lang.Store.Product.Limit ?></dt>
      <dd><?cs if:Product.0.per_member_limit > 0 ?><?cs var:Lang.Store.Product.LimitPre ?> <?cs var:Product.0.per_member_limit ?> <?cs var:Lang.Store.Product.LimitPost ?><?cs else ?><?cs var:Lang.Store.Product.NoLimit ?><?cs /if ?></dd>
      <?cs if:Product.0.brand ?><dt><?cs var:Lang.Store.List.Brand ?></dt><dd><a href="/products?brand=<?cs var:Product.0.brand_id ?>"><?cs var:Product.0.brand ?></a></dd><?cs /if ?>
      <?cs if:Product.0.merchant ?><dt><?cs var:Lang.Store.Product.Merchant ?></dt><dd><?cs var:Product.0.merchant ?></dd><?cs /if ?>
      <dt><?cs var:Lang.Store.Product.Rating ?></dt>
      <dd><?cs if:Rating.0.count > 0 ?><?cs call:stars(Rating.0.stars) ?> <?cs var:Rating.0.avg ?> · <a href="#reviews"><?cs var:Rating.0.count ?> <?cs var:Lang.Store.Product.ReviewsUnit ?></a><?cs else ?><span class="muted"><?cs var:Lang.Store.Product.NoRating ?></span><?cs /if ?></dd>
    </dl>
    <form class="buy-form" method="post" action="/cart/add">
      <?cs call:csrf() ?>
      <input type="hidden" name="product_id" value="<?cs var:Product.0.id ?>">
      <div class="qty-row<?cs if:Form.Errors.quantity ?> has-error<?cs /if ?>">
        <label for="qty"><?cs var:Lang.Store.Product.Qty ?></label>
        <input id="qty" class="qty" type="number" name="quantity" value="<?cs if:?Form.Values.quantity ?><?cs var:Form.Values.quantity ?><?cs else ?>1<?cs /if ?>" min="1" max="<?cs if:Product.0.per_member_limit > 0 && Product.0.per_member_limit < Product.0.stock ?><?cs var:Product.0.per_member_limit ?><?cs else ?><?cs var:Product.0.stock ?><?cs /if ?>" inputmode="numeric" required<?cs if:Product.0.stock == 0 ?> disabled<?cs /if ?><?cs call:aria(Form.Errors.quantity, "quantity", "") ?>>
        <?cs call:ierr(Form.Errors.quantity, "quantity") ?>
      </div>
      <div class="buy-buttons">
      <?cs if:Product.0.stock == 0 ?>
        <button class="btn btn-large" type="button" disabled><?cs var:Lang.Store.SoldOut ?></button>
      <?cs else ?>
        <button class="btn btn-large btn-outline" type="submit"><?cs var:Lang.Store.Product.AddCart ?></button>
        <button class="btn btn-large btn-primary" type="submit" formaction="/checkout/now"><?cs var:Lang.Store.Product.BuyNow ?></button>
      <?cs /if ?>
      </div>
    </form>
    <form class="fav-form" method="post" action="/favorites/add">
      <?cs call:csrf() ?>
      <input type="hidden" name="product_id" value="<?cs var:Product.0.id ?>">
      <button class="btn-link" type="submit">♡ <?cs var:Lang.Store.Product.Favorite ?></button>
    </form>
  </div>
</section>

<nav class="tabs detail-tabs"><a href="#detail"><?cs var:Lang.Store.Product.Detail ?></a><a href="#reviews"><?cs var:Lang.Store.Product.Reviews ?> (<?cs var:Rating.0.count ?>)</a><a href="#qa"><?cs var:Lang.Store.Product.QA ?></a></nav>

<section id="detail" class="card detail">
  <h2><?cs var:Lang.Store.Product.Detail ?></h2>
  <div class="article-body"><?cs var:Product.0.description ?></div>
</section>

<section id="reviews" class="card reviews">
  <h2><?cs var:Lang.Store.Product.Reviews ?></h2>
  <?cs if:Rating.0.count > 0 ?>
  <div class="rating-summary"><strong class="rating-avg"><?cs var:Rating.0.avg ?></strong><?cs call:stars(Rating.0.stars) ?><span class="muted"><?cs var:Rating.0.count ?> <?cs var:Lang.Store.Product.ReviewsUnit ?></span></div>
  <?cs if:subcount(Reviews) ?>
  <ul class="review-list">
  <?cs each:v = Reviews ?><li><div class="review-head"><span class="review-who"><?cs var:v.who ?></span><?cs call:stars(v.score) ?><time class="muted"><?cs var:v.date ?></time></div><p><?cs var:v.content ?></p></li><?cs /each ?>
  </ul>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs /if ?>
  <?cs call:pager(0) ?>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Store.Product.NoReviews ?></div><?cs /if ?>
</section>

<section id="qa" class="card qa">
  <h2><?cs var:Lang.Store.Product.QA ?></h2>
  <?cs if:subcount(Questions) ?>
  <ul class="qa-list">
  <?cs each:q = Questions ?><li><p class="qa-q"><span class="qa-mark"><?cs var:Lang.Store.Product.Q ?></span><?cs var:q.question ?> <span class="muted"><?cs var:q.who ?> · <?cs var:q.date ?></span></p><p class="qa-a"><span class="qa-mark qa-mark-a"><?cs var:Lang.Store.Product.A ?></span><?cs var:q.answer ?></p></li><?cs /each ?>
  </ul>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Store.Product.NoQA ?></div><?cs /if ?>
  <?cs # member center (A6): ask a question; the body is cached per signed-in state, so only test it here ?>
  <?cs if:User.Masked ?>
  <form class="form ask-form" method="post" action="/product/<?cs var:Product.0.id ?>/ask">
    <?cs call:csrf() ?>
    <?cs call:area("question", Lang.Center.Ask.FormTitle, 3, 200, 1, Lang.Center.Ask.Hint) ?>
    <div class="actions"><button class="btn btn-outline" type="submit"><?cs var:Lang.Center.Ask.Submit ?></button></div>
  </form>
  <?cs else ?><p class="ask-login"><a class="btn-link" href="/login?next=<?cs var:url_escape("/product/" + Product.0.id) ?>"><?cs var:Lang.Center.Ask.Login ?></a></p><?cs /if ?>
</section>
</div>
