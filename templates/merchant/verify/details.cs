<?cs # details.cs: one voucher's details (Voucher.*) as a definition list — included by the verify pages ?>
<dl class="dl">
  <dt><?cs var:Lang.MchPortal.Verify.No ?></dt><dd class="voucher-no" id="voucher-no"><?cs var:Voucher.no ?></dd>
  <dt><?cs var:Lang.MchPortal.Verify.Product ?></dt><dd id="voucher-product"><?cs if:Page.Lang == "en" && Voucher.product_en ?><?cs var:Voucher.product_en ?><?cs else ?><?cs var:Voucher.product ?><?cs /if ?></dd>
  <dt><?cs var:Lang.MchPortal.Verify.Member ?></dt><dd id="voucher-member"><?cs var:Voucher.member_masked ?></dd>
  <dt><?cs var:Lang.MchPortal.Verify.Points ?></dt><dd><?cs var:Voucher.points ?></dd>
  <dt><?cs var:Lang.MchPortal.Verify.Validity ?></dt><dd><?cs var:Voucher.valid_from ?> ~ <?cs var:Voucher.valid_to ?></dd>
  <dt><?cs var:Lang.MchPortal.Verify.Status ?></dt><dd><span class="badge badge-<?cs var:Voucher.status ?>" id="voucher-status" data-status="<?cs var:Voucher.status ?>"><?cs alt:Lang.MchPortal.Status[Voucher.status] ?><?cs var:Voucher.status ?><?cs /alt ?></span></dd>
  <?cs if:Voucher.redeemed_at ?><dt><?cs var:Lang.MchPortal.Verify.RedeemedAt ?></dt><dd><?cs var:Voucher.redeemed_at ?><?cs if:Voucher.redeemed_by ?> · <?cs var:Voucher.redeemed_by ?><?cs /if ?></dd><?cs /if ?>
</dl>
