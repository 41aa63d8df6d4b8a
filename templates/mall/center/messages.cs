<?cs # messages.cs: A5 post a message to the operator; own messages with status and the reply ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <div class="section-head"><h1 class="page-title"><?cs var:Lang.Center.Msg.Title ?></h1><a class="btn-link" href="/messages/public"><?cs var:Lang.Center.Msg.ViewPublic ?></a></div>
  <?cs call:notice("ok") ?>
  <div class="card">
    <h2><?cs var:Lang.Center.Msg.New ?></h2>
    <form class="form" method="post" action="/messages" novalidate>
      <?cs call:csrf() ?>
      <?cs call:area("content", Lang.Center.Msg.Content, 5, Msg.Max, 1, Lang.Center.Msg.Hint) ?>
      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Center.Msg.Submit ?></button></div>
    </form>
  </div>
  <section class="card">
    <h2><?cs var:Lang.Center.Msg.Mine ?></h2>
    <?cs if:subcount(Messages) ?>
    <ul class="thread-list">
    <?cs each:m = Messages ?>
      <li class="thread">
        <div class="thread-head"><span class="badge status-<?cs var:m.status ?>"><?cs var:Lang.Center.Msg.Status[m.status] ?></span> <time class="muted"><?cs var:m.date ?></time></div>
        <p class="thread-text"><?cs var:m.content ?></p>
        <?cs if:m.reply ?><div class="thread-reply"><span class="qa-mark qa-mark-a"><?cs var:Lang.Center.Msg.Reply ?></span> <?cs var:m.reply ?> <time class="muted"><?cs var:m.replied ?></time></div>
        <?cs else ?><p class="muted"><?cs var:Lang.Center.Msg.NoReply ?></p><?cs /if ?>
      </li>
    <?cs /each ?>
    </ul>
    <?cs call:pager(0) ?>
    <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Msg.None ?></div><?cs /if ?>
  </section>
</section>
</div>
