<?cs # rule.cs: P2 one version of a consumption rule, every version of its code, and the form for the next version ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?> <?cs var:Rule.code ?> v<?cs var:Rule.version ?></h1>
<a class="btn btn-small" href="/admin/earning-rules?enterprise=<?cs var:url_escape(Rule.enterprise) ?>"><?cs var:Lang.Earning.Rules ?></a></div>
<?cs call:notice("ok") ?>
<section class="card" id="rule-summary">
  <dl class="sum-list">
    <dt><?cs var:Lang.Earning.Enterprise ?></dt><dd><?cs var:Rule.enterprise_name ?> (<?cs var:Rule.enterprise ?>)</dd>
    <dt><?cs var:Lang.Earning.Code ?></dt><dd id="rule-code"><?cs var:Rule.code ?></dd>
    <dt><?cs var:Lang.Earning.Version ?></dt><dd id="rule-version">v<?cs var:Rule.version ?><?cs if:Rule.version != Rule.newest ?> · <?cs var:Lang.Earning.NotNewest ?> v<?cs var:Rule.newest ?><?cs /if ?></dd>
    <dt><?cs var:Lang.Earning.Rate ?></dt><dd><?cs var:Rule.points_per_unit ?> / <?cs var:Rule.unit_fen ?> <?cs var:Lang.Earning.Fen ?> · <?cs var:Lang.Earning.Roundings[Rule.rounding] ?></dd>
  </dl>
</section>
<section class="card" id="rule-versions">
  <h2><?cs var:Lang.Earning.Versions ?></h2>
  <div class="table-wrap"><table class="table">
    <thead><tr><th class="num"><?cs var:Lang.Earning.Version ?></th><th><?cs var:Lang.Earning.Name ?></th><th><?cs var:Lang.Earning.Rate ?></th><th><?cs var:Lang.Earning.Rounding ?></th>
      <th class="num"><?cs var:Lang.Earning.DayCap ?></th><th><?cs var:Lang.Earning.Status ?></th><th><?cs var:Lang.Earning.Created ?></th></tr></thead>
    <tbody><?cs each:x = Versions ?>
      <tr data-version="<?cs var:x.version ?>"><td class="num"><a href="/admin/earning-rules/<?cs var:url_escape(x.id) ?>">v<?cs var:x.version ?></a></td><td><?cs var:x.name ?></td>
        <td><?cs var:x.points_per_unit ?> / <?cs var:x.unit_fen ?> <?cs var:Lang.Earning.Fen ?></td><td><?cs var:Lang.Earning.Roundings[x.rounding] ?></td>
        <td class="num"><?cs if:x.member_day_cap > 0 ?><?cs var:x.member_day_cap ?><?cs else ?><?cs var:Lang.Earning.NoCap ?><?cs /if ?></td><td><?cs var:Lang.Earning.States[x.status] ?></td><td><?cs var:x.created_at ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
</section>
<section class="card" id="rule-form">
  <h2><?cs var:Lang.Earning.NextVersion ?></h2>
  <p class="muted"><?cs var:Lang.Earning.NextVersionHint ?></p>
  <form class="form" method="post" action="/admin/earning-rules/<?cs var:url_escape(Rule.id) ?>" novalidate><?cs call:csrf() ?>
    <?cs include:"admin/earning/rule_fields.cs" ?>
    <div class="actions"><button class="btn btn-primary" type="submit" id="rule-save"><?cs var:Lang.Earning.Save ?></button></div>
  </form>
</section>
