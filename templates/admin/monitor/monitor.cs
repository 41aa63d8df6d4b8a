<?cs # monitor.cs: F1 the monitor for desks and phones — alerts with their acknowledgement, every running activity's state, figures, charts, top members and IPs of the last hour; refreshes itself ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/monitor/board.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1><a class="btn btn-small" href="/admin/monitor/wall"><?cs var:Lang.Monitor.OpenWall ?></a></div>
<?cs call:notice("ok") ?>
<div class="mon-live" data-live="<?cs var:Page.Refresh ?>">
<p class="muted mon-updated"><?cs var:Lang.Monitor.UpdatedAt ?> <time><?cs var:Monitor.Now ?></time></p>
<?cs if:Monitor.MallPaused ?><div class="flash flash-error" role="alert"><?cs var:Lang.Monitor.MallPaused ?>:<?cs var:Monitor.MallReason ?></div><?cs /if ?>
<section class="card mon-alerts" aria-labelledby="alerts-h">
  <h2 id="alerts-h"><?cs var:Lang.Monitor.AlertsToday ?></h2>
  <?cs if:subcount(Monitor.Alerts) ?>
  <ul class="mon-alert-list">
  <?cs each:al = Monitor.Alerts ?>
    <li class="mon-alert<?cs if:!al.acked_at ?> is-open<?cs /if ?>" data-alert="<?cs var:al.id ?>">
      <span class="mon-alert-time"><?cs var:al.fired ?></span> <?cs call:monalert(al) ?>
      <span class="mon-alert-sms"><?cs var:Lang.Monitor.Texted ?> <?cs var:al.texts ?></span>
      <?cs if:al.acked_at ?><span class="mon-alert-ack"><?cs var:Lang.Monitor.AckedBy ?> <?cs var:al.acked_by_name ?> <?cs var:al.acked_at ?></span><?cs
      elif:Monitor.CanAck ?><form class="inline-form" method="post" action="/admin/monitor/alerts/<?cs var:url_escape(al.id) ?>/ack"><?cs call:csrf() ?><button class="btn btn-small btn-primary" type="submit"><?cs var:Lang.Monitor.Ack ?></button></form><?cs
      else ?><span class="badge mon-open"><?cs var:Lang.Monitor.Open ?></span><?cs /if ?>
    </li>
  <?cs /each ?>
  </ul>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Monitor.NoAlerts ?></p><?cs /if ?>
</section>
<?cs if:subcount(Monitor.Activities) ?>
<?cs each:a = Monitor.Activities ?>
<section class="card mon-card">
  <?cs call:monactivity(a) ?>
  <div class="mon-tops">
    <div class="mon-top"><h3><?cs var:Lang.Monitor.TopMembers ?></h3>
    <?cs if:subcount(a.TopMembers) ?><div class="table-wrap"><table class="table"><thead><tr><th><?cs var:Lang.Monitor.Member ?></th><th class="num"><?cs var:Lang.Monitor.Orders ?></th><th class="num"><?cs var:Lang.Monitor.Points ?></th></tr></thead><tbody>
    <?cs each:m = a.TopMembers ?><tr><td><?cs if:Monitor.CanMembers ?><a href="/admin/members/<?cs var:url_escape(m.member_id) ?>"><?cs var:m.mobile ?></a><?cs else ?><?cs var:m.mobile ?><?cs /if ?></td><td class="num"><?cs var:m.orders ?></td><td class="num"><?cs var:m.points ?></td></tr><?cs /each ?>
    </tbody></table></div><?cs else ?><p class="muted"><?cs var:Lang.Monitor.NoneLastHour ?></p><?cs /if ?></div>
    <div class="mon-top"><h3><?cs var:Lang.Monitor.TopIps ?></h3>
    <?cs if:subcount(a.TopIps) ?><div class="table-wrap"><table class="table"><thead><tr><th>IP</th><th class="num"><?cs var:Lang.Monitor.Orders ?></th><th class="num"><?cs var:Lang.Monitor.Members ?></th></tr></thead><tbody>
    <?cs each:ip = a.TopIps ?><tr><td class="mon-ip"><?cs var:ip.ip ?></td><td class="num"><?cs var:ip.orders ?></td><td class="num"><?cs var:ip.members ?></td></tr><?cs /each ?>
    </tbody></table></div><?cs else ?><p class="muted"><?cs var:Lang.Monitor.NoneLastHour ?></p><?cs /if ?></div>
  </div>
  <p class="mon-links"><a href="/admin/monitor/<?cs var:url_escape(a.id) ?>/minutes.csv"><?cs var:Lang.Monitor.Csv ?></a><?cs if:Monitor.CanConfigure ?> · <a href="/admin/monitor/<?cs var:url_escape(a.id) ?>/settings"><?cs var:Lang.Monitor.Settings.Link ?></a><?cs /if ?></p>
</section>
<?cs /each ?>
<?cs else ?><p class="empty-state"><?cs var:Lang.Monitor.NoActivities ?></p><?cs /if ?>
</div>
