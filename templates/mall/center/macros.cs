<?cs # macros.cs: member center pieces — side menu and the list total ?>
<?cs include:"mall/store/macros.cs" ?>
<?cs # center_side(): the menu, written out link by link — a macro call per link read its label from the language
   tree at every render (13 calls were a fifth of the points page's rendering); written here, the labels are inlined as
   the template loads (render.c) ?>
<?cs def:center_side() ?>
<nav class="center-side card" aria-label="<?cs var:Lang.Center.Nav.Label ?>">
  <p class="center-side-title"><?cs var:Lang.Center.Title ?></p>
  <ul>
    <li><a href="/account"<?cs if:Center.Tab == "home" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Home ?></a></li>
    <li><a href="/orders"<?cs if:Center.Tab == "orders" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Orders ?></a></li>
    <li><a href="/cart"<?cs if:Center.Tab == "cart" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Cart ?></a></li>
    <li><a href="/points"<?cs if:Center.Tab == "points" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Points ?></a></li>
    <li><a href="/coupons"<?cs if:Center.Tab == "coupons" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Coupons.Nav ?></a></li>
    <li><a href="/card"<?cs if:Center.Tab == "card" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Card.Nav ?></a></li>
    <li><a href="/addresses"<?cs if:Center.Tab == "addresses" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Addresses ?></a></li>
    <li><a href="/favorites"<?cs if:Center.Tab == "favorites" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Favorites ?></a></li>
    <li><a href="/inbox"<?cs if:Center.Tab == "inbox" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Inbox ?></a></li>
    <li><a href="/messages"<?cs if:Center.Tab == "messages" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Messages ?></a></li>
    <li><a href="/consultations"<?cs if:Center.Tab == "consultations" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Consult ?></a></li>
    <li><a href="/reviews"<?cs if:Center.Tab == "reviews" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Reviews ?></a></li>
    <li><a href="/account/password"<?cs if:Center.Tab == "password" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.Center.Nav.Password ?></a></li>
  </ul>
</nav>
<?cs /def ?>
<?cs def:total_line() ?><?cs if:Pager.Total > 0 ?><p class="muted center-total"><?cs var:Lang.Center.Pager.Total ?> <?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?> <?cs var:Lang.Center.Pager.Items ?></p><?cs /if ?><?cs /def ?>
