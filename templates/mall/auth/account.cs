<?cs # account.cs: member center hub — who, points, unread notices, orders by status, links to every service ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<?cs set:Center.Tab = "home" ?>
<div class="container center-layout account-page">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Auth.AccountTitle ?></h1>
  <?cs call:notice("ok") ?>
  <div class="card account-summary">
    <dl class="account-facts">
      <dt><?cs var:Lang.Auth.AccountMobile ?></dt><dd class="account-mobile"><?cs var:User.Masked ?></dd>
      <dt><?cs var:Lang.Auth.AccountName ?></dt><dd><?cs if:User.Name ?><?cs var:User.Name ?><?cs else ?><?cs var:Lang.Auth.NoName ?><?cs /if ?></dd>
      <dt><?cs var:Lang.Auth.AccountPoints ?></dt><dd class="account-points"><strong><?cs var:User.Points ?></strong> <a class="btn-link" href="/points"><?cs var:Lang.Center.Hub.ViewPoints ?></a></dd>
    </dl>
    <p class="account-unread"><a href="/inbox"><?cs if:Center.Unread > 0 ?><?cs var:Lang.Center.Hub.UnreadPre ?> <strong class="unread-count"><?cs alt:Center.UnreadText ?><?cs var:Center.Unread ?><?cs /alt ?></strong> <?cs var:Lang.Center.Hub.UnreadPost ?><?cs else ?><?cs var:Lang.Center.Hub.NoUnread ?><?cs /if ?></a></p>
  </div>
  <div class="card">
    <div class="section-head"><h2><?cs var:Lang.Center.Hub.Orders ?></h2><a class="btn-link" href="/orders"><?cs var:Lang.Center.Hub.AllOrders ?></a></div>
    <ul class="hub-tiles">
      <li><a href="/orders?status=pending"><?cs var:Lang.Center.Hub.Pending ?></a></li>
      <li><a href="/orders?status=paid"><?cs var:Lang.Center.Hub.Paid ?></a></li>
      <li><a href="/orders?status=shipped"><?cs var:Lang.Center.Hub.Shipped ?></a></li>
      <li><a href="/orders?status=completed"><?cs var:Lang.Center.Hub.Completed ?></a></li>
    </ul>
  </div>
  <div class="card">
    <h2><?cs var:Lang.Center.Hub.Services ?></h2>
    <ul class="hub-tiles">
      <li><a href="/cart"><?cs var:Lang.Center.Nav.Cart ?></a></li>
      <li><a href="/points"><?cs var:Lang.Center.Nav.Points ?></a></li>
      <li><a href="/addresses"><?cs var:Lang.Center.Nav.Addresses ?></a></li>
      <li><a href="/favorites"><?cs var:Lang.Center.Nav.Favorites ?></a></li>
      <li><a href="/inbox"><?cs var:Lang.Center.Nav.Inbox ?><?cs if:Center.Unread > 0 ?> <span class="badge badge-hot"><?cs alt:Center.UnreadText ?><?cs var:Center.Unread ?><?cs /alt ?></span><?cs /if ?></a></li>
      <li><a href="/messages"><?cs var:Lang.Center.Nav.Messages ?></a></li>
      <li><a href="/consultations"><?cs var:Lang.Center.Nav.Consult ?></a></li>
      <li><a href="/reviews"><?cs var:Lang.Center.Nav.Reviews ?></a></li>
    </ul>
  </div>
  <div class="card account-security">
    <h2><?cs var:Lang.Auth.Security ?></h2>
    <p><a class="btn-link" href="/account/password"><?cs var:Lang.Auth.ChangePassword ?></a></p>
    <form class="form" method="post" action="/logout">
      <?cs call:csrf() ?>
      <button class="btn" type="submit"><?cs var:Lang.Auth.LogoutButton ?></button>
    </form>
  </div>
</section>
</div>
