<?cs # list.cs: V2 all of the member's vouchers, newest first, with status and links ?>
<?cs include:"mall/vouchers/macros.cs" ?>
<div class="container narrow voucher-page">
<h1 class="page-title"><?cs var:Lang.Voucher.List.Title ?></h1>
<?cs if:subcount(Vouchers) ?>
<ul class="voucher-list">
<?cs each:v = Vouchers ?>
  <li class="card voucher-item is-<?cs var:v.status ?>">
    <div class="voucher-item-main">
      <a class="voucher-item-name" href="/voucher/<?cs var:url_escape(v.no) ?>"><?cs call:vname(v) ?></a>
      <span class="muted"><?cs var:v.merchant ?></span>
      <span class="voucher-item-no"><?cs var:Lang.Voucher.No ?> <span class="mono"><?cs var:v.no ?></span></span>
      <span class="muted"><?cs var:Lang.Voucher.ValidTo ?> <?cs var:v.valid_to ?><?cs if:v.redeemed_at ?> · <?cs var:Lang.Voucher.RedeemedAt ?> <?cs var:v.redeemed_at ?><?cs /if ?></span>
    </div>
    <div class="voucher-item-side"><?cs call:vstatus(v.status) ?>
      <a class="btn btn-small<?cs if:v.status == "issued" ?> btn-primary<?cs /if ?>" href="/voucher/<?cs var:url_escape(v.no) ?>"><?cs var:Lang.Voucher.Open ?></a>
      <a class="muted small" href="/order/<?cs var:url_escape(v.order_no) ?>"><?cs var:Lang.Voucher.Order ?> <?cs var:v.order_no ?></a>
    </div>
  </li>
<?cs /each ?>
</ul>
<?cs else ?>
<div class="card empty-state"><p><?cs var:Lang.Voucher.List.Empty ?></p><p><a class="btn btn-primary" href="/categories"><?cs var:Lang.Voucher.List.Browse ?></a></p></div>
<?cs /if ?>
</div>
