<?cs # staff.cs: the owner's staff accounts — list with disable/enable and password reset, new-account form ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.MchPortal.Staff.Title ?></h1></div>
<?cs if:Form.Errors.reset ?><div class="flash flash-error" role="alert"><?cs var:Form.Errors.reset ?></div><?cs /if ?>
<div class="table-wrap">
<table class="table" id="staff">
  <thead><tr><th><?cs var:Lang.MchPortal.Staff.Username ?></th><th><?cs var:Lang.MchPortal.Staff.Role ?></th><th><?cs var:Lang.MchPortal.Staff.Status ?></th><th><?cs var:Lang.MchPortal.Staff.Created ?></th><th><?cs var:Lang.MchPortal.Staff.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:u = Staff ?>
  <tr data-user="<?cs var:u.username ?>">
    <td><?cs var:u.username ?></td>
    <td><?cs alt:Lang.Merchant.Role[u.role] ?><?cs var:u.role ?><?cs /alt ?></td>
    <td><span class="badge badge-<?cs var:u.status ?>"><?cs alt:Lang.MchPortal.Staff.StatusName[u.status] ?><?cs var:u.status ?><?cs /alt ?></span></td>
    <td><?cs var:u.created_at ?></td>
    <td class="actions">
    <?cs if:u.role == "staff" ?>
      <form method="post" action="/merchant/staff/<?cs var:u.id ?>/status">
        <?cs call:csrf() ?>
        <?cs if:u.status == "active" ?><input type="hidden" name="status" value="disabled"><button class="btn btn-small btn-danger" type="submit" data-confirm="<?cs var:Lang.MchPortal.ConfirmAction ?>"><?cs var:Lang.MchPortal.Staff.Disable ?></button><?cs
        else ?><input type="hidden" name="status" value="active"><button class="btn btn-small" type="submit"><?cs var:Lang.MchPortal.Staff.Enable ?></button><?cs /if ?>
      </form>
      <form method="post" action="/merchant/staff/<?cs var:u.id ?>/password">
        <?cs call:csrf() ?>
        <label class="sr-only" for="pw-<?cs var:u.id ?>"><?cs var:Lang.MchPortal.Staff.NewPassword ?></label>
        <input id="pw-<?cs var:u.id ?>" class="inline-pw" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="64" required placeholder="<?cs var:Lang.MchPortal.Staff.NewPassword ?>">
        <button class="btn btn-small" type="submit"><?cs var:Lang.MchPortal.Staff.Reset ?></button>
      </form>
    <?cs else ?><span class="muted"><?cs var:Lang.MchPortal.Staff.OwnerNote ?></span><?cs /if ?>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<section class="card">
  <h2><?cs var:Lang.MchPortal.Staff.NewTitle ?></h2>
  <form class="form" method="post" action="/merchant/staff" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("username", Lang.MchPortal.Staff.Username, "text", "off", 32, 1, Lang.MchPortal.Staff.UsernameHint) ?>
    <?cs call:field("password", Lang.MchPortal.Staff.Password, "password", "new-password", 64, 1, Lang.MchPortal.Staff.PasswordHint) ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.MchPortal.Staff.Create ?></button></div>
  </form>
</section>
