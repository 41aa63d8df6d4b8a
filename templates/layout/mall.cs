<?cs # mall.cs: storefront layout — top bar (account, language), header with search, nav, flash, footer; on phones a bottom tab bar ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:head(Lang.Site.Name, "mall", "mall", 0) ?>
<?cs # The page family as a body class: phones swap the tab bar for the product page's buy bar, and the checkout's totals bar. ?>
<?cs if:string.slice(Page.Path, 0, 9) == "/product/" ?><?cs set:Page.Family = "product" ?><?cs
elif:string.slice(Page.Path, 0, 9) == "/checkout" ?><?cs set:Page.Family = "checkout" ?><?cs
elif:Page.Path == "/cart" ?><?cs set:Page.Family = "cart" ?><?cs
elif:Page.Path == "/card" ?><?cs set:Page.Family = "card" ?><?cs
elif:Page.Path == "/categories" ?><?cs set:Page.Family = "categories" ?><?cs
else ?><?cs set:Page.Family = "page" ?><?cs /if ?>
<body class="family-<?cs var:Page.Family ?>">
<a class="skip-link" href="#main"><?cs var:Lang.Site.SkipToContent ?></a>
<div class="topbar">
  <div class="container topbar-inner">
    <span class="topbar-welcome"><?cs var:Lang.Site.Welcome ?></span>
    <div class="topbar-links">
    <?cs if:User.Masked ?>
      <span class="user-mobile"><?cs var:User.Masked ?></span>
      <a class="user-points" href="/points"><?cs var:Lang.Site.Points ?> <strong><?cs var:User.Points ?></strong></a>
      <a class="topbar-wide" href="/orders"><?cs var:Lang.Shop.Nav.Orders ?></a>
      <a class="topbar-wide" href="/account"><?cs var:Lang.Site.Account ?></a>
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
    <a class="header-cart" href="/cart"><span class="cart-icon" aria-hidden="true"></span><?cs var:Lang.Shop.Nav.Cart ?><?cs if:User.CartLines > 0 ?><span class="header-cart-count"><?cs if:User.CartLines > 99 ?>99+<?cs else ?><?cs var:User.CartLines ?><?cs /if ?><span class="sr-only"> <?cs var:Lang.Site.TabBar.CartCount ?></span></span><?cs /if ?></a>
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
<?cs if:Guard.MallPaused || subcount(Guard.Activities) ?><div class="guard-banner" role="status"><div class="container">
  <?cs if:Guard.MallPaused ?><p><strong><?cs var:Lang.Guard.Banner.MallLabel ?></strong> <?cs var:Guard.Reason ?></p><?cs /if ?>
  <?cs each:g = Guard.Activities ?><p><strong><?cs var:Lang.Guard.Banner.Activity ?></strong> <a href="/activity/<?cs var:url_escape(g.id) ?>"><?cs var:g.title ?></a> <?cs var:g.reason ?></p><?cs /each ?>
  <p class="guard-banner-note"><?cs var:Lang.Guard.Banner.Untouched ?></p>
</div></div><?cs /if ?>
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
<?cs # Phones only (CSS hides it from 768 px): the four tabs a shopper expects, the cart's count on its tab. ?>
<nav class="tabbar" aria-label="<?cs var:Lang.Site.TabBar.Label ?>">
  <a href="/"<?cs if:Page.Path == "/" ?> class="active" aria-current="page"<?cs /if ?>><svg class="tabbar-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg><span><?cs var:Lang.Site.TabBar.Home ?></span></a>
  <a href="/categories"<?cs if:Page.Path == "/categories" ?> class="active" aria-current="page"<?cs /if ?>><svg class="tabbar-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h6.5v6.5H4zM13.5 4H20v6.5h-6.5zM4 13.5h6.5V20H4zM13.5 13.5H20V20h-6.5z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg><span><?cs var:Lang.Site.TabBar.Categories ?></span></a>
  <a href="/cart"<?cs if:Page.Path == "/cart" ?> class="active" aria-current="page"<?cs /if ?>><svg class="tabbar-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M2.5 3.5h3l2.4 11.2h10.6l2-8H7M10 20.5a1.2 1.2 0 1 0 0-.01M17.5 20.5a1.2 1.2 0 1 0 0-.01" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg><span><?cs var:Lang.Site.TabBar.Cart ?></span><?cs if:User.CartLines > 0 ?><span class="tabbar-badge"><?cs if:User.CartLines > 99 ?>99+<?cs else ?><?cs var:User.CartLines ?><?cs /if ?><span class="sr-only"> <?cs var:Lang.Site.TabBar.CartCount ?></span></span><?cs /if ?></a>
  <a href="/account"<?cs if:string.slice(Page.Path, 0, 8) == "/account" ?> class="active" aria-current="page"<?cs /if ?>><svg class="tabbar-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 12a4.2 4.2 0 1 0 0-8.4 4.2 4.2 0 0 0 0 8.4zM3.8 21c.8-4.2 4-6.6 8.2-6.6s7.4 2.4 8.2 6.6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg><span><?cs var:Lang.Site.TabBar.Mine ?></span></a>
</nav>
</body>
</html>
