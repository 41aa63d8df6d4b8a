<?cs # fields.cs: merchant portal form field macro (label, input, error or hint under it) — include, then call:mfield(...) ?>
<?cs def:mfield(n, label, type, auto, max, keep, hint) ?>
<div class="row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="<?cs var:type ?>" autocomplete="<?cs var:auto ?>" maxlength="<?cs var:max ?>" required<?cs
  if:keep && Form.Values[n] ?> value="<?cs var:Form.Values[n] ?>"<?cs /if ?><?cs
  if:Form.Errors[n] ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs elif:hint ?> aria-describedby="h-<?cs var:n ?>"<?cs /if ?>>
  <?cs if:Form.Errors[n] ?><p class="field-error" id="e-<?cs var:n ?>"><?cs var:Form.Errors[n] ?></p><?cs
  elif:hint ?><p class="hint" id="h-<?cs var:n ?>"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?>
