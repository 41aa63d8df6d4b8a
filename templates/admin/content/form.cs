<?cs # form.cs: B3 new / edit form for one kind of content, drawn from the field list the handler describes ?>
<?cs include:"admin/catalog/macros.cs" ?>
<p class="breadcrumb"><a href="<?cs var:Kind.Path ?>"><?cs var:Kind.Title ?></a> / <?cs var:Page.Title ?><?cs if:Kind.Id ?> #<?cs var:Kind.Id ?><?cs /if ?></p>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<?cs if:Kind.Id && Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=<?cs var:url_escape(Kind.Entity) ?>&amp;entity_id=<?cs var:url_escape(Kind.Id) ?>"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<form class="form card cat-form" method="post" enctype="multipart/form-data" action="<?cs var:Kind.Path ?><?cs if:Kind.Id ?>/<?cs var:url_escape(Kind.Id) ?><?cs /if ?>" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <?cs each:f = Fields ?>
  <?cs if:f.type == "str" || f.type == "int" || f.type == "link" ?>
    <?cs call:cinput(f.name, Lang.AdminCat.Field[f.name], "text", f.max, Lang.AdminCat.Hint[f.name], f.required) ?>
  <?cs elif:f.type == "time" ?>
    <?cs call:cinput(f.name, Lang.AdminCat.Field[f.name], "datetime-local", "", Lang.AdminCat.Hint.time, f.required) ?>
  <?cs elif:f.type == "text" || f.type == "products" ?>
    <?cs call:ctext(f.name, Lang.AdminCat.Field[f.name], f.max, Lang.AdminCat.Hint[f.name], f.required) ?>
  <?cs elif:f.type == "bool" ?>
    <div class="row"><label class="check"><input type="checkbox" name="<?cs var:f.name ?>" value="1"<?cs if:Form.Values[f.name] ?> checked<?cs /if ?>> <?cs var:Lang.AdminCat.Field[f.name] ?></label></div>
  <?cs elif:f.type == "enum" ?>
    <div class="row<?cs if:Form.Errors[f.name] ?> has-error<?cs /if ?>">
      <label for="f-<?cs var:f.name ?>"><?cs var:Lang.AdminCat.Field[f.name] ?></label>
      <select id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>">
      <?cs each:o = f.Options ?><option value="<?cs var:o ?>"<?cs if:Form.Values[f.name] == o ?> selected<?cs /if ?>><?cs alt:Lang.AdminCat.Option[o] ?><?cs var:o ?><?cs /alt ?></option><?cs /each ?>
      </select>
      <?cs call:cerr(f.name, "") ?>
    </div>
  <?cs elif:f.type == "image" ?>
    <?cs if:Form.Values[f.name] && !Form.Errors[f.name] ?><p><img class="cat-preview" src="<?cs var:Form.Values[f.name] ?>" alt="" width="240"></p><?cs /if ?>
    <?cs call:cinput(f.name, Lang.AdminCat.Field[f.name], "text", f.max, Lang.AdminCat.Hint.image, f.required) ?>
    <?cs call:cfile(f.name + "_file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <?cs /if ?>
  <?cs /each ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Save ?></button> <a class="btn-link" href="<?cs var:Kind.Path ?>"><?cs var:Lang.AdminCat.Cancel ?></a></div>
</form>
