<?cs # grant_job.cs: B8 one bulk grant job — progress (the page refreshes itself while it runs), resume, the result CSV ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:notice("ok") ?>
<p class="breadcrumb"><a href="/admin/grants"><?cs var:Lang.Grants.Title ?></a> / <?cs var:Lang.Grants.Job ?> #<?cs var:Job.id ?></p>
<div class="page-head"><h1><?cs var:Page.Title ?> #<?cs var:Job.id ?> · <?cs var:Job.file_name ?></h1></div>
<section class="card" id="job" data-state="<?cs var:Job.state ?>">
  <p><strong id="job-state"><?cs alt:Lang.Grants.States[Job.state] ?><?cs var:Job.state ?><?cs /alt ?></strong></p>
  <p><label for="job-progress"><?cs var:Lang.Grants.Progress ?></label>
    <progress id="job-progress" max="100" value="<?cs var:Job.percent ?>"><?cs var:Job.percent ?>%</progress>
    <span id="job-count"><?cs var:Job.done_count ?> / <?cs var:Job.total ?></span> (<?cs var:Job.percent ?>%)</p>
  <dl class="dl">
    <dt><?cs var:Lang.Grants.Points ?></dt><dd id="job-points"><?cs var:Job.points_total ?></dd>
    <?cs if:Job.enterprise ?><dt><?cs var:Lang.Ent.Code ?></dt><dd><?cs var:Job.enterprise ?></dd><?cs /if ?>
    <dt>SHA-256</dt><dd class="mono"><?cs var:Job.file_sha256 ?></dd>
    <dt><?cs var:Lang.Grants.Created ?></dt><dd><?cs var:Job.created_at ?></dd>
    <?cs if:Job.finished_at ?><dt><?cs var:Lang.Grants.Finished ?></dt><dd><?cs var:Job.finished_at ?></dd><?cs /if ?>
  </dl>
  <?cs if:Job.state == "queued" || Job.state == "running" ?><p class="muted"><?cs var:Lang.Grants.Refreshing ?></p><?cs /if ?>
  <?cs if:Job.state == "failed" || Job.stale == 1 ?>
    <?cs if:Job.state == "failed" ?><div class="flash flash-error" role="alert"><?cs if:Job.BudgetLine ?><?cs var:Lang.Grants.BudgetStopped ?> <?cs var:Job.BudgetLine ?><?cs else ?><?cs var:Lang.Grants.Failed ?> <?cs var:Job.message ?><?cs /if ?></div><?cs /if ?>
    <form method="post" action="/admin/grants/jobs/<?cs var:url_escape(Job.id) ?>/resume"><?cs call:csrf() ?><button class="btn btn-primary" type="submit" id="resume"><?cs var:Lang.Grants.Resume ?></button></form>
  <?cs /if ?>
  <p><a class="btn" id="result" href="/admin/grants/jobs/<?cs var:url_escape(Job.id) ?>/result.csv"><?cs var:Lang.Grants.Result ?></a></p>
</section>
