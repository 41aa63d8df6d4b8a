<?cs # wall.cs: F1 the operations room's LCD — dark, large, every running activity at once, open alerts on top; the layout refreshes it (meta refresh without JavaScript, in place with it) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"admin/monitor/board.cs" ?>
<main id="main" class="wall-live" data-live="<?cs var:Page.Refresh ?>">
<header class="wall-head"><h1><?cs var:Page.Title ?></h1><p class="wall-clock"><?cs var:Lang.Monitor.UpdatedAt ?> <time><?cs var:Monitor.Now ?></time></p></header>
<?cs if:Monitor.MallPaused ?><div class="wall-banner" role="alert"><?cs var:Lang.Monitor.MallPaused ?>:<?cs var:Monitor.MallReason ?></div><?cs /if ?>
<?cs if:subcount(Monitor.Alerts) ?>
<div role="alert"><ul class="wall-alerts">
<?cs each:al = Monitor.Alerts ?><li data-alert="<?cs var:al.id ?>"><span class="mon-alert-time"><?cs var:al.fired ?></span> <?cs call:monalert(al) ?></li><?cs /each ?>
</ul></div>
<?cs /if ?>
<?cs if:subcount(Monitor.Activities) ?>
<div class="wall-grid">
<?cs each:a = Monitor.Activities ?><?cs call:monactivity(a) ?><?cs /each ?>
</div>
<?cs else ?><p class="wall-empty"><?cs var:Lang.Monitor.NoActivities ?></p><?cs /if ?>
</main>
