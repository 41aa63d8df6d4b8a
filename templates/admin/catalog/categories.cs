<?cs # categories.cs: B2 the two-level category tree with product / sub-category counts; delete only when unused ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.AdminCat.Category.Title ?></h1>
  <a class="btn btn-primary" href="/admin/categories/new"><?cs var:Lang.AdminCat.Category.New ?></a></div>
<p class="muted"><?cs var:Lang.AdminCat.Category.Rule ?></p>
<?cs if:subcount(Categories) ?>
<div class="table-wrap"><table class="table" id="categories">
  <thead><tr><th>ID</th><th><?cs var:Lang.AdminCat.Field.name_zh ?></th><th><?cs var:Lang.AdminCat.Field.name_en ?></th><th class="num"><?cs var:Lang.AdminCat.Field.sort ?></th><th class="num"><?cs var:Lang.AdminCat.Category.Products ?></th><th class="num"><?cs var:Lang.AdminCat.Category.Children ?></th><th><?cs var:Lang.AdminCat.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:c = Categories ?>
  <tr data-id="<?cs var:c.id ?>"<?cs if:!c.parent_id ?> class="cat-group"<?cs /if ?>>
    <td><?cs var:c.id ?></td>
    <td><?cs if:c.parent_id ?><span class="muted" aria-hidden="true">└ </span><?cs else ?><strong><?cs /if ?><?cs var:c.name_zh ?><?cs if:!c.parent_id ?></strong><?cs /if ?></td>
    <td><?cs var:c.name_en ?></td>
    <td class="num"><?cs var:c.sort ?></td>
    <td class="num"><a href="/admin/products?cat=<?cs var:url_escape(c.id) ?>"><?cs var:c.products ?></a></td>
    <td class="num"><?cs var:c.children ?></td>
    <td class="actions nowrap"><a class="btn btn-small" href="/admin/categories/<?cs var:url_escape(c.id) ?>"><?cs var:Lang.AdminCat.Edit ?></a>
      <?cs if:c.products == 0 && c.children == 0 ?>
      <form class="inline" method="post" action="/admin/categories/<?cs var:url_escape(c.id) ?>/delete">
        <?cs call:csrf() ?><button class="btn btn-small btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmDelete ?>"><?cs var:Lang.AdminCat.Delete ?></button></form>
      <?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><div class="empty-state"><?cs var:Lang.AdminCat.Category.Empty ?></div><?cs /if ?>
