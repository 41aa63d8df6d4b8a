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
    <?cs # The way back: to the form (a stale form), to the page the visitor came from (a refused permission), to
           this program's home (Page.HomeUrl: /, /admin/, /merchant/) ?>
    <p class="error-actions"><?cs
      if:Page.FormUrl ?><a class="btn btn-primary" href="<?cs var:Page.FormUrl ?>"><?cs var:Lang.Error.BackToForm ?></a> <?cs
      elif:Page.BackUrl ?><a class="btn btn-primary" href="<?cs var:Page.BackUrl ?>"><?cs var:Lang.Error.Back ?></a> <?cs /if ?><a class="btn<?cs
      if:!Page.FormUrl && !Page.BackUrl ?> btn-primary<?cs /if ?>" href="<?cs alt:Page.HomeUrl ?>/<?cs /alt ?>"><?cs var:Lang.Error.Home ?></a><?cs
      if:!Page.HomeUrl || Page.HomeUrl == "/" ?> <a class="btn" href="/products"><?cs var:Lang.Error.Browse ?></a><?cs /if ?></p>
  </div>
</section>
