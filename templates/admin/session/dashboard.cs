<?cs # dashboard.cs: landing page — today's figures, pending moderation, low-stock products ?>
<?cs def:stat(label, value, href) ?>
<div class="stat"><div class="stat-label"><?cs var:label ?></div><?cs
if:href ?><a class="stat-value" href="<?cs var:href ?>"><?cs var:value ?></a><?cs else ?><div class="stat-value"><?cs var:value ?></div><?cs /if ?></div>
<?cs /def ?>
<div class="page-head"><h1><?cs var:Lang.AdminCore.Dash.Title ?></h1><span class="muted"><?cs var:Lang.AdminCore.Dash.Hello ?> <?cs var:User.Name ?></span></div>
<h2><?cs var:Lang.AdminCore.Dash.Today ?></h2>
<div class="grid dash-today">
  <?cs call:stat(Lang.AdminCore.Dash.OrdersToday, Dash.orders_today, Dash.Link.Orders) ?>
  <?cs call:stat(Lang.AdminCore.Dash.PaidToday, Dash.paid_today, Dash.Link.Orders) ?>
  <?cs call:stat(Lang.AdminCore.Dash.PointsSpentToday, Dash.points_spent_today, Dash.Link.Reports) ?>
</div>
<?cs if:!Dash.Enterprise ?>
<h2><?cs var:Lang.AdminCore.Dash.Pending ?></h2>
<div class="grid dash-pending">
  <?cs call:stat(Lang.AdminCore.Dash.PendingMessages, Dash.pending_messages, Dash.Link.Messages) ?>
  <?cs call:stat(Lang.AdminCore.Dash.PendingReviews, Dash.pending_reviews, Dash.Link.Reviews) ?>
  <?cs call:stat(Lang.AdminCore.Dash.OpenConsultations, Dash.open_consultations, Dash.Link.Consultations) ?>
</div>
<div class="card dash-low-stock">
  <div class="card-head"><h2><?cs var:Lang.AdminCore.Dash.LowStock ?> <span class="badge<?cs if:Dash.low_stock_count > 0 ?> badge-warn<?cs /if ?>" id="low-stock-count"><?cs var:Dash.low_stock_count ?></span></h2></div>
  <?cs if:subcount(Dash.LowStock) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th>ID</th><th><?cs var:Lang.AdminCore.Dash.Product ?></th><th class="num"><?cs var:Lang.AdminCore.Dash.Stock ?></th></tr></thead>
    <tbody>
    <?cs each:p = Dash.LowStock ?>
      <tr><td><?cs var:p.id ?></td><td><?cs if:Dash.Link.Products ?><a href="/admin/products/<?cs var:url_escape(p.id) ?>"><?cs /if ?><?cs if:Page.Lang == "en" && p.name_en ?><?cs var:p.name_en ?><?cs else ?><?cs var:p.name_zh ?><?cs /if ?><?cs if:Dash.Link.Products ?></a><?cs /if ?></td>
      <td class="num"><span class="badge<?cs if:p.stock == 0 ?> badge-danger<?cs else ?> badge-warn<?cs /if ?>"><?cs var:p.stock ?></span></td></tr>
    <?cs /each ?>
    </tbody>
  </table></div>
  <?cs else ?>
  <p class="empty-state"><?cs var:Lang.AdminCore.Dash.NoLowStock ?></p>
  <?cs /if ?>
</div>
<?cs /if ?>
