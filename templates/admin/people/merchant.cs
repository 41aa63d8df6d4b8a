<?cs # merchant.cs: one merchant — facts, staff accounts, voucher products, enable / disable, terminal settlement rule ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs call:notice("ok") ?>
<?cs with:m = Merchant.0 ?>
<div class="page-head">
  <h1><?cs var:m.name ?> <?cs call:ops_badge(m.status) ?></h1>
  <a class="btn" href="/admin/merchants"><?cs var:Lang.Ops.Merchant.Back ?></a>
</div>
<div class="grid ops-facts">
  <section class="card">
    <dl class="dl">
      <dt><?cs var:Lang.Ops.Merchant.Address ?></dt><dd><?cs alt:m.address ?>—<?cs /alt ?></dd>
      <dt><?cs var:Lang.Ops.Merchants.Phone ?></dt><dd><?cs alt:m.phone ?>—<?cs /alt ?></dd>
      <dt><?cs var:Lang.Ops.Merchants.Since ?></dt><dd><?cs var:m.created_at ?></dd>
    </dl>
  </section>
  <section class="card" id="status">
    <h2><?cs var:Lang.Ops.Merchant.Status ?></h2>
    <form method="post" action="/admin/merchants/<?cs var:url_escape(m.id) ?>/status">
      <?cs call:csrf() ?>
      <?cs if:m.status == "active" ?>
      <p class="hint"><?cs var:Lang.Ops.Merchant.DisableHint ?></p>
      <button class="btn btn-danger" type="submit" name="status" value="disabled" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Ops.Merchant.Disable ?></button>
      <?cs else ?>
      <button class="btn btn-primary" type="submit" name="status" value="active"><?cs var:Lang.Ops.Merchant.Enable ?></button>
      <?cs /if ?>
    </form>
  </section>
</div>
<section class="card" id="staff">
  <h2><?cs var:Lang.Ops.Merchant.StaffTitle ?></h2>
  <?cs if:subcount(Staff) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Merchant.Username ?></th><th><?cs var:Lang.Ops.Merchant.Role ?></th><th><?cs var:Lang.Ops.Members.Status ?></th><th><?cs var:Lang.Ops.Merchants.Since ?></th></tr></thead>
    <tbody><?cs each:u = Staff ?><tr><td><?cs var:u.username ?></td><td><?cs alt:Lang.Ops.Merchant.Roles[u.role] ?><?cs var:u.role ?><?cs /alt ?></td><td><?cs call:ops_badge(u.status) ?></td><td><?cs var:u.created_at ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Merchant.NoStaff ?></p><?cs /if ?>
</section>
<section class="card" id="products">
  <h2><?cs var:Lang.Ops.Merchant.ProductsTitle ?></h2>
  <?cs if:subcount(Products) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Order.Product ?></th><th><?cs var:Lang.Ops.Order.Type ?></th><th class="num"><?cs var:Lang.Ops.Order.Price ?></th><th class="num"><?cs var:Lang.Ops.Merchant.Stock ?></th><th><?cs var:Lang.Ops.Merchant.Shelf ?></th></tr></thead>
    <tbody><?cs each:p = Products ?><tr><td><a href="/product/<?cs var:url_escape(p.id) ?>"><?cs var:p.name ?></a></td><td><?cs alt:Lang.Ops.Type[p.type] ?><?cs var:p.type ?><?cs /alt ?></td><td class="num"><?cs var:p.points_price ?></td><td class="num"><?cs var:p.stock ?></td><td><?cs if:p.on_shelf == 1 ?><span class="badge badge-on"><?cs var:Lang.Ops.Merchant.OnShelf ?></span><?cs else ?><span class="badge badge-off"><?cs var:Lang.Ops.Merchant.OffShelf ?></span><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Merchant.NoProducts ?></p><?cs /if ?>
</section>
<section class="card" id="settlements">
  <h2><?cs var:Lang.Ops.Merchant.Settlements ?></h2>
  <p><?cs var:Lang.Ops.Merchant.RateNow ?> <strong id="rate-now"><?cs var:m.offline_fen_per_100 ?></strong> <?cs var:Lang.Ops.Merchant.RateUnit ?></p>
  <p class="hint"><?cs var:Lang.Ops.Merchant.RateRule ?></p>
  <?cs if:Page.CanRate ?>
  <form class="form" method="post" action="/admin/merchants/<?cs var:url_escape(m.id) ?>/settle-rate">
    <?cs call:csrf() ?>
    <?cs call:field("fen_per_100", Lang.Ops.Merchant.RateField, "number", "off", "", 1, Lang.Ops.Merchant.RateHint) ?>
    <div class="actions"><button class="btn btn-primary" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Ops.Merchant.RateSave ?></button></div>
  </form>
  <?cs /if ?>
  <p><a href="/admin/settlements"><?cs var:Lang.Ops.Merchant.SettlementsLink ?></a></p>
</section>
<?cs /with ?>
