<?cs # password.cs: F5 the package password, shown this once (the server forgets it) ?>
<?cs include:"layout/macros.cs" ?>
<p class="breadcrumb"><a href="/admin/codes"><?cs var:Lang.Codes.Title ?></a> / <a href="/admin/codes/jobs/<?cs var:url_escape(Job.id) ?>"><?cs var:Lang.Codes.Job ?> #<?cs var:Job.id ?></a></p>
<div class="page-head"><h1><?cs var:Page.Title ?></h1></div>
<section class="card">
  <?cs if:Package.Password ?>
  <p><?cs var:Lang.Codes.PasswordIs ?></p>
  <p class="mono package-password" id="package-password"><?cs var:Package.Password ?></p>
  <p class="muted"><?cs var:Lang.Codes.PasswordWarn ?></p>
  <?cs /if ?>
  <?cs if:Job.batch_state == "ready" ?><p><a class="btn" href="/admin/codes/batches/<?cs var:url_escape(Job.batch_id) ?>/package.zip"><?cs var:Lang.Codes.Download ?></a></p><?cs /if ?>
  <p><a href="/admin/codes/jobs/<?cs var:url_escape(Job.id) ?>"><?cs var:Lang.Codes.BackToJob ?></a></p>
</section>
