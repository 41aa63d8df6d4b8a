<?cs # forgot.cs: reset the sign-in password with an SMS code sent to the registered mobile ?>
<?cs include:"layout/macros.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.ForgotTitle ?></h1>
  <?cs call:notice("ok") ?>
  <form class="form" method="post" action="/forgot" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("mobile", Lang.Auth.Mobile, "tel", "tel", 11, 1, "") ?>
    <div class="actions form-send-code">
      <button class="btn" type="submit" formaction="/forgot/code" formnovalidate><?cs var:Lang.Auth.SendCode ?></button>
    </div>
    <?cs call:field("code", Lang.Auth.Code, "text", "one-time-code", 6, 1, Lang.Auth.CodeHint) ?>
    <?cs call:field("password", Lang.Auth.NewPassword, "password", "new-password", 64, 1, Lang.Auth.PasswordHint) ?>
    <?cs call:field("confirm", Lang.Auth.Confirm, "password", "new-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.ResetButton ?></button></div>
  </form>
  <p class="auth-links"><a class="btn-link" href="/login"><?cs var:Lang.Auth.BackToLogin ?></a></p>
</div>
</section>
