<!doctype html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs /if ?><?cs var:Lang.Admin.Name ?></title>
<link rel="stylesheet" href="/css/admin.css">
</head>
<body class="admin">
<header class="admin-header">
  <a class="admin-logo" href="/admin/"><?cs var:Lang.Admin.Name ?></a>
  <?cs if:User.Name ?><span class="admin-user"><?cs var:User.Name ?> · <?cs var:User.Role ?></span><?cs /if ?>
</header>
<main id="main" class="admin-main">
<?cs if:Page.Flash ?><p class="flash"><?cs var:Page.Flash ?></p><?cs /if ?>
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
</body>
</html>
