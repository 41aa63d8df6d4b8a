<?cs # forgot.cs: reset the sign-in password with an SMS code sent to the registered mobile ?>
<?cs include:"mall/auth/fields.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.ForgotTitle ?></h1>
  <?cs call:flash() ?>
  <form class="form" method="post" action="/forgot" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:fld("mobile", Lang.Auth.Mobile, "tel", "tel", "numeric", 11, 1, "") ?>
    <div class="actions form-send-code">
      <button class="btn" type="submit" formaction="/forgot/code" formnovalidate><?cs var:Lang.Auth.SendCode ?></button>
    </div>
    <?cs call:fld("code", Lang.Auth.Code, "text", "one-time-code", "numeric", 6, 0, Lang.Auth.CodeHint) ?>
    <?cs call:fld("password", Lang.Auth.NewPassword, "password", "new-password", "", 64, 0, Lang.Auth.PasswordHint) ?>
    <?cs call:fld("confirm", Lang.Auth.Confirm, "password", "new-password", "", 64, 0, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.ResetButton ?></button></div>
  </form>
  <p class="auth-links"><a class="btn-link" href="/login"><?cs var:Lang.Auth.BackToLogin ?></a></p>
</div>
</section>
