<?cs # address_delete.cs: A3 confirm before deleting an address (works without JavaScript) ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Address.DeleteTitle ?></h1>
  <div class="card confirm-card">
    <p class="confirm-question"><?cs var:Lang.Center.Address.DeleteConfirm ?></p>
    <?cs with:a = Address.Row.0 ?>
    <p class="address-who"><strong><?cs var:a.recipient ?></strong> <span><?cs var:a.masked_mobile ?></span></p>
    <p class="address-text"><?cs var:a.province ?> <?cs var:a.city ?> <?cs var:a.district ?> <?cs var:a.detail ?></p>
    <?cs if:a.is_default == 1 ?><p class="muted"><?cs var:Lang.Center.Address.DeleteDefaultNote ?></p><?cs /if ?>
    <form class="actions" method="post" action="/address/<?cs var:a.id ?>/delete">
      <?cs call:csrf() ?>
      <button class="btn btn-danger" type="submit"><?cs var:Lang.Center.Address.DeleteButton ?></button>
      <a class="btn-link" href="/addresses"><?cs var:Lang.Center.Address.Cancel ?></a>
    </form>
    <?cs /with ?>
  </div>
</section>
</div>
