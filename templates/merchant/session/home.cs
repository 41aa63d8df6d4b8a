<?cs # home.cs: merchant portal home — today's redemptions and the main tasks ?>
<div class="page-head"><h1><?cs var:Lang.MchPortal.Home.Hello ?><?cs var:User.Merchant ?></h1></div>
<div class="grid">
  <div class="stat"><div class="stat-label"><?cs var:Lang.MchPortal.Home.RedeemedToday ?></div><a class="stat-value" id="today-redeemed" href="/merchant/orders?status=redeemed&amp;by=redeemed&amp;from=<?cs var:Today.Date ?>"><?cs var:Today.Redeemed ?></a></div>
  <div class="stat"><div class="stat-label"><?cs var:Lang.MchPortal.Home.PointsToday ?></div><div class="stat-value"><?cs var:Today.Points ?></div></div>
  <div class="stat"><div class="stat-label"><?cs var:Lang.MchPortal.Home.Open ?></div><a class="stat-value" href="/merchant/orders?status=issued"><?cs var:Today.Open ?></a></div>
</div>
<div class="tiles">
  <a class="tile" href="/merchant/verify"><strong><?cs var:Lang.MchPortal.Home.VerifyTile ?></strong><span><?cs var:Lang.MchPortal.Home.VerifyHint ?></span></a>
  <a class="tile" href="/merchant/orders"><strong><?cs var:Lang.MchPortal.Home.OrdersTile ?></strong><span><?cs var:Lang.MchPortal.Home.OrdersHint ?></span></a>
  <?cs if:User.Role == "owner" ?><a class="tile" href="/merchant/staff"><strong><?cs var:Lang.MchPortal.Home.StaffTile ?></strong><span><?cs var:Lang.MchPortal.Home.StaffHint ?></span></a><?cs /if ?>
</div>
