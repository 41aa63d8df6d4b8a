<?cs # form.cs: the public merchant application (V3) — multipart, because of the licence photo ?>
<?cs include:"layout/macros.cs" ?>
<section class="card apply-box">
  <h1><?cs var:Lang.Apply.Title ?></h1>
  <p class="muted"><?cs var:Lang.Apply.Lead ?></p>
  <form class="form" method="post" action="/merchant/apply" enctype="multipart/form-data" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("company", Lang.Apply.Company, "text", "", 100, 1, "") ?>
    <?cs call:field("contact", Lang.Apply.Contact, "text", "", 32, 1, "") ?>
    <?cs call:field("mobile", Lang.Apply.Mobile, "tel", "", 11, 1, Lang.Apply.MobileHint) ?>
    <?cs call:field("address", Lang.Apply.Address, "text", "", 200, 1, "") ?>
    <div class="form-row<?cs if:Form.Errors.category ?> has-error<?cs /if ?>">
      <label for="f-category"><?cs var:Lang.Apply.Category ?></label>
      <select id="f-category" name="category" required<?cs call:aria(Form.Errors.category, "category", "") ?>>
        <option value=""><?cs var:Lang.Apply.ChooseCategory ?></option>
        <?cs each:c = Lang.Apply.Categories ?><option value="<?cs name:c ?>"<?cs if:Form.Values.category == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.category, "category", "") ?>
    </div>
    <?cs call:field("licence_no", Lang.Apply.Licence, "text", "", 18, 1, Lang.Apply.LicenceHint) ?>
    <div class="form-row<?cs if:Form.Errors.licence ?> has-error<?cs /if ?>">
      <label for="f-licence"><?cs var:Lang.Apply.Image ?></label>
      <input id="f-licence" type="file" name="licence" accept="image/jpeg,image/png,image/webp" required<?cs call:aria(Form.Errors.licence, "licence", Page.ImageAgain) ?>>
      <span class="hint"><?cs var:Lang.Apply.ImageHint ?></span>
      <?cs if:Page.ImageAgain ?><?cs call:ferr(Form.Errors.licence, "licence", Lang.Apply.ImageAgain) ?><?cs else ?><?cs call:ferr(Form.Errors.licence, "licence", "") ?><?cs /if ?>
    </div>
    <?cs call:field("username", Lang.Apply.Username, "text", "", 32, 1, Lang.Apply.UsernameHint) ?>
    <div class="actions"><button class="btn btn-primary btn-large" type="submit"><?cs var:Lang.Apply.Submit ?></button></div>
  </form>
  <p class="apply-foot muted"><?cs var:Lang.Apply.HaveAccount ?> <a href="/merchant/login"><?cs var:Lang.Apply.Login ?></a></p>
</section>
