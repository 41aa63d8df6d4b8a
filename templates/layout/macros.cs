<?cs # macros.cs: output primitives for every layout and page — csrf(), flash(), notice(), pager(), field rows with their errors ?><?cs if:0 ?>
<?cs # Everything below sits inside if:0 so that including this file prints nothing: a def takes effect when the
       file is parsed, not when it is rendered. ?>
<?cs # Include once per parse, before any call: the layouts, and each page template a handler names that uses these
       (itself or in a partial), include it first; partials and family macro files never do (a second def of a name
       is a parse error; a page parses it on every request, so pages that use none leave it out). Names stay short:
       ClearSilver 0.10.5 overflows its stack on long macro names. ?>
<?cs # csrf(): the hidden input every POST form carries; Csrf is a placeholder the program fills with the token ?>
<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><?cs /def ?>
<?cs # flash(): Page.Flash, what became of the request — an error when Form.HasErrors or Page.FlashError is set ?>
<?cs def:flash() ?><?cs if:Page.Flash ?><?cs if:Form.HasErrors || Page.FlashError ?><div class="flash flash-error" role="alert"><?cs
  else ?><div class="flash" role="status"><?cs /if ?><?cs var:Page.Flash ?></div><?cs /if ?><?cs /def ?>
<?cs # notice(kind): Page.Notice (a confirmation, e.g. from ?done=) where the page shows it; kind is ok or warn ?>
<?cs def:notice(kind) ?><?cs if:Page.Notice ?><div class="flash flash-<?cs var:kind ?>" role="status"><?cs var:Page.Notice ?></div><?cs /if ?><?cs /def ?>
<?cs # pager(count): links to the other pages of a list (Pager.* as req_pager fills it: Base ends in ? or &, Items
       numbers the links; without Items it shows page / pages; After, past the numbered pages, is the keyset cursor
       the next link carries); count = 1 adds the number of rows (TotalText, e.g. "1000+", when set) ?>
<?cs def:pglink(p) ?><?cs var:Pager.Base ?><?cs alt:Pager.Param ?>page<?cs /alt ?>=<?cs var:p ?><?cs var:Pager.Anchor ?><?cs /def ?>
<?cs def:pager(count) ?><?cs if:Pager.Pages > 1 ?>
<nav class="pagination" aria-label="<?cs var:Lang.Site.Pager.Label ?>">
  <?cs if:Pager.Prev ?><a class="page-prev" rel="prev" href="<?cs call:pglink(Pager.Prev) ?>"><?cs var:Lang.Site.Pager.Prev ?></a><?cs
  else ?><span class="page-prev disabled"><?cs var:Lang.Site.Pager.Prev ?></span><?cs /if ?>
  <?cs if:subcount(Pager.Items) ?><?cs each:it = Pager.Items ?><?cs if:it.gap ?><span class="page-gap">…</span><?cs
  elif:it.current ?><span class="page-current" aria-current="page"><?cs var:it.num ?></span><?cs
  else ?><a href="<?cs call:pglink(it.num) ?>"><?cs var:it.num ?></a><?cs /if ?><?cs /each ?><?cs
  else ?><span class="page-current" aria-current="page"><?cs var:Pager.Page ?></span><span class="page-gap">/ <?cs var:Pager.Pages ?></span><?cs /if ?>
  <?cs if:Pager.Next ?><a class="page-next" rel="next" href="<?cs call:pglink(Pager.Next) ?>"><?cs var:Lang.Site.Pager.Next ?></a><?cs
  elif:Pager.After ?><a class="page-next" rel="next" href="<?cs var:Pager.Base ?>after=<?cs var:Pager.After ?><?cs var:Pager.Anchor ?>"><?cs var:Lang.Site.Pager.Next ?></a><?cs
  else ?><span class="page-next disabled"><?cs var:Lang.Site.Pager.Next ?></span><?cs /if ?>
  <?cs if:count ?><span class="page-info"><?cs alt:Pager.TotalText ?><?cs var:Pager.Total ?><?cs /alt ?> <?cs var:Lang.Site.Pager.Total ?></span><?cs /if ?>
</nav>
<?cs /if ?><?cs /def ?>
<?cs # Field errors. e is the message (usually Form.Errors.<name>), k names the ids: the error is #e-<k>, the hint
       #h-<k> (hint "" when there is none). aria(e, k, hint) goes inside the control's tag; ferr(e, k, hint) is the
       line under it (the error, else the hint); ierr(e, k) is the error inside a filter's <label> (a span: labels
       hold no paragraphs). ?>
<?cs def:aria(e, k, hint) ?><?cs if:e ?> aria-invalid="true" aria-describedby="e-<?cs var:k ?>"<?cs
  elif:hint ?> aria-describedby="h-<?cs var:k ?>"<?cs /if ?><?cs /def ?>
