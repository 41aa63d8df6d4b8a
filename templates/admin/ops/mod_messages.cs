<?cs # mod_messages.cs: members' messages — approve (publish on /messages/public), reject, reply (goes to the member's inbox) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/ops/mod_tabs.cs" ?>
<?cs if:subcount(Items) ?>
<ul class="ops-queue" id="queue">
<?cs each:m = Items ?>
  <li class="card ops-item" id="message-<?cs var:m.id ?>" data-id="<?cs var:m.id ?>">
    <div class="ops-item-head">
      <span><?cs var:Lang.Ops.Mod.Member ?> <a href="/admin/members/<?cs var:url_escape(m.member_id) ?>"><?cs var:m.mobile ?></a></span>
      <time class="muted"><?cs var:m.date ?></time>
      <?cs call:ops_badge(m.status) ?>
    </div>
    <p class="ops-text"><?cs var:m.content ?></p>
    <?cs if:m.reply ?><div class="ops-reply"><strong><?cs var:Lang.Ops.Mod.OurReply ?></strong> <?cs var:m.reply ?><?cs if:m.replied ?> <time class="muted"><?cs var:m.replied ?></time><?cs /if ?></div><?cs /if ?>
    <form class="form ops-act" method="post" action="/admin/moderation/messages/<?cs var:url_escape(m.id) ?>">
      <?cs call:csrf() ?>
      <input type="hidden" name="status" value="<?cs var:Mod.Status ?>">
      <div class="form-row<?cs if:Form.Id == m.id && Form.Errors.reply ?> has-error<?cs /if ?>">
        <label for="reply-<?cs var:m.id ?>"><?cs var:Lang.Ops.Mod.Reply ?> <span class="hint"><?cs var:Lang.Ops.Mod.ReplyHint ?></span></label>
        <textarea id="reply-<?cs var:m.id ?>" name="reply" rows="2" maxlength="1000"<?cs if:Form.Id == m.id ?><?cs call:aria(Form.Errors.reply, "reply-" + m.id, "") ?><?cs /if ?>><?cs if:Form.Id == m.id ?><?cs var:Form.Values.reply ?><?cs /if ?></textarea>
        <?cs if:Form.Id == m.id ?><?cs call:ferr(Form.Errors.reply, "reply-" + m.id, "") ?><?cs /if ?>
      </div>
      <div class="actions">
        <?cs if:m.status != "approved" ?><button class="btn btn-primary btn-small" type="submit" name="action" value="approve"><?cs var:Lang.Ops.Mod.Approve ?></button><?cs /if ?>
        <?cs if:m.status != "rejected" ?><button class="btn btn-danger btn-small" type="submit" name="action" value="reject"><?cs var:Lang.Ops.Mod.Reject ?></button><?cs /if ?>
        <button class="btn btn-small" type="submit" name="action" value="reply"><?cs var:Lang.Ops.Mod.ReplyOnly ?></button>
      </div>
    </form>
  </li>
<?cs /each ?>
</ul>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Ops.Mod.Empty ?></p>
<?cs /if ?>
