<?cs # list.cs: F6 /coupons — campaigns open for claims, and the member's coupons: usable / used / expired ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<?cs include:"mall/coupons/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main coupons-page">
  <h1 class="page-title"><?cs var:Lang.Coupons.Title ?></h1>
  <?cs call:notice("ok") ?>
  <section class="card" id="coupon-campaigns">
    <h2><?cs var:Lang.Coupons.OpenTitle ?></h2>
    <?cs if:subcount(Campaigns) ?>
    <ul class="coupon-list"><?cs each:c = Campaigns ?><?cs call:campaign(c, "/coupons") ?><?cs /each ?></ul>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Coupons.OpenNone ?></div><?cs /if ?>
  </section>
  <section class="card" id="my-coupons">
    <h2><?cs var:Lang.Coupons.MineTitle ?></h2>
    <nav class="tabs" aria-label="<?cs var:Lang.Coupons.MineTitle ?>">
      <?cs each:t = Lang.Coupons.Tabs ?><a href="/coupons?tab=<?cs name:t ?>#my-coupons"<?cs if:CouponsPage.Tab == name(t) ?> class="active" aria-current="page"<?cs /if ?>><?cs var:t ?></a><?cs /each ?>
    </nav>
    <?cs if:subcount(Coupons) ?>
    <ul class="coupon-list mine">
    <?cs each:c = Coupons ?>
      <li class="card coupon-item is-<?cs var:CouponsPage.Tab ?>" data-coupon="<?cs var:c.id ?>">
        <div class="coupon-face"><strong><?cs var:c.face_text ?></strong><span><?cs if:c.kind == "cash_off" ?><?cs var:Lang.Coupons.KindCash ?><?cs else ?><?cs var:Lang.Coupons.KindPoints ?><?cs /if ?></span></div>
        <div class="coupon-body">
          <p class="coupon-name"><?cs var:c.name ?></p>
          <p class="coupon-terms"><?cs var:c.terms ?></p>
          <p class="muted small"><?cs var:Lang.Coupons.UseWindow ?> <?cs var:c.use_from ?> – <?cs var:c.use_until ?></p>
          <?cs if:c.order_no ?><p class="muted small"><?cs var:Lang.Coupons.UsedOn ?> <a href="/order/<?cs var:url_escape(c.order_no) ?>"><?cs var:c.order_no ?></a> <?cs var:c.used_at ?></p><?cs /if ?>
        </div>
        <div class="coupon-action"><span class="badge badge-<?cs var:CouponsPage.Tab ?>"><?cs var:Lang.Coupons.Tabs[CouponsPage.Tab] ?></span></div>
      </li>
    <?cs /each ?>
    </ul>
    <?cs if:CouponsPage.After ?><nav class="pagination" aria-label="<?cs var:Lang.Site.Pager.Label ?>"><a class="page-next" rel="next" href="/coupons?tab=<?cs var:url_escape(CouponsPage.Tab) ?>&amp;after=<?cs var:url_escape(CouponsPage.After) ?>#my-coupons"><?cs var:Lang.Site.Pager.Next ?></a></nav><?cs /if ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Coupons.MineNone ?></div><?cs /if ?>
  </section>
</section>
</div>
