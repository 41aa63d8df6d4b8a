<?cs # batch.cs: F5 one code batch — facts, box mapping import (with its report line by line), activation by box, the boxes ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/codes"><?cs var:Lang.Codes.Title ?></a> / #<?cs var:Batch.id ?></p>
<div class="page-head"><h1><?cs var:Batch.name ?></h1>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=code_batch&amp;id=<?cs var:url_escape(Batch.id) ?>"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<?cs call:notice("ok") ?>
<section class="card" id="batch">
  <dl class="dl">
    <dt><?cs var:Lang.Codes.Activity ?></dt><dd><?cs var:Batch.activity ?></dd>
    <dt><?cs var:Lang.Codes.Count ?></dt><dd id="batch-count"><?cs var:Batch.count ?></dd>
    <dt><?cs var:Lang.Codes.Points ?></dt><dd><?cs var:Batch.points ?></dd>
    <dt><?cs var:Lang.Codes.ValidUntil ?></dt><dd><?cs var:Batch.valid_until ?></dd>
    <dt><?cs var:Lang.Codes.PointsExpire ?></dt><dd><?cs var:Batch.points_expire ?></dd>
    <dt><?cs var:Lang.Codes.State ?></dt><dd id="batch-state"><?cs alt:Lang.Codes.BatchStates[Batch.state] ?><?cs var:Batch.state ?><?cs /alt ?></dd>
    <?cs if:Batch.package_sha256 ?><dt>SHA-256</dt><dd class="mono"><?cs var:Batch.package_sha256 ?></dd><?cs /if ?>
    <?cs if:Batch.exported_at ?><dt><?cs var:Lang.Codes.ExportedAt ?></dt><dd><?cs var:Batch.exported_at ?> (#<?cs var:Batch.exported_by ?>)</dd><?cs /if ?>
    <dt><?cs var:Lang.Codes.Boxes ?></dt><dd id="batch-boxes"><?cs var:Batch.Boxes ?> (<?cs var:Lang.Codes.Active ?> <?cs var:Batch.ActiveBoxes ?>)</dd>
  </dl>
</section>
<section class="card" id="import">
  <h2><?cs var:Lang.Codes.Import.Title ?></h2>
  <p class="muted"><?cs var:Lang.Codes.Import.Intro ?></p>
  <?cs if:Import.lines || Import.refused ?>
  <div id="import-report" data-written="<?cs var:Import.written ?>">
    <p><?cs var:Lang.Codes.Import.Lines ?> <?cs var:Import.lines ?> · <?cs var:Lang.Codes.Import.Refused ?> <span id="import-refused"><?cs var:Import.refused ?></span> · <?cs var:Lang.Codes.Import.Missing ?> <span id="import-missing"><?cs var:Import.missing ?></span><?cs if:Import.written == 1 ?> · <?cs var:Lang.Codes.Import.Changed ?> <span id="import-changed"><?cs var:Import.changed ?></span><?cs /if ?></p>
    <?cs if:subcount(Import.Issues) ?><ol class="import-issues">
      <?cs each:i = Import.Issues ?><li data-line="<?cs var:i.line ?>" data-kind="<?cs var:i.kind ?>"><?cs var:Lang.Codes.Import.Line ?> <?cs var:i.line ?>:<?cs var:Lang.Codes.Import.Kinds[i.kind] ?><?cs if:i.detail ?> <?cs var:i.detail ?><?cs /if ?></li><?cs /each ?>
    </ol><?cs if:Import.MoreIssues ?><p><?cs var:Lang.Codes.Import.More ?> <?cs var:Import.MoreIssues ?></p><?cs /if ?><?cs /if ?>
    <?cs if:subcount(Import.Missing) ?><p id="import-missing-serials"><?cs var:Lang.Codes.Import.MissingSerials ?> <?cs each:s = Import.Missing ?><?cs var:s ?> <?cs /each ?><?cs if:Import.MissingMore ?>…<?cs /if ?></p><?cs /if ?>
  </div>
  <?cs /if ?>
  <form class="form" method="post" action="/admin/codes/batches/<?cs var:url_escape(Batch.id) ?>/import" enctype="multipart/form-data" novalidate><?cs call:csrf() ?>
    <div class="form-row is-required<?cs if:Form.Errors.file ?> has-error<?cs /if ?>">
      <label for="f-file"><?cs var:Lang.Codes.Import.File ?></label>
      <input id="f-file" name="file" type="file" accept=".csv,.zip,text/csv,application/zip"<?cs call:aria(Form.Errors.file, "file", "") ?>>
      <?cs call:ferr(Form.Errors.file, "file", "") ?>
    </div>
    <?cs call:field("password", Lang.Codes.Import.Password, "password", "off", 200, 0, Lang.Codes.Import.PasswordHint) ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Codes.Import.Submit ?></button></div>
  </form>
</section>
<section class="card" id="activate">
  <h2><?cs var:Lang.Codes.Boxes.Title ?></h2>
  <?cs if:BoxesUnknown ?><div class="flash flash-error" role="alert" id="boxes-unknown"><?cs var:Lang.Codes.Boxes.UnknownList ?> <?cs var:BoxesUnknown ?></div><?cs /if ?>
  <form class="form" method="post" action="/admin/codes/batches/<?cs var:url_escape(Batch.id) ?>/boxes" novalidate><?cs call:csrf() ?>
    <?cs call:area("boxes", Lang.Codes.Boxes.List, 3, 50000, 0, Lang.Codes.Boxes.ListHint) ?>
    <?cs call:field("from", Lang.Codes.Boxes.From, "text", "off", 40, 0, "") ?>
    <?cs call:field("to", Lang.Codes.Boxes.To, "text", "off", 40, 0, Lang.Codes.Boxes.RangeHint) ?>
    <div class="actions">
      <button class="btn btn-primary" type="submit" name="action" value="activate"><?cs var:Lang.Codes.Boxes.Activate ?></button>
      <button class="btn btn-danger" type="submit" name="action" value="deactivate" data-confirm="<?cs var:Lang.Codes.Boxes.DeactivateConfirm ?>"><?cs var:Lang.Codes.Boxes.Deactivate ?></button>
    </div>
  </form>
  <?cs if:subcount(Boxes) ?>
  <div class="table-wrap"><table class="table" id="boxes">
    <thead><tr><th><?cs var:Lang.Codes.Boxes.Code ?></th><th class="num"><?cs var:Lang.Codes.Boxes.Codes ?></th><th><?cs var:Lang.Codes.State ?></th><th><?cs var:Lang.Codes.Boxes.Changed ?></th></tr></thead>
    <tbody><?cs each:x = Boxes ?><?cs if:x.box_code ?>
      <tr data-box="<?cs var:x.box_code ?>" data-active="<?cs var:x.active ?>"><td class="mono"><?cs var:x.box_code ?></td><td class="num"><?cs var:x.codes ?></td>
        <td><?cs if:x.active == 1 ?><span class="badge badge-ok"><?cs var:Lang.Codes.Active ?></span><?cs else ?><span class="badge"><?cs var:Lang.Codes.Inactive ?></span><?cs /if ?></td>
        <td><?cs if:x.active == 1 ?><?cs var:x.activated_at ?><?cs else ?><?cs var:x.deactivated_at ?><?cs /if ?></td></tr>
    <?cs /if ?><?cs /each ?></tbody>
  </table></div>
  <nav class="pagination" aria-label="<?cs var:Lang.Site.Pager.Label ?>"><?cs if:Page.After ?><a class="page-prev" href="/admin/codes/batches/<?cs var:url_escape(Batch.id) ?>"><?cs var:Lang.Codes.Boxes.First ?></a><?cs /if ?><?cs if:Page.NextAfter ?><a class="page-next" rel="next" href="/admin/codes/batches/<?cs var:url_escape(Batch.id) ?>?after=<?cs var:url_escape(Page.NextAfter) ?>"><?cs var:Lang.Site.Pager.Next ?></a><?cs /if ?></nav>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Codes.Boxes.None ?></p><?cs /if ?>
</section>
