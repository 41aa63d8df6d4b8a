<?cs # list.cs: the merchant's vouchers — filters, table with status and who redeemed when, pages, CSV link ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.MchPortal.Orders.Title ?></h1><a class="btn" id="csv" href="<?cs var:Filter.Csv ?>"><?cs var:Lang.MchPortal.Orders.Csv ?></a></div>
<form class="filters" method="get" action="/merchant/orders">
  <label><?cs var:Lang.MchPortal.Orders.Status ?>
    <select name="status">
      <option value=""><?cs var:Lang.MchPortal.Orders.Any ?></option>
      <?cs each:s = Lang.MchPortal.Status ?><option value="<?cs name:s ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
    </select></label>
  <label><?cs var:Lang.MchPortal.Orders.DateBy ?>
    <select name="by">
      <option value="issued"<?cs if:Filter.by != "redeemed" ?> selected<?cs /if ?>><?cs var:Lang.MchPortal.Orders.ByIssued ?></option>
      <option value="redeemed"<?cs if:Filter.by == "redeemed" ?> selected<?cs /if ?>><?cs var:Lang.MchPortal.Orders.ByRedeemed ?></option>
    </select></label>
  <label<?cs if:Form.Errors.from ?> class="has-error"<?cs /if ?>><?cs var:Lang.MchPortal.Orders.From ?><input<?cs call:dateattr() ?> name="from" value="<?cs alt:Form.Values.from ?><?cs var:Filter.from ?><?cs /alt ?>"<?cs call:aria(Form.Errors.from, "from", "") ?>><?cs call:ierr(Form.Errors.from, "from") ?></label>
  <label<?cs if:Form.Errors.to ?> class="has-error"<?cs /if ?>><?cs var:Lang.MchPortal.Orders.To ?><input<?cs call:dateattr() ?> name="to" value="<?cs alt:Form.Values.to ?><?cs var:Filter.to ?><?cs /alt ?>"<?cs call:aria(Form.Errors.to, "to", "") ?>><?cs call:ierr(Form.Errors.to, "to") ?></label>
  <label><?cs var:Lang.MchPortal.Orders.No ?><input type="search" name="no" maxlength="32" value="<?cs var:Filter.no ?>"></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.MchPortal.Orders.Filter ?></button>
  <a class="btn" href="/merchant/orders"><?cs var:Lang.MchPortal.Orders.Reset ?></a>
</form>
<p class="muted"><?cs var:Lang.MchPortal.Orders.Total ?> <strong id="total"><?cs var:Filter.Total ?></strong></p>
<?cs if:subcount(Vouchers) ?>
<div class="table-wrap"><table class="table" id="vouchers">
  <thead><tr><th><?cs var:Lang.MchPortal.Orders.No ?></th><th><?cs var:Lang.MchPortal.Orders.Product ?></th><th><?cs var:Lang.MchPortal.Orders.Member ?></th><th><?cs var:Lang.MchPortal.Orders.Status ?></th><th class="num"><?cs var:Lang.MchPortal.Orders.Points ?></th><th class="num"><?cs var:Lang.MchPortal.Orders.Settle ?></th><th><?cs var:Lang.MchPortal.Orders.Validity ?></th><th><?cs var:Lang.MchPortal.Orders.Issued ?></th><th><?cs var:Lang.MchPortal.Orders.Redeemed ?></th></tr></thead>
  <tbody>
  <?cs each:v = Vouchers ?>
  <tr data-no="<?cs var:v.no ?>">
    <td class="mono"><?cs var:v.no ?></td>
    <td><?cs if:Page.Lang == "en" && v.product_en ?><?cs var:v.product_en ?><?cs else ?><?cs var:v.product ?><?cs /if ?></td>
    <td><?cs var:v.member_masked ?></td>
    <td><span class="badge badge-<?cs var:v.status ?>"><?cs alt:Lang.MchPortal.Status[v.status] ?><?cs var:v.status ?><?cs /alt ?></span></td>
    <td class="num"><?cs var:v.points ?></td>
    <td class="num">¥<?cs var:v.settle_yuan ?></td>
    <td><?cs var:v.valid_from ?> ~ <?cs var:v.valid_to ?></td>
    <td><?cs var:v.created_at ?></td>
    <td><?cs if:v.redeemed_at ?><?cs var:v.redeemed_at ?><br><span class="muted"><?cs var:v.redeemed_by ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(0) ?>
<?cs else ?><p class="empty-state" id="empty"><?cs var:Lang.MchPortal.Orders.Empty ?></p><?cs /if ?>
