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
    <form class="filter-form" method="get" action="/points#ledger">
      <div class="form-row">
        <label for="f-kind"><?cs var:Lang.Center.Points.Kind ?></label>
        <select id="f-kind" name="kind">
          <?cs each:k = Lang.Center.Points.Kinds ?><option value="<?cs name:k ?>"<?cs if:Filter.Kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
        </select>
      </div>
      <?cs call:field("from", Lang.Center.Points.From, "date", "", "", 0, "") ?>
      <?cs call:field("to", Lang.Center.Points.To, "date", "", "", 0, "") ?>
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
