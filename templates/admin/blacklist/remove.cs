<?cs # remove.cs: confirm the removal of a blacklist entry, with a reason (F3) ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/blacklist"><?cs var:Lang.Blacklist.Title ?></a> / B<?cs var:Entry.0.id ?></p>
<div class="page-head"><h1><?cs var:Lang.Blacklist.RemoveTitle ?></h1></div>
<section class="card">
  <dl class="dl">
    <dt><?cs var:Lang.Blacklist.Kind ?></dt><dd><?cs alt:Lang.Blacklist.Kinds[Entry.0.kind] ?><?cs var:Entry.0.kind ?><?cs /alt ?></dd>
    <dt><?cs var:Lang.Blacklist.Value ?></dt><dd><code id="entry-value"><?cs var:Entry.0.value ?></code></dd>
    <dt><?cs var:Lang.Blacklist.Reason ?></dt><dd><?cs if:Entry.0.rule_id ?><?cs var:Lang.Blacklist.ByRule ?> #<?cs var:Entry.0.rule_id ?><?cs else ?><?cs var:Entry.0.reason ?><?cs /if ?></dd>
    <dt><?cs var:Lang.Blacklist.Created ?></dt><dd><?cs var:Entry.0.created_at ?></dd>
    <dt><?cs var:Lang.Blacklist.Expires ?></dt><dd><?cs alt:Entry.0.expires_at ?><?cs var:Lang.Blacklist.Never ?><?cs /alt ?></dd>
    <dt><?cs var:Lang.Blacklist.State ?></dt><dd><?cs alt:Lang.Blacklist.States[Entry.0.state] ?><?cs var:Entry.0.state ?><?cs /alt ?></dd>
  </dl>
  <?cs if:Entry.0.state == "active" ?>
  <form class="form" method="post" action="/admin/blacklist/<?cs var:url_escape(Entry.0.id) ?>/remove" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("reason", Lang.Blacklist.RemoveReason, "text", "off", 200, 1, "") ?>
    <div class="form-row<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
      <label><input type="checkbox" name="confirm" value="1"<?cs call:aria(Form.Errors.confirm, "confirm", "") ?>> <?cs var:Lang.Blacklist.ConfirmText ?></label>
      <?cs call:ferr(Form.Errors.confirm, "confirm", "") ?>
    </div>
    <div class="actions"><button class="btn btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Blacklist.Remove ?></button>
      <a class="btn" href="/admin/blacklist"><?cs var:Lang.Blacklist.Cancel ?></a></div>
  </form>
  <?cs /if ?>
</section>
