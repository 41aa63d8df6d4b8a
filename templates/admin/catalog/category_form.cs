<?cs # category_form.cs: B2 new / edit category — a parent must be a top-level category ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/categories"><?cs var:Lang.AdminCat.Category.Title ?></a> / <?cs if:Category.Id ?><?cs var:Lang.AdminCat.Category.EditTitle ?> #<?cs var:Category.Id ?><?cs else ?><?cs var:Lang.AdminCat.Category.NewTitle ?><?cs /if ?></p>
<h1><?cs if:Category.Id ?><?cs var:Lang.AdminCat.Category.EditTitle ?><?cs else ?><?cs var:Lang.AdminCat.Category.NewTitle ?><?cs /if ?></h1>
<form class="form card cat-form" method="post" enctype="multipart/form-data" action="/admin/categories<?cs if:Category.Id ?>/<?cs var:url_escape(Category.Id) ?><?cs /if ?>" novalidate>
  <?cs call:csrf() ?>
  <div class="form-row<?cs if:Form.Errors.parent_id ?> has-error<?cs /if ?>">
    <label for="f-parent_id"><?cs var:Lang.AdminCat.Field.parent_id ?></label>
    <select id="f-parent_id" name="parent_id"<?cs call:aria(Form.Errors.parent_id, "parent_id", Lang.AdminCat.Hint.parent_id) ?>>
      <option value=""><?cs var:Lang.AdminCat.Category.TopLevel ?></option>
      <?cs each:c = Categories ?><?cs if:!c.parent_id && c.id != Category.Id ?><option value="<?cs var:c.id ?>"<?cs if:Form.Values.parent_id == c.id ?> selected<?cs /if ?>><?cs var:c.name_zh ?></option><?cs /if ?><?cs /each ?>
    </select>
    <?cs call:ferr(Form.Errors.parent_id, "parent_id", Lang.AdminCat.Hint.parent_id) ?>
  </div>
  <?cs call:field("name_zh", Lang.AdminCat.Field.name_zh, "text", "", 64, 1, "") ?>
  <?cs call:field("name_en", Lang.AdminCat.Field.name_en, "text", "", 64, 0, "") ?>
  <?cs call:field("icon", Lang.AdminCat.Field.icon, "text", "", 200, 0, Lang.AdminCat.Hint.image) ?>
  <?cs call:upload("icon_file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <?cs call:field("sort", Lang.AdminCat.Field.sort, "number", "", 6, 0, Lang.AdminCat.Hint.sort) ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Save ?></button> <a class="btn-link" href="/admin/categories"><?cs var:Lang.AdminCat.Cancel ?></a></div>
</form>
