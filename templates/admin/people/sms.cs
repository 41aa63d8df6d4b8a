<?cs # sms.cs: the SMS outbox — every text sent, driver and status; verification codes are masked ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Ops.Sms.Title ?></h1><span class="muted"><?cs var:Lang.Ops.Sms.Masked ?></span></div>
<form class="filters" method="get" action="/admin/sms" role="search">
  <label><?cs var:Lang.Ops.Sms.Mobile ?><input type="text" name="mobile" inputmode="numeric" maxlength="11" value="<?cs var:Form.Values.mobile ?>" placeholder="<?cs var:Lang.Ops.Sms.MobileHint ?>"<?cs call:aria(Form.Errors.mobile, "mobile", "") ?>><?cs call:ierr(Form.Errors.mobile, "mobile") ?></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Search ?></button>
  <a class="btn" href="/admin/sms"><?cs var:Lang.Ops.Reset ?></a>
</form>
<?cs if:subcount(Sms) ?>
<div class="table-wrap"><table class="table" id="sms">
  <thead><tr><th><?cs var:Lang.Ops.Sms.When ?></th><th><?cs var:Lang.Ops.Sms.Mobile ?></th><th><?cs var:Lang.Ops.Sms.Purpose ?></th><th><?cs var:Lang.Ops.Sms.Body ?></th><th><?cs var:Lang.Ops.Sms.Driver ?></th><th><?cs var:Lang.Ops.Sms.Status ?></th></tr></thead>
  <tbody>
  <?cs each:s = Sms ?>
    <tr data-id="<?cs var:s.id ?>"><td class="nowrap"><?cs var:s.created_at ?></td><td><a href="/admin/sms?mobile=<?cs var:url_escape(s.mobile) ?>"><?cs var:s.mobile ?></a></td><td><?cs alt:Lang.Ops.Sms.Purposes[s.purpose] ?><?cs var:s.purpose ?><?cs /alt ?></td><td class="ops-text sms-body"><?cs var:s.body ?></td><td><?cs var:s.driver ?></td>
      <td><?cs call:ops_badge(s.status) ?><?cs if:s.error ?><br><span class="field-error"><?cs var:s.error ?></span><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs elif:!Form.HasErrors ?>
<p class="empty-state"><?cs var:Lang.Ops.Sms.Empty ?></p>
<?cs /if ?>