<?cs def:ferr(e, k, hint) ?><?cs if:e ?><p class="field-error" id="e-<?cs var:k ?>"><?cs var:e ?></p><?cs
  elif:hint ?><p class="hint" id="h-<?cs var:k ?>"><?cs var:hint ?></p><?cs /if ?><?cs /def ?>
<?cs def:ierr(e, k) ?><?cs if:e ?><span class="field-error" id="e-<?cs var:k ?>"><?cs var:e ?></span><?cs /if ?><?cs /def ?>
<?cs # dateattr(): a date entry's type and attributes — text written YYYY-MM-DD (年-月-日) whatever the browser's locale
       (type=date follows it: mm/dd/yyyy in some zh-CN browsers); the server checks it (IN_DATE); data-date lets
       forms.js add a picker ?>
<?cs def:dateattr() ?> type="text" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" maxlength="10" placeholder="2026-12-04" autocomplete="off" title="<?cs var:Lang.Site.DateFormat ?>" data-date<?cs /def ?>
<?cs # field(n, label, type, auto, max, req, hint): a labelled input #f-<n> holding Form.Values.<n>, with its error
       or hint; auto = autocomplete, max = maxlength ("" leaves either out), req = 1 makes it required. Passwords
       and one-time codes are never filled in again; phone numbers and codes ask for the numeric keypad. ?>
<?cs def:field(n, label, type, auto, max, req, hint) ?>
<div class="form-row<?cs if:req ?> is-required<?cs /if ?><?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>"<?cs if:type == "date" ?><?cs call:dateattr() ?><?cs else ?> type="<?cs var:type ?>"<?cs /if ?><?cs if:auto ?> autocomplete="<?cs var:auto ?>"<?cs /if ?><?cs
  if:type == "tel" || auto == "one-time-code" ?> inputmode="numeric"<?cs /if ?><?cs if:max ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs
  if:req ?> required<?cs /if ?><?cs if:?Form.Values[n] && type != "password" && auto != "one-time-code" ?> value="<?cs var:Form.Values[n] ?>"<?cs /if ?><?cs
  call:aria(Form.Errors[n], n, hint) ?>>
  <?cs call:ferr(Form.Errors[n], n, hint) ?>
</div>
<?cs /def ?>
<?cs # area(n, label, rows, max, req, hint): the same for a textarea ?>
<?cs def:area(n, label, rows, max, req, hint) ?>
<div class="form-row<?cs if:req ?> is-required<?cs /if ?><?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <textarea id="f-<?cs var:n ?>" name="<?cs var:n ?>" rows="<?cs var:rows ?>"<?cs if:max ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs
  if:req ?> required<?cs /if ?><?cs call:aria(Form.Errors[n], n, hint) ?>><?cs var:Form.Values[n] ?></textarea>
  <?cs call:ferr(Form.Errors[n], n, hint) ?>
</div>
<?cs /def ?>
<?cs # upload(n, label, hint): the same for an image file (JPEG, PNG or WebP; the server checks the content) ?>
<?cs def:upload(n, label, hint) ?>
<div class="form-row<?cs if:Form.Errors[n] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:n ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="file" accept="image/jpeg,image/png,image/webp"<?cs call:aria(Form.Errors[n], n, hint) ?>>
  <?cs call:ferr(Form.Errors[n], n, hint) ?>
</div>
<?cs /def ?>
<?cs # head(name, css, js, noindex): a layout's document start up to </head>: <title> is "Page.Title - name"; Page.Refresh
       (seconds) reloads a page that follows a background job, without JavaScript ?>
<?cs def:head(name, css, js, noindex) ?><!doctype html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<?cs if:noindex ?><meta name="robots" content="noindex, nofollow">
<?cs /if ?><?cs if:Page.Refresh ?><meta http-equiv="refresh" content="<?cs var:Page.Refresh ?>">
<?cs /if ?><title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs /if ?><?cs var:name ?></title>
<link rel="stylesheet" href="/css/<?cs var:css ?>.css">
<script src="/js/<?cs var:js ?>.js" defer></script>
<script src="/js/forms.js" defer></script>
</head><?cs /def ?>
<?cs # livehead(name): the head of a page that refreshes itself (the monitor): a meta refresh only without JavaScript
       (noscript), monitor.js swapping the live part in place with it ?>
<?cs def:livehead(name) ?><!doctype html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<noscript><meta http-equiv="refresh" content="<?cs var:Page.Refresh ?>"></noscript>
<title><?cs var:Page.Title ?> - <?cs var:name ?></title>
<link rel="stylesheet" href="/css/admin.css">
<script src="/js/monitor.js" defer></script>
<script src="/js/forms.js" defer></script>
</head><?cs /def ?>
<?cs # langsw(): the link that switches the page to the other language and back to this address ?>
<?cs def:langsw() ?><a class="lang-switch" lang="<?cs var:Page.OtherLang ?>" href="/lang?to=<?cs var:Page.OtherLang ?>&amp;next=<?cs var:url_escape(Page.Uri) ?>"><?cs var:Lang.Site.OtherLang ?></a><?cs /def ?>
<?cs /if ?>