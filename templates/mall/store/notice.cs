<?cs # notice.cs: S6 one announcement ?>
<div class="container narrow">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><a href="/notices"><?cs var:Lang.Store.Notices.Title ?></a></nav>
<article class="card article">
  <h1><?cs var:Notice.0.title ?></h1>
  <p class="muted"><?cs if:Notice.0.pinned == 1 ?><span class="badge badge-hot"><?cs var:Lang.Store.Notices.Pinned ?></span> <?cs /if ?><?cs var:Lang.Store.Notices.Published ?> <time><?cs var:Notice.0.date ?></time></p>
  <div class="article-body"><?cs var:Notice.0.body ?></div>
  <p><a class="btn" href="/notices">‹ <?cs var:Lang.Store.Notices.Back ?></a></p>
</article>
</div>
