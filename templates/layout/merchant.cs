<?cs # merchant.cs: merchant portal layout — top bar (merchant, account, language, sign-out), tab nav, content.
     Nav entries come from the language files: each page family adds Lang.MerchantNav.<key>.{href,label,owner}
     in its own 6N-merchant-*.hdf (owner = 1: shown to owners only); they appear in file order. ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:head(Lang.Merchant.Name, "merchant", "confirm", 1) ?>
<?cs if:User.Name && !Page.Bare ?>
<body class="merchant">
<a class="skip-link" href="#main"><?cs var:Lang.Merchant.SkipToContent ?></a>
<header class="m-header">
  <div class="m-header-inner">
    <a class="m-logo" href="/merchant/"><span class="m-logo-mark" aria-hidden="true">商</span><span class="m-logo-text"><?cs var:Lang.Merchant.Name ?></span></a>
    <div class="m-header-right">
      <span class="m-shop" title="<?cs var:User.Merchant ?>"><?cs var:User.Merchant ?></span>
      <span class="m-user"><strong><?cs var:User.Name ?></strong><span class="badge badge-info m-role"><?cs alt:Lang.Merchant.Role[User.Role] ?><?cs var:User.Role ?><?cs /alt ?></span></span>
      <?cs call:langsw() ?>
      <form method="post" action="/merchant/logout"><?cs call:csrf() ?><button class="btn btn-small" type="submit"><?cs var:Lang.Merchant.Logout ?></button></form>
    </div>
  </div>
  <nav class="m-nav" aria-label="<?cs var:Lang.Merchant.NavLabel ?>">
    <ul>
    <?cs each:n = Lang.MerchantNav ?><?cs if:!n.owner || User.Role == "owner" ?>
      <li><a href="<?cs var:n.href ?>"<?cs if:Page.Path == n.href || (n.href != "/merchant/" && string.slice(Page.Path, 0, string.length(n.href) + 1) == n.href + "/") ?> class="active" aria-current="page"<?cs /if ?>><?cs var:n.label ?></a></li>
    <?cs /if ?><?cs /each ?>
    </ul>
  </nav>
</header>
<main id="main" class="m-main">
<?cs call:flash() ?>
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
<footer class="m-footer"><?cs var:Lang.Merchant.Footer ?></footer>
<?cs else ?>
<body class="merchant merchant-bare">
<header class="m-bare-head">
  <a class="m-logo" href="/merchant/"><span class="m-logo-mark" aria-hidden="true">商</span><span class="m-logo-text"><?cs var:Lang.Merchant.Name ?></span></a>
  <?cs call:langsw() ?>
</header>
<main id="main" class="m-bare">
<?cs call:flash() ?>
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
<footer class="m-footer"><?cs var:Lang.Merchant.Footer ?></footer>
<?cs /if ?>
</body>
</html>
