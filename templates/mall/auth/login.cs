<?cs # login.cs: member sign-in form (mobile + password) ?>
<?cs include:"layout/macros.cs" ?>
<section class="container auth-page">
<div class="card auth-card">
  <h1><?cs var:Lang.Auth.LoginTitle ?></h1>
  <?cs call:notice("ok") ?>
  <form class="form" method="post" action="/login" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:field("mobile", Lang.Auth.Mobile, "tel", "tel", 11, 1, "") ?>
    <?cs call:field("password", Lang.Auth.Password, "password", "current-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Auth.LoginButton ?></button></div>
  </form>
  <p class="auth-links">
    <a class="btn-link" href="/forgot"><?cs var:Lang.Auth.ForgotLink ?></a>
    <span><?cs var:Lang.Auth.NoAccount ?> <a class="btn-link" href="/register<?cs if:Form.Values.next ?>?next=<?cs var:url_escape(Form.Values.next) ?><?cs /if ?>"><?cs var:Lang.Auth.GoRegister ?></a></span>
  </p>
</div>
</section>
