<?cs # detail.cs: one back-office account — status switch, password reset, its history (super admins) ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/admins"><?cs var:Lang.AdminCore.Admins.Title ?></a> / <?cs var:Admin.username ?></p>
<div class="page-head"><h1><?cs var:Admin.username ?></h1>
  <a class="btn" href="/admin/audit?entity=admin&amp;entity_id=<?cs var:url_escape(Admin.id) ?>"><?cs var:Lang.AdminCore.Admins.History ?></a></div>
<section class="card">
  <dl class="dl">
    <dt>ID</dt><dd><?cs var:Admin.id ?></dd>
    <dt><?cs var:Lang.AdminCore.Admins.Role ?></dt><dd><?cs alt:Lang.Admin.Role[Admin.role] ?><?cs var:Admin.role ?><?cs /alt ?></dd>
    <dt><?cs var:Lang.AdminCore.Admins.Status ?></dt><dd><span class="badge badge-<?cs var:Admin.status ?>" id="admin-status"><?cs alt:Lang.Admin.Status[Admin.status] ?><?cs var:Admin.status ?><?cs /alt ?></span></dd>
    <dt><?cs var:Lang.AdminCore.Admins.Created ?></dt><dd><?cs var:Admin.created_at ?></dd>
  </dl>
</section>
<section class="card">
  <h2><?cs var:Lang.AdminCore.Admins.StatusTitle ?></h2>
  <?cs if:Admin.is_self ?>
  <p class="muted"><?cs var:Lang.AdminCore.Admins.NotSelf ?></p>
  <?cs elif:Admin.status == "active" ?>
  <p class="muted"><?cs var:Lang.AdminCore.Admins.DisableHint ?></p>
  <form method="post" action="/admin/admins/<?cs var:url_escape(Admin.id) ?>/status">
    <?cs call:csrf() ?><input type="hidden" name="status" value="disabled">
    <button class="btn btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.AdminCore.Admins.Disable ?></button>
  </form>
  <?cs else ?>
  <form method="post" action="/admin/admins/<?cs var:url_escape(Admin.id) ?>/status">
    <?cs call:csrf() ?><input type="hidden" name="status" value="active">
    <button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Admins.Enable ?></button>
  </form>
  <?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.AdminCore.Admins.ResetTitle ?></h2>
  <p class="muted"><?cs var:Lang.AdminCore.Admins.ResetHint ?></p>
  <form class="form" method="post" action="/admin/admins/<?cs var:url_escape(Admin.id) ?>/password" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("password", Lang.AdminCore.Admins.NewPassword, "password", "new-password", 64, 1, Lang.AdminCore.Admins.PasswordRule) ?>
    <?cs call:field("confirm", Lang.AdminCore.Admins.Confirm, "password", "new-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Admins.Reset ?></button></div>
  </form>
</section>
