<?cs # member.cs: one member — balance, status, open lots, ledger; grant / deduct points, freeze, password reset ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs call:notice("ok") ?>
<?cs with:m = Member.0 ?>
<div class="page-head">
  <h1><?cs var:Lang.Ops.Member.Title ?> <span class="ops-no"><?cs var:m.mobile ?></span> <?cs call:ops_badge(m.status) ?></h1>
  <span class="toolbar">
    <a class="btn" href="/admin/orders?mobile=<?cs var:url_escape(m.mobile) ?>"><?cs var:Lang.Ops.Member.Orders ?> (<?cs var:m.orders ?>)</a>
    <a class="btn" href="/admin/members"><?cs var:Lang.Ops.Member.Back ?></a>
  </span>
</div>
<div class="grid ops-facts">
  <div class="stat"><div class="stat-label"><?cs var:Lang.Ops.Members.Balance ?></div><div class="stat-value" id="balance"><?cs var:m.points_balance ?></div></div>
  <section class="card">
    <dl class="dl">
      <dt><?cs var:Lang.Ops.Members.Name ?></dt><dd><?cs alt:m.name ?>—<?cs /alt ?></dd>
      <?cs if:m.enterprise ?><dt><?cs var:Lang.Ops.Member.Enterprise ?></dt><dd><?cs var:m.enterprise ?></dd><?cs /if ?>
      <dt><?cs var:Lang.Ops.Members.Joined ?></dt><dd><?cs var:m.created_at ?></dd>
      <dt><?cs var:Lang.Ops.Member.Sessions ?></dt><dd><?cs var:m.sessions ?></dd>
    </dl>
  </section>
</div>
<?cs if:Page.CanGrant ?>
<div class="grid">
  <section class="card" id="grant">
    <h2><?cs var:Lang.Ops.Member.Grant ?></h2>
    <form class="form" method="post" action="/admin/members/<?cs var:url_escape(m.id) ?>/grant">
      <?cs call:csrf() ?>
      <div class="form-row<?cs if:Form.Errors.grant_amount ?> has-error<?cs /if ?>"><label for="g-amount"><?cs var:Lang.Ops.Member.Amount ?></label>
        <input id="g-amount" name="grant_amount" type="number" min="1" max="10000000" step="1" required value="<?cs var:Form.Values.grant_amount ?>"<?cs call:aria(Form.Errors.grant_amount, "grant_amount", "") ?>><?cs call:ferr(Form.Errors.grant_amount, "grant_amount", "") ?></div>
      <div class="form-row<?cs if:Form.Errors.grant_expires ?> has-error<?cs /if ?>"><label for="g-expires"><?cs var:Lang.Ops.Member.Expires ?></label>
        <input id="g-expires" name="grant_expires"<?cs call:dateattr() ?> required value="<?cs var:Form.Values.grant_expires ?>"<?cs call:aria(Form.Errors.grant_expires, "grant_expires", "") ?>><?cs call:ferr(Form.Errors.grant_expires, "grant_expires", "") ?></div>
      <div class="form-row<?cs if:Form.Errors.grant_reason ?> has-error<?cs /if ?>"><label for="g-reason"><?cs var:Lang.Ops.Member.Reason ?></label>
        <input type="text" id="g-reason" name="grant_reason" maxlength="200" required value="<?cs var:Form.Values.grant_reason ?>" placeholder="<?cs var:Lang.Ops.Member.ReasonHint ?>"<?cs call:aria(Form.Errors.grant_reason, "grant_reason", "") ?>><?cs call:ferr(Form.Errors.grant_reason, "grant_reason", "") ?></div>
      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Member.GrantButton ?></button></div>
    </form>
  </section>
  <?cs if:Page.CanEdit ?>
  <section class="card" id="deduct">
    <h2><?cs var:Lang.Ops.Member.Deduct ?></h2>
    <form class="form" method="post" action="/admin/members/<?cs var:url_escape(m.id) ?>/deduct">
      <?cs call:csrf() ?>
      <div class="form-row<?cs if:Form.Errors.deduct_amount ?> has-error<?cs /if ?>"><label for="d-amount"><?cs var:Lang.Ops.Member.Amount ?></label>
        <input id="d-amount" name="deduct_amount" type="number" min="1" max="<?cs var:m.points_balance ?>" step="1" required value="<?cs var:Form.Values.deduct_amount ?>"<?cs call:aria(Form.Errors.deduct_amount, "deduct_amount", Lang.Ops.Member.DeductHint) ?>>
        <?cs call:ferr(Form.Errors.deduct_amount, "deduct_amount", Lang.Ops.Member.DeductHint + " " + m.points_balance) ?></div>
      <div class="form-row<?cs if:Form.Errors.deduct_reason ?> has-error<?cs /if ?>"><label for="d-reason"><?cs var:Lang.Ops.Member.Reason ?></label>
        <input type="text" id="d-reason" name="deduct_reason" maxlength="200" required value="<?cs var:Form.Values.deduct_reason ?>" placeholder="<?cs var:Lang.Ops.Member.ReasonHint ?>"<?cs call:aria(Form.Errors.deduct_reason, "deduct_reason", "") ?>><?cs call:ferr(Form.Errors.deduct_reason, "deduct_reason", "") ?></div>
      <div class="actions"><button class="btn btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Ops.Member.DeductButton ?></button></div>
    </form>
  </section>
  <section class="card" id="account">
    <h2><?cs var:Lang.Ops.Member.Account ?></h2>
    <?cs if:m.status == "active" ?>
    <form class="form" method="post" action="/admin/members/<?cs var:url_escape(m.id) ?>/freeze">
      <?cs call:csrf() ?>
      <div class="form-row<?cs if:Form.Errors.status_reason ?> has-error<?cs /if ?>"><label for="s-reason"><?cs var:Lang.Ops.Member.FreezeReason ?></label>
        <input type="text" id="s-reason" name="status_reason" maxlength="200" value="<?cs var:Form.Values.status_reason ?>"<?cs call:aria(Form.Errors.status_reason, "status_reason", "") ?>><?cs call:ferr(Form.Errors.status_reason, "status_reason", "") ?></div>
      <p class="hint"><?cs var:Lang.Ops.Member.FreezeHint ?></p>
      <div class="actions"><button class="btn btn-danger" type="submit" data-confirm="<?cs var:Lang.Admin.ConfirmAction ?>"><?cs var:Lang.Ops.Member.Freeze ?></button></div>
    </form>
    <?cs else ?>
    <form class="form" method="post" action="/admin/members/<?cs var:url_escape(m.id) ?>/unfreeze">
      <?cs call:csrf() ?>
      <p class="hint"><?cs var:Lang.Ops.Member.FrozenHint ?></p>
      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Member.Unfreeze ?></button></div>
    </form>
    <?cs /if ?>
    <form class="form ops-reset" method="post" action="/admin/members/<?cs var:url_escape(m.id) ?>/password">
      <?cs call:csrf() ?>
      <p class="hint"><?cs var:Lang.Ops.Member.ResetHint ?></p>
      <div class="actions"><button class="btn" type="submit"><?cs var:Lang.Ops.Member.Reset ?></button></div>
    </form>
  </section>
  <?cs /if ?>
