<?cs # activity_section.cs: F6 an activity's coupon campaigns open for claims, on its page ?>
<?cs if:subcount(ActivityCoupons) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/coupons/macros.cs" ?>
<section class="card activity-coupons" id="activity-coupons">
  <h2><?cs var:Lang.Coupons.ActivityTitle ?></h2>
  <ul class="coupon-list"><?cs each:c = ActivityCoupons ?><?cs call:campaign(c, "/activity/" + Activity.0.id) ?><?cs /each ?></ul>
  <p class="muted small"><a href="/coupons"><?cs var:Lang.Coupons.MyLink ?> ›</a></p>
</section>
<?cs /if ?>
