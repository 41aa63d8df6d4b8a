<?cs # home.cs: S1 home — banners, member box, notices, categories, ads, hot and new products, brands ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container home">
<section class="home-hero">
  <div class="carousel" data-carousel>
  <?cs if:subcount(Banners) ?>
    <div class="carousel-track">
    <?cs each:b = Banners ?><a class="carousel-slide" id="banner-<?cs name:b ?>" href="<?cs var:b.link ?>"><img src="<?cs var:b.image ?>" alt="<?cs var:b.title ?>" width="1200" height="400"></a><?cs /each ?>
    </div>
    <?cs if:subcount(Banners) > 1 ?><div class="carousel-dots"><?cs each:b = Banners ?><a href="#banner-<?cs name:b ?>" aria-label="<?cs var:b.title ?>"></a><?cs /each ?></div><?cs /if ?>
  <?cs else ?>
    <div class="carousel-empty"><strong><?cs var:Lang.Site.Name ?></strong><span><?cs var:Lang.Store.Home.Slogan ?></span></div>
  <?cs /if ?>
  </div>
  <aside class="home-side">
    <div class="card member-box">
    <?cs if:User.Masked ?>
      <p class="member-hello"><?cs var:Lang.Store.Home.WelcomeBack ?></p>
      <p class="member-tip"><?cs var:Lang.Store.Home.MemberTip ?></p>
      <div class="member-links"><a class="btn btn-primary" href="/points"><?cs var:Lang.Store.Home.MyPoints ?></a><a class="btn" href="/account"><?cs var:Lang.Site.Account ?></a></div>
    <?cs else ?>
      <p class="member-hello"><?cs var:Lang.Store.Home.Hello ?></p>
      <p class="member-tip"><?cs var:Lang.Store.Home.GuestTip ?></p>
      <div class="member-links"><a class="btn btn-primary" href="/login"><?cs var:Lang.Site.Login ?></a><a class="btn" href="/register"><?cs var:Lang.Site.Register ?></a></div>
    <?cs /if ?>
    </div>
    <div class="card notice-box">
      <div class="box-head"><h2><?cs var:Lang.Store.Notices.Title ?></h2><a href="/notices"><?cs var:Lang.Store.More ?></a></div>
      <?cs if:subcount(Notices) ?><ul class="notice-mini">
      <?cs each:n = Notices ?><li><a href="/notice/<?cs var:n.id ?>"><?cs if:n.pinned == 1 ?><span class="badge badge-hot"><?cs var:Lang.Store.Notices.Pinned ?></span><?cs /if ?><?cs var:n.title ?></a></li><?cs /each ?>
      </ul><?cs else ?><p class="muted"><?cs var:Lang.Store.Notices.Empty ?></p><?cs /if ?>
    </div>
  </aside>
</section>

<?cs if:subcount(Categories) ?>
<section class="section">
  <div class="section-head"><h2><?cs var:Lang.Store.Home.Categories ?></h2><a href="/categories"><?cs var:Lang.Store.More ?></a></div>
  <ul class="cat-nav">
  <?cs each:c = Categories ?><li><a href="/products?cat=<?cs var:c.id ?>"><?cs if:c.icon ?><img class="cat-icon" src="<?cs var:c.icon ?>" alt="" width="46" height="46"><?cs else ?><span class="cat-icon cat-icon-<?cs var:name(c) % 6 ?>" aria-hidden="true"><?cs var:c.initial ?></span><?cs /if ?><span class="cat-name"><?cs var:c.name ?></span></a></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>

<?cs if:subcount(Ads) ?>
<section class="ads">
  <?cs each:a = Ads ?><a class="ad" href="<?cs var:a.link ?>"><img src="<?cs var:a.image ?>" alt="<?cs var:a.title ?>" width="600" height="200"></a><?cs /each ?>
</section>
<?cs /if ?>

<section class="section">
  <div class="section-head"><h2><span class="section-mark">HOT</span><?cs var:Lang.Store.Home.Hot ?></h2><a href="/products?sort=sales"><?cs var:Lang.Store.More ?></a></div>
  <?cs if:subcount(Hot) ?><?cs call:grid(Hot) ?><?cs else ?><div class="empty-state"><?cs var:Lang.Store.List.Empty ?></div><?cs /if ?>
</section>

<section class="section">
  <div class="section-head"><h2><span class="section-mark section-mark-new">NEW</span><?cs var:Lang.Store.Home.New ?></h2><a href="/products?sort=newest"><?cs var:Lang.Store.More ?></a></div>
  <?cs if:subcount(Newest) ?><?cs call:grid(Newest) ?><?cs else ?><div class="empty-state"><?cs var:Lang.Store.List.Empty ?></div><?cs /if ?>
</section>

<?cs if:subcount(Brands) ?>
<section class="section">
  <div class="section-head"><h2><?cs var:Lang.Store.Home.Brands ?></h2><?cs if:BrandsMore ?><a href="/products?brands=all"><?cs var:Lang.Store.More ?></a><?cs /if ?></div>
  <ul class="brand-wall">
  <?cs each:b = Brands ?><li><a href="/products?brand=<?cs var:b.id ?>"><?cs if:b.logo ?><img src="<?cs var:b.logo ?>" alt="" width="80" height="40"><?cs /if ?><span><?cs var:b.name ?></span></a></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
</div>
