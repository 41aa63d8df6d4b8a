<?cs # brands.cs: B2 brand list with product counts; delete only when no product uses the brand ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.AdminCat.Brand.Title ?></h1>
  <a class="btn btn-primary" href="/admin/brands/new"><?cs var:Lang.AdminCat.Brand.New ?></a></div>
<?cs if:subcount(Brands) ?>
<div class="table-wrap"><table class="table" id="brands">
  <thead><tr><th>ID</th><th><?cs var:Lang.AdminCat.Field.logo ?></th><th><?cs var:Lang.AdminCat.Field.name_zh ?></th><th><?cs var:Lang.AdminCat.Field.name_en ?></th><th class="num"><?cs var:Lang.AdminCat.Field.sort ?></th><th class="num"><?cs var:Lang.AdminCat.Category.Products ?></th><th><?cs var:Lang.AdminCat.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:b = Brands ?>
  <tr data-id="<?cs var:b.id ?>">
    <td><?cs var:b.id ?></td>
    <td><?cs if:b.logo ?><img class="cat-thumb" src="<?cs var:b.logo ?>" alt="" width="48" height="48" loading="lazy"><?cs /if ?></td>
    <td><?cs var:b.name_zh ?></td><td><?cs var:b.name_en ?></td>
    <td class="num"><?cs var:b.sort ?></td>
    <td class="num"><a href="/admin/products?brand=<?cs var:url_escape(b.id) ?>"><?cs var:b.products ?></a></td>
    <td class="actions nowrap"><a class="btn btn-small" href="/admin/brands/<?cs var:url_escape(b.id) ?>"><?cs var:Lang.AdminCat.Edit ?></a>
      <?cs if:b.products == 0 ?>
      <form class="inline" method="post" action="/admin/brands/<?cs var:url_escape(b.id) ?>/delete">
        <?cs call:csrf() ?><button class="btn btn-small btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmDelete ?>"><?cs var:Lang.AdminCat.Delete ?></button></form>
      <?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs else ?><div class="empty-state"><?cs var:Lang.AdminCat.Brand.Empty ?></div><?cs /if ?>
