<?cs # admin.cs: back-office layout — top bar (user, role, language, sign-out), role-aware left nav, content ?>
<?cs include:"layout/macros.cs" ?>
<?cs if:Page.Refresh ?><?cs call:livehead(Lang.Admin.Name) ?><?cs else ?><?cs call:head(Lang.Admin.Name, "admin", "confirm", 1) ?><?cs /if ?>
<?cs if:Page.Wall ?>
<body class="admin wall">
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
<?cs elif:User.Name && !Page.Bare ?>
<body class="admin">
<a class="skip-link" href="#main"><?cs var:Lang.Admin.SkipToContent ?></a>
<header class="admin-header">
  <a class="admin-logo" href="/admin/"><span class="admin-logo-mark" aria-hidden="true">积</span><span class="admin-logo-text"><?cs var:Lang.Admin.Name ?></span></a>
  <div class="admin-header-right">
    <a class="admin-storefront" href="/"><?cs var:Lang.Admin.Storefront ?></a>
    <?cs call:langsw() ?>
    <span class="admin-user"><strong><?cs var:User.Name ?></strong><span class="badge badge-info role"><?cs alt:Lang.Admin.Role[User.Role] ?><?cs var:User.Role ?><?cs /alt ?></span></span>
    <form method="post" action="/admin/logout"><?cs call:csrf() ?><button class="btn btn-small" type="submit"><?cs var:Lang.Admin.Logout ?></button></form>
  </div>
</header>
<div class="admin-shell">
<nav class="admin-nav" aria-label="<?cs var:Lang.Admin.NavLabel ?>">
  <ul>
  <?cs each:n = User.Nav ?>
    <?cs if:n.group ?><li class="nav-group"><?cs var:Lang.Admin.NavGroup[n.group] ?></li><?cs /if ?>
    <li><a href="<?cs var:n.href ?>"<?cs if:Page.Path == n.href || (n.href != "/admin/" && string.slice(Page.Path, 0, string.length(n.href) + 1) == n.href + "/") ?> class="active" aria-current="page"<?cs /if ?>><?cs alt:Lang.Admin.Nav[n.key] ?><?cs var:n.key ?><?cs /alt ?></a></li>
  <?cs /each ?>
  </ul>
</nav>
<main id="main" class="admin-main">
<?cs call:flash() ?>
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
</div>
<?cs else ?>
<body class="admin admin-login">
<main id="main">
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
<?cs /if ?>
</body>
</html>
