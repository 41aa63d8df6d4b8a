<?cs # macros.cs: member center pieces — side menu, notice, form fields with errors beside them ?>
<?cs include:"mall/store/macros.cs" ?>
<?cs def:navlink(href, tab, label) ?><li><a href="<?cs var:href ?>"<?cs if:Center.Tab == tab ?> class="active" aria-current="page"<?cs /if ?>><?cs var:label ?></a></li><?cs /def ?>
<?cs def:center_side() ?>
<nav class="center-side card" aria-label="<?cs var:Lang.Center.Nav.Label ?>">
  <p class="center-side-title"><?cs var:Lang.Center.Title ?></p>
  <ul>
    <?cs call:navlink("/account", "home", Lang.Center.Nav.Home) ?>
    <?cs call:navlink("/orders", "orders", Lang.Center.Nav.Orders) ?>
    <?cs call:navlink("/cart", "cart", Lang.Center.Nav.Cart) ?>
    <?cs call:navlink("/points", "points", Lang.Center.Nav.Points) ?>
    <?cs call:navlink("/card", "card", Lang.Card.Nav) ?>
    <?cs call:navlink("/addresses", "addresses", Lang.Center.Nav.Addresses) ?>
    <?cs call:navlink("/favorites", "favorites", Lang.Center.Nav.Favorites) ?>
    <?cs call:navlink("/inbox", "inbox", Lang.Center.Nav.Inbox) ?>
    <?cs call:navlink("/messages", "messages", Lang.Center.Nav.Messages) ?>
    <?cs call:navlink("/consultations", "consultations", Lang.Center.Nav.Consult) ?>
    <?cs call:navlink("/reviews", "reviews", Lang.Center.Nav.Reviews) ?>
    <?cs call:navlink("/account/password", "password", Lang.Center.Nav.Password) ?>
  </ul>
</nav>
<?cs /def ?>
<?cs def:center_notice() ?><?cs if:Page.Notice ?><div class="flash flash-ok" role="status"><?cs var:Page.Notice ?></div><?cs /if ?><?cs /def ?>
<?cs # A text input with its label, a hint, and the error message next to it; list = datalist id or "". ?>
<?cs def:cfld(n, label, type, auto, mode, max, hint, list) ?>
<div class="form-row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="<?cs var:type ?>" autocomplete="<?cs var:auto ?>"<?cs
  if:mode ?> inputmode="<?cs var:mode ?>"<?cs /if ?><?cs if:list ?> list="<?cs var:list ?>"<?cs /if ?> maxlength="<?cs var:max ?>" required<?cs
  if:Form.Values[n] ?> value="<?cs var:Form.Values[n] ?>"<?cs /if ?><?cs
  if:Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs elif:hint ?> aria-describedby="h-<?cs var:n ?>"<?cs /if ?>>
  <?cs if:Form.Errors[n] ?><p class="field-error" id="e-<?cs var:n ?>"><?cs var:Form.Errors[n] ?></p><?cs
  elif:hint ?><p class="hint" id="h-<?cs var:n ?>"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:carea(n, label, max, hint) ?>
<div class="form-row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <textarea id="f-<?cs var:n ?>" name="<?cs var:n ?>" rows="5" maxlength="<?cs var:max ?>" required<?cs
  if:Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs else ?> aria-describedby="h-<?cs var:n ?>"<?cs /if ?>><?cs var:Form.Values[n] ?></textarea>
  <?cs if:Form.Errors[n] ?><p class="field-error" id="e-<?cs var:n ?>"><?cs var:Form.Errors[n] ?></p><?cs
  else ?><p class="hint" id="h-<?cs var:n ?>"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><?cs /def ?>
<?cs def:total_line() ?><?cs if:Pager.Total > 0 ?><p class="muted center-total"><?cs var:Lang.Center.Pager.Total ?> <?cs var:Pager.Total ?> <?cs var:Lang.Center.Pager.Items ?></p><?cs /if ?><?cs /def ?>
