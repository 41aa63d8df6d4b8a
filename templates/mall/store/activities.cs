<?cs # activities.cs: S7 activity zone with tabs ongoing / upcoming / past / all ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><?cs var:Lang.Store.Activities.Title ?></nav>
<h1 class="page-title"><?cs var:Lang.Store.Activities.Title ?></h1>
<nav class="tabs" aria-label="<?cs var:Lang.Store.Activities.Title ?>">
<?cs each:t = Lang.Store.Activities.Tab ?><a class="<?cs if:Filter.Tab == name(t) ?>active<?cs /if ?>" href="/activities?tab=<?cs var:name(t) ?>"<?cs if:Filter.Tab == name(t) ?> aria-current="page"<?cs /if ?>><?cs var:t ?></a><?cs /each ?>
</nav>
<?cs if:subcount(Activities) ?>
<ul class="activity-grid">
<?cs each:a = Activities ?><li class="card activity-card">
  <a href="/activity/<?cs var:a.id ?>">
    <span class="activity-img"><?cs if:a.image ?><img src="<?cs var:a.image ?>" alt="" loading="lazy" width="600" height="200"><?cs /if ?><span class="badge badge-<?cs var:a.state ?>"><?cs var:Lang.Store.Activities.State[a.state] ?></span></span>
    <span class="activity-title"><?cs var:a.title ?></span>
    <span class="activity-summary"><?cs var:a.summary ?></span>
    <span class="activity-time muted"><?cs var:a.starts ?> – <?cs var:a.ends ?></span>
  </a>
</li><?cs /each ?>
</ul>
<?cs call:pager(0) ?>
<?cs else ?><div class="empty-state"><?cs var:Lang.Store.Activities.Empty ?></div><?cs /if ?>
</div>
