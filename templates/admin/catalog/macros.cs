<?cs # macros.cs: form rows shared by the catalog and content pages — label, input, error (or hint) under it ?>
<?cs def:cerr(n, hint) ?><?cs if:Form.Errors[n] ?><p class="field-error" id="e-<?cs var:n ?>"><?cs var:Form.Errors[n] ?></p><?cs elif:hint ?><p class="hint muted" id="h-<?cs var:n ?>"><?cs var:hint ?></p><?cs /if ?><?cs /def ?>
<?cs def:cattr(n, hint) ?><?cs if:Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs elif:hint ?> aria-describedby="h-<?cs var:n ?>"<?cs /if ?><?cs /def ?>
<?cs def:cinput(n, label, type, max, hint, req) ?>
<div class="row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?><?cs if:req ?> <span class="cat-req" aria-hidden="true">*</span><?cs /if ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="<?cs var:type ?>"<?cs if:max ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs if:req ?> required<?cs /if ?> value="<?cs var:Form.Values[n] ?>"<?cs call:cattr(n, hint) ?>>
  <?cs call:cerr(n, hint) ?>
</div>
<?cs /def ?>
<?cs def:ctext(n, label, max, hint, req) ?>
<div class="row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?><?cs if:req ?> <span class="cat-req" aria-hidden="true">*</span><?cs /if ?></label>
  <textarea id="f-<?cs var:n ?>" name="<?cs var:n ?>" rows="6" maxlength="<?cs var:max ?>"<?cs if:req ?> required<?cs /if ?><?cs call:cattr(n, hint) ?>><?cs var:Form.Values[n] ?></textarea>
  <?cs call:cerr(n, hint) ?>
</div>
<?cs /def ?>
<?cs def:cfile(n, label, hint) ?>
<div class="row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="file" accept="image/jpeg,image/png,image/webp"<?cs call:cattr(n, hint) ?>>
  <?cs call:cerr(n, hint) ?>
</div>
<?cs /def ?>
<?cs def:cpager() ?>
<?cs if:Pager.Pages > 1 ?>
<nav class="pagination" aria-label="<?cs var:Lang.AdminCat.Pages ?>">
  <?cs if:Pager.Prev ?><a href="<?cs var:Pager.Base ?>page=<?cs var:Pager.Prev ?>" rel="prev"><?cs var:Lang.AdminCat.Prev ?></a><?cs /if ?>
  <span><?cs var:Pager.Page ?> / <?cs var:Pager.Pages ?></span>
  <?cs if:Pager.Next ?><a href="<?cs var:Pager.Base ?>page=<?cs var:Pager.Next ?>" rel="next"><?cs var:Lang.AdminCat.Next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs /def ?>
