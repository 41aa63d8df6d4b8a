<?cs # list.cs: B8 enterprises — members, admins, prepaid points budget (granted, left); the super admin sets a budget ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:notice("ok") ?>
<div class="page-head"><h1><?cs var:Lang.Ent.Title ?></h1><a class="btn" href="/admin/audit?entity=enterprise"><?cs var:Lang.Ent.History ?></a></div>
<p class="muted"><?cs var:Lang.Ent.Intro ?></p>
<div class="table-wrap"><table class="table" id="enterprises">
  <thead><tr><th><?cs var:Lang.Ent.Code ?></th><th><?cs var:Lang.Ent.Name ?></th><th class="num"><?cs var:Lang.Ent.Members ?></th><th class="num"><?cs var:Lang.Ent.Admins ?></th><th class="num"><?cs var:Lang.Ent.Budget ?></th><th class="num"><?cs var:Lang.Ent.Used ?></th><th class="num"><?cs var:Lang.Ent.Left ?></th><th><?cs var:Lang.Ent.SetBudget ?></th></tr></thead>
  <tbody>
  <?cs each:e = Enterprises ?>
    <tr data-code="<?cs var:e.code ?>">
      <td><?cs var:e.code ?></td><td><?cs var:e.name ?></td>
      <td class="num"><?cs var:e.members ?></td><td class="num"><?cs var:e.admins ?></td>
      <td class="num budget"><?cs alt:e.budget ?><span class="muted"><?cs var:Lang.Ent.NoBudget ?></span><?cs /alt ?></td>
      <td class="num used"><?cs var:e.budget_used ?></td>
      <td class="num left"><?cs if:e.budget ?><?cs var:e.left ?><?cs else ?>—<?cs /if ?></td>
      <td>
        <form class="inline" method="post" action="/admin/enterprises/budget" novalidate>
          <?cs call:csrf() ?><input type="hidden" name="code" value="<?cs var:e.code ?>">
          <?cs set:mine = Form.Code == e.code ?>
          <label class="sr-only" for="b-<?cs var:name(e) ?>"><?cs var:Lang.Ent.Budget ?></label>
          <input id="b-<?cs var:name(e) ?>" name="budget" type="number" min="0" step="1" value="<?cs if:mine ?><?cs var:Form.Values.budget ?><?cs else ?><?cs var:e.budget ?><?cs /if ?>"<?cs if:mine ?><?cs call:aria(Form.Errors.budget, "budget", "") ?><?cs /if ?>>
          <button class="btn btn-small" type="submit"><?cs var:Lang.Ent.Save ?></button>
          <?cs if:mine ?><?cs call:ferr(Form.Errors.budget, "budget", "") ?><?cs call:ferr(Form.Errors.code, "code", "") ?><?cs /if ?>
        </form>
      </td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<p class="hint"><?cs var:Lang.Ent.BudgetHint ?></p>
