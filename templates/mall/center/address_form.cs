<?cs # address_form.cs: A3 new / edit address — fields validated on the server, errors beside each field ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs if:Address.Id ?><?cs var:Lang.Center.Address.EditTitle ?><?cs else ?><?cs var:Lang.Center.Address.NewTitle ?><?cs /if ?></h1>
  <div class="card">
  <form class="form address-form" method="post" action="<?cs var:Address.Action ?>" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Form.Values.next ?><input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
    <?cs call:field("recipient", Lang.Center.Address.Recipient, "text", "name", Address.RecipientMax, 1, Lang.Center.Address.RecipientHint) ?>
    <?cs call:field("mobile", Lang.Center.Address.Mobile, "tel", "tel-national", 11, 1, "") ?>
    <div class="form-grid-3">
    <div class="form-row is-required<?cs if:Form.Errors.province ?> has-error<?cs /if ?>">
      <label for="f-province"><?cs var:Lang.Center.Address.Province ?></label>
      <input id="f-province" name="province" type="text" autocomplete="address-level1" list="provinces" maxlength="<?cs var:Address.RegionMax ?>" required<?cs
      if:Form.Values.province ?> value="<?cs var:Form.Values.province ?>"<?cs /if ?><?cs call:aria(Form.Errors.province, "province", "") ?>>
      <?cs call:ferr(Form.Errors.province, "province", "") ?>
    </div>
    <?cs call:field("city", Lang.Center.Address.City, "text", "address-level2", Address.RegionMax, 1, "") ?>
    <?cs call:field("district", Lang.Center.Address.District, "text", "address-level3", Address.RegionMax, 1, "") ?>
    </div>
    <p class="hint"><?cs var:Lang.Center.Address.RegionHint ?></p>
    <datalist id="provinces"><?cs each:p = Lang.Center.Address.Provinces ?><option value="<?cs var:p ?>"><?cs /each ?></datalist>
    <?cs call:field("detail", Lang.Center.Address.Detail, "text", "street-address", Address.DetailMax, 1, Lang.Center.Address.DetailHint) ?>
    <div class="form-row form-check">
      <input id="f-is_default" name="is_default" type="checkbox" value="1"<?cs if:Form.Values.is_default ?> checked<?cs /if ?>>
      <label for="f-is_default"><?cs var:Lang.Center.Address.IsDefault ?></label>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Center.Address.Save ?></button> <a class="btn-link" href="<?cs alt:Form.Values.next ?>/addresses<?cs /alt ?>"><?cs var:Lang.Center.Address.Cancel ?></a></div>
  </form>
  </div>
</section>
</div>
