<?cs # grants.cs: B8 bulk grants — upload a CSV file (checked whole first: the line-by-line report), the latest jobs ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Grants.Title ?><?cs if:Page.Enterprise ?> · <?cs var:Page.Enterprise ?><?cs /if ?></h1></div>
<section class="card" id="upload">
  <h2><?cs var:Lang.Grants.Upload ?></h2>
  <p class="muted"><?cs var:Lang.Grants.Format ?></p>
  <pre class="mono">mobile,points,reason,expiry
13800138000,500,2026 年度客户回馈,2027-12-31</pre>
  <form class="form" method="post" action="/admin/grants" enctype="multipart/form-data" novalidate><?cs call:csrf() ?>
    <div class="form-row is-required<?cs if:Form.Errors.file ?> has-error<?cs /if ?>">
      <label for="f-file"><?cs var:Lang.Grants.File ?></label>
      <input id="f-file" name="file" type="file" accept=".csv,text/csv"<?cs call:aria(Form.Errors.file, "file", Lang.Grants.FileHint) ?>>
      <?cs call:ferr(Form.Errors.file, "file", Lang.Grants.FileHint) ?>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Grants.Submit ?></button></div>
  </form>
  <?cs if:Check.issues ?>
  <div id="check-report">
    <p class="flash flash-error" role="alert"><?cs var:Lang.Grants.ReportHead ?> <strong id="issue-count"><?cs var:Check.issues ?></strong> · <?cs var:Lang.Grants.Lines ?> <?cs var:Check.lines ?></p>
    <div class="table-wrap"><table class="table" id="issues">
      <thead><tr><th class="num"><?cs var:Lang.Grants.Line ?></th><th><?cs var:Lang.Grants.Problem ?></th><th><?cs var:Lang.Grants.Value ?></th></tr></thead>
      <tbody><?cs each:i = Check.Issues ?><tr data-line="<?cs var:i.line ?>"><td class="num"><?cs if:i.line > 0 ?><?cs var:i.line ?><?cs else ?>—<?cs /if ?></td><td class="issue-what" data-what="<?cs var:i.what ?>"><?cs alt:Lang.Grants.Issue[i.what] ?><?cs var:i.what ?><?cs /alt ?></td><td class="mono"><?cs var:i.detail ?></td></tr><?cs /each ?></tbody>
    </table></div>
    <?cs if:Check.more ?><p class="muted"><?cs var:Lang.Grants.More ?> <?cs var:Check.more ?></p><?cs /if ?>
  </div>
  <?cs /if ?>
</section>
<section class="card" id="jobs">
  <h2><?cs var:Lang.Grants.Jobs ?></h2>
  <?cs if:subcount(Jobs) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th>ID</th><th><?cs var:Lang.Grants.File ?></th><th><?cs var:Lang.Grants.State ?></th><th class="num"><?cs var:Lang.Grants.Progress ?></th><th class="num"><?cs var:Lang.Grants.Points ?></th><th><?cs var:Lang.Grants.Created ?></th></tr></thead>
    <tbody><?cs each:j = Jobs ?><tr data-job="<?cs var:j.id ?>">
      <td><a href="/admin/grants/jobs/<?cs var:url_escape(j.id) ?>"><?cs var:j.id ?></a></td><td><?cs var:j.file_name ?></td>
      <td><?cs alt:Lang.Grants.States[j.state] ?><?cs var:j.state ?><?cs /alt ?></td>
      <td class="num"><?cs var:j.done_count ?> / <?cs var:j.total ?> (<?cs var:j.percent ?>%)</td><td class="num"><?cs var:j.points_total ?></td><td><?cs var:j.created_at ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Grants.NoJobs ?></p><?cs /if ?>
</section>
