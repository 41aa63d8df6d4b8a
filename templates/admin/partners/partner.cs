<?cs # partner.cs: one I1 partner — its key pairs (a new one's secret shown once), make / revoke keys, enable / disable ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?>: <?cs var:Partner.name ?></h1>
<a class="btn btn-small" href="/admin/api-log?partner=<?cs var:url_escape(Partner.id) ?>"><?cs var:Lang.Admin.Nav.ApiLog ?></a></div>
<?cs call:notice("ok") ?><?cs call:flash() ?>
<p><?cs var:Lang.Partners.Enterprise ?>: <strong><?cs var:Partner.enterprise_name ?></strong> (<?cs var:Partner.enterprise ?>) ·
  <?cs var:Lang.Partners.Status ?>: <strong id="partner-status"><?cs alt:Lang.Partners.States[Partner.status] ?><?cs var:Partner.status ?><?cs /alt ?></strong> ·
  <?cs var:Lang.Partners.Rate ?>: <?cs var:Partner.rate_per_minute ?></p>
<?cs if:NewKey.secret ?>
<section class="card" id="new-key">
  <h2><?cs var:Lang.Partners.NewKeyTitle ?></h2>
  <p class="flash flash-warn"><?cs var:Lang.Partners.ShownOnce ?></p>
  <dl><dt><?cs var:Lang.Partners.KeyId ?></dt><dd class="mono" id="new-key-id"><?cs var:NewKey.key_id ?></dd>
    <dt><?cs var:Lang.Partners.Secret ?></dt><dd class="mono" id="new-key-secret"><?cs var:NewKey.secret ?></dd></dl>
</section>
<?cs /if ?>
<section class="card" id="keys">
  <h2><?cs var:Lang.Partners.Keys ?></h2>
  <p class="muted"><?cs var:Lang.Partners.RotateHint ?></p>
  <?cs if:subcount(Keys) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Partners.KeyId ?></th><th><?cs var:Lang.Partners.Status ?></th><th><?cs var:Lang.Partners.Created ?></th><th><?cs var:Lang.Partners.LastUsed ?></th><th></th></tr></thead>
    <tbody><?cs each:k = Keys ?>
      <tr data-key="<?cs var:k.key_id ?>"><td class="mono"><?cs var:k.key_id ?></td><td><?cs alt:Lang.Partners.KeyStates[k.status] ?><?cs var:k.status ?><?cs /alt ?><?cs if:k.revoked_at ?> <span class="muted"><?cs var:k.revoked_at ?></span><?cs /if ?></td>
        <td><?cs var:k.created_at ?></td><td><?cs var:k.last_used_at ?></td>
        <td><?cs if:k.status == "active" ?><form method="post" action="/admin/partners/<?cs var:url_escape(Partner.id) ?>/keys/<?cs var:url_escape(k.key_id) ?>/revoke"><?cs call:csrf() ?><button class="btn btn-small btn-danger" type="submit"><?cs var:Lang.Partners.Revoke ?></button></form><?cs /if ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Partners.NoKeys ?></p><?cs /if ?>
  <form method="post" action="/admin/partners/<?cs var:url_escape(Partner.id) ?>/keys" id="key-new"><?cs call:csrf() ?>
    <button class="btn btn-primary" type="submit"><?cs var:Lang.Partners.NewKey ?></button></form>
</section>
<section class="card" id="partner-state">
  <form method="post" action="/admin/partners/<?cs var:url_escape(Partner.id) ?>/status"><?cs call:csrf() ?>
  <?cs if:Partner.status == "active" ?><input type="hidden" name="status" value="disabled"><button class="btn btn-danger" type="submit"><?cs var:Lang.Partners.Disable ?></button>
  <?cs else ?><input type="hidden" name="status" value="active"><button class="btn" type="submit"><?cs var:Lang.Partners.Enable ?></button><?cs /if ?>
  </form>
</section>
