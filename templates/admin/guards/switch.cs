<?cs # switch.cs: F4 the emergency switch — pause / resume all redemption or one running activity; F2 today's budgets and breakers ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1>
<?cs if:Page.CanAudit ?><a class="btn btn-small" href="/admin/audit?entity=mall"><?cs var:Lang.AdminCat.History ?></a><?cs /if ?></div>
<p class="muted"><?cs var:Lang.Switch.Intro ?></p>
<section class="card" id="switch-mall">
  <h2><?cs var:Lang.Switch.Mall ?>:<?cs if:Switch.MallPaused ?><span class="badge badge-danger"><?cs var:Lang.Switch.Paused ?></span><?cs else ?><span class="badge badge-ok"><?cs var:Lang.Switch.Running ?></span><?cs /if ?></h2>
  <?cs if:Switch.MallPaused ?>
    <p><?cs var:Lang.Switch.PausedSince ?> <?cs var:Switch.PausedAt ?> · <?cs var:Lang.Switch.Reason ?>:<?cs var:Switch.Reason ?></p>
    <form method="post" action="/admin/switch/resume"><?cs call:csrf() ?><button class="btn btn-primary" type="submit"><?cs var:Lang.Switch.Resume ?></button></form>
  <?cs else ?>
    <form class="form" method="post" action="/admin/switch/pause" novalidate><?cs call:csrf() ?>
      <?cs call:field("reason", Lang.Switch.Reason, "text", "off", 200, 1, Lang.Switch.ReasonHint) ?>
      <div class="actions"><button class="btn btn-danger" type="submit"><?cs var:Lang.Switch.Pause ?></button></div>
    </form>
  <?cs /if ?>
</section>
<section class="card" id="switch-activities">
  <h2><?cs var:Lang.Switch.Activities ?></h2>
  <?cs if:subcount(Activities) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Switch.Activity ?></th><th><?cs var:Lang.Switch.Budget ?></th><th><?cs var:Lang.Switch.State ?></th><th></th></tr></thead>
    <tbody>
    <?cs each:a = Activities ?>
      <tr data-id="<?cs var:a.id ?>">
        <td><a href="/admin/activities/<?cs var:url_escape(a.id) ?>"><?cs var:a.title ?></a></td>
        <td class="nowrap"><?cs var:a.points_spent ?><?cs if:a.points_budget > 0 ?> / <?cs var:a.points_budget ?><?cs /if ?><?cs if:a.cash_budget_fen > 0 ?> · <?cs var:a.cash_spent_fen ?> / <?cs var:a.cash_budget_fen ?><?cs /if ?></td>
        <td><?cs if:a.paused ?><span class="badge badge-danger"><?cs var:Lang.Switch.Paused ?></span> <?cs var:a.pause_reason ?><?cs elif:a.tripped ?><span class="badge badge-danger"><?cs var:Lang.Switch.Tripped ?></span><?cs else ?><span class="badge badge-ok"><?cs var:Lang.Switch.Running ?></span><?cs /if ?></td>
        <td><?cs if:a.paused ?>
          <form method="post" action="/admin/switch/resume"><?cs call:csrf() ?><input type="hidden" name="activity_id" value="<?cs var:a.id ?>"><button class="btn btn-small" type="submit"><?cs var:Lang.Switch.Resume ?></button></form>
        <?cs else ?>
          <form class="inline-form" method="post" action="/admin/switch/pause"><?cs call:csrf() ?><input type="hidden" name="activity_id" value="<?cs var:a.id ?>">
            <label class="sr-only" for="reason-<?cs var:a.id ?>"><?cs var:Lang.Switch.Reason ?></label><input id="reason-<?cs var:a.id ?>" type="text" name="reason" maxlength="200" required placeholder="<?cs var:Lang.Switch.Reason ?>">
            <button class="btn btn-small btn-danger" type="submit"><?cs var:Lang.Switch.Pause ?></button></form>
        <?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table></div>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Switch.NoActivities ?></p><?cs /if ?>
</section>
