<?cs # points.cs: A2 points center — balance, expiring soon, lots, filterable ledger ?>
<?cs include:"layout/macros.cs" ?>
<?cs include:"mall/center/macros.cs" ?>
<div class="container center-layout">
<?cs call:center_side() ?>
<section class="center-main">
  <h1 class="page-title"><?cs var:Lang.Center.Points.Title ?></h1>
  <div class="card points-summary">
    <div class="points-big"><span><?cs var:Lang.Center.Points.Balance ?></span><strong class="points-balance"><?cs var:User.Points ?></strong></div>
    <div class="points-big points-soon"><span><?cs var:Lang.Center.Points.ExpiringSum ?></span><strong class="points-expiring"><?cs var:Points.ExpiringSum ?></strong></div>
  </div>

  <section class="card" id="expiring">
    <h2><?cs var:Lang.Center.Points.ExpiringTitle ?></h2>
    <?cs if:subcount(Expiring) ?>
    <p class="muted"><?cs var:Lang.Center.Points.ExpiringTip ?></p>
    <ul class="expiring-list">
    <?cs each:l = Expiring ?><li><strong><?cs var:l.remaining ?></strong> <?cs var:Lang.Site.Points ?> · <?cs var:Lang.Center.Points.ExpiresOn ?> <time datetime="<?cs var:l.expires ?>"><?cs var:l.expires ?></time> <span class="badge badge-upcoming"><?cs if:l.days_left == 0 ?><?cs var:Lang.Center.Points.Today ?><?cs else ?><?cs var:Lang.Center.Points.DaysLeft ?> <?cs var:l.days_left ?> <?cs var:Lang.Center.Points.Days ?><?cs /if ?></span></li><?cs /each ?>
    </ul>
    <?cs if:Points.ExpiringMore ?><p class="muted expiring-more"><a href="#lots"><?cs var:Lang.Center.Points.ExpiringMore ?></a></p><?cs /if ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Points.ExpiringNone ?></div><?cs /if ?>
  </section>

  <section class="card" id="lots">
    <h2><?cs var:Lang.Center.Points.Lots ?></h2>
    <?cs if:subcount(Lots) ?>
    <p class="muted lots-summary"><?cs var:Lang.Center.Points.LotsOpenPre ?> <strong><?cs var:Points.LotsOpen ?></strong> <?cs var:Lang.Center.Points.LotsOpenPost ?></p>
    <div class="table-wrap"><table class="data-table lots-table">
      <thead><tr><th scope="col"><?cs var:Lang.Center.Points.Source ?></th><th scope="col" class="num"><?cs var:Lang.Center.Points.Amount ?></th><th scope="col" class="num"><?cs var:Lang.Center.Points.Remaining ?></th><th scope="col"><?cs var:Lang.Center.Points.ExpiresOn ?></th></tr></thead>
      <tbody>
      <?cs each:l = Lots ?><tr<?cs if:l.days_left < Points.Days ?> class="is-soon"<?cs /if ?>><td><?cs alt:Lang.Center.Points.Src[l.source] ?><?cs var:l.source ?><?cs /alt ?><?cs if:l.note ?> <span class="muted">· <?cs var:l.note ?></span><?cs /if ?></td><td class="num"><?cs var:l.amount ?></td><td class="num"><strong><?cs var:l.remaining ?></strong></td><td><time datetime="<?cs var:l.expires ?>"><?cs var:l.expires ?></time></td></tr><?cs /each ?>
      </tbody>
    </table></div>
    <?cs if:Points.LotsMore || Points.LotsFirst ?><p class="lots-pager"><?cs if:Points.LotsFirst ?><a href="/points#lots"><?cs var:Lang.Center.Points.LotsFirst ?></a> <?cs /if ?><?cs
      if:Points.LotsMore ?><a class="lots-more" rel="next" href="/points?lots=<?cs var:url_escape(Points.LotsMore) ?>#lots"><?cs var:Lang.Center.Points.LotsMore ?></a><?cs /if ?></p><?cs /if ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Points.LotsNone ?></div><?cs /if ?>
  </section>

  <section class="card" id="ledger">
    <h2><?cs var:Lang.Center.Points.Ledger ?></h2>
    <?cs # The kinds and the two date fields are written out, not looped over the language tree or called as field():
       a ClearSilver macro call evaluates every argument and each Form.*[n] lookup anew, and those two calls and the
       loop were a third of this page's rendering (callgrind). The kinds are h_points' list (center_points.c); the
       fields are field(n, label, "date", "", "", 0, "") of layout/macros.cs, to the byte (the golden test checks). ?><form class="filter-form" method="get" action="/points#ledger">
      <div class="form-row">
        <label for="f-kind"><?cs var:Lang.Center.Points.Kind ?></label>
        <select id="f-kind" name="kind">
          <option value="all"<?cs if:Filter.Kind == "all" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.all ?></option><option value="earn"<?cs if:Filter.Kind == "earn" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.earn ?></option><option value="spend"<?cs if:Filter.Kind == "spend" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.spend ?></option><option value="refund"<?cs if:Filter.Kind == "refund" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.refund ?></option><option value="expire"<?cs if:Filter.Kind == "expire" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.expire ?></option><option value="grant"<?cs if:Filter.Kind == "grant" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.grant ?></option><option value="scan"<?cs if:Filter.Kind == "scan" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.scan ?></option><option value="adjust"<?cs if:Filter.Kind == "adjust" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.adjust ?></option><option value="offline"<?cs if:Filter.Kind == "offline" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.offline ?></option><option value="coupon"<?cs if:Filter.Kind == "coupon" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.coupon ?></option><option value="api_earn"<?cs if:Filter.Kind == "api_earn" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.api_earn ?></option><option value="api_spend"<?cs if:Filter.Kind == "api_spend" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.api_spend ?></option><option value="api_reverse"<?cs if:Filter.Kind == "api_reverse" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.api_reverse ?></option><option value="bonus"<?cs if:Filter.Kind == "bonus" ?> selected<?cs /if ?>><?cs var:Lang.Center.Points.Kinds.bonus ?></option>
        </select>
      </div>
      
