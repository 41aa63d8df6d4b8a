<?cs # choice.cs: F6 the checkout's coupon choice — the member's usable coupons for this order, best first and chosen unless the member picks another (or none) ?>
<?cs if:subcount(Coupons) ?>
<section class="card coupon-choice" id="coupon-choice">
  <h2><?cs var:Lang.Coupons.Checkout.Title ?></h2>
  <fieldset class="coupon-options"><legend class="sr-only"><?cs var:Lang.Coupons.Checkout.Title ?></legend>
  <?cs each:c = Coupons ?>
    <label class="coupon-option"><input type="radio" name="coupon_id" value="<?cs var:c.id ?>"<?cs if:Form.Values.coupon_id == c.id ?> checked<?cs /if ?>>
      <span><strong><?cs var:c.name ?></strong> <?cs if:name(c) == "0" ?><span class="badge badge-best"><?cs var:Lang.Coupons.Checkout.Best ?></span><?cs /if ?><br>
      <span class="muted"><?cs var:c.terms ?> · <?cs var:Lang.Coupons.Checkout.Saves ?> <?cs if:c.off_points > 0 ?><?cs var:c.off_points ?> <?cs var:Lang.Site.Points ?><?cs else ?><?cs var:c.face_text ?><?cs /if ?> · <?cs var:Lang.Coupons.Until ?> <?cs var:c.use_until ?></span></span></label>
  <?cs /each ?>
    <label class="coupon-option"><input type="radio" name="coupon_id" value="0"<?cs if:Form.Values.coupon_id == "0" ?> checked<?cs /if ?>><span><?cs var:Lang.Coupons.Checkout.None ?></span></label>
  </fieldset>
  <p class="muted small"><?cs var:Lang.Coupons.Checkout.Hint ?></p>
</section>
<?cs /if ?>
