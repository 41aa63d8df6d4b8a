<?cs # members.cs: member search by mobile or name, paginated ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Ops.Members.Title ?></h1></div>
<form class="filters" method="get" action="/admin/members" role="search">
  <label><?cs var:Lang.Ops.Members.Query ?><input type="search" name="q" maxlength="32" value="<?cs var:Form.Values.q ?>" placeholder="<?cs var:Lang.Ops.Members.QueryHint ?>"<?cs call:aria(Form.Errors.q, "q", "") ?>><?cs call:ierr(Form.Errors.q, "q") ?></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Search ?></button>
  <a class="btn" href="/admin/members"><?cs var:Lang.Ops.Reset ?></a>
</form>
<?cs if:subcount(Members) ?>
<div class="table-wrap"><table class="table" id="members">
  <thead><tr><th>ID</th><th><?cs var:Lang.Ops.Members.Mobile ?></th><th><?cs var:Lang.Ops.Members.Name ?></th><th class="num"><?cs var:Lang.Ops.Members.Balance ?></th><th><?cs var:Lang.Ops.Members.Status ?></th><th><?cs var:Lang.Ops.Members.Joined ?></th><th><?cs var:Lang.Ops.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:m = Members ?>
    <tr data-mobile="<?cs var:m.mobile ?>">
      <td><?cs var:m.id ?></td>
      <td><a href="/admin/members/<?cs var:url_escape(m.id) ?>"><?cs var:m.mobile ?></a></td>
      <td><?cs alt:m.name ?><span class="muted">—</span><?cs /alt ?></td>
      <td class="num"><?cs var:m.points_balance ?></td>
      <td><?cs call:ops_badge(m.status) ?></td>
      <td><?cs var:m.created_at ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/members/<?cs var:url_escape(m.id) ?>"><?cs var:Lang.Ops.Members.View ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs elif:!Form.HasErrors ?>
<p class="empty-state"><?cs var:Lang.Ops.Members.Empty ?></p>
<?cs /if ?>