</div>
<?cs /if ?>
<section class="card" id="lots">
  <h2><?cs var:Lang.Ops.Member.Lots ?></h2>
  <?cs if:subcount(Lots) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Lots.Lot ?></th><th><?cs var:Lang.Ops.Lots.Source ?></th><th class="num"><?cs var:Lang.Ops.Lots.Amount ?></th><th class="num"><?cs var:Lang.Ops.Lots.Remaining ?></th><th><?cs var:Lang.Ops.Lots.Expires ?></th><th><?cs var:Lang.Ops.Lots.Created ?></th></tr></thead>
    <tbody><?cs each:l = Lots ?><tr><td>#<?cs var:l.id ?></td><td><?cs alt:Lang.Ops.Kind[l.source] ?><?cs var:l.source ?><?cs /alt ?><?cs if:l.note ?> · <?cs var:l.note ?><?cs /if ?></td><td class="num"><?cs var:l.amount ?></td><td class="num"><?cs var:l.remaining ?></td><td<?cs if:l.due == 1 ?> class="ops-due"<?cs /if ?>><?cs var:l.expires_at ?></td><td><?cs var:l.created_at ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Member.NoLots ?></p><?cs /if ?>
</section>
<section class="card" id="ledger">
  <h2><?cs var:Lang.Ops.Member.Ledger ?></h2>
  <?cs if:subcount(Ledger) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Ops.Ledger.When ?></th><th><?cs var:Lang.Ops.Ledger.Kind ?></th><th class="num"><?cs var:Lang.Ops.Ledger.Amount ?></th><th class="num"><?cs var:Lang.Ops.Ledger.BalanceAfter ?></th><th><?cs var:Lang.Ops.Ledger.Order ?></th><th><?cs var:Lang.Ops.Ledger.Note ?></th></tr></thead>
    <tbody><?cs each:l = Ledger ?><tr data-kind="<?cs var:l.kind ?>"><td class="nowrap"><?cs var:l.time ?></td><td><?cs alt:Lang.Ops.Kind[l.kind] ?><?cs var:l.kind ?><?cs /alt ?></td><td class="num <?cs if:l.amount < 0 ?>ops-minus<?cs else ?>ops-plus<?cs /if ?>"><?cs if:l.amount > 0 ?>+<?cs /if ?><?cs var:l.amount ?></td><td class="num"><?cs var:l.balance_after ?></td><td><?cs if:l.order_no ?><a href="/admin/orders/<?cs var:url_escape(l.order_no) ?>"><?cs var:l.order_no ?></a><?cs /if ?></td><td><?cs var:l.note ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs call:pager(1) ?>
  <?cs else ?><p class="muted"><?cs var:Lang.Ops.Member.NoLedger ?></p><?cs /if ?>
</section>
<?cs /with ?>
