<?cs # register.cs: registration by mobile + SMS code; "send code" posts the same form to /register/code (works without JS) ?>
<?cs include:"layout/macros.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.RegisterTitle ?></h1>
  <?cs call:notice("ok") ?>
  <form class="form" method="post" action="/register" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:field("mobile", Lang.Auth.Mobile, "tel", "tel", 11, 1, "") ?>
    <div class="actions form-send-code">
      <button class="btn" type="submit" formaction="/register/code" formnovalidate><?cs var:Lang.Auth.SendCode ?></button>
    </div>
    <?cs call:field("code", Lang.Auth.Code, "text", "one-time-code", 6, 1, Lang.Auth.CodeHint) ?>
    <?cs call:field("password", Lang.Auth.Password, "password", "new-password", 64, 1, Lang.Auth.PasswordHint) ?>
    <?cs call:field("confirm", Lang.Auth.Confirm, "password", "new-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.RegisterButton ?></button></div>
  </form>
  <p class="auth-links"><span><?cs var:Lang.Auth.HaveAccount ?> <a class="btn-link" href="/login<?cs if:Form.Values.next ?>?next=<?cs var:url_escape(Form.Values.next) ?><?cs /if ?>"><?cs var:Lang.Auth.GoLogin ?></a></span></p>
</div>
</section>
