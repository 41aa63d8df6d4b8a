<?cs # job.cs: F5 a generation job — progress (the page refreshes itself while it runs), then the package and its password, once ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/codes"><?cs var:Lang.Codes.Title ?></a> / <?cs var:Lang.Codes.Job ?> #<?cs var:Job.id ?></p>
<div class="page-head"><h1><?cs var:Page.Title ?> #<?cs var:Job.id ?> · <?cs var:Job.batch_name ?></h1></div>
<section class="card" id="job" data-state="<?cs var:Job.state ?>">
  <p><strong id="job-state"><?cs alt:Lang.Codes.JobStates[Job.state] ?><?cs var:Job.state ?><?cs /alt ?></strong></p>
  <p><label for="job-progress"><?cs var:Lang.Codes.Progress ?></label>
    <progress id="job-progress" max="100" value="<?cs var:Job.percent ?>"><?cs var:Job.percent ?>%</progress>
    <span id="job-count"><?cs var:Job.done_count ?> / <?cs var:Job.total ?></span> (<?cs var:Job.percent ?>%)</p>
  <?cs if:Job.state == "queued" || Job.state == "running" ?><p class="muted"><?cs var:Lang.Codes.Refreshing ?></p><?cs /if ?>
  <?cs if:Job.state == "failed" ?><div class="flash flash-error" role="alert"><?cs var:Lang.Codes.Failed ?> <?cs var:Job.message ?></div>
    <?cs if:Job.batch_state == "failed" ?><form method="post" action="/admin/codes/batches/<?cs var:url_escape(Job.batch_id) ?>/retry"><?cs call:csrf() ?><button class="btn btn-primary" type="submit" id="retry"><?cs var:Lang.Codes.Retry ?></button></form><?cs /if ?>
  <?cs /if ?>
  <?cs if:Job.state == "done" ?>
    <dl class="dl">
      <dt><?cs var:Lang.Codes.Took ?></dt><dd id="job-seconds"><?cs var:Job.seconds_taken ?> s</dd>
      <dt><?cs var:Lang.Codes.PackageSize ?></dt><dd><?cs var:Job.package_bytes ?> B</dd>
      <dt>SHA-256</dt><dd class="mono" id="package-sha256"><?cs var:Job.package_sha256 ?></dd>
    </dl>
    <?cs if:Job.Mine ?>
      <?cs if:Job.password_waiting == 1 ?>
      <form method="post" action="/admin/codes/jobs/<?cs var:url_escape(Job.id) ?>/password"><?cs call:csrf() ?>
        <p><?cs var:Lang.Codes.PasswordOnce ?></p>
        <button class="btn btn-primary" type="submit" id="show-password"><?cs var:Lang.Codes.ShowPassword ?></button></form>
      <?cs else ?><p class="muted"><?cs var:Lang.Codes.PasswordShownAt ?> <?cs var:Job.password_shown_at ?></p><?cs /if ?>
      <?cs if:Job.batch_state == "ready" ?>
      <p><a class="btn" id="download" href="/admin/codes/batches/<?cs var:url_escape(Job.batch_id) ?>/package.zip"><?cs var:Lang.Codes.Download ?></a></p>
      <form method="post" action="/admin/codes/batches/<?cs var:url_escape(Job.batch_id) ?>/discard"><?cs call:csrf() ?>
        <button class="btn btn-danger" type="submit" data-confirm="<?cs var:Lang.Codes.DiscardConfirm ?>"><?cs var:Lang.Codes.Discard ?></button></form>
      <?cs /if ?>
    <?cs else ?><p class="muted"><?cs var:Lang.Codes.OnlyOwner ?></p><?cs /if ?>
    <p><a href="/admin/codes/batches/<?cs var:url_escape(Job.batch_id) ?>"><?cs var:Lang.Codes.ToBatch ?></a></p>
  <?cs /if ?>
</section>
