<?cs # done.cs: the application was received ?>
<section class="card apply-box">
  <h1><?cs var:Lang.Apply.DoneTitle ?></h1>
  <?cs if:Form.Values.no ?><p><?cs var:Lang.Apply.DoneNo ?>：<strong class="mono" id="application-no"><?cs var:Form.Values.no ?></strong></p><?cs /if ?>
  <p><?cs var:Lang.Apply.DoneText ?></p>
  <p><a class="btn btn-primary" href="/merchant/login"><?cs var:Lang.Apply.BackHome ?></a></p>
</section>
