<?cs # order_cancel.cs: confirmation step for cancelling an order on the operator's behalf (reason required) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/ops/order_summary.cs" ?>
<?cs with:o = Order.0 ?>
<section class="card ops-danger-zone" id="cancel">
  <h2><?cs var:Lang.Ops.Order.CancelTitle ?></h2>
  <?cs if:o.status == "pending" || o.status == "paid" ?>
  <p><?cs if:o.status == "paid" ?><?cs var:Lang.Ops.Order.CancelConfirmPaid ?> <strong class="ops-refund"><?cs var:o.points_total ?></strong> <?cs var:Lang.Site.Points ?><?cs else ?><?cs var:Lang.Ops.Order.CancelConfirmPending ?><?cs /if ?></p>
  <form class="form" method="post" action="/admin/orders/<?cs var:url_escape(o.order_no) ?>/cancel">
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.reason ?> has-error<?cs /if ?>">
      <label for="f-reason"><?cs var:Lang.Ops.Order.Reason ?></label>
      <textarea id="f-reason" name="reason" rows="3" maxlength="200" required<?cs call:aria(Form.Errors.reason, "reason", Lang.Ops.Order.ReasonHint) ?>><?cs var:Form.Values.reason ?></textarea>
      <?cs call:ferr(Form.Errors.reason, "reason", Lang.Ops.Order.ReasonHint) ?>
    </div>
    <div class="actions">
      <button class="btn btn-danger" type="submit"><?cs var:Lang.Ops.Order.ConfirmCancel ?></button>
      <a class="btn" href="/admin/orders/<?cs var:url_escape(o.order_no) ?>"><?cs var:Lang.Ops.Order.KeepOrder ?></a>
    </div>
  </form>
  <?cs else ?>
  <p class="muted"><?cs var:Lang.Ops.Order.CannotCancel ?></p>
  <a class="btn" href="/admin/orders/<?cs var:url_escape(o.order_no) ?>"><?cs var:Lang.Ops.Order.Back ?></a>
  <?cs /if ?>
</section>
<?cs /with ?>
