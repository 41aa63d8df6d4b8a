<?cs # applications.cs: merchant applications by status (V3) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/onboarding/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Onboarding.Apps.Title ?></h1></div>
<nav class="toolbar m5-tabs" aria-label="<?cs var:Lang.Onboarding.Apps.Status ?>">
  <a class="btn<?cs if:!Filter.status ?> btn-primary<?cs /if ?>" href="/admin/applications"><?cs var:Lang.Onboarding.Apps.All ?></a>
  <?cs each:s = Lang.Onboarding.Status ?><?cs if:name(s) == "submitted" || name(s) == "first_approved" || name(s) == "approved" || name(s) == "rejected" ?>
  <a class="btn<?cs if:Filter.status == name(s) ?> btn-primary<?cs /if ?>" href="/admin/applications?status=<?cs name:s ?>"><?cs var:s ?></a>
  <?cs /if ?><?cs /each ?>
</nav>
<?cs if:subcount(Apps) ?>
<div class="table-wrap"><table class="table" id="applications">
  <thead><tr><th><?cs var:Lang.Onboarding.App.No ?></th><th><?cs var:Lang.Onboarding.Apps.Company ?></th><th><?cs var:Lang.Onboarding.Apps.Contact ?></th><th><?cs var:Lang.Onboarding.Apps.Mobile ?></th><th><?cs var:Lang.Onboarding.Apps.Category ?></th><th><?cs var:Lang.Onboarding.Apps.Username ?></th><th><?cs var:Lang.Onboarding.Apps.Status ?></th><th><?cs var:Lang.Onboarding.Apps.Created ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:a = Apps ?>
    <tr data-id="<?cs var:a.id ?>">
      <td><?cs var:a.id ?></td>
      <td><a href="/admin/applications/<?cs var:url_escape(a.id) ?>"><?cs var:a.company ?></a></td>
      <td><?cs var:a.contact ?></td><td><?cs var:a.mobile ?></td>
      <td><?cs alt:Lang.Onboarding.Categories[a.category] ?><?cs var:a.category ?><?cs /alt ?></td>
      <td class="mono"><?cs var:a.username ?></td>
      <td><?cs call:onboarding_badge(a.status, 0) ?></td>
      <td><?cs var:a.created_at ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/applications/<?cs var:url_escape(a.id) ?>"><?cs var:Lang.Onboarding.Apps.View ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Onboarding.Apps.Empty ?></p>
<?cs /if ?>
