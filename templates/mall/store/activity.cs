<?cs # activity.cs: S7 one activity — window, rules and its products ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><a href="/activities"><?cs var:Lang.Store.Activities.Title ?></a></nav>
<section class="activity-hero">
  <?cs if:Activity.0.image ?><img src="<?cs var:Activity.0.image ?>" alt="" width="1200" height="400"><?cs /if ?>
  <div class="activity-hero-text">
    <span class="badge badge-<?cs var:Activity.0.state ?>"><?cs var:Lang.Store.Activities.State[Activity.0.state] ?></span>
    <h1><?cs var:Activity.0.title ?></h1>
    <p><?cs var:Activity.0.summary ?></p>
    <p class="activity-time"><?cs var:Lang.Store.Activities.When ?> <?cs var:Activity.0.starts ?> – <?cs var:Activity.0.ends ?></p>
  </div>
</section>
<?cs if:ActivityGuard.Message ?><div class="flash flash-error activity-guard" role="alert"><?cs var:ActivityGuard.Message ?></div><?cs /if ?>
<?cs include:"mall/coupons/activity_section.cs" ?>
<section class="card rules">
  <h2><?cs var:Lang.Store.Activities.Rules ?></h2>
  <div class="article-body"><?cs var:Activity.0.rules ?></div>
</section>
<section class="section">
  <div class="section-head"><h2><?cs var:Lang.Store.Activities.Products ?></h2></div>
  <?cs if:subcount(Products) ?><?cs call:grid(Products) ?><?cs else ?><div class="empty-state"><?cs var:Lang.Store.Activities.NoProducts ?></div><?cs /if ?>
</section>
</div>
