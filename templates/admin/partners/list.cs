<?cs # list.cs: I1 partner systems of the enterprises (their API keys on each partner's page) and a new partner ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<a class="btn btn-small" href="/admin/api-log"><?cs var:Lang.Admin.Nav.ApiLog ?></a>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=partner"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<?cs call:notice("ok") ?>
<p class="muted"><?cs var:Lang.Partners.Intro ?></p>
<section class="card" id="partners">
  <?cs if:subcount(Partners) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th>#</th><th><?cs var:Lang.Partners.Name ?></th><th><?cs var:Lang.Partners.Enterprise ?></th><th><?cs var:Lang.Partners.Status ?></th><th class="num"><?cs var:Lang.Partners.Rate ?></th><th class="num"><?cs var:Lang.Partners.ActiveKeys ?></th></tr></thead>
    <tbody><?cs each:p = Partners ?>
      <tr data-partner="<?cs var:p.id ?>"><td><?cs var:p.id ?></td><td><a href="/admin/partners/<?cs var:url_escape(p.id) ?>"><?cs var:p.name ?></a></td>
        <td><?cs var:p.enterprise_name ?> <span class="muted">(<?cs var:p.enterprise ?>)</span></td>
        <td><?cs alt:Lang.Partners.States[p.status] ?><?cs var:p.status ?><?cs /alt ?></td><td class="num"><?cs var:p.rate_per_minute ?></td><td class="num"><?cs var:p.keys ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Partners.None ?></p><?cs /if ?>
</section>
<section class="card" id="partner-new">
  <h2><?cs var:Lang.Partners.New ?></h2>
  <form class="form" method="post" action="/admin/partners" novalidate><?cs call:csrf() ?>
    <?cs call:field("name", Lang.Partners.Name, "text", "off", 100, 1, "") ?>
    <div class="form-row is-required<?cs if:Form.Errors.enterprise ?> has-error<?cs /if ?>">
      <label for="f-enterprise"><?cs var:Lang.Partners.Enterprise ?></label>
      <select id="f-enterprise" name="enterprise" required<?cs call:aria(Form.Errors.enterprise, "enterprise", "") ?>>
        <?cs each:e = Enterprises ?><option value="<?cs var:e.code ?>"<?cs if:Form.Values.enterprise == e.code ?> selected<?cs /if ?>><?cs var:e.name ?> (<?cs var:e.code ?>)</option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.enterprise, "enterprise", "") ?>
    </div>
    <?cs call:field("rate", Lang.Partners.Rate, "number", "off", "", 1, Lang.Partners.RateHint) ?>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Partners.Create ?></button></div>
  </form>
</section>
