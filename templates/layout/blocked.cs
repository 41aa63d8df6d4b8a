<?cs # blocked.cs: the page a blacklisted client gets (403) — what is blocked, until when, how to appeal ?>
<section class="container error-page">
  <div class="card error-card" id="blocked">
    <p class="error-code" aria-hidden="true">403</p>
    <h1><?cs var:Page.Title ?></h1>
    <p><?cs var:Lang.Blocked.Text ?></p>
    <p><?cs var:Lang.Blocked.WhatLabel ?> <strong><?cs var:Blocked.What ?></strong><br>
      <?cs var:Lang.Blocked.UntilLabel ?> <strong><?cs alt:Blocked.Until ?><?cs var:Lang.Blocked.UntilRemoved ?><?cs /alt ?></strong><br>
      <?cs var:Lang.Blocked.RefLabel ?> <code><?cs var:Blocked.Ref ?></code></p>
    <p><?cs var:Lang.Blocked.Appeal ?></p>
    <p class="error-actions"><a class="btn btn-primary" href="<?cs alt:Page.HomeUrl ?>/<?cs /alt ?>"><?cs var:Lang.Error.Home ?></a></p>
  </div>
</section>
