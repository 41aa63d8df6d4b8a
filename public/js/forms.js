/* forms.js: every program — a live "12/500" counter under each text field with a length limit (progressive enhancement) */
(function () {
  'use strict';
  // Characters as the server counts them (code points, so an emoji is one), not UTF-16 units.
  function chars(s) { return Array.from(s).length; }

  function counter(field, max) {
    var out = document.createElement('span');
    out.className = 'char-count';
    field.insertAdjacentElement('afterend', out);
    function show() {
      var n = chars(field.value);
      out.textContent = n + '/' + max;
      out.classList.toggle('over', n > max);
    }
    field.addEventListener('input', show);
    show();
  }

  document.addEventListener('DOMContentLoaded', function () {
    // Textareas with a limit, and single-line text fields long enough for a count to help (not phone numbers,
    // codes or dates).
    var fields = document.querySelectorAll('textarea[maxlength], input[maxlength]:not([data-date])');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i], max = parseInt(f.getAttribute('maxlength'), 10);
      var type = (f.getAttribute('type') || 'text').toLowerCase();
      if (!(max > 0)) continue;
      if (f.tagName === 'INPUT' && (type !== 'text' || max < 20)) continue;
      counter(f, max);
    }
  });
})();
