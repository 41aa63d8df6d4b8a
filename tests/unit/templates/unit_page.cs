<p id="msg"><?cs var:Page.Msg ?></p>
<?cs if:Page.SessionExpired ?><p id="expired">session expired</p><?cs /if ?>
<?cs if:Csrf ?><form method="post" action="/t/form"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"></form><?cs /if ?>
