<?cs # orders.cs: order search — number, member mobile, status tabs with counts, date range; paginated ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Ops.Orders.Title ?></h1></div>
<nav class="ops-tabs" aria-label="<?cs var:Lang.Ops.Orders.Status ?>">
  <a href="<?cs var:Filter.TabBase ?>"<?cs if:!Form.Values.status ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Ops.Orders.All ?> <span class="muted"><?cs var:Counts.all ?></span></a>
  <?cs each:s = Lang.Ops.Orders.States ?><a href="<?cs var:Filter.TabBase ?>status=<?cs name:s ?>"<?cs if:Form.Values.status == name(s) ?> class="active" aria-current="page"<?cs /if ?>><?cs var:s ?> <span class="muted"><?cs alt:Counts[name(s)] ?>0<?cs /alt ?></span></a><?cs /each ?>
</nav>
<?cs if:Form.Errors.status ?><?cs call:ferr(Lang.Ops.Orders.Status + ": " + Form.Errors.status, "status", "") ?><?cs /if ?>
<form class="filters" method="get" action="/admin/orders">
  <?cs if:Form.Values.status ?><input type="hidden" name="status" value="<?cs var:Form.Values.status ?>"><?cs /if ?>
  <label><?cs var:Lang.Ops.Orders.No ?><input type="text" name="no" maxlength="17" value="<?cs var:Form.Values.no ?>" placeholder="P2026…"<?cs call:aria(Form.Errors.no, "no", "") ?>><?cs call:ierr(Form.Errors.no, "no") ?></label>
  <label><?cs var:Lang.Ops.Orders.Mobile ?><input type="text" name="mobile" inputmode="numeric" maxlength="11" value="<?cs var:Form.Values.mobile ?>"<?cs call:aria(Form.Errors.mobile, "mobile", "") ?>><?cs call:ierr(Form.Errors.mobile, "mobile") ?></label>
  <label><?cs var:Lang.Ops.Orders.From ?><input<?cs call:dateattr() ?> name="from" value="<?cs var:Form.Values.from ?>"<?cs call:aria(Form.Errors.from, "from", "") ?>><?cs call:ierr(Form.Errors.from, "from") ?></label>
  <label><?cs var:Lang.Ops.Orders.To ?><input<?cs call:dateattr() ?> name="to" value="<?cs var:Form.Values.to ?>"<?cs call:aria(Form.Errors.to, "to", "") ?>><?cs call:ierr(Form.Errors.to, "to") ?></label>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Ops.Search ?></button>
  <a class="btn" href="/admin/orders"><?cs var:Lang.Ops.Reset ?></a>
</form>
<?cs if:subcount(Orders) ?>
<div class="table-wrap"><table class="table" id="orders">
  <thead><tr><th><?cs var:Lang.Ops.Orders.No ?></th><th><?cs var:Lang.Ops.Orders.Member ?></th><th class="num"><?cs var:Lang.Ops.Orders.Points ?></th><th class="num"><?cs var:Lang.Ops.Orders.Units ?></th><th><?cs var:Lang.Ops.Orders.Status ?></th><th><?cs var:Lang.Ops.Orders.Created ?></th><th><?cs var:Lang.Ops.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:o = Orders ?>
    <tr data-no="<?cs var:o.order_no ?>">
      <td class="nowrap"><a href="/admin/orders/<?cs var:url_escape(o.order_no) ?>"><?cs var:o.order_no ?></a></td>
      <td><a href="/admin/members/<?cs var:url_escape(o.member_id) ?>"><?cs var:o.mobile ?></a></td>
      <td class="num"><?cs var:o.points_total ?></td>
      <td class="num"><?cs var:o.units ?></td>
      <td><?cs call:ops_badge(o.status) ?><?cs if:o.status == "paid" && o.needs_shipping == 1 ?> <span class="badge badge-warn"><?cs var:Lang.Ops.Orders.ToShip ?></span><?cs /if ?></td>
      <td class="nowrap"><?cs var:o.created_at ?></td>
      <td class="actions"><a class="btn btn-small" href="/admin/orders/<?cs var:url_escape(o.order_no) ?>"><?cs var:Lang.Ops.Orders.View ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs elif:!Form.HasErrors ?>
<p class="empty-state"><?cs var:Lang.Ops.Orders.Empty ?></p>
<?cs /if ?>
