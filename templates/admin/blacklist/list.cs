<?cs # list.cs: blacklist entries by kind and state, paged, with the form for a manual entry (F3) ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Blacklist.Title ?></h1>
  <div><a class="btn" href="/admin/blacklist/rules"><?cs var:Lang.Blacklist.Rules.Title ?></a>
  <a class="btn" href="/admin/audit?entity=blacklist"><?cs var:Lang.Blacklist.History ?></a></div></div>
<?cs call:notice("ok") ?>
<form class="filters" method="get" action="/admin/blacklist" role="search">
  <label><?cs var:Lang.Blacklist.Kind ?><select name="kind">
    <option value=""><?cs var:Lang.Blacklist.AllKinds ?></option>
    <option value="ip"<?cs if:Filter.Kind == "ip" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.ip ?></option>
    <option value="mobile"<?cs if:Filter.Kind == "mobile" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.mobile ?></option>
    <option value="merchant"<?cs if:Filter.Kind == "merchant" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.merchant ?></option>
  </select></label>
  <label><?cs var:Lang.Blacklist.State ?><select name="state">
    <option value="active"<?cs if:Filter.State == "active" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.States.active ?></option>
    <option value="ended"<?cs if:Filter.State == "ended" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.States.ended ?></option>
    <option value="all"<?cs if:Filter.State == "all" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.States.all ?></option>
  </select></label>
  <label><?cs var:Lang.Blacklist.Value ?><input type="search" name="q" maxlength="64" value="<?cs var:Filter.Q ?>" placeholder="<?cs var:Lang.Blacklist.QueryHint ?>"></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Search ?></button>
  <a class="btn" href="/admin/blacklist"><?cs var:Lang.Ops.Reset ?></a>
</form>
<?cs if:subcount(Entries) ?>
<div class="table-wrap"><table class="table" id="blacklist">
  <thead><tr><th><?cs var:Lang.Blacklist.Ref ?></th><th><?cs var:Lang.Blacklist.Kind ?></th><th><?cs var:Lang.Blacklist.Value ?></th><th><?cs var:Lang.Blacklist.Reason ?></th><th><?cs var:Lang.Blacklist.Source ?></th><th><?cs var:Lang.Blacklist.Created ?></th><th><?cs var:Lang.Blacklist.Expires ?></th><th><?cs var:Lang.Blacklist.State ?></th><th><?cs var:Lang.Ops.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:e = Entries ?>
    <tr data-id="<?cs var:e.id ?>" data-value="<?cs var:e.value ?>" data-state="<?cs var:e.state ?>">
      <td>B<?cs var:e.id ?></td>
      <td><?cs alt:Lang.Blacklist.Kinds[e.kind] ?><?cs var:e.kind ?><?cs /alt ?></td>
      <td><code><?cs var:e.value ?></code></td>
      <td><?cs if:e.rule_id ?><?cs alt:Lang.Blacklist.Events[e.rule_event] ?><?cs var:e.rule_event ?><?cs /alt ?><?cs else ?><?cs var:e.reason ?><?cs /if ?><?cs
        if:e.remove_reason ?><br><span class="muted"><?cs var:Lang.Blacklist.Removed ?>: <?cs var:e.remove_reason ?></span><?cs /if ?></td>
      <td><?cs if:e.rule_id ?><a href="/admin/blacklist/rules#rule-<?cs var:url_escape(e.rule_id) ?>"><?cs var:Lang.Blacklist.ByRule ?> #<?cs var:e.rule_id ?></a><?cs else ?><?cs var:e.created_by ?><?cs /if ?></td>
      <td><?cs var:e.created_at ?></td>
      <td><?cs alt:e.expires_at ?><span class="muted"><?cs var:Lang.Blacklist.Never ?></span><?cs /alt ?></td>
      <td><span class="badge <?cs if:e.state == "active" ?>badge-danger<?cs else ?>badge-info<?cs /if ?>"><?cs alt:Lang.Blacklist.States[e.state] ?><?cs var:e.state ?><?cs /alt ?></span></td>
      <td class="actions"><?cs if:e.state == "active" ?><a class="btn btn-small btn-danger" href="/admin/blacklist/<?cs var:url_escape(e.id) ?>/remove"><?cs var:Lang.Blacklist.Remove ?></a><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Blacklist.Empty ?></p>
<?cs /if ?>
<section class="card" id="new-entry">
  <h2><?cs var:Lang.Blacklist.Add ?></h2>
  <form class="form" method="post" action="/admin/blacklist" novalidate>
    <?cs call:csrf() ?>
    <div class="form-row is-required<?cs if:Form.Errors.kind ?> has-error<?cs /if ?>">
      <label for="f-kind"><?cs var:Lang.Blacklist.Kind ?></label>
      <select id="f-kind" name="kind" required<?cs call:aria(Form.Errors.kind, "kind", "") ?>>
        <option value="ip"<?cs if:Form.Values.kind == "ip" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.ip ?></option>
        <option value="mobile"<?cs if:Form.Values.kind == "mobile" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.mobile ?></option>
        <option value="merchant"<?cs if:Form.Values.kind == "merchant" ?> selected<?cs /if ?>><?cs var:Lang.Blacklist.Kinds.merchant ?></option>
      </select>
      <?cs call:ferr(Form.Errors.kind, "kind", "") ?>
    </div>
    <?cs call:field("value", Lang.Blacklist.Value, "text", "off", 64, 1, Lang.Blacklist.ValueHint) ?>
    <?cs call:field("reason", Lang.Blacklist.Reason, "text", "off", 200, 1, "") ?>
    <?cs call:field("expires", Lang.Blacklist.Expires, "text", "off", 19, 0, Lang.Blacklist.ExpiresHint) ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Blacklist.AddButton ?></button></div>
  </form>
</section>
