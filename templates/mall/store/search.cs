<?cs # search.cs: S4 search results, or "no results" with hot products ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/store/macros.cs" ?>
<div class="container">
<form class="search-hero card" method="get" action="/search" role="search">
  <label class="sr-only" for="search-q"><?cs var:Lang.Site.Search ?></label>
  <input id="search-q" type="search" name="q" maxlength="50" value="<?cs var:Search.Q ?>" placeholder="<?cs var:Lang.Site.SearchHint ?>">
  <?cs if:Search.InStock ?><input type="hidden" name="instock" value="1"><?cs /if ?>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.Site.Search ?></button>
</form>
<?cs if:Search.Q ?><div class="result-tools"><?cs call:instock(Search.InStock, Search.Base) ?></div><?cs /if ?>
<?cs if:subcount(Products) ?>
  <p class="result-line"><?cs var:Lang.Store.Search.FoundPre ?> <strong><?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?></strong> <?cs var:Lang.Store.Search.FoundMid ?> “<span class="query"><?cs var:Search.Q ?></span>” <?cs var:Lang.Store.Search.FoundPost ?></p>
  <?cs call:grid(Products) ?>
  <?cs call:pager(0) ?>
<?cs else ?>
  <div class="empty-state">
  <?cs if:Pager.Total > 0 ?><p><?cs var:Lang.Store.List.PageEmpty ?></p>
  <?cs elif:Search.Q ?><p><?cs var:Lang.Store.Search.NonePre ?> “<span class="query"><?cs var:Search.Q ?></span>” <?cs var:Lang.Store.Search.NonePost ?></p>
  <?cs else ?><p><?cs var:Lang.Store.Search.Prompt ?></p><?cs /if ?>
    <p class="muted"><?cs var:Lang.Store.Search.Tips ?></p>
  </div>
  <?cs if:subcount(Hot) ?>
  <section class="section">
    <div class="section-head"><h2><?cs var:Lang.Store.Home.Hot ?></h2></div>
    <?cs call:grid(Hot) ?>
  </section>
  <?cs /if ?>
<?cs /if ?>
</div>
