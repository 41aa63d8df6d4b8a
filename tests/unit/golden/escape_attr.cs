<a href="/product/<?cs var:Id ?>" title="<?cs var:Title ?>" data-name='<?cs var:Title ?>'>x</a>
<input name="q" value="<?cs var:Query ?>">
<a href="/search?q=<?cs var:url_escape(Query) ?>&amp;page=2">next</a>
<a href="/lang?to=en&amp;next=<?cs var:url_escape(Uri) ?>">English</a>
