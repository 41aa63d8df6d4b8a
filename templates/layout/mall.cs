<?cs # mall.cs: storefront layout — top bar (account, language), header with search, nav, flash, footer ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:head(Lang.Site.Name, "mall", "mall", 0) ?>
<body>
<a class="skip-link" href="#main"><?cs var:Lang.Site.SkipToContent ?></a>
<div class="topbar">
  <div class="container topbar-inner">
    <span class="topbar-welcome"><?cs var:Lang.Site.Welcome ?></span>
    <div class="topbar-links">
    <?cs if:User.Masked ?>
      <span class="user-mobile"><?cs var:User.Masked ?></span>
      <a class="user-points" href="/points"><?cs var:Lang.Site.Points ?> <strong><?cs var:User.Points ?></strong></a>
      <a href="/orders"><?cs var:Lang.Shop.Nav.Orders ?></a>
      <a href="/account"><?cs var:Lang.Site.Account ?></a>
      <form class="logout-form" method="post" action="/logout"><?cs call:csrf() ?><button class="btn-link" type="submit"><?cs var:Lang.Site.Logout ?></button></form>
    <?cs else ?>
      <a href="/login"><?cs var:Lang.Site.Login ?></a>
      <a href="/register"><?cs var:Lang.Site.Register ?></a>
    <?cs /if ?>
      <?cs call:langsw() ?>
    </div>
  </div>
</div>
<header class="site-header">
  <div class="container header-inner">
    <a class="logo" href="/"><span class="logo-mark" aria-hidden="true">积</span><span class="logo-text"><?cs var:Lang.Site.Name ?><small><?cs var:Lang.Site.Tagline ?></small></span></a>
    <form class="search-box" method="get" action="/search" role="search">
      <label class="sr-only" for="site-q"><?cs var:Lang.Site.Search ?></label>
      <input id="site-q" type="search" name="q" maxlength="50" placeholder="<?cs var:Lang.Site.SearchHint ?>">
      <button type="submit"><?cs var:Lang.Site.Search ?></button>
    </form>
    <a class="header-cart" href="/cart"><span class="cart-icon" aria-hidden="true"></span><?cs var:Lang.Shop.Nav.Cart ?></a>
    <?cs if:User.Masked ?><a class="header-points" href="/points"><span><?cs var:Lang.Site.MyPoints ?></span><strong><?cs var:User.Points ?></strong></a><?cs /if ?>
  </div>
  <nav class="main-nav" aria-label="<?cs var:Lang.Site.Nav.Label ?>">
    <ul class="container">
      <li><a href="/"<?cs if:Page.Path == "/" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Site.Nav.Home ?></a></li>
      <li><a href="/categories"<?cs if:Page.Path == "/categories" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Site.Nav.Categories ?></a></li>
      <li><a href="/products"<?cs if:Page.Path == "/products" || string.slice(Page.Path, 0, 9) == "/product/" ?> class="active"<?cs /if ?>><?cs var:Lang.Site.Nav.Products ?></a></li>
      <li><a href="/activities"<?cs if:string.slice(Page.Path, 0, 8) == "/activit" ?> class="active"<?cs /if ?>><?cs var:Lang.Site.Nav.Activities ?></a></li>
      <li><a href="/notices"<?cs if:string.slice(Page.Path, 0, 7) == "/notice" ?> class="active"<?cs /if ?>><?cs var:Lang.Site.Nav.Notices ?></a></li>
    </ul>
  </nav>
</header>
<?cs if:Page.Flash ?><div class="container"><?cs call:flash() ?></div><?cs /if ?>
<main id="main" class="site-main">
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
<footer class="site-footer">
  <div class="container">
    <ul class="promises">
      <li><span aria-hidden="true">✓</span><?cs var:Lang.Site.Footer.Guarantee ?></li>
      <li><span aria-hidden="true">✓</span><?cs var:Lang.Site.Footer.Shipping ?></li>
      <li><span aria-hidden="true">✓</span><?cs var:Lang.Site.Footer.Secure ?></li>
      <li><span aria-hidden="true">✓</span><?cs var:Lang.Site.Footer.Service ?></li>
    </ul>
    <nav class="footer-links"><a href="/notices"><?cs var:Lang.Site.Nav.Notices ?></a><a href="/activities"><?cs var:Lang.Site.Nav.Activities ?></a><a href="/categories"><?cs var:Lang.Site.Nav.Categories ?></a></nav>
    <p class="copyright"><?cs var:Lang.Site.Footer ?></p>
  </div>
</footer>
</body>
</html>
