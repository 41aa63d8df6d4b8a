<?cs # list.cs: B3 one kind of content (announcements, banners, ads, activities) — state, window, edit, delete ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Kind.Title ?></h1>
  <a class="btn btn-primary" href="<?cs var:Kind.Path ?>/new"><?cs var:Kind.New ?></a></div>
<?cs if:subcount(Rows) ?>
<div class="table-wrap"><table class="table" id="content-list">
  <thead><tr><th>ID</th><?cs if:Kind.Entity != "notice" ?><th><?cs var:Lang.AdminCat.Field.image ?></th><?cs /if ?><th><?cs var:Lang.AdminCat.Field.title_zh ?></th><th><?cs var:Lang.AdminCat.Content.Info[Kind.Entity] ?></th><th><?cs var:Lang.AdminCat.Content.State ?></th><th><?cs var:Lang.AdminCat.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:c = Rows ?>
  <tr data-id="<?cs var:c.id ?>">
    <td><?cs var:c.id ?></td>
    <?cs if:Kind.Entity != "notice" ?><td><?cs if:c.image ?><img class="cat-thumb" src="<?cs var:c.image ?>" alt="" width="64" height="40" loading="lazy"><?cs /if ?></td><?cs /if ?>
    <td><a href="<?cs var:Kind.Path ?>/<?cs var:url_escape(c.id) ?>"><?cs var:c.title ?></a><?cs if:c.pinned == 1 ?> <span class="badge badge-info"><?cs var:Lang.AdminCat.Field.pinned ?></span><?cs /if ?></td>
    <td class="muted"><?cs var:c.info ?></td>
    <td><span class="badge badge-<?cs if:c.state == "live" ?>ok<?cs elif:c.state == "scheduled" ?>warn<?cs else ?>danger<?cs /if ?>"><?cs var:Lang.AdminCat.State[c.state] ?></span></td>
    <td class="actions nowrap"><a class="btn btn-small" href="<?cs var:Kind.Path ?>/<?cs var:url_escape(c.id) ?>"><?cs var:Lang.AdminCat.Edit ?></a>
      <form class="inline" method="post" action="<?cs var:Kind.Path ?>/<?cs var:url_escape(c.id) ?>/delete">
        <?cs call:csrf() ?><button class="btn btn-small btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmDelete ?>"><?cs var:Lang.AdminCat.Delete ?></button></form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(0) ?>
<?cs else ?><div class="empty-state"><?cs var:Kind.Empty ?></div><?cs /if ?>
