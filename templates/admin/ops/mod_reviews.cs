<?cs # mod_reviews.cs: product reviews — approve (shown on the product page) or hide ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/ops/macros.cs" ?>
<?cs include:"admin/ops/mod_tabs.cs" ?>
<?cs if:subcount(Items) ?>
<div class="table-wrap"><table class="table" id="queue">
  <thead><tr><th><?cs var:Lang.Ops.Mod.Product ?></th><th><?cs var:Lang.Ops.Mod.Member ?></th><th><?cs var:Lang.Ops.Mod.Score ?></th><th><?cs var:Lang.Ops.Mod.Content ?></th><th><?cs var:Lang.Ops.Mod.Status ?></th><th><?cs var:Lang.Ops.Actions ?></th></tr></thead>
  <tbody>
  <?cs each:v = Items ?>
    <tr id="review-<?cs var:v.id ?>" data-id="<?cs var:v.id ?>">
      <td><a href="/product/<?cs var:url_escape(v.product_id) ?>"><?cs var:v.product ?></a></td>
      <td class="nowrap"><?cs var:v.mobile ?><br><time class="muted"><?cs var:v.date ?></time></td>
      <td class="nowrap"><span class="ops-stars" aria-label="<?cs var:v.score ?>/5"><?cs loop:i = 1, 5, 1 ?><?cs if:i <= v.score ?>★<?cs else ?>☆<?cs /if ?><?cs /loop ?></span></td>
      <td class="ops-text"><?cs var:v.content ?></td>
      <td><?cs call:ops_badge(v.status) ?></td>
      <td class="actions">
        <form method="post" action="/admin/moderation/reviews/<?cs var:url_escape(v.id) ?>">
          <?cs call:csrf() ?>
          <input type="hidden" name="status" value="<?cs var:Mod.Status ?>">
          <?cs if:v.status != "approved" ?><button class="btn btn-primary btn-small" type="submit" name="action" value="approve"><?cs var:Lang.Ops.Mod.Approve ?></button><?cs /if ?>
          <?cs if:v.status != "hidden" ?><button class="btn btn-danger btn-small" type="submit" name="action" value="hide"><?cs var:Lang.Ops.Mod.Hide ?></button><?cs /if ?>
        </form>
      </td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(1) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Ops.Mod.Empty ?></p>
<?cs /if ?>
