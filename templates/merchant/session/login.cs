<?cs # login.cs: merchant portal sign-in (username + password); shown without the nav, messages come from the layout ?>
<?cs include:"layout/macros.cs" ?>
<div class="login-box">
  <h1><?cs var:Lang.MchPortal.Login.Heading ?></h1>
  <form class="form" method="post" action="/merchant/login" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:field("username", Lang.MchPortal.Login.Username, "text", "username", 64, 1, "") ?>
    <?cs call:field("password", Lang.MchPortal.Login.Password, "password", "current-password", 256, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.MchPortal.Login.Button ?></button></div>
  </form>
  <p class="login-foot muted"><?cs var:Lang.MchPortal.Login.Hint ?> <a href="/merchant/apply"><?cs var:Lang.MchPortal.Login.Apply ?></a></p>
</div>
