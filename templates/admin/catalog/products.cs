<?cs # products.cs: B2 product list — search by name or id, filters, pagination, shelf switch per row ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.AdminCat.Product.Title ?></h1>
  <a class="btn btn-primary" href="/admin/products/new"><?cs var:Lang.AdminCat.Product.New ?></a></div>
<form class="filters toolbar cat-filters" method="get" action="/admin/products">
  <label><span class="sr-only"><?cs var:Lang.AdminCat.Product.Search ?></span><input type="search" name="q" maxlength="100" value="<?cs var:Form.Values.q ?>" placeholder="<?cs var:Lang.AdminCat.Product.SearchHint ?>"></label>
  <label><span class="sr-only"><?cs var:Lang.AdminCat.Field.category_id ?></span><select name="cat">
    <option value=""><?cs var:Lang.AdminCat.Product.AnyCategory ?></option>
    <?cs each:c = Categories ?><option value="<?cs var:c.id ?>"<?cs if:Form.Values.cat == c.id ?> selected<?cs /if ?>><?cs if:c.parent_id ?>　└ <?cs /if ?><?cs var:c.name_zh ?></option><?cs /each ?>
  </select></label>
  <label><span class="sr-only"><?cs var:Lang.AdminCat.Field.brand_id ?></span><select name="brand">
    <option value=""><?cs var:Lang.AdminCat.Product.AnyBrand ?></option>
    <?cs each:b = Brands ?><option value="<?cs var:b.id ?>"<?cs if:Form.Values.brand == b.id ?> selected<?cs /if ?>><?cs var:b.name_zh ?></option><?cs /each ?>
  </select></label>
  <label><span class="sr-only"><?cs var:Lang.AdminCat.Field.type ?></span><select name="type">
    <option value=""><?cs var:Lang.AdminCat.Product.AnyType ?></option>
    <?cs each:t = Lang.AdminCat.Type ?><option value="<?cs name:t ?>"<?cs if:Form.Values.type == name(t) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?>
  </select></label>
  <label><span class="sr-only"><?cs var:Lang.AdminCat.Product.Shelf ?></span><select name="shelf">
    <option value=""><?cs var:Lang.AdminCat.Product.AnyShelf ?></option>
    <option value="on"<?cs if:Form.Values.shelf == "on" ?> selected<?cs /if ?>><?cs var:Lang.AdminCat.Product.OnShelf ?></option>
    <option value="off"<?cs if:Form.Values.shelf == "off" ?> selected<?cs /if ?>><?cs var:Lang.AdminCat.Product.OffShelf ?></option>
  </select></label>
  <label class="check"><input type="checkbox" name="low" value="1"<?cs if:Form.Values.low ?> checked<?cs /if ?>> <?cs var:Lang.AdminCat.Product.LowStock ?> (≤ <?cs var:LowStock ?>)</label>
  <button class="btn" type="submit"><?cs var:Lang.AdminCat.Filter ?></button>
  <a class="btn-link" href="/admin/products"><?cs var:Lang.AdminCat.Reset ?></a>
</form>
<p class="muted"><?cs var:Lang.AdminCat.Total ?> <strong id="total"><?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?></strong></p>
<?cs if:subcount(Products) ?>
<div class="table-wrap"><table class="table" id="products">
  <thead><tr><th>ID</th><th><?cs var:Lang.AdminCat.Field.image ?></th><th><?cs var:Lang.AdminCat.Field.name_zh ?></th><th><?cs var:Lang.AdminCat.Field.type ?></th><th><?cs var:Lang.AdminCat.Field.category_id ?></th><th class="num"><?cs var:Lang.AdminCat.Field.points_price ?></th><th class="num"><?cs var:Lang.AdminCat.Field.cash_price ?></th><th class="num"><?cs var:Lang.AdminCat.Field.stock ?></th><th class="num"><?cs var:Lang.AdminCat.Product.Sales ?></th><th><?cs var:Lang.AdminCat.Product.Shelf ?></th><th><?cs var:Lang.AdminCat.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:p = Products ?>
  <tr data-id="<?cs var:p.id ?>">
    <td><?cs var:p.id ?></td>
    <td><?cs if:p.image ?><img class="cat-thumb" src="<?cs var:p.image ?>" alt="" width="48" height="48" loading="lazy"><?cs /if ?></td>
    <td><a href="/admin/products/<?cs var:url_escape(p.id) ?>"><?cs var:p.name_zh ?></a><?cs if:p.name_en ?><br><span class="muted"><?cs var:p.name_en ?></span><?cs /if ?></td>
    <td><?cs alt:Lang.AdminCat.Type[p.type] ?><?cs var:p.type ?><?cs /alt ?></td>
    <td><?cs var:p.category ?><?cs if:p.brand ?><br><span class="muted"><?cs var:p.brand ?></span><?cs /if ?></td>
    <td class="num"><?cs var:p.points_price ?></td>
    <td class="num"><?cs if:p.cash != "0.00" ?>¥<?cs var:p.cash ?><?cs else ?>—<?cs /if ?></td>
    <td class="num"><?cs if:p.stock <= LowStock ?><span class="badge badge-warn"><?cs var:p.stock ?></span><?cs else ?><?cs var:p.stock ?><?cs /if ?></td>
    <td class="num"><?cs var:p.sales ?></td>
    <td><?cs if:p.on_shelf == 1 ?><span class="badge badge-ok"><?cs var:Lang.AdminCat.Product.OnShelf ?></span><?cs else ?><span class="badge"><?cs var:Lang.AdminCat.Product.OffShelf ?></span><?cs /if ?></td>
    <td class="actions nowrap">
      <a class="btn btn-small" href="/admin/products/<?cs var:url_escape(p.id) ?>"><?cs var:Lang.AdminCat.Edit ?></a>
      <form class="inline" method="post" action="/admin/products/<?cs var:url_escape(p.id) ?>/shelf">
        <?cs call:csrf() ?><input type="hidden" name="from" value="list">
        <?cs if:p.on_shelf == 1 ?><input type="hidden" name="on" value="0"><button class="btn btn-small" type="submit"><?cs var:Lang.AdminCat.Product.TakeOff ?></button>
        <?cs else ?><input type="hidden" name="on" value="1"><button class="btn btn-small btn-primary" type="submit"><?cs var:Lang.AdminCat.Product.PutOn ?></button><?cs /if ?>
      </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(0) ?>
<?cs else ?>
<div class="empty-state"><?cs var:Lang.AdminCat.Product.Empty ?></div>
<?cs /if ?>
