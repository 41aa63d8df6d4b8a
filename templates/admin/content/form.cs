<?cs # form.cs: B3 new / edit form for one kind of content, drawn from the field list the handler describes ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="<?cs var:Kind.Path ?>"><?cs var:Kind.Title ?></a> / <?cs var:Page.Title ?><?cs if:Kind.Id ?> #<?cs var:Kind.Id ?><?cs /if ?></p>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<?cs if:Kind.Id && Kind.Path == "/admin/activities" ?><a class="btn btn-small" id="activity-coupons" href="/admin/coupons/new?activity_id=<?cs var:url_escape(Kind.Id) ?>"><?cs var:Lang.AdminCoupons.New ?></a><?cs /if ?>
<?cs if:Kind.Id && Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=<?cs var:url_escape(Kind.Entity) ?>&amp;entity_id=<?cs var:url_escape(Kind.Id) ?>"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<form class="form card cat-form" method="post" enctype="multipart/form-data" action="<?cs var:Kind.Path ?><?cs if:Kind.Id ?>/<?cs var:url_escape(Kind.Id) ?><?cs /if ?>" novalidate>
  <?cs call:csrf() ?>
  <?cs each:f = Fields ?>
  <?cs if:f.type == "str" || f.type == "int" || f.type == "link" ?>
    <?cs call:field(f.name, Lang.AdminCat.Field[f.name], "text", "", f.max, f.required, Lang.AdminCat.Hint[f.name]) ?>
  <?cs elif:f.type == "time" ?>
    <?cs call:field(f.name, Lang.AdminCat.Field[f.name], "datetime-local", "", "", f.required, Lang.AdminCat.Hint.time) ?>
  <?cs elif:f.type == "text" || f.type == "products" ?>
    <?cs call:area(f.name, Lang.AdminCat.Field[f.name], 6, f.max, f.required, Lang.AdminCat.Hint[f.name]) ?>
  <?cs elif:f.type == "bool" ?>
    <div class="form-row"><label class="check"><input type="checkbox" name="<?cs var:f.name ?>" value="1"<?cs if:Form.Values[f.name] ?> checked<?cs /if ?>> <?cs var:Lang.AdminCat.Field[f.name] ?></label></div>
  <?cs elif:f.type == "enum" ?>
    <div class="form-row<?cs if:Form.Errors[f.name] ?> has-error<?cs /if ?>">
      <label for="f-<?cs var:f.name ?>"><?cs var:Lang.AdminCat.Field[f.name] ?></label>
      <select id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>">
      <?cs each:o = f.Options ?><option value="<?cs var:o ?>"<?cs if:Form.Values[f.name] == o ?> selected<?cs /if ?>><?cs alt:Lang.AdminCat.Option[o] ?><?cs var:o ?><?cs /alt ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors[f.name], f.name, "") ?>
    </div>
  <?cs elif:f.type == "image" ?>
    <?cs if:Form.Values[f.name] && !Form.Errors[f.name] ?><p><img class="cat-preview" src="<?cs var:Form.Values[f.name] ?>" alt="" width="240"></p><?cs /if ?>
    <?cs call:field(f.name, Lang.AdminCat.Field[f.name], "text", "", f.max, f.required, Lang.AdminCat.Hint.image) ?>
    <?cs call:upload(f.name + "_file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <?cs /if ?>
  <?cs /each ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Save ?></button> <a class="btn-link" href="<?cs var:Kind.Path ?>"><?cs var:Lang.AdminCat.Cancel ?></a></div>
</form>
