<?cs # scan.cs: F5 a scanned one-item code — what it earns and the button that collects it, or why it cannot ?>
<?cs include:"layout/macros.cs" ?>
<div class="container narrow code-page">
<section class="card code-card is-<?cs var:Scan.State ?>" id="code-scan">
  <p class="code-label muted"><?cs var:Lang.Codes.Scan.CodeLabel ?></p>
  <p class="code-value mono"><?cs var:Scan.Code ?></p>
  <?cs call:notice("ok") ?>
  <?cs if:Scan.State == "ok" ?>
    <h1 class="code-points"><span class="code-plus">+<?cs var:Scan.Points ?></span> <?cs var:Lang.Site.Points ?></h1>
    <p class="muted"><?cs var:Lang.Codes.Scan.ExpiresOn ?> <?cs var:Scan.Expire ?> · <?cs var:Lang.Codes.Scan.ValidUntil ?> <?cs var:Scan.ValidUntil ?></p>
    <?cs if:User.Name || User.Mobile ?>
      <form method="post" action="<?cs var:Scan.Next ?>"><?cs call:csrf() ?>
        <button class="btn btn-primary btn-block" type="submit" id="collect"><?cs var:Lang.Codes.Scan.Collect ?></button>
      </form>
    <?cs else ?>
      <p><?cs var:Lang.Codes.Scan.SignInFirst ?></p>
      <div class="actions code-actions">
        <a class="btn btn-primary" id="code-login" href="/login?next=<?cs var:url_escape(Scan.Next) ?>"><?cs var:Lang.Codes.Scan.SignIn ?></a>
        <a class="btn" id="code-register" href="/register?next=<?cs var:url_escape(Scan.Next) ?>"><?cs var:Lang.Codes.Scan.Register ?></a>
      </div>
    <?cs /if ?>
  <?cs elif:Scan.State == "used" ?>
    <?cs if:Scan.Mine ?>
      <h1 class="code-points"><span class="code-plus">+<?cs var:Scan.Points ?></span> <?cs var:Lang.Site.Points ?></h1>
      <p id="code-state"><?cs var:Lang.Codes.Scan.MineAt ?> <?cs var:Scan.UsedAt ?></p>
      <p class="muted"><?cs var:Lang.Codes.Scan.ExpiresOn ?> <?cs var:Scan.Expire ?></p>
      <div class="actions code-actions"><a class="btn btn-primary" href="/points"><?cs var:Lang.Codes.Scan.MyPoints ?></a></div>
    <?cs else ?>
      <h1 id="code-state"><?cs var:Lang.Codes.Scan.Used ?></h1>
      <p><?cs var:Lang.Codes.Scan.UsedAt ?> <?cs var:Scan.UsedAt ?></p>
    <?cs /if ?>
  <?cs elif:Scan.State == "typo" ?>
    <h1 id="code-state"><?cs var:Lang.Codes.Scan.Typo ?></h1><p class="muted"><?cs var:Lang.Codes.Scan.TypoHint ?></p>
  <?cs elif:Scan.State == "invalid" ?>
    <h1 id="code-state"><?cs var:Lang.Codes.Scan.Invalid ?></h1>
  <?cs elif:Scan.State == "inactive" ?>
    <h1 id="code-state"><?cs var:Lang.Codes.Scan.Inactive ?></h1>
  <?cs elif:Scan.State == "expired" ?>
    <h1 id="code-state"><?cs var:Lang.Codes.Scan.Expired ?></h1>
  <?cs else ?>
    <h1 id="code-state"><?cs var:Lang.Codes.Scan.NotNow ?></h1>
  <?cs /if ?>
  <p class="code-home"><a href="/"><?cs var:Lang.Codes.Scan.Home ?></a></p>
</section>
</div>
