<?cs # voucher.cs: V2 printable voucher — product, merchant, validity, number + password, QR (inline SVG) and terms ?>
<?cs include:"mall/vouchers/macros.cs" ?>
<div class="container narrow voucher-page">
<nav class="breadcrumb no-print" aria-label="breadcrumb"><a href="/vouchers"><?cs var:Lang.Voucher.List.Title ?></a><span>/</span><?cs var:Voucher.no ?></nav>
<article class="card voucher-sheet is-<?cs var:Voucher.status ?>">
  <header class="voucher-head">
    <p class="voucher-brand"><?cs var:Lang.Site.Name ?> · <?cs var:Lang.Voucher.Title ?></p>
    <h1 class="voucher-name"><?cs call:vname(Voucher) ?></h1>
    <p><?cs call:vstatus(Voucher.status) ?><?cs if:Voucher.redeemed_at ?> <span class="muted"><?cs var:Lang.Voucher.RedeemedAt ?> <?cs var:Voucher.redeemed_at ?></span><?cs /if ?></p>
  </header>
  <div class="voucher-body">
    <figure class="voucher-qr">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 <?cs var:Qr.size ?> <?cs var:Qr.size ?>" role="img" aria-label="<?cs var:Lang.Voucher.QrLabel ?>" shape-rendering="crispEdges"><rect width="<?cs var:Qr.size ?>" height="<?cs var:Qr.size ?>" fill="#fff"/><path d="<?cs var:Qr.path ?>" fill="#000"/></svg>
      <figcaption class="muted"><?cs var:Lang.Voucher.QrHint ?></figcaption>
    </figure>
    <dl class="voucher-codes">
      <dt><?cs var:Lang.Voucher.No ?></dt><dd class="mono voucher-no"><?cs var:Voucher.no ?></dd>
      <dt><?cs var:Lang.Voucher.Password ?></dt><dd class="mono voucher-password"><?cs alt:Voucher.password ?>—<?cs /alt ?></dd>
      <dt><?cs var:Lang.Voucher.Validity ?></dt><dd><?cs var:Voucher.valid_from ?> ~ <?cs var:Voucher.valid_to ?></dd>
      <dt><?cs var:Lang.Voucher.Value ?></dt><dd><?cs var:Voucher.points ?> <?cs var:Lang.Site.Points ?></dd>
      <dt><?cs var:Lang.Voucher.Order ?></dt><dd class="mono"><?cs var:Voucher.order_no ?></dd>
    </dl>
  </div>
  <section class="voucher-merchant">
    <h2><?cs var:Lang.Voucher.Merchant ?></h2>
    <p><strong><?cs var:Voucher.merchant ?></strong></p>
    <?cs if:Voucher.address ?><p><?cs var:Lang.Voucher.Address ?>：<?cs var:Voucher.address ?></p><?cs /if ?>
    <?cs if:Voucher.phone ?><p><?cs var:Lang.Voucher.Phone ?>：<?cs var:Voucher.phone ?></p><?cs /if ?>
  </section>
  <section class="voucher-terms">
    <h2><?cs var:Lang.Voucher.Terms.Title ?></h2>
    <ol><?cs each:t = Lang.Voucher.Terms.Item ?><li><?cs var:t ?></li><?cs /each ?></ol>
  </section>
</article>
<p class="voucher-actions no-print">
  <a class="btn" href="/voucher/<?cs var:url_escape(Voucher.no) ?>/qr.png" download="voucher-<?cs var:Voucher.no ?>.png"><?cs var:Lang.Voucher.DownloadQr ?></a>
  <a class="btn" href="/order/<?cs var:url_escape(Voucher.order_no) ?>"><?cs var:Lang.Voucher.ViewOrder ?></a>
  <span class="muted"><?cs var:Lang.Voucher.PrintHint ?></span>
</p>
</div>
