<!doctype html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs /if ?><?cs var:Lang.Merchant.Name ?></title>
<link rel="stylesheet" href="/css/merchant.css">
</head>
<body class="merchant">
<header class="merchant-header">
  <a class="merchant-logo" href="/merchant/"><?cs var:Lang.Merchant.Name ?></a>
  <?cs if:User.Name ?><span class="merchant-user"><?cs var:User.Merchant ?> · <?cs var:User.Name ?></span><?cs /if ?>
</header>
<main id="main" class="merchant-main">
<?cs if:Page.Flash ?><p class="flash"><?cs var:Page.Flash ?></p><?cs /if ?>
<?cs # Page.Body is HTML this program rendered from escaped templates (see render_page). ?>
<?cs uvar:Page.Body ?>
</main>
</body>
</html>
