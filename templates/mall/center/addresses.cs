<?cs # addresses.cs: A3 address book — default first, edit / make default / delete (with confirmation) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <div class="section-head"><h1 class="page-title"><?cs var:Lang.Center.Address.Title ?></h1>
  <?cs if:Address.Count < Address.Max ?><a class="btn btn-primary" href="/addresses/new"><?cs var:Lang.Center.Address.Add ?></a><?cs /if ?></div>
  <?cs call:notice("ok") ?>
  <p class="muted"><?cs var:Lang.Center.Address.Saved ?> <?cs var:Address.Count ?> / <?cs var:Address.Max ?></p>
  <?cs if:subcount(Addresses) ?>
  <ul class="address-list">
  <?cs each:a = Addresses ?>
    <li class="card address-card<?cs if:a.is_default == 1 ?> is-default<?cs /if ?>">
      <p class="address-who"><strong><?cs var:a.recipient ?></strong> <span><?cs var:a.masked_mobile ?></span><?cs if:a.is_default == 1 ?> <span class="badge badge-ongoing"><?cs var:Lang.Center.Address.Default ?></span><?cs /if ?></p>
      <p class="address-text"><?cs var:a.province ?> <?cs var:a.city ?> <?cs var:a.district ?> <?cs var:a.detail ?></p>
      <div class="address-actions">
        <a class="btn-link" href="/address/<?cs var:a.id ?>/edit"><?cs var:Lang.Center.Address.Edit ?></a>
        <?cs if:a.is_default != 1 ?><form class="inline-form" method="post" action="/address/<?cs var:a.id ?>/default"><?cs call:csrf() ?><button class="btn-link" type="submit"><?cs var:Lang.Center.Address.SetDefault ?></button></form><?cs /if ?>
        <a class="btn-link danger" href="/address/<?cs var:a.id ?>/delete"><?cs var:Lang.Center.Address.Delete ?></a>
      </div>
    </li>
  <?cs /each ?>
  </ul>
  <?cs else ?><div class="card empty-state"><?cs var:Lang.Center.Address.None ?> <a href="/addresses/new"><?cs var:Lang.Center.Address.Add ?></a></div><?cs /if ?>
</section>
</div>
