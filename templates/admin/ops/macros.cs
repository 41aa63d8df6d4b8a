<?cs # macros.cs: pieces shared by the ops and people pages — notice, pager, status badge ?>
<?cs def:ops_notice() ?><?cs if:Page.Notice ?><div class="flash flash-ok" role="status"><?cs var:Page.Notice ?></div><?cs /if ?><?cs /def ?>
<?cs def:ops_pager() ?><?cs if:Pager.Pages > 1 ?>
<nav class="pagination" aria-label="<?cs var:Lang.Ops.Pages ?>">
  <?cs if:Pager.Prev ?><a rel="prev" href="<?cs var:Pager.Base ?>page=<?cs var:Pager.Prev ?>"><?cs var:Lang.Admin.Pager.Prev ?></a><?cs else ?><span class="disabled"><?cs var:Lang.Admin.Pager.Prev ?></span><?cs /if ?>
  <?cs each:p = Pager.Items ?><?cs if:p.gap ?><span class="info">…</span><?cs elif:p.current ?><span class="current" aria-current="page"><?cs var:p.num ?></span><?cs else ?><a href="<?cs var:Pager.Base ?>page=<?cs var:p.num ?>"><?cs var:p.num ?></a><?cs /if ?><?cs /each ?>
  <?cs if:Pager.Next ?><a rel="next" href="<?cs var:Pager.Base ?>page=<?cs var:Pager.Next ?>"><?cs var:Lang.Admin.Pager.Next ?></a><?cs else ?><span class="disabled"><?cs var:Lang.Admin.Pager.Next ?></span><?cs /if ?>
  <span class="info"><?cs var:Pager.Total ?> <?cs var:Lang.Admin.Pager.Total ?></span>
</nav>
<?cs /if ?><?cs /def ?>
<?cs # A status word as a coloured badge: cls picks the colour, label comes from Lang.Ops.Status.<s>. ?>
<?cs def:ops_badge(s) ?><span class="badge <?cs if:s == "approved" || s == "answered" || s == "active" || s == "completed" || s == "sent" || s == "paid" ?>badge-ok<?cs elif:s == "pending" || s == "queued" || s == "shipped" ?>badge-warn<?cs elif:s == "rejected" || s == "hidden" || s == "frozen" || s == "disabled" || s == "cancelled" || s == "failed" ?>badge-danger<?cs else ?>badge-info<?cs /if ?>"><?cs alt:Lang.Ops.Status[s] ?><?cs var:s ?><?cs /alt ?></span><?cs /def ?>
<?cs def:ops_error(f) ?><?cs if:Form.Errors[f] ?><p class="field-error" id="err-<?cs var:f ?>"><?cs var:Form.Errors[f] ?></p><?cs /if ?><?cs /def ?>
