<?cs # mod_consultations.cs: product questions — answer (shown under the product, the member is told) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/ops/mod_tabs.cs" ?>
<?cs if:subcount(Items) ?>
<ul class="ops-queue" id="queue">
<?cs each:q = Items ?>
  <li class="card ops-item" id="consultation-<?cs var:q.id ?>" data-id="<?cs var:q.id ?>">
    <div class="ops-item-head">
      <a href="/product/<?cs var:url_escape(q.product_id) ?>"><?cs var:q.product ?></a>
      <span class="muted"><?cs var:q.mobile ?></span>
      <time class="muted"><?cs var:q.date ?></time>
      <?cs if:q.answered ?><?cs call:ops_badge("answered") ?><?cs else ?><?cs call:ops_badge("pending") ?><?cs /if ?>
    </div>
    <p class="ops-text"><strong><?cs var:Lang.Ops.Mod.Question ?></strong> <?cs var:q.question ?></p>
    <?cs if:q.answer ?><div class="ops-reply"><strong><?cs var:Lang.Ops.Mod.Answer ?></strong> <?cs var:q.answer ?> <time class="muted"><?cs var:q.answered ?></time></div><?cs /if ?>
    <form class="form ops-act" method="post" action="/admin/moderation/consultations/<?cs var:url_escape(q.id) ?>">
      <?cs call:csrf() ?>
      <input type="hidden" name="status" value="<?cs var:Mod.Status ?>">
      <div class="form-row<?cs if:Form.Id == q.id && Form.Errors.answer ?> has-error<?cs /if ?>">
        <label for="answer-<?cs var:q.id ?>"><?cs if:q.answer ?><?cs var:Lang.Ops.Mod.EditAnswer ?><?cs else ?><?cs var:Lang.Ops.Mod.Answer ?><?cs /if ?></label>
        <textarea id="answer-<?cs var:q.id ?>" name="answer" rows="2" maxlength="1000" required<?cs if:Form.Id == q.id ?><?cs call:aria(Form.Errors.answer, "answer-" + q.id, "") ?><?cs /if ?>><?cs if:Form.Id == q.id ?><?cs var:Form.Values.answer ?><?cs /if ?></textarea>
        <?cs if:Form.Id == q.id ?><?cs call:ferr(Form.Errors.answer, "answer-" + q.id, "") ?><?cs /if ?>
      </div>
      <div class="actions"><button class="btn btn-primary btn-small" type="submit"><?cs var:Lang.Ops.Mod.SubmitAnswer ?></button></div>
    </form>
  </li>
<?cs /each ?>
</ul>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Ops.Mod.Empty ?></p>
<?cs /if ?>
