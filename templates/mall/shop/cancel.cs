<?cs # cancel.cs: O2 cancel confirmation — what happens to the points, reason, confirm checkbox ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/shop/macros.cs" ?>
<div class="container narrow shop-page">
<section class="card cancel-box">
  <h1><?cs var:Lang.Shop.Cancel.Title ?></h1>
  <p><?cs var:Lang.Shop.Cancel.Intro ?> <span class="order-no"><?cs var:Order.0.order_no ?></span> <?cs call:status(Order.0.status, Order.0.needs_shipping) ?></p>
  <ul class="order-lines compact">
  <?cs each:i = Items ?><li><?cs call:thumb(i.image, i.name) ?><span class="line-name"><?cs var:i.name ?></span><span class="line-qty">× <?cs var:i.quantity ?></span></li><?cs /each ?>
  </ul>
  <p class="cancel-note"><?cs if:Order.0.status == "paid" ?><?cs var:Lang.Shop.Cancel.PaidNotePre ?> <strong><?cs var:Order.0.points_total ?></strong> <?cs var:Lang.Shop.Cancel.PaidNotePost ?><?cs else ?><?cs var:Lang.Shop.Cancel.PendingNote ?><?cs /if ?></p>
  <form class="form" method="post" action="/order/<?cs var:Order.0.order_no ?>/cancel"><?cs call:csrf() ?>
    <div class="form-row">
      <label for="f-reason"><?cs var:Lang.Shop.Cancel.Reason ?></label>
      <select id="f-reason" name="reason"><?cs each:c = Lang.Shop.Cancel.Reason ?><option value="<?cs name:c ?>"<?cs if:Form.Values.reason == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
    </div>
    <label class="check-row"><input type="checkbox" name="confirm" value="1" required> <?cs var:Lang.Shop.Cancel.Confirm ?></label>
    <div class="actions">
      <button class="btn btn-primary" type="submit"><?cs var:Lang.Shop.Cancel.Submit ?></button>
      <a class="btn" href="/order/<?cs var:Order.0.order_no ?>"><?cs var:Lang.Shop.Cancel.Back ?></a>
    </div>
  </form>
</section>
</div>
