<?cs # macros.cs: F6 coupon pieces — an open campaign with its claim button, one coupon of the member ?>
<?cs def:campaign(c, back) ?>
<li class="card coupon-campaign<?cs if:c.sold_out == 1 ?> is-soldout<?cs /if ?>" data-campaign="<?cs var:c.id ?>">
  <div class="coupon-face"><strong><?cs var:c.face_text ?></strong><span><?cs if:c.kind == "cash_off" ?><?cs var:Lang.Coupons.KindCash ?><?cs else ?><?cs var:Lang.Coupons.KindPoints ?><?cs /if ?></span></div>
  <div class="coupon-body">
    <p class="coupon-name"><?cs var:c.name ?></p>
    <p class="coupon-terms"><?cs var:c.terms ?></p>
    <p class="muted small"><?cs var:Lang.Coupons.ClaimUntil ?> <?cs var:c.claim_until ?> · <?cs var:Lang.Coupons.UseWindow ?> <?cs var:c.use_from ?> – <?cs var:c.use_until ?></p>
    <p class="muted small"><?cs if:c.price_points > 0 ?><?cs var:Lang.Coupons.Price ?> <strong><?cs var:c.price_points ?></strong> <?cs var:Lang.Site.Points ?><?cs else ?><?cs var:Lang.Coupons.Free ?><?cs /if ?> · <?cs var:Lang.Coupons.PerMember ?> <?cs var:c.per_member ?><?cs if:c.mine > 0 ?> · <?cs var:Lang.Coupons.Mine ?> <?cs var:c.mine ?><?cs /if ?></p>
  </div>
  <div class="coupon-action">
  <?cs if:c.paused == 1 ?><span class="badge"><?cs var:Lang.Coupons.PausedBadge ?></span>
  <?cs elif:c.sold_out == 1 ?><span class="badge"><?cs var:Lang.Coupons.SoldOutBadge ?></span>
  <?cs elif:User.Mobile ?>
    <form method="post" action="/coupons/<?cs var:url_escape(c.id) ?>/claim"><?cs call:csrf() ?>
      <button class="btn btn-primary btn-small coupon-claim" type="submit"><?cs if:c.price_points > 0 ?><?cs var:Lang.Coupons.Exchange ?><?cs else ?><?cs var:Lang.Coupons.Claim ?><?cs /if ?></button>
    </form>
  <?cs else ?><a class="btn btn-small" href="/login?next=<?cs var:url_escape(back) ?>"><?cs var:Lang.Coupons.SignInToClaim ?></a><?cs /if ?>
  </div>
</li>
<?cs /def ?>
