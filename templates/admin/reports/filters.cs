<?cs # filters.cs: report tabs, date-range form (works without JavaScript), quick ranges and CSV link ?>
<?cs def:rtabs() ?>
<div class="page-head"><h1><?cs var:Lang.AdminReports.Title ?></h1></div>
<nav class="report-tabs" aria-label="<?cs var:Lang.AdminReports.Tab.Label ?>">
  <a href="/admin/reports"<?cs if:Report.Tab == "points" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.AdminReports.Tab.Points ?></a>
  <a href="/admin/reports/redemptions"<?cs if:Report.Tab == "redemptions" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.AdminReports.Tab.Redemptions ?></a>
  <a href="/admin/reports/finance"<?cs if:Report.Tab == "finance" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:Lang.FinReport.Tab ?></a>
</nav>
<?cs /def ?>
<?cs def:rfilters(action, kind) ?>
<form class="filters report-filters" method="get" action="<?cs var:action ?>">
  <label<?cs if:Form.Errors.from ?> class="has-error"<?cs /if ?>><?cs var:Lang.AdminReports.From ?>
    <input<?cs call:dateattr() ?> name="from" value="<?cs var:Report.From ?>"<?cs call:aria(Form.Errors.from, "from", "") ?>>
    <?cs call:ierr(Form.Errors.from, "from") ?></label>
  <label<?cs if:Form.Errors.to ?> class="has-error"<?cs /if ?>><?cs var:Lang.AdminReports.To ?>
    <input<?cs call:dateattr() ?> name="to" value="<?cs var:Report.To ?>"<?cs call:aria(Form.Errors.to, "to", "") ?>>
    <?cs call:ierr(Form.Errors.to, "to") ?></label>
  <?cs if:kind == "points" ?>
  <label><?cs var:Lang.AdminReports.Group ?>
    <select name="group">
      <option value="day"<?cs if:Report.Group == "day" ?> selected<?cs /if ?>><?cs var:Lang.AdminReports.Group.day ?></option>
      <option value="month"<?cs if:Report.Group == "month" ?> selected<?cs /if ?>><?cs var:Lang.AdminReports.Group.month ?></option>
    </select></label>
  <?cs else ?>
  <label><?cs var:Lang.AdminReports.ByLabel ?>
    <select name="by">
      <option value="product"<?cs if:Report.By == "product" ?> selected<?cs /if ?>><?cs var:Lang.AdminReports.By.product ?></option>
      <option value="category"<?cs if:Report.By == "category" ?> selected<?cs /if ?>><?cs var:Lang.AdminReports.By.category ?></option>
      <option value="merchant"<?cs if:Report.By == "merchant" ?> selected<?cs /if ?>><?cs var:Lang.AdminReports.By.merchant ?></option>
    </select></label>
  <?cs /if ?>
  <button class="btn btn-primary" type="submit"><?cs var:Lang.AdminReports.Query ?></button>
  <a class="btn" href="<?cs var:action ?>"><?cs var:Lang.AdminReports.Reset ?></a>
  <?cs if:Report.CsvHref ?><span class="spacer"></span><a class="btn report-csv" href="<?cs var:Report.CsvHref ?>" download><?cs var:Lang.AdminReports.Export ?></a><?cs /if ?>
</form>
<p class="report-quick"><span class="muted"><?cs var:Lang.AdminReports.QuickLabel ?>:</span>
  <?cs each:q = Report.Quick ?><a href="<?cs var:q.Href ?>"<?cs if:q.Active ?> class="active" aria-current="true"<?cs /if ?>><?cs var:q.Label ?></a><?cs /each ?>
</p>
<?cs if:Report.Days ?><p class="muted report-range"><?cs var:Lang.AdminReports.Range ?>:<?cs var:Report.From ?> ~ <?cs var:Report.To ?>(<?cs var:Report.Days ?> <?cs var:Lang.AdminReports.DaysUnit ?>)</p><?cs /if ?>
<?cs /def ?>
