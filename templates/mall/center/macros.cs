<?cs # macros.cs: member center pieces — side menu and the list total ?>
<?cs include:"mall/store/macros.cs" ?>
<?cs def:navlink(href, tab, label) ?><li><a href="<?cs var:href ?>"<?cs if:Center.Tab == tab ?> class="active" aria-current="page"<?cs /if ?>><?cs var:label ?></a></li><?cs /def ?>
<?cs def:center_side() ?>
<nav class="center-side card" aria-label="<?cs var:Lang.Center.Nav.Label ?>">
  <p class="center-side-title"><?cs var:Lang.Center.Title ?></p>
  <ul>
    <?cs call:navlink("/account", "home", Lang.Center.Nav.Home) ?>
    <?cs call:navlink("/orders", "orders", Lang.Center.Nav.Orders) ?>
    <?cs call:navlink("/cart", "cart", Lang.Center.Nav.Cart) ?>
    <?cs call:navlink("/points", "points", Lang.Center.Nav.Points) ?>
    <?cs call:navlink("/coupons", "coupons", Lang.Coupons.Nav) ?>
    <?cs call:navlink("/card", "card", Lang.Card.Nav) ?>
    <?cs call:navlink("/addresses", "addresses", Lang.Center.Nav.Addresses) ?>
    <?cs call:navlink("/favorites", "favorites", Lang.Center.Nav.Favorites) ?>
    <?cs call:navlink("/inbox", "inbox", Lang.Center.Nav.Inbox) ?>
    <?cs call:navlink("/messages", "messages", Lang.Center.Nav.Messages) ?>
    <?cs call:navlink("/consultations", "consultations", Lang.Center.Nav.Consult) ?>
    <?cs call:navlink("/reviews", "reviews", Lang.Center.Nav.Reviews) ?>
    <?cs call:navlink("/account/password", "password", Lang.Center.Nav.Password) ?>
  </ul>
</nav>
<?cs /def ?>
<?cs def:total_line() ?><?cs if:Pager.Total > 0 ?><p class="muted center-total"><?cs var:Lang.Center.Pager.Total ?> <?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?> <?cs var:Lang.Center.Pager.Items ?></p><?cs /if ?><?cs /def ?>
