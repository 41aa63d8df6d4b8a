<?cs # Language strings are written into templates as they load (render.c load_inlined): the file render must equal the string render, which reads them when rendering. ?>
<p><?cs var:Lang.Store.Search.Tips ?></p>
<p><?cs var:Lang.Shop.Result.OffShelfNamed ?></p>
<p>[<?cs var:Lang.No.Such.Key ?>]</p>
<p><?cs var:Lang.Site.Name  ?>|<?cs var:Lang.Center.Points.Kinds[Kind] ?>|<?cs var:Lang.Center.Points ?>|<?cs var:Lang. ?></p>
<?cs if:1 ?><?cs var:Lang.Site.Points ?><?cs /if ?><?cs def:m(x) ?><?cs var:Lang.Site.Login ?>:<?cs var:x ?><?cs /def ?>
<?cs call:m(Lang.Site.Register) ?>
