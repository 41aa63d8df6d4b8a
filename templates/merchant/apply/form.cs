<?cs # form.cs: the public merchant application (V3) — multipart, because of the licence photo ?>
<?cs def:field(name, label, hint, type, max) ?>
  <div class="row<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
    <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
    <input id="f-<?cs var:name ?>" type="<?cs var:type ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" required value="<?cs var:Form.Values[name] ?>"<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
    <?cs if:Form.Errors[name] ?><p class="field-error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
  </div>
<?cs /def ?>
<section class="card apply-box">
  <h1><?cs var:Lang.Apply.Title ?></h1>
  <p class="muted"><?cs var:Lang.Apply.Lead ?></p>
  <form class="form" method="post" action="/merchant/apply" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:field("company", Lang.Apply.Company, "", "text", 100) ?>
    <?cs call:field("contact", Lang.Apply.Contact, "", "text", 32) ?>
    <?cs call:field("mobile", Lang.Apply.Mobile, Lang.Apply.MobileHint, "tel", 11) ?>
    <?cs call:field("address", Lang.Apply.Address, "", "text", 200) ?>
    <div class="row<?cs if:Form.Errors.category ?> has-error<?cs /if ?>">
      <label for="f-category"><?cs var:Lang.Apply.Category ?></label>
      <select id="f-category" name="category" required<?cs if:Form.Errors.category ?> aria-invalid="true"<?cs /if ?>>
        <option value=""><?cs var:Lang.Apply.ChooseCategory ?></option>
        <?cs each:c = Lang.Apply.Categories ?><option value="<?cs name:c ?>"<?cs if:Form.Values.category == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
      </select>
      <?cs if:Form.Errors.category ?><p class="field-error"><?cs var:Form.Errors.category ?></p><?cs /if ?>
    </div>
    <?cs call:field("licence_no", Lang.Apply.Licence, Lang.Apply.LicenceHint, "text", 18) ?>
    <div class="row<?cs if:Form.Errors.licence ?> has-error<?cs /if ?>">
      <label for="f-licence"><?cs var:Lang.Apply.Image ?></label>
      <input id="f-licence" type="file" name="licence" accept="image/jpeg,image/png,image/webp" required<?cs if:Form.Errors.licence ?> aria-invalid="true"<?cs /if ?>>
      <span class="hint"><?cs var:Lang.Apply.ImageHint ?></span>
      <?cs if:Form.Errors.licence ?><p class="field-error"><?cs var:Form.Errors.licence ?></p><?cs elif:Page.ImageAgain ?><p class="hint"><?cs var:Lang.Apply.ImageAgain ?></p><?cs /if ?>
    </div>
    <?cs call:field("username", Lang.Apply.Username, Lang.Apply.UsernameHint, "text", 32) ?>
    <div class="actions"><button class="btn btn-primary btn-large" type="submit"><?cs var:Lang.Apply.Submit ?></button></div>
  </form>
  <p class="apply-foot muted"><?cs var:Lang.Apply.HaveAccount ?> <a href="/merchant/login"><?cs var:Lang.Apply.Login ?></a></p>
</section>
