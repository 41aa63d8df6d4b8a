<?cs # consultations.cs: A6 my consultations — questions with the product and the answer when there is one ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Ask.MineTitle ?></h1>
  <?cs call:notice("ok") ?>
  <section class="card">
  <?cs if:subcount(Questions) ?>
    <?cs call:total_line() ?>
    <ul class="thread-list">
    <?cs each:q = Questions ?>
      <li class="thread">
        <div class="thread-head"><a class="thread-product" href="/product/<?cs var:q.product_id ?>#qa"><?cs var:q.product ?></a> <time class="muted"><?cs var:q.date ?></time></div>
        <p class="qa-q"><span class="qa-mark"><?cs var:Lang.Store.Product.Q ?></span><?cs var:q.question ?></p>
        <?cs if:q.answer ?><p class="qa-a"><span class="qa-mark qa-mark-a"><?cs var:Lang.Store.Product.A ?></span><?cs var:q.answer ?> <time class="muted"><?cs var:q.answered ?></time></p>
        <?cs else ?><p class="muted"><span class="badge status-pending"><?cs var:Lang.Center.Ask.Pending ?></span></p><?cs /if ?>
      </li>
    <?cs /each ?>
    </ul>
    <?cs call:pager(0) ?>
  <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Ask.None ?></div><?cs /if ?>
  </section>
</section>
</div>
