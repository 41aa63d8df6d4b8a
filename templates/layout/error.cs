<section class="error-page">
  <h1><?cs var:Page.Status ?> · <?cs var:Page.Title ?></h1>
  <p><?cs var:Page.ErrorText ?></p>
  <p><a class="btn" href="/"><?cs var:Lang.Error.Home ?></a></p>
</section>
