<?cs # messages_public.cs: A5 public message board — approved messages with replies, masked mobiles ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container">
  <div class="section-head"><h1 class="page-title"><?cs var:Lang.Center.Msg.PublicTitle ?></h1><a class="btn btn-primary" href="/messages"><?cs var:Lang.Center.Msg.PostLink ?></a></div>
  <p class="muted"><?cs var:Lang.Center.Msg.PublicIntro ?></p>
  <section class="card">
  <?cs if:subcount(Messages) ?>
    <ul class="thread-list">
    <?cs each:m = Messages ?>
      <li class="thread">
        <div class="thread-head"><span class="review-who"><?cs var:m.who ?></span> <time class="muted"><?cs var:m.date ?></time></div>
        <p class="thread-text"><?cs var:m.content ?></p>
        <?cs if:m.reply ?><div class="thread-reply"><span class="qa-mark qa-mark-a"><?cs var:Lang.Center.Msg.Reply ?></span> <?cs var:m.reply ?></div><?cs /if ?>
      </li>
    <?cs /each ?>
    </ul>
    <?cs call:pager(0) ?>
  <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Msg.PublicNone ?></div><?cs /if ?>
  </section>
</div>
