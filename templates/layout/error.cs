<?cs # error.cs: error page body (400/403/404/…), shown inside the layout; leaks nothing ?>
<section class="container error-page">
  <div class="card error-card">
    <p class="error-code" aria-hidden="true"><?cs var:Page.Status ?></p>
    <h1><?cs var:Page.Title ?></h1>
    <p><?cs var:Page.ErrorText ?></p>
    <?cs if:subcount(Form.Errors) ?>
    <p class="muted"><?cs var:Lang.Error.Details ?></p>
    <ul class="error-list"><?cs each:e = Form.Errors ?><li><code><?cs name:e ?></code> <?cs var:e ?></li><?cs /each ?></ul>
    <?cs /if ?>
    <p class="error-actions"><a class="btn btn-primary" href="/"><?cs var:Lang.Error.Home ?></a> <a class="btn" href="/products"><?cs var:Lang.Error.Browse ?></a></p>
  </div>
</section>
