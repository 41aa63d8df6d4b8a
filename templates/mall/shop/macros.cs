<?cs # macros.cs: shop pieces — order status badge, line thumbnail, points amount ?>
<?cs # An order with nothing to ship (vouchers, top-ups) is not "awaiting shipment" once paid. ?>
<?cs def:status(s, ship) ?><span class="order-status status-<?cs var:s ?>"><?cs if:s == "paid" && ship == "0" ?><?cs var:Lang.Shop.Status.paidNoShip ?><?cs else ?><?cs var:Lang.Shop.Status[s] ?><?cs /if ?></span><?cs /def ?>
<?cs def:thumb(img, name) ?><span class="line-img"><?cs if:img ?><img src="<?cs var:img ?>" alt="" width="80" height="80" loading="lazy"><?cs else ?><span class="img-placeholder" aria-hidden="true"><?cs var:Lang.Site.Name ?></span><?cs /if ?></span><?cs /def ?>
<?cs # A cash amount in fen as ¥12.34 (C5). ?>
<?cs def:yuan(fen) ?>¥<?cs var:fen / 100 ?>.<?cs if:fen % 100 < 10 ?>0<?cs /if ?><?cs var:fen % 100 ?><?cs /def ?>
<?cs def:pts(n) ?><span class="pts"><strong><?cs var:n ?></strong> <?cs var:Lang.Shop.Points ?></span><?cs /def ?>
