<?cs # confirm.cs: V8 terminal step 2 — the member checks the amount and types the payment password ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Terminal.ConfirmTitle ?></h1></div>
<section class="card terminal-box terminal-confirm">
  <p class="muted"><?cs var:Lang.Terminal.ConfirmIntro ?></p>
  <dl class="dl terminal-summary">
    <dt><?cs var:Lang.Terminal.Card ?></dt><dd><?cs var:Pay.CardMasked ?></dd>
    <dt><?cs var:Lang.Terminal.Amount ?></dt><dd class="terminal-amount"><strong><?cs var:Pay.Points ?></strong> <?cs var:Lang.Site.Points ?></dd>
  </dl>
  <form class="form" method="post" action="/merchant/terminal/pay" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="card_no" value="<?cs var:Pay.CardNo ?>">
    <input type="hidden" name="points" value="<?cs var:Pay.Points ?>">
    <input type="hidden" name="receipt" value="<?cs var:Pay.Receipt ?>">
    <input type="hidden" name="sig" value="<?cs var:Pay.Sig ?>">
    <div class="form-row<?cs if:Form.Errors.password ?> has-error<?cs /if ?>">
      <label for="t-pw"><?cs var:Lang.Terminal.Password ?></label>
      <input id="t-pw" class="big terminal-pw" name="password" type="password" inputmode="numeric" pattern="[0-9]*" maxlength="6" autocomplete="off" autofocus required<?cs call:aria(Form.Errors.password, "password", "") ?>>
      <?cs call:ferr(Form.Errors.password, "password", "") ?>
    </div>
    <div class="actions"><button class="btn btn-primary btn-large" type="submit"><?cs var:Lang.Terminal.Pay ?></button> <a class="btn" href="/merchant/terminal"><?cs var:Lang.Terminal.Cancel ?></a></div>
  </form>
</section>
