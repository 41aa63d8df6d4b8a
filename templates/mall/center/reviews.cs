<?cs # reviews.cs: A7 my reviews with moderation status, and completed items still waiting for a review ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Review.Title ?></h1>
  <?cs call:notice("ok") ?>
  <section class="card">
    <h2><?cs var:Lang.Center.Review.Waiting ?></h2>
    <?cs if:subcount(Waiting) ?>
    <ul class="waiting-list">
    <?cs each:w = Waiting ?><li><?cs if:w.image ?><img src="<?cs var:w.image ?>" alt="" width="48" height="48"> <?cs /if ?><span><?cs var:w.name ?></span> <span class="muted"><?cs var:Lang.Center.Review.Order ?> <?cs var:w.order_no ?></span> <a class="btn btn-small btn-primary" href="/review/new?item=<?cs var:w.id ?>"><?cs var:Lang.Center.Review.Write ?></a></li><?cs /each ?>
    </ul>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Review.WaitingNone ?></div><?cs /if ?>
  </section>
  <section class="card">
    <h2><?cs var:Lang.Center.Review.Mine ?></h2>
    <?cs if:subcount(Reviews) ?>
    <ul class="thread-list">
    <?cs each:v = Reviews ?>
      <li class="thread">
        <div class="thread-head"><a class="thread-product" href="/product/<?cs var:v.product_id ?>#reviews"><?cs var:v.product ?></a> <?cs call:stars(v.score) ?> <span class="badge status-<?cs var:v.status ?>"><?cs var:Lang.Center.Review.Status[v.status] ?></span> <time class="muted"><?cs var:v.date ?></time></div>
        <p class="thread-text"><?cs var:v.content ?></p>
      </li>
    <?cs /each ?>
    </ul>
    <?cs call:pager(0) ?>
    <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Review.None ?></div><?cs /if ?>
  </section>
</section>
</div>
