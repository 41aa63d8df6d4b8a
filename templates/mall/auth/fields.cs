<?cs # fields.cs: form field macro for the account pages (label, input, error under the field) ?>
<?cs def:fld(n, label, type, auto, mode, max, keep, hint) ?>
<div class="form-row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="<?cs var:type ?>" autocomplete="<?cs var:auto ?>"<?cs
  if:mode ?> inputmode="<?cs var:mode ?>"<?cs /if ?> maxlength="<?cs var:max ?>" required<?cs
  if:keep && Form.Values[n] ?> value="<?cs var:Form.Values[n] ?>"<?cs /if ?><?cs
  if:Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs elif:hint ?> aria-describedby="h-<?cs var:n ?>"<?cs /if ?>>
  <?cs if:Form.Errors[n] ?><p class="field-error" id="e-<?cs var:n ?>"><?cs var:Form.Errors[n] ?></p><?cs
  elif:hint ?><p class="hint" id="h-<?cs var:n ?>"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:flash() ?>
<?cs if:Page.Flash ?><div class="flash flash-error" role="alert"><?cs var:Page.Flash ?></div><?cs /if ?>
<?cs if:Page.Notice ?><div class="flash flash-ok" role="status"><?cs var:Page.Notice ?></div><?cs /if ?>
<?cs /def ?>
