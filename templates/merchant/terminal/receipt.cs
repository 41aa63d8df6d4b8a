<?cs # receipt.cs: the merchant's copy of an offline points payment (printable) ?>
<?cs include:"layout/macros.cs" ?>
<?cs call:notice("warn") ?>
<article class="card terminal-receipt">
  <h1><?cs var:Lang.Terminal.Receipt.Title ?></h1>
  <p><span class="badge badge-ok"><?cs var:Lang.Terminal.Receipt.Paid ?></span></p>
  <p class="terminal-amount"><strong><?cs var:Receipt.0.points ?></strong> <?cs var:Lang.Site.Points ?></p>
  <dl class="dl">
    <dt><?cs var:Lang.Terminal.Receipt.Merchant ?></dt><dd><?cs var:Receipt.0.merchant ?></dd>
    <dt><?cs var:Lang.Terminal.ReceiptNo ?></dt><dd class="receipt-no"><?cs var:Receipt.0.receipt_no ?></dd>
    <dt><?cs var:Lang.Terminal.Time ?></dt><dd><?cs var:Receipt.0.time ?></dd>
    <dt><?cs var:Lang.Terminal.Card ?></dt><dd><?cs var:Receipt.0.card_masked ?></dd>
    <dt><?cs var:Lang.Terminal.Staff ?></dt><dd><?cs var:Receipt.0.staff ?></dd>
  </dl>
  <p class="toolbar no-print"><a class="btn btn-primary" href="/merchant/terminal"><?cs var:Lang.Terminal.Receipt.Next ?></a></p>
</article>
