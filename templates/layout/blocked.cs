<?cs # blocked.cs: the page a blacklisted client gets (403) — what is blocked, until when, how to appeal ?>
<section class="container error-page">
  <div class="card error-card" id="blocked">
    <p class="error-code" aria-hidden="true">403</p>
    <h1><?cs var:Page.Title ?></h1>
    <p><?cs var:Lang.Blocked.Text ?></p>
    <dl class="dl">
      <dt><?cs var:Lang.Blocked.WhatLabel ?></dt><dd><?cs var:Blocked.What ?></dd>
      <dt><?cs var:Lang.Blocked.UntilLabel ?></dt><dd><?cs alt:Blocked.Until ?><?cs var:Lang.Blocked.UntilRemoved ?><?cs /alt ?></dd>
      <dt><?cs var:Lang.Blocked.RefLabel ?></dt><dd><code><?cs var:Blocked.Ref ?></code></dd>
    </dl>
    <p><?cs var:Lang.Blocked.Appeal ?></p>
    <p class="error-actions"><a class="btn btn-primary" href="<?cs alt:Page.HomeUrl ?>/<?cs /alt ?>"><?cs var:Lang.Error.Home ?></a></p>
  </div>
</section>
