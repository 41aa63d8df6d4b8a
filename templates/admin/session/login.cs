<?cs # login.cs: back-office sign-in form (username + password); shown without the nav ?>
<?cs include:"admin/session/fields.cs" ?>
<div class="login-box">
  <h1><span class="admin-logo-mark" aria-hidden="true">积</span> <?cs var:Lang.Admin.Name ?></h1>
  <?cs if:Page.Flash ?><div class="flash flash-error" role="alert"><?cs var:Page.Flash ?></div><?cs /if ?>
  <?cs if:Page.Notice ?><div class="flash" role="status"><?cs var:Page.Notice ?></div><?cs /if ?>
  <form class="form" method="post" action="/admin/login" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:afield("username", Lang.AdminCore.Login.Username, "text", "username", 64, 1, "") ?>
    <?cs call:afield("password", Lang.AdminCore.Login.Password, "password", "current-password", 256, 0, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Login.Button ?></button></div>
  </form>
  <p class="login-foot muted"><?cs var:Lang.AdminCore.Login.Hint ?> · <a lang="<?cs var:Page.OtherLang ?>" href="/lang?to=<?cs var:Page.OtherLang ?>&amp;next=<?cs var:url_escape(Page.Uri) ?>"><?cs var:Lang.Site.OtherLang ?></a></p>
</div>
