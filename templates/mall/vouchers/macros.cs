<?cs # macros.cs: voucher status badge and product name in the page's language ?>
<?cs def:vstatus(s) ?><span class="voucher-status vstatus-<?cs var:s ?>"><?cs var:Lang.Voucher.Status[s] ?></span><?cs /def ?>
<?cs def:vname(v) ?><?cs if:Page.Lang == "en" && v.product_en ?><?cs var:v.product_en ?><?cs else ?><?cs var:v.product ?><?cs /if ?><?cs /def ?>
