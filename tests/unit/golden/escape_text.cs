<p><?cs var:Text ?></p>
<p><?cs var:Amp ?></p>
<p><?cs var:Name ?></p>
<?cs each:item = Items ?><li><?cs var:item.name ?></li>
<?cs /each ?>
