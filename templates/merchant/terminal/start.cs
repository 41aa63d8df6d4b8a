<?cs # start.cs: V8 terminal step 1 — card number (typed or scanned) and the points to take; recent payments ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Lang.Terminal.Title ?></h1></div>
<section class="card terminal-box">
  <p class="muted"><?cs var:Lang.Terminal.Intro ?></p>
  <form class="form" method="post" action="/merchant/terminal" novalidate>
    <?cs call:csrf() ?>
    <div class="form-row<?cs if:Form.Errors.card_no ?> has-error<?cs /if ?>">
      <label for="t-card"><?cs var:Lang.Terminal.CardNo ?></label>
      <input class="big" id="t-card" name="card_no" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="16" autocomplete="off" autofocus required value="<?cs var:Form.Values.card_no ?>"<?cs call:aria(Form.Errors.card_no, "card_no", Lang.Terminal.CardHint) ?>>
      <?cs call:ferr(Form.Errors.card_no, "card_no", Lang.Terminal.CardHint) ?>
    </div>
    <div class="form-row<?cs if:Form.Errors.points ?> has-error<?cs /if ?>">
      <label for="t-points"><?cs var:Lang.Terminal.Points ?></label>
      <input class="big" id="t-points" name="points" type="number" min="1" max="<?cs var:Terminal.Max ?>" step="1" inputmode="numeric" required value="<?cs var:Form.Values.points ?>"<?cs call:aria(Form.Errors.points, "points", Lang.Terminal.PointsHint) ?>>
      <?cs call:ferr(Form.Errors.points, "points", Lang.Terminal.PointsHint) ?>
    </div>
    <div class="actions"><button class="btn btn-primary btn-large" type="submit"><?cs var:Lang.Terminal.Next ?></button></div>
  </form>
</section>
<section class="card">
  <h2><?cs var:Lang.Terminal.Recent ?></h2>
  <?cs if:subcount(Payments) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th scope="col"><?cs var:Lang.Terminal.Time ?></th><th scope="col"><?cs var:Lang.Terminal.ReceiptNo ?></th><th scope="col"><?cs var:Lang.Terminal.Card ?></th><th scope="col" class="num"><?cs var:Lang.Terminal.Amount ?></th><th scope="col"><?cs var:Lang.Terminal.Staff ?></th></tr></thead>
    <tbody>
    <?cs each:p = Payments ?><tr><td><?cs var:p.time ?></td><td><a href="/merchant/terminal/receipt/<?cs var:url_escape(p.receipt_no) ?>"><?cs var:p.receipt_no ?></a></td><td><?cs var:p.card_masked ?></td><td class="num"><?cs var:p.points ?></td><td><?cs var:p.staff ?></td></tr><?cs /each ?>
    </tbody>
  </table></div>
  <?cs else ?><div class="empty-state"><?cs var:Lang.Terminal.RecentNone ?></div><?cs /if ?>
</section>
