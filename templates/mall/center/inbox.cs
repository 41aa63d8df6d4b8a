<?cs # inbox.cs: A9 notifications — newest first, unread highlighted, mark one or all as read ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <div class="section-head"><h1 class="page-title"><?cs var:Lang.Center.Inbox.Title ?><?cs if:Center.Unread > 0 ?> <span class="badge badge-hot unread-count"><?cs alt:Center.UnreadText ?><?cs var:Center.Unread ?><?cs /alt ?> <?cs var:Lang.Center.Inbox.UnreadCount ?></span><?cs /if ?></h1>
  <?cs if:Center.Unread > 0 ?><form method="post" action="/inbox/read-all"><?cs call:csrf() ?><button class="btn btn-small btn-outline" type="submit"><?cs var:Lang.Center.Inbox.MarkAll ?></button></form><?cs /if ?></div>
  <?cs call:notice("ok") ?>
  <section class="card">
  <?cs if:subcount(Inbox) ?>
    <ul class="inbox-list">
    <?cs each:n = Inbox ?>
      <li class="inbox-item<?cs if:n.unread == 1 ?> is-unread<?cs /if ?>">
        <div class="thread-head"><?cs if:n.unread == 1 ?><span class="badge badge-hot"><?cs var:Lang.Center.Inbox.Unread ?></span> <?cs /if ?><strong><?cs var:n.title ?></strong> <time class="muted"><?cs var:n.time ?></time></div>
        <?cs if:n.body ?><p class="thread-text"><?cs var:n.body ?></p><?cs /if ?>
        <div class="inbox-actions">
          <?cs if:n.link && string.slice(n.link, 0, 1) == "/" && string.slice(n.link, 0, 2) != "//" ?><a class="btn-link" href="<?cs var:n.link ?>"><?cs var:Lang.Center.Inbox.Open ?></a><?cs /if ?>
          <?cs if:n.unread == 1 ?><form class="inline-form" method="post" action="/inbox/<?cs var:n.id ?>/read"><?cs call:csrf() ?><button class="btn-link" type="submit"><?cs var:Lang.Center.Inbox.MarkRead ?></button></form><?cs /if ?>
        </div>
      </li>
    <?cs /each ?>
    </ul>
    <?cs call:pager(0) ?>
  <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Inbox.None ?></div><?cs /if ?>
  </section>
</section>
</div>
