<?cs # sandbox_cashier.cs: the sandbox payment provider's hosted cashier (C5, development and tests only) — the trade, pay / fail / abandon ?>
<?cs include:"layout/macros.cs" ?>
<div class="container narrow shop-page sandbox-cashier">
<h1 class="page-title"><?cs var:Lang.SandboxPay.Title ?></h1>
<p class="flash flash-ok" role="note"><?cs var:Lang.SandboxPay.Note ?></p>
<section class="card pay-summary">
  <dl class="sum-list">
    <dt><?cs var:Lang.SandboxPay.Trade ?></dt><dd class="mono trade-no"><?cs var:Trade.0.trade_no ?></dd>
    <dt><?cs var:Lang.SandboxPay.Subject ?></dt><dd><?cs var:Trade.0.subject ?></dd>
    <dt><?cs var:Lang.SandboxPay.Amount ?></dt><dd class="sum-total sandbox-amount">¥<?cs var:Trade.0.yuan ?></dd>
  </dl>
</section>
<?cs if:Trade.0.state == "open" ?>
<section class="card pay-box">
  <form method="post" action="/sandbox-pay/cashier/<?cs var:Trade.0.trade_no ?>"><?cs call:csrf() ?>
    <div class="actions sandbox-actions">
      <button class="btn btn-primary btn-large" type="submit" name="action" value="pay"><?cs var:Lang.SandboxPay.Pay ?> ¥<?cs var:Trade.0.yuan ?></button>
      <button class="btn btn-outline" type="submit" name="action" value="fail"><?cs var:Lang.SandboxPay.Fail ?></button>
      <button class="btn-link muted" type="submit" name="action" value="abandon"><?cs var:Lang.SandboxPay.Abandon ?></button>
    </div>
  </form>
</section>
<?cs else ?>
<p class="muted" id="trade-finished"><?cs var:Lang.SandboxPay.Finished ?></p>
<p class="actions"><a class="btn btn-primary" href="<?cs var:Trade.0.back ?>"><?cs var:Lang.SandboxPay.Back ?></a></p>
<?cs /if ?>
</div>
