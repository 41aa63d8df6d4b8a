<?cs # categories.cs: S2 two-level category tree (on phones a rail of the top level beside the groups) ?>
<div class="container">
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/"><?cs var:Lang.Site.Nav.Home ?></a><span>/</span><?cs var:Lang.Store.Categories.Title ?></nav>
<h1 class="page-title"><?cs var:Lang.Store.Categories.Title ?></h1>
<?cs if:subcount(Categories) ?>
<div class="cat-page">
<?cs # Phones show this rail beside the groups (CSS hides it on wide screens); each link jumps to its group. ?>
<nav class="cat-rail" aria-label="<?cs var:Lang.Store.Categories.Title ?>" data-cat-rail><ul>
<?cs each:c = Categories ?><li><a href="#cat-<?cs var:c.id ?>"><?cs var:c.name ?></a></li><?cs /each ?>
</ul></nav>
<div class="cat-tree">
<?cs each:c = Categories ?>
  <section class="card cat-group" id="cat-<?cs var:c.id ?>">
    <h2><a href="/products?cat=<?cs var:c.id ?>"><?cs if:c.icon ?><img class="cat-icon" src="<?cs var:c.icon ?>" alt="" width="46" height="46"><?cs else ?><span class="cat-icon cat-icon-<?cs var:name(c) % 6 ?>" aria-hidden="true"><?cs var:c.initial ?></span><?cs /if ?><?cs var:c.name ?></a><a class="cat-all" href="/products?cat=<?cs var:c.id ?>"><?cs var:Lang.Store.Categories.All ?> ›</a></h2>
    <?cs if:subcount(c.Children) ?><ul class="chips">
    <?cs each:k = c.Children ?><li><a class="chip" href="/products?cat=<?cs var:k.id ?>"><?cs var:k.name ?></a></li><?cs /each ?>
    </ul><?cs /if ?>
  </section>
<?cs /each ?>
</div>
</div>
<?cs else ?><div class="empty-state"><?cs var:Lang.Store.Categories.Empty ?></div><?cs /if ?>
</div>
