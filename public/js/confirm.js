/* confirm.js: back office and merchant portal — a button with data-confirm asks before its form is sent */
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button[data-confirm]') : null;
    if (b && !window.confirm(b.getAttribute('data-confirm'))) e.preventDefault();
  });
})();