<div class="form-row<?cs if:Form.Errors.from ?> has-error<?cs /if ?>">
  <label for="f-from"><?cs var:Lang.Center.Points.From ?></label>
  <input id="f-from" name="from"<?cs call:dateattr() ?><?cs if:?Form.Values.from ?> value="<?cs var:Form.Values.from ?>"<?cs /if ?><?cs
  if:Form.Errors.from ?> aria-invalid="true" aria-describedby="e-from"<?cs /if ?>>
  <?cs if:Form.Errors.from ?><p class="field-error" id="e-from"><?cs var:Form.Errors.from ?></p><?cs /if ?>
</div>

      
<div class="form-row<?cs if:Form.Errors.to ?> has-error<?cs /if ?>">
  <label for="f-to"><?cs var:Lang.Center.Points.To ?></label>
  <input id="f-to" name="to"<?cs call:dateattr() ?><?cs if:?Form.Values.to ?> value="<?cs var:Form.Values.to ?>"<?cs /if ?><?cs
  if:Form.Errors.to ?> aria-invalid="true" aria-describedby="e-to"<?cs /if ?>>
  <?cs if:Form.Errors.to ?><p class="field-error" id="e-to"><?cs var:Form.Errors.to ?></p><?cs /if ?>
</div>

      <div class="actions"><button class="btn btn-primary" type="submit"><?cs var:Lang.Center.Points.Filter ?></button><?cs if:Filter.Active ?> <a class="btn-link" href="/points#ledger"><?cs var:Lang.Center.Points.Reset ?></a><?cs /if ?></div>
    </form>
    <?cs if:subcount(Ledger) ?>
    <?cs call:total_line() ?>
    <div class="table-wrap"><table class="data-table ledger-table">
      <thead><tr><th scope="col"><?cs var:Lang.Center.Points.Time ?></th><th scope="col"><?cs var:Lang.Center.Points.Kind ?></th><th scope="col" class="num"><?cs var:Lang.Center.Points.Change ?></th><th scope="col" class="num"><?cs var:Lang.Center.Points.BalanceAfter ?></th><th scope="col"><?cs var:Lang.Center.Points.Note ?></th></tr></thead>
      <tbody>
      <?cs each:e = Ledger ?><tr class="kind-<?cs var:e.kind ?>"><td><?cs var:e.time ?></td><td><?cs var:Lang.Center.Points.Kinds[e.kind] ?></td><td class="num amount<?cs if:e.amount < 0 ?> minus<?cs else ?> plus<?cs /if ?>"><?cs if:e.amount > 0 ?>+<?cs /if ?><?cs var:e.amount ?></td><td class="num"><?cs var:e.balance_after ?></td><td><?cs var:e.note ?><?cs if:e.order_no ?> <a href="/order/<?cs var:url_escape(e.order_no) ?>"><?cs var:Lang.Center.Points.Order ?> <?cs var:e.order_no ?></a><?cs /if ?></td></tr><?cs /each ?>
      </tbody>
    </table></div>
    <?cs call:pager(0) ?>
    <?cs elif:Filter.Active ?><div class="empty-state"><?cs var:Lang.Center.Points.LedgerNoneFiltered ?></div>
    <?cs elif:Pager.Total > 0 ?><div class="empty-state"><?cs var:Lang.Store.List.PageEmpty ?></div><?cs call:pager(0) ?>
    <?cs else ?><div class="empty-state"><?cs var:Lang.Center.Points.LedgerNone ?></div><?cs /if ?>
  </section>
</section>
</div>
