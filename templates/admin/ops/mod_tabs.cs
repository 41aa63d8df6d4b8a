<?cs # mod_tabs.cs: the moderation queues' heading, queue tabs with waiting counts, and the status filter ?>
<div class="page-head"><h1><?cs var:Lang.Ops.Mod.Title ?></h1></div>
<nav class="ops-tabs" aria-label="<?cs var:Lang.Ops.Mod.Title ?>">
  <a href="/admin/moderation/messages"<?cs if:Mod.Tab == "messages" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Ops.Mod.Messages ?><?cs if:Mod.Counts.messages > 0 ?> <span class="badge badge-warn"><?cs var:Mod.Counts.messages ?></span><?cs /if ?></a>
  <a href="/admin/moderation/reviews"<?cs if:Mod.Tab == "reviews" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Ops.Mod.Reviews ?><?cs if:Mod.Counts.reviews > 0 ?> <span class="badge badge-warn"><?cs var:Mod.Counts.reviews ?></span><?cs /if ?></a>
  <a href="/admin/moderation/consultations"<?cs if:Mod.Tab == "consultations" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Ops.Mod.Consultations ?><?cs if:Mod.Counts.consultations > 0 ?> <span class="badge badge-warn"><?cs var:Mod.Counts.consultations ?></span><?cs /if ?></a>
</nav>
<?cs call:notice("ok") ?>
<div class="toolbar ops-status-filter">
  <span class="muted"><?cs var:Lang.Ops.Mod.Show ?></span>
  <?cs each:s = Mod.States ?><a class="btn btn-small<?cs if:Mod.Status == s ?> btn-primary<?cs /if ?>" href="/admin/moderation/<?cs var:Mod.Tab ?>?status=<?cs var:s ?>"><?cs alt:Lang.Ops.Status[s] ?><?cs var:s ?><?cs /alt ?></a><?cs /each ?>
</div>
