<?cs # card.cs: A8 member card — number and QR, payment password (set / reset by SMS, change), recent offline payments ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<?cs # A six-digit field of form "set" or "change" (ids <form>-<n>), never filled in again with what was typed; an
     error shows only in the form that was sent (Card.Form). ?>
<?cs def:digits(form, n, type, label, auto, hint) ?>
<div class="form-row<?cs if:Form.Errors[n] && Card.Form == form ?> has-error<?cs /if ?>">
  <label for="<?cs var:form ?>-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="<?cs var:form ?>-<?cs var:n ?>" name="<?cs var:n ?>" type="<?cs var:type ?>" inputmode="numeric" pattern="[0-9]*" maxlength="6" autocomplete="<?cs var:auto ?>" required<?cs
  if:Card.Form == form ?><?cs call:aria(Form.Errors[n], form + "-" + n, hint) ?><?cs else ?><?cs call:aria("", form + "-" + n, hint) ?><?cs /if ?>>
  <?cs if:Card.Form == form ?><?cs call:ferr(Form.Errors[n], form + "-" + n, hint) ?><?cs else ?><?cs call:ferr("", form + "-" + n, hint) ?><?cs /if ?>
</div>
<?cs /def ?>
<?cs if:Card.Changing ?><?cs set:Card.Form = "change" ?><?cs else ?><?cs set:Card.Form = "set" ?><?cs /if ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Card.Title ?></h1>
  <?cs call:notice("ok") ?>
  <div class="card member-card">
    <div class="member-card-face">
      <p class="member-card-brand"><?cs var:Lang.Site.Name ?></p>
      <p class="member-card-label"><?cs var:Lang.Card.Number ?></p>
      <p class="member-card-no" id="card-no"><?cs var:Card.Spaced ?></p>
      <p class="member-card-points"><?cs var:Lang.Card.Balance ?> <strong><?cs var:User.Points ?></strong></p>
    </div>
    <?cs if:Card.Qr.size ?>
    <figure class="member-card-qr">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 <?cs var:Card.Qr.size ?> <?cs var:Card.Qr.size ?>" shape-rendering="crispEdges" role="img" aria-label="<?cs var:Lang.Card.QrLabel ?>"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="<?cs var:Card.Qr.path ?>"/></svg>
      <p class="card-awake" id="card-awake" hidden><?cs var:Lang.Card.Awake ?></p>
      <figcaption class="muted"><?cs var:Lang.Card.Intro ?></figcaption>
    </figure>
    <script src="/js/card-screen.js" defer></script>
    <?cs /if ?>
  </div>

  <section class="card" id="paypw">
    <h2><?cs var:Lang.Card.PwTitle ?> <?cs if:Card.has_password == 1 ?><span class="badge badge-ok"><?cs var:Lang.Card.PwStateSet ?></span><?cs else ?><span class="badge badge-upcoming"><?cs var:Lang.Card.PwStateUnset ?></span><?cs /if ?></h2>
    <p class="muted"><?cs var:Lang.Card.PwIntro ?></p>
    <?cs if:Card.locked == 1 ?><div class="flash flash-error card-locked" role="alert"><?cs var:Lang.Card.LockedTip ?> <strong><?cs var:Card.locked_minutes ?></strong><?cs var:Lang.Card.LockedTip2 ?></div><?cs /if ?>
    <?cs if:Card.has_password != 1 ?><p><?cs var:Lang.Card.PwUnsetTip ?></p><?cs /if ?>

    <div class="card-forms">
    <section class="card-form" id="set">
      <h3><?cs if:Card.has_password == 1 ?><?cs var:Lang.Card.ResetTitle ?><?cs else ?><?cs var:Lang.Card.SetTitle ?><?cs /if ?></h3>
      <form class="form code-form" method="post" action="/card/code#set">
        <?cs call:csrf() ?>
        <p class="hint"><?cs var:Lang.Card.SendCodeHint ?> <?cs var:User.Masked ?></p>
        <button class="btn btn-outline" type="submit"><?cs var:Lang.Card.SendCode ?></button>
      </form>
      <form class="form" method="post" action="/card/password#set" novalidate>
        <?cs call:csrf() ?>
        <?cs call:digits("set", "code", "text", Lang.Card.Code, "one-time-code", Lang.Card.CodeHint) ?>
        <?cs call:digits("set", "password", "password", Lang.Card.New, "new-password", Lang.Card.PwHint) ?>
        <?cs call:digits("set", "confirm", "password", Lang.Card.Confirm, "new-password", "") ?>
        <div class="actions"><button class="btn btn-primary" type="submit"><?cs if:Card.has_password == 1 ?><?cs var:Lang.Card.ResetButton ?><?cs else ?><?cs var:Lang.Card.SetButton ?><?cs /if ?></button></div>
      </form>
    </section>
    <?cs if:Card.has_password == 1 ?>
    <section class="card-form" id="change">
      <h3><?cs var:Lang.Card.ChangeTitle ?></h3>
      <form class="form" method="post" action="/card/password/change#change" novalidate>
        <?cs call:csrf() ?>
        <?cs call:digits("change", "old", "password", Lang.Card.Old, "current-password", "") ?>
        <?cs call:digits("change", "password", "password", Lang.Card.New, "new-password", Lang.Card.PwHint) ?>
        <?cs call:digits("change", "confirm", "password", Lang.Card.Confirm, "new-password", "") ?>
        <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Card.ChangeButton ?></button></div>
      </form>
    </section>
    <?cs /if ?>
    </div>
  </section>

  <section class="card" id="payments">
    <h2><?cs var:Lang.Card.Payments ?></h2>
    <?cs if:subcount(Payments) ?>
    <div class="table-wrap"><table class="data-table offline-table">
      <thead><tr><th scope="col"><?cs var:Lang.Card.Time ?></th><th scope="col"><?cs var:Lang.Card.Merchant ?></th><th scope="col" class="num"><?cs var:Lang.Card.Points ?></th><th scope="col"><?cs var:Lang.Card.ReceiptNo ?></th></tr></thead>
      <tbody>
      <?cs each:p = Payments ?><tr><td><?cs var:p.time ?></td><td><?cs var:p.merchant ?></td><td class="num amount minus">-<?cs var:p.points ?></td><td><a href="/card/receipt/<?cs var:url_escape(p.receipt_no) ?>"><?cs var:p.receipt_no ?></a></td></tr><?cs /each ?>
      </tbody>
    </table></div>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Card.PaymentsNone ?></div><?cs /if ?>
  </section>
</section>
</div>
