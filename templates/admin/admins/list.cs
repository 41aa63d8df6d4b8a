<?cs # list.cs: every back-office account and the form for a new one (super admins) ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.AdminCore.Admins.Title ?></h1><a class="btn" href="/admin/audit?entity=admin"><?cs var:Lang.AdminCore.Admins.History ?></a></div>
<div class="table-wrap"><table class="table" id="admins">
  <thead><tr><th>ID</th><th><?cs var:Lang.AdminCore.Admins.Username ?></th><th><?cs var:Lang.AdminCore.Admins.Role ?></th><th><?cs var:Lang.AdminCore.Admins.Status ?></th><th><?cs var:Lang.AdminCore.Admins.Created ?></th><th><?cs var:Lang.AdminCore.Admins.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:a = Admins ?>
    <tr data-username="<?cs var:a.username ?>">
      <td><?cs var:a.id ?></td>
      <td><a href="/admin/admins/<?cs var:url_escape(a.id) ?>"><?cs var:a.username ?></a><?cs if:a.id == Page.SelfId ?> <span class="muted">(<?cs var:Lang.AdminCore.Admins.You ?>)</span><?cs /if ?></td>
      <td><?cs alt:Lang.Admin.Role[a.role] ?><?cs var:a.role ?><?cs /alt ?><?cs if:a.enterprise ?> · <span class="admin-enterprise"><?cs var:a.enterprise ?></span><?cs /if ?></td>
      <td><span class="badge badge-<?cs var:a.status ?>"><?cs alt:Lang.Admin.Status[a.status] ?><?cs var:a.status ?><?cs /alt ?></span></td>
      <td><?cs var:a.created_at ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/admins/<?cs var:url_escape(a.id) ?>"><?cs var:Lang.AdminCore.Admins.Manage ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<section class="card" id="new-admin">
  <h2><?cs var:Lang.AdminCore.Admins.New ?></h2>
  <form class="form" method="post" action="/admin/admins" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("username", Lang.AdminCore.Admins.Username, "text", "off", 32, 1, Lang.AdminCore.Admins.UsernameRule) ?>
    <div class="form-row<?cs if:Form.Errors.role ?> has-error<?cs /if ?>">
      <label for="f-role"><?cs var:Lang.AdminCore.Admins.Role ?></label>
      <select id="f-role" name="role" required<?cs call:aria(Form.Errors.role, "role", "") ?>>
        <option value=""><?cs var:Lang.AdminCore.Admins.PickRole ?></option>
        <?cs each:ro = Roles ?><option value="<?cs var:ro ?>"<?cs if:Form.Values.role == ro ?> selected<?cs /if ?>><?cs alt:Lang.Admin.Role[ro] ?><?cs var:ro ?><?cs /alt ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.role, "role", "") ?>
    </div>
    <div class="form-row<?cs if:Form.Errors.enterprise ?> has-error<?cs /if ?>">
      <label for="f-enterprise"><?cs var:Lang.Ent.Admin.Enterprise ?></label>
      <select id="f-enterprise" name="enterprise"<?cs call:aria(Form.Errors.enterprise, "enterprise", Lang.Ent.Admin.EnterpriseHint) ?>>
        <option value=""><?cs var:Lang.Ent.Admin.PickEnterprise ?></option>
        <?cs each:e = Enterprises ?><option value="<?cs var:e.code ?>"<?cs if:Form.Values.enterprise == e.code ?> selected<?cs /if ?>><?cs var:e.code ?> · <?cs var:e.name ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.enterprise, "enterprise", Lang.Ent.Admin.EnterpriseHint) ?>
    </div>
    <?cs call:field("password", Lang.AdminCore.Admins.InitialPassword, "password", "new-password", 64, 1, Lang.AdminCore.Admins.PasswordRule) ?>
    <?cs call:field("confirm", Lang.AdminCore.Admins.Confirm, "password", "new-password", 64, 1, "") ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Admins.Create ?></button></div>
  </form>
</section>
