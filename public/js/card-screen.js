/* card-screen.js: keeps the phone's screen on while the member card is shown at the till (Screen Wake Lock API,
   where the browser has it; the card works the same without it) */
(function () {
  'use strict';
  if (!('wakeLock' in navigator)) return;
  var lock = null;
  function show(on) {
    var note = document.getElementById('card-awake');
    if (note) note.hidden = !on;
  }
  function keepOn() {
    if (lock || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(function (l) {
      lock = l;
      show(true);
      // The browser drops the lock when the page is hidden; it is asked for again when the page comes back.
      l.addEventListener('release', function () { lock = null; show(false); });
    }).catch(function () { show(false); }); // refused (power saving, policy): nothing to undo
  }
  document.addEventListener('visibilitychange', keepOn);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', keepOn);
  else keepOn();
})();
