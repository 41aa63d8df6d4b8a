<?cs # notices.cs: S6 announcement list, pinned first ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container narrow">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><?cs var:Lang.Store.Notices.Title ?></nav>
<h1 class="page-title"><?cs var:Lang.Store.Notices.Title ?></h1>
<?cs if:subcount(Notices) ?>
<ul class="card list notice-list">
<?cs each:n = Notices ?><li><a href="/notice/<?cs var:n.id ?>"><span class="list-title"><?cs if:n.pinned == 1 ?><span class="badge badge-hot"><?cs var:Lang.Store.Notices.Pinned ?></span><?cs /if ?><?cs var:n.title ?></span><time class="muted"><?cs var:n.date ?></time></a></li><?cs /each ?>
</ul>
<?cs call:pager(0) ?>
<?cs else ?><div class="empty-state"><?cs var:Lang.Store.Notices.Empty ?></div><?cs /if ?>
</div>
