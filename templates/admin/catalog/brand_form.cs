<?cs # brand_form.cs: B2 new / edit brand ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/brands"><?cs var:Lang.AdminCat.Brand.Title ?></a> / <?cs if:Brand.Id ?><?cs var:Lang.AdminCat.Brand.EditTitle ?> #<?cs var:Brand.Id ?><?cs else ?><?cs var:Lang.AdminCat.Brand.NewTitle ?><?cs /if ?></p>
<h1><?cs if:Brand.Id ?><?cs var:Lang.AdminCat.Brand.EditTitle ?><?cs else ?><?cs var:Lang.AdminCat.Brand.NewTitle ?><?cs /if ?></h1>
<form class="form card cat-form" method="post" enctype="multipart/form-data" action="/admin/brands<?cs if:Brand.Id ?>/<?cs var:url_escape(Brand.Id) ?><?cs /if ?>" novalidate>
  <?cs call:csrf() ?>
  <?cs call:field("name_zh", Lang.AdminCat.Field.name_zh, "text", "", 64, 1, "") ?>
  <?cs call:field("name_en", Lang.AdminCat.Field.name_en, "text", "", 64, 0, "") ?>
  <?cs call:field("logo", Lang.AdminCat.Field.logo, "text", "", 200, 0, Lang.AdminCat.Hint.image) ?>
  <?cs call:upload("logo_file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <?cs call:field("sort", Lang.AdminCat.Field.sort, "number", "", 6, 0, Lang.AdminCat.Hint.sort) ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Save ?></button> <a class="btn-link" href="/admin/brands"><?cs var:Lang.AdminCat.Cancel ?></a></div>
</form>
