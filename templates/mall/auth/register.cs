<?cs # register.cs: registration by mobile + SMS code; "send code" posts the same form to /register/code (works without JS) ?>
<?cs include:"mall/auth/fields.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.RegisterTitle ?></h1>
  <?cs call:flash() ?>
  <form class="form" method="post" action="/register" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:fld("mobile", Lang.Auth.Mobile, "tel", "tel", "numeric", 11, 1, "") ?>
    <div class="actions form-send-code">
      <button class="btn" type="submit" formaction="/register/code" formnovalidate><?cs var:Lang.Auth.SendCode ?></button>
    </div>
    <?cs call:fld("code", Lang.Auth.Code, "text", "one-time-code", "numeric", 6, 0, Lang.Auth.CodeHint) ?>
    <?cs call:fld("password", Lang.Auth.Password, "password", "new-password", "", 64, 0, Lang.Auth.PasswordHint) ?>
    <?cs call:fld("confirm", Lang.Auth.Confirm, "password", "new-password", "", 64, 0, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.RegisterButton ?></button></div>
  </form>
  <p class="auth-links"><span><?cs var:Lang.Auth.HaveAccount ?> <a class="btn-link" href="/login<?cs if:Form.Values.next ?>?next=<?cs var:url_escape(Form.Values.next) ?><?cs /if ?>"><?cs var:Lang.Auth.GoLogin ?></a></span></p>
</div>
</section>
