<?cs # login.cs: back-office sign-in form (username + password); shown without the nav ?>
<?cs include:"layout/macros.cs" ?>
<div class="login-box">
  <h1><span class="admin-logo-mark" aria-hidden="true">积</span> <?cs var:Lang.Admin.Name ?></h1>
  <?cs # the layout shows no messages without the nav: this page shows its own ?>
  <?cs call:flash() ?>
  <?cs call:notice("ok") ?>
  <form class="form" method="post" action="/admin/login" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:field("username", Lang.AdminCore.Login.Username, "text", "username", 64, 1, "") ?>
    <?cs call:field("password", Lang.AdminCore.Login.Password, "password", "current-password", 256, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Login.Button ?></button></div>
  </form>
  <p class="login-foot muted"><?cs var:Lang.AdminCore.Login.Hint ?> · <?cs call:langsw() ?></p>
</div>
