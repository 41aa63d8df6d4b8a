<?cs # log.cs: I1 API call log — every call, newest first, keyset pages (never a secret, signature or body) ?>
<?cs include:"layout/macros.cs" ?>
<div class="page-head"><h1><?cs var:Page.Title ?></h1></div>
<form class="form form-inline" method="get" action="/admin/api-log">
  <label for="f-partner"><?cs var:Lang.Partners.Partner ?></label>
  <select id="f-partner" name="partner"><option value=""><?cs var:Lang.Partners.AllPartners ?></option>
    <?cs each:p = Partners ?><option value="<?cs var:p.id ?>"<?cs if:Filter.Partner == p.id ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?>
  </select>
  <button class="btn btn-small" type="submit"><?cs var:Lang.Partners.Filter ?></button>
</form>
<section class="card" id="api-log">
  <?cs if:subcount(Log) ?>
  <div class="table-wrap"><table class="table">
    <thead><tr><th><?cs var:Lang.Partners.Time ?></th><th><?cs var:Lang.Partners.Partner ?></th><th><?cs var:Lang.Partners.KeyId ?></th><th><?cs var:Lang.Partners.Call ?></th><th class="num"><?cs var:Lang.Partners.HttpStatus ?></th><th><?cs var:Lang.Partners.Code ?></th><th class="num">ms</th><th>IP</th></tr></thead>
    <tbody><?cs each:l = Log ?>
      <tr data-log="<?cs var:l.id ?>"><td><?cs var:l.created_at ?></td><td><?cs var:l.partner_name ?></td><td class="mono"><?cs var:l.key_id ?></td>
        <td class="mono"><?cs var:l.method ?> <?cs var:l.path ?></td><td class="num"><?cs var:l.status ?></td><td class="mono"><?cs var:l.code ?></td><td class="num"><?cs var:l.ms ?></td><td><?cs var:l.ip ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs if:Page.NextBefore ?><nav class="pagination" aria-label="<?cs var:Lang.Site.Pager.Label ?>"><a class="page-next" rel="next" href="/admin/api-log?<?cs if:Filter.Partner ?>partner=<?cs var:url_escape(Filter.Partner) ?>&amp;<?cs /if ?>before=<?cs var:url_escape(Page.NextBefore) ?>"><?cs var:Lang.Site.Pager.Next ?></a></nav><?cs /if ?>
  <?cs else ?><p class="empty-state"><?cs var:Lang.Partners.NoCalls ?></p><?cs /if ?>
</section>
