<?cs # list.cs: F6 coupon campaigns — newest first, with their quota, claims and state ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<a class="btn btn-primary btn-small" href="/admin/coupons/new" id="coupon-new"><?cs var:Lang.AdminCoupons.New ?></a>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=coupon_campaign"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<?cs call:notice("ok") ?>
<p class="muted"><?cs var:Lang.AdminCoupons.Intro ?></p>
<section class="card" id="coupon-campaigns">
  <h2><?cs var:Lang.AdminCoupons.List ?></h2>
  <?cs if:subcount(Campaigns) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th>#</th><th><?cs var:Lang.AdminCoupons.NameZh ?></th><th><?cs var:Lang.AdminCoupons.Activity ?></th><th><?cs var:Lang.AdminCoupons.Kind ?></th>
      <th class="num"><?cs var:Lang.AdminCoupons.FaceValue ?></th><th class="num"><?cs var:Lang.AdminCoupons.Claimed ?> / <?cs var:Lang.AdminCoupons.Quota ?></th>
      <th><?cs var:Lang.AdminCoupons.ClaimUntil ?></th><th><?cs var:Lang.AdminCoupons.State ?></th></tr></thead>
    <tbody><?cs each:c = Campaigns ?>
      <tr data-campaign="<?cs var:c.id ?>"><td><?cs var:c.id ?></td><td><a href="/admin/coupons/<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></td><td><?cs var:c.activity ?></td>
        <td><?cs var:Lang.AdminCoupons.Kinds[c.kind] ?></td><td class="num"><?cs var:c.face_value ?></td><td class="num"><?cs var:c.claimed ?> / <?cs var:c.quota ?></td>
        <td><?cs var:c.claim_until ?></td><td><?cs if:c.paused == 1 ?><span class="badge"><?cs var:Lang.AdminCoupons.PausedState ?></span><?cs else ?><?cs var:Lang.AdminCoupons.Running ?><?cs /if ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs if:Page.NextAfter ?><nav class="pagination" aria-label="<?cs var:Lang.Site.Pager.Label ?>"><a class="page-next" rel="next" href="/admin/coupons?after=<?cs var:url_escape(Page.NextAfter) ?>"><?cs var:Lang.Site.Pager.Next ?></a></nav><?cs /if ?>
  <?cs else ?><p class="empty-state"><?cs var:Lang.AdminCoupons.None ?></p><?cs /if ?>
</section>
