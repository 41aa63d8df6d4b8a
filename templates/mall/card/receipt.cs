<?cs # receipt.cs: the member's copy of an offline points payment receipt (printable) ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <article class="card offline-receipt">
    <h1><?cs var:Lang.Card.Receipt.Title ?></h1>
    <p class="offline-receipt-state"><span class="badge badge-ok"><?cs var:Lang.Card.Receipt.Paid ?></span></p>
    <p class="offline-receipt-points">-<strong><?cs var:Receipt.0.points ?></strong> <?cs var:Lang.Site.Points ?></p>
    <dl class="offline-receipt-list">
      <dt><?cs var:Lang.Card.Merchant ?></dt><dd><?cs var:Receipt.0.merchant ?></dd>
      <dt><?cs var:Lang.Card.ReceiptNo ?></dt><dd class="receipt-no"><?cs var:Receipt.0.receipt_no ?></dd>
      <dt><?cs var:Lang.Card.Time ?></dt><dd><?cs var:Receipt.0.time ?></dd>
      <dt><?cs var:Lang.Card.Receipt.Card ?></dt><dd><?cs var:Receipt.0.card_masked ?></dd>
      <dt><?cs var:Lang.Card.Receipt.Staff ?></dt><dd><?cs var:Receipt.0.staff ?></dd>
    </dl>
    <p class="actions no-print"><a class="btn" href="/card#payments"><?cs var:Lang.Card.Receipt.Back ?></a></p>
  </article>
</section>
</div>
