<!doctype html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs /if ?><?cs var:Lang.Site.Name ?></title>
<link rel="stylesheet" href="/css/mall.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/"><?cs var:Lang.Site.Name ?></a>
  <nav class="user-nav">
  <?cs if:User.Masked ?>
    <span class="user-mobile"><?cs var:User.Masked ?></span>
    <span class="user-points"><?cs var:Lang.Site.Points ?> <strong><?cs var:User.Points ?></strong></span>
  <?cs else ?>
    <a href="/login"><?cs var:Lang.Site.Login ?></a>
  <?cs /if ?>
    <a class="lang-switch" href="/lang?to=<?cs var:Page.OtherLang ?>&amp;next=<?cs var:url_escape(Page.Uri) ?>"><?cs var:Lang.Site.OtherLang ?></a>
  </nav>
</header>
<main id="main">
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
<footer class="site-footer"><?cs var:Lang.Site.Footer ?></footer>
</body>
</html>
