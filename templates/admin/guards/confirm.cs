<?cs # confirm.cs: F4 the confirmation before a pause (works without JavaScript) ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1></div>
<section class="card">
  <p><strong><?cs var:Confirm.Text ?></strong></p>
  <p><?cs var:Lang.Switch.Reason ?>:<?cs var:Confirm.Reason ?></p>
  <form method="post" action="/admin/switch/pause"><?cs call:csrf() ?>
    <?cs if:Confirm.ActivityId ?><input type="hidden" name="activity_id" value="<?cs var:Confirm.ActivityId ?>"><?cs /if ?>
    <input type="hidden" name="reason" value="<?cs var:Confirm.Reason ?>">
    <input type="hidden" name="confirm" value="1">
    <div class="actions"><button class="btn btn-danger" type="submit"><?cs var:Lang.Switch.ConfirmYes ?></button> <a class="btn-link" href="/admin/switch"><?cs var:Lang.Switch.Back ?></a></div>
  </form>
</section>
