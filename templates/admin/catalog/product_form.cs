<?cs # product_form.cs: B2 new / edit product — every field validated on the server, messages beside the fields ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/products"><?cs var:Lang.AdminCat.Product.Title ?></a> / <?cs if:Product.Id ?><?cs var:Product.Row.0.name_zh ?><?cs else ?><?cs var:Lang.AdminCat.Product.NewTitle ?><?cs /if ?></p>
<div class="page-head"><h1><?cs if:Product.Id ?><?cs var:Lang.AdminCat.Product.EditTitle ?> #<?cs var:Product.Id ?><?cs else ?><?cs var:Lang.AdminCat.Product.NewTitle ?><?cs /if ?></h1>
<?cs if:Product.Id ?>
  <div class="toolbar">
    <?cs if:Product.Row.0.on_shelf == 1 ?><span class="badge badge-ok" id="shelf-state"><?cs var:Lang.AdminCat.Product.OnShelf ?></span>
      <a class="btn btn-small" href="/product/<?cs var:url_escape(Product.Id) ?>"><?cs var:Lang.AdminCat.Product.View ?></a>
    <?cs else ?><span class="badge" id="shelf-state"><?cs var:Lang.AdminCat.Product.OffShelf ?></span><?cs /if ?>
    <form class="inline" method="post" action="/admin/products/<?cs var:url_escape(Product.Id) ?>/shelf">
      <?cs call:csrf() ?>
      <?cs if:Product.Row.0.on_shelf == 1 ?><input type="hidden" name="on" value="0"><button class="btn" type="submit"><?cs var:Lang.AdminCat.Product.TakeOff ?></button>
      <?cs else ?><input type="hidden" name="on" value="1"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Product.PutOn ?></button><?cs /if ?>
    </form>
    <?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=product&amp;entity_id=<?cs var:url_escape(Product.Id) ?>"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?>
  </div>
