<?cs # uploads.cs: upload one image (JPEG / PNG / WebP, checked by content) and get its address for banners, ads, logos ?>
<?cs include:"layout/macros.cs" ?>
<h1><?cs var:Lang.AdminCat.Upload.Title ?></h1>
<?cs if:Upload.Url ?>
<section class="card" id="uploaded">
  <p><?cs var:Lang.AdminCat.Upload.Address ?> <code id="upload-url"><?cs var:Upload.Url ?></code></p>
  <img src="<?cs var:Upload.Url ?>" alt="" width="240">
</section>
<?cs /if ?>
<form class="form card cat-form" method="post" enctype="multipart/form-data" action="/admin/uploads" novalidate>
  <?cs call:csrf() ?>
  <?cs call:upload("file", Lang.AdminCat.Field.image_file, Lang.AdminCat.Hint.image_file) ?>
  <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCat.Upload.Submit ?></button></div>
</form>
