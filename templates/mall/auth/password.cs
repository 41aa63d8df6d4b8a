<?cs # password.cs: change the sign-in password of the signed-in member ?>
<?cs include:"layout/macros.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.PasswordTitle ?></h1>
  <?cs call:notice("ok") ?>
  <form class="form" method="post" action="/account/password" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("current", Lang.Auth.CurrentPassword, "password", "current-password", 64, 1, "") ?>
    <?cs call:field("password", Lang.Auth.NewPassword, "password", "new-password", 64, 1, Lang.Auth.PasswordHint) ?>
    <?cs call:field("confirm", Lang.Auth.Confirm, "password", "new-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.SaveButton ?></button></div>
  </form>
  <p class="auth-links"><a class="btn-link" href="/account"><?cs var:Lang.Auth.BackToAccount ?></a></p>
</div>
</section>
