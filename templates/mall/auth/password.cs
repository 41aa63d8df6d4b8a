<?cs # password.cs: change the sign-in password of the signed-in member ?>
<?cs include:"mall/auth/fields.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.PasswordTitle ?></h1>
  <?cs call:flash() ?>
  <form class="form" method="post" action="/account/password" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:fld("current", Lang.Auth.CurrentPassword, "password", "current-password", "", 64, 0, "") ?>
    <?cs call:fld("password", Lang.Auth.NewPassword, "password", "new-password", "", 64, 0, Lang.Auth.PasswordHint) ?>
    <?cs call:fld("confirm", Lang.Auth.Confirm, "password", "new-password", "", 64, 0, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.SaveButton ?></button></div>
  </form>
  <p class="auth-links"><a class="btn-link" href="/account"><?cs var:Lang.Auth.BackToAccount ?></a></p>
</div>
</section>
