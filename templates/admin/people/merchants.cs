<?cs # merchants.cs: merchant accounts, with room for applications (two-stage review) that come with the merchant issue ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Ops.Merchants.Title ?></h1></div>
<form class="filters" method="get" action="/admin/merchants" role="search">
  <label><?cs var:Lang.Ops.Merchants.Name ?><input type="search" name="q" maxlength="50" value="<?cs var:Form.Values.q ?>"></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Search ?></button>
  <a class="btn" href="/admin/merchants"><?cs var:Lang.Ops.Reset ?></a>
</form>
<?cs if:subcount(Merchants) ?>
<div class="table-wrap"><table class="table" id="merchants">
  <thead><tr><th>ID</th><th><?cs var:Lang.Ops.Merchants.Name ?></th><th><?cs var:Lang.Ops.Merchants.Phone ?></th><th class="num"><?cs var:Lang.Ops.Merchants.Staff ?></th><th class="num"><?cs var:Lang.Ops.Merchants.Products ?></th><th><?cs var:Lang.Ops.Members.Status ?></th><th><?cs var:Lang.Ops.Merchants.Since ?></th><th><?cs var:Lang.Ops.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:m = Merchants ?>
    <tr data-id="<?cs var:m.id ?>"><td><?cs var:m.id ?></td><td><a href="/admin/merchants/<?cs var:url_escape(m.id) ?>"><?cs var:m.name ?></a></td><td><?cs var:m.phone ?></td><td class="num"><?cs var:m.staff ?></td><td class="num"><?cs var:m.products ?></td><td><?cs call:ops_badge(m.status) ?></td><td><?cs var:m.created_at ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/merchants/<?cs var:url_escape(m.id) ?>"><?cs var:Lang.Ops.Members.View ?></a></td></tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Ops.Merchants.Empty ?></p>
<?cs /if ?>
<section class="card ops-coming" id="applications">
  <h2><?cs var:Lang.Ops.Merchants.Applications ?></h2>
  <p class="muted"><?cs var:Lang.Ops.Merchants.ApplicationsLater ?></p>
</section>
