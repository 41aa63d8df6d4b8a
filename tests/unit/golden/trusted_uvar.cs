<main><?cs uvar:Body ?></main>
<p><?cs var:Body ?></p>
<p><?cs var:Lang.Site.Name ?></p>
