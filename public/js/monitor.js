// monitor.js: the monitor pages update in place — every few seconds the same address is fetched and the live part's
// HTML swapped when it changed (no reload, no flash); without JavaScript the page's <noscript> meta refresh does it.
(function () {
  'use strict';
  var live = document.querySelector('[data-live]');
  if (!live || !window.fetch || !window.DOMParser) return;
  var every = (Number(live.getAttribute('data-live')) || 5) * 1000;
  function tick() {
    fetch(location.href, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (r) {
        // Signed out (sent to the sign-in page) or refused: show that page instead of a stale wall.
        if (r.redirected || !r.ok) { location.reload(); throw new Error('reload'); }
        return r.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live]');
        if (fresh && fresh.innerHTML !== live.innerHTML) {
          live.innerHTML = fresh.innerHTML;
          live.setAttribute('data-updated', String(Date.now()));
        }
      })
      .catch(function () { /* the next tick tries again */ })
      .then(function () { setTimeout(tick, every); });
  }
  setTimeout(tick, every);
})();
