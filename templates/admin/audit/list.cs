<?cs # list.cs: audit log search — filters, entries newest first with before → after, pagination (read-only) ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.AdminCore.Audit.Title ?></h1><span class="muted"><?cs var:Lang.AdminCore.Audit.ReadOnly ?></span></div>
<form class="filters" method="get" action="/admin/audit">
  <label><?cs var:Lang.AdminCore.Audit.Admin ?>
    <select name="admin"><option value=""><?cs var:Lang.AdminCore.Audit.Any ?></option>
    <?cs each:a = Admins ?><option value="<?cs var:a.id ?>"<?cs if:Form.Values.admin == a.id ?> selected<?cs /if ?>><?cs var:a.username ?></option><?cs /each ?>
    </select></label>
  <label><?cs var:Lang.AdminCore.Audit.Entity ?>
    <select name="entity"><option value=""><?cs var:Lang.AdminCore.Audit.Any ?></option>
    <?cs each:e = Entities ?><option value="<?cs var:e.entity ?>"<?cs if:Form.Values.entity == e.entity ?> selected<?cs /if ?>><?cs alt:Lang.AdminCore.Audit.Entities[e.entity] ?><?cs var:e.entity ?><?cs /alt ?></option><?cs /each ?>
    </select></label>
  <label><?cs var:Lang.AdminCore.Audit.EntityId ?>
    <input type="number" name="entity_id" min="1" value="<?cs var:Form.Values.entity_id ?>"<?cs call:aria(Form.Errors.entity_id, "entity_id", "") ?>>
    <?cs call:ierr(Form.Errors.entity_id, "entity_id") ?></label>
  <label><?cs var:Lang.AdminCore.Audit.From ?>
    <input<?cs call:dateattr() ?> name="from" value="<?cs var:Form.Values.from ?>"<?cs call:aria(Form.Errors.from, "from", "") ?>>
    <?cs call:ierr(Form.Errors.from, "from") ?></label>
  <label><?cs var:Lang.AdminCore.Audit.To ?>
    <input<?cs call:dateattr() ?> name="to" value="<?cs var:Form.Values.to ?>"<?cs call:aria(Form.Errors.to, "to", "") ?>>
    <?cs call:ierr(Form.Errors.to, "to") ?></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.AdminCore.Audit.Search ?></button>
  <a class="btn" href="/admin/audit"><?cs var:Lang.AdminCore.Audit.Reset ?></a>
</form>
<?cs if:subcount(Audit) ?>
<p class="muted"><?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?> <?cs var:Lang.Site.Pager.Total ?></p>
<div class="table-wrap"><table class="table audit-table" id="audit">
  <thead><tr><th><?cs var:Lang.AdminCore.Audit.When ?></th><th><?cs var:Lang.AdminCore.Audit.Admin ?></th><th><?cs var:Lang.AdminCore.Audit.Action ?></th><th><?cs var:Lang.AdminCore.Audit.Entity ?></th><th><?cs var:Lang.AdminCore.Audit.Change ?></th></tr></thead>
  <tbody>
  <?cs each:e = Audit ?>
    <tr class="audit-entry" data-id="<?cs var:e.id ?>">
      <td class="nowrap"><?cs var:e.created_at ?><br><span class="muted"><?cs var:e.ip ?></span></td>
      <td><?cs if:e.actor_kind == "merchant" ?><span class="badge badge-info"><?cs var:Lang.AdminCore.Audit.MerchantActor ?></span> <?cs elif:e.actor_kind == "system" ?><span class="badge badge-info"><?cs var:Lang.AdminCore.Audit.SystemActor ?></span> <?cs /if ?><?cs var:e.admin_name ?> <span class="muted">#<?cs var:e.admin_id ?></span></td>
      <td><span class="badge badge-info" title="<?cs var:e.action ?>"><?cs alt:Lang.AdminCore.Audit.Actions[e.action_key] ?><?cs alt:Lang.AdminCore.Audit.Actions[e.action] ?><?cs var:e.action ?><?cs /alt ?><?cs /alt ?></span></td>
      <td><?cs alt:Lang.AdminCore.Audit.Entities[e.entity] ?><?cs var:e.entity ?><?cs /alt ?><?cs if:e.entity_id ?> <a href="/admin/audit?entity=<?cs var:url_escape(e.entity) ?>&amp;entity_id=<?cs var:url_escape(e.entity_id) ?>">#<?cs var:e.entity_id ?></a><?cs /if ?></td>
      <td>
      <?cs if:subcount(e.Diff) ?>
        <table class="audit-diff">
          <thead><tr><th><?cs var:Lang.AdminCore.Audit.Field ?></th><th><?cs var:Lang.AdminCore.Audit.Before ?></th><th><span class="sr-only">→</span></th><th><?cs var:Lang.AdminCore.Audit.After ?></th></tr></thead>
          <tbody>
          <?cs each:d = e.Diff ?>
          <tr<?cs if:d.changed ?> class="changed"<?cs /if ?>><th title="<?cs var:d.key ?>"><?cs alt:Lang.AdminCore.Audit.Fields[d.key] ?><?cs var:d.key ?><?cs /alt ?></th>
            <td class="before"><?cs if:?d.before ?><pre><?cs var:d.before ?></pre><?cs else ?><span class="muted">—</span><?cs /if ?></td>
            <td class="arrow" aria-hidden="true">→</td>
            <td class="after"><?cs if:?d.after ?><pre><?cs var:d.after ?></pre><?cs else ?><span class="muted">—</span><?cs /if ?></td></tr>
          <?cs /each ?>
          </tbody>
        </table>
      <?cs /if ?>
      <?cs if:e.before_raw || e.after_raw ?><pre class="audit-raw"><?cs var:e.before_raw ?> → <?cs var:e.after_raw ?></pre><?cs /if ?>
      </td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(0) ?>
<?cs elif:!Form.HasErrors ?>
<p class="empty-state"><?cs var:Lang.AdminCore.Audit.Empty ?></p>
<?cs /if ?>
