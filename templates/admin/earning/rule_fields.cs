<?cs # rule_fields.cs: P2 the settings of a consumption rule (a new rule and a rule's next version share them) ?>
    <?cs call:field("name", Lang.Earning.Name, "text", "off", 100, 1, "") ?>
    <?cs call:field("points_per_unit", Lang.Earning.PointsPerUnit, "number", "off", "", 1, "") ?>
    <?cs call:field("unit_fen", Lang.Earning.UnitFen, "number", "off", "", 1, Lang.Earning.UnitFenHint) ?>
    <div class="form-row is-required<?cs if:Form.Errors.rounding ?> has-error<?cs /if ?>">
      <label for="f-rounding"><?cs var:Lang.Earning.Rounding ?></label>
      <select id="f-rounding" name="rounding" required<?cs call:aria(Form.Errors.rounding, "rounding", "") ?>>
        <?cs each:k = Lang.Earning.Roundings ?><option value="<?cs name:k ?>"<?cs if:Form.Values.rounding == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.rounding, "rounding", "") ?>
    </div>
    <?cs call:field("member_day_cap", Lang.Earning.DayCap, "number", "off", "", 0, Lang.Earning.DayCapHint) ?>
    <div class="form-row is-required<?cs if:Form.Errors.status ?> has-error<?cs /if ?>">
      <label for="f-status"><?cs var:Lang.Earning.Status ?></label>
      <select id="f-status" name="status" required<?cs call:aria(Form.Errors.status, "status", "") ?>>
        <?cs each:k = Lang.Earning.States ?><option value="<?cs name:k ?>"<?cs if:Form.Values.status == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:ferr(Form.Errors.status, "status", "") ?>
    </div>
