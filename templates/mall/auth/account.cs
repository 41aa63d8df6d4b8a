<?cs # account.cs: member home — masked mobile, name, points balance, security links ?>
<?cs include:"mall/auth/fields.cs" ?>
<section class="container account-page">
  <h1><?cs var:Lang.Auth.AccountTitle ?></h1>
  <?cs call:flash() ?>
  <div class="card account-summary">
    <dl class="account-facts">
      <dt><?cs var:Lang.Auth.AccountMobile ?></dt><dd class="account-mobile"><?cs var:User.Masked ?></dd>
      <dt><?cs var:Lang.Auth.AccountName ?></dt><dd><?cs if:User.Name ?><?cs var:User.Name ?><?cs else ?><?cs var:Lang.Auth.NoName ?><?cs /if ?></dd>
      <dt><?cs var:Lang.Auth.AccountPoints ?></dt><dd class="account-points"><strong><?cs var:User.Points ?></strong></dd>
    </dl>
  </div>
  <div class="card account-security">
    <h2><?cs var:Lang.Auth.Security ?></h2>
    <p><a class="btn-link" href="/account/password"><?cs var:Lang.Auth.ChangePassword ?></a></p>
    <form class="form" method="post" action="/logout">
      <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
      <button class="btn" type="submit"><?cs var:Lang.Auth.LogoutButton ?></button>
    </form>
  </div>
</section>
