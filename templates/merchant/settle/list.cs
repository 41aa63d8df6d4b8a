<?cs # list.cs: the merchant owner's statements, newest month first ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head">
  <h1><?cs var:Lang.Settle.Title ?></h1>
  <?cs if:subcount(Bills) ?><a class="btn" href="/merchant/settlements.csv" download><?cs var:Lang.Settle.Csv ?></a><?cs /if ?>
</div>
<p class="muted"><?cs var:Lang.Settle.Lead ?></p>
<?cs if:subcount(Bills) ?>
<div class="card table-wrap"><table class="table" id="settlements">
  <thead><tr><th><?cs var:Lang.Settle.Month ?></th><th class="num"><?cs var:Lang.Settle.Vouchers ?></th><th class="num"><?cs var:Lang.Settle.TerminalCount ?></th><th class="num"><?cs var:Lang.Settle.Amount ?></th><th class="num"><?cs var:Lang.Settle.Points ?></th><th><?cs var:Lang.Settle.Status ?></th><th><?cs var:Lang.Settle.SubmittedAt ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:b = Bills ?>
    <tr data-month="<?cs var:b.month ?>">
      <td><a href="/merchant/settlements/<?cs var:url_escape(b.id) ?>"><?cs var:b.month ?></a></td>
      <td class="num"><?cs var:b.vouchers ?></td>
      <td class="num"><?cs var:b.offline_count ?></td>
      <td class="num">¥<?cs var:b.amount ?></td>
      <td class="num"><?cs var:b.points ?></td>
      <td><span class="badge badge-<?cs var:b.status ?>"><?cs var:Lang.Settle.Status[b.status] ?></span></td>
      <td><?cs alt:b.submitted_at ?>—<?cs /alt ?></td>
      <td class="actions"><a class="btn btn-small" href="/merchant/settlements/<?cs var:url_escape(b.id) ?>"><?cs var:Lang.Settle.View ?></a></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table></div>
<?cs call:pager(0) ?>
<?cs else ?>
<p class="empty-state"><?cs var:Lang.Settle.Empty ?></p>
<?cs /if ?>