<?cs /if ?>
</div>
<form class="form card cat-form product-form" method="post" enctype="multipart/form-data" action="/admin/products<?cs if:Product.Id ?>/<?cs var:url_escape(Product.Id) ?><?cs /if ?>" novalidate>
  <?cs call:csrf() ?>
  <fieldset><legend><?cs var:Lang.AdminCat.Product.Basics ?></legend>
  <div class="form-row is-required<?cs if:Form.Errors.type ?> has-error<?cs /if ?>">
    <span class="label"><?cs var:Lang.AdminCat.Field.type ?></span>
    <div class="cat-choices" id="f-type" role="radiogroup">
    <?cs each:t = Lang.AdminCat.Type ?><label class="check"><input type="radio" name="type" value="<?cs name:t ?>"<?cs if:Form.Values.type == name(t) ?> checked<?cs /if ?>> <?cs var:t ?></label><?cs /each ?>
    </div>
    <?cs call:ferr(Form.Errors.type, "type", Lang.AdminCat.Hint.type) ?>
  </div>
  <div class="form-row is-required<?cs if:Form.Errors.category_id ?> has-error<?cs /if ?>">
    <label for="f-category_id"><?cs var:Lang.AdminCat.Field.category_id ?></label>
    <select id="f-category_id" name="category_id" required<?cs call:aria(Form.Errors.category_id, "category_id", "") ?>>
      <option value=""><?cs var:Lang.AdminCat.Pick ?></option>
      <?cs each:c = Categories ?><?cs if:!c.parent_id ?><?cs if:name(c) != "0" ?></optgroup><?cs /if ?><optgroup label="<?cs var:c.name_zh ?>"><?cs /if ?><option value="<?cs var:c.id ?>"<?cs if:Form.Values.category_id == c.id ?> selected<?cs /if ?>><?cs if:c.parent_id ?><?cs var:c.name_zh ?><?cs else ?><?cs var:c.name_zh ?> (<?cs var:Lang.AdminCat.Category.TopLevel ?>)<?cs /if ?></option><?cs /each ?><?cs if:subcount(Categories) ?></optgroup><?cs /if ?>
    </select>
    <?cs call:ferr(Form.Errors.category_id, "category_id", "") ?>
  </div>
  <div class="grid">
  <div class="form-row<?cs if:Form.Errors.brand_id ?> has-error<?cs /if ?>">
    <label for="f-brand_id"><?cs var:Lang.AdminCat.Field.brand_id ?></label>
    <select id="f-brand_id" name="brand_id"<?cs call:aria(Form.Errors.brand_id, "brand_id", "") ?>>
      <option value=""><?cs var:Lang.AdminCat.None ?></option>
      <?cs each:b = Brands ?><option value="<?cs var:b.id ?>"<?cs if:Form.Values.brand_id == b.id ?> selected<?cs /if ?>><?cs var:b.name_zh ?></option><?cs /each ?>
    </select>
    <?cs call:ferr(Form.Errors.brand_id, "brand_id", "") ?>
  </div>
  <div class="form-row<?cs if:Form.Errors.merchant_id ?> has-error<?cs /if ?>">
    <label for="f-merchant_id"><?cs var:Lang.AdminCat.Field.merchant_id ?></label>
    <select id="f-merchant_id" name="merchant_id"<?cs call:aria(Form.Errors.merchant_id, "merchant_id", Lang.AdminCat.Hint.merchant_id) ?>>
      <option value=""><?cs var:Lang.AdminCat.None ?></option>
      <?cs each:m = Merchants ?><option value="<?cs var:m.id ?>"<?cs if:Form.Values.merchant_id == m.id ?> selected<?cs /if ?>><?cs var:m.name ?></option><?cs /each ?>
    </select>
    <?cs call:ferr(Form.Errors.merchant_id, "merchant_id", Lang.AdminCat.Hint.merchant_id) ?>
  </div>
  </div>
  <div class="grid">
  <?cs call:field("name_zh", Lang.AdminCat.Field.name_zh, "text", "", 120, 1, "") ?>
  <?cs call:field("name_en", Lang.AdminCat.Field.name_en, "text", "", 160, 0, "") ?>
  <?cs call:field("summary_zh", Lang.AdminCat.Field.summary_zh, "text", "", 255, 0, "") ?>
  <?cs call:field("summary_en", Lang.AdminCat.Field.summary_en, "text", "", 255, 0, "") ?>
  </div>
  </fieldset>
  <fieldset><legend><?cs var:Lang.AdminCat.Product.PriceStock ?></legend>
  <div class="grid">
  <?cs call:field("points_price", Lang.AdminCat.Field.points_price, "text", "", 10, 1, Lang.AdminCat.Hint.points_price) ?>
  <?cs call:field("cash_price", Lang.AdminCat.Field.cash_price, "text", "", 20, 0, Lang.AdminCat.Hint.cash_price) ?>
  <?cs if:Product.Id ?><?cs call:field("stock", Lang.AdminCat.Field.stock, "text", "", 9, 1, Lang.AdminCat.Hint.stock_edit) ?><?cs
  else ?><?cs call:field("stock", Lang.AdminCat.Field.stock, "text", "", 9, 1, Lang.AdminCat.Hint.stock) ?><?cs /if ?>
  <?cs call:field("per_member_limit", Lang.AdminCat.Field.per_member_limit, "text", "", 6, 0, Lang.AdminCat.Hint.per_member_limit) ?>
  <?cs call:field("member_day_cap", Lang.AdminCat.Field.member_day_cap_product, "text", "", 6, 0, Lang.AdminCat.Hint.member_day_cap_product) ?>
  </div>
  <?cs if:Product.Id ?><input type="hidden" name="stock_was" value="<?cs var:Form.Values.stock_was ?>">
  <p class="muted"><?cs var:Lang.AdminCat.Product.StockFacts ?> <strong><?cs var:Product.Row.0.initial_stock ?></strong> / <strong id="stock-taken"><?cs var:Product.Row.0.taken ?></strong></p><?cs /if ?>
  </fieldset>
  <fieldset><legend><?cs var:Lang.AdminCat.Product.Details ?></legend>
  <?cs call:area("description_zh", Lang.AdminCat.Field.description_zh, 6, 20000, 0, "") ?>
  <?cs call:area("description_en", Lang.AdminCat.Field.description_en, 6, 20000, 0, "") ?>
  <?cs call:upload("image_file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <?cs if:!Product.Id ?>
  <div class="form-row"><label class="check"><input type="checkbox" name="on_shelf" value="1"<?cs if:Form.Values.on_shelf ?> checked<?cs /if ?>> <?cs var:Lang.AdminCat.Product.PutOnNow ?></label></div>
  <?cs /if ?>
  </fieldset>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Save ?></button> <a class="btn-link" href="/admin/products"><?cs var:Lang.AdminCat.Cancel ?></a></div>
</form>
<?cs if:Product.Id ?>
<section class="card" id="images">
  <h2><?cs var:Lang.AdminCat.Product.Images ?></h2>
  <?cs if:subcount(Images) ?>
  <ul class="cat-images">
  <?cs each:i = Images ?>
    <li><img src="<?cs var:i.url ?>" alt="" width="120" height="120"><?cs if:i.url == Product.Row.0.image ?><span class="badge badge-info"><?cs var:Lang.AdminCat.Product.MainImage ?></span><?cs /if ?>
      <form method="post" action="/admin/products/<?cs var:url_escape(Product.Id) ?>/images/<?cs var:url_escape(i.id) ?>/delete">
        <?cs call:csrf() ?><button class="btn btn-small btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmDelete ?>"><?cs var:Lang.AdminCat.Remove ?></button>
      </form></li>
  <?cs /each ?>
  </ul>
  <?cs else ?><p class="empty-state"><?cs var:Lang.AdminCat.Product.NoImages ?></p><?cs /if ?>
</section>
<?cs /if ?>
