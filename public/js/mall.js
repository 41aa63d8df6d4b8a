/* mall.js: progressive enhancement only — banner autoplay and dots, product gallery thumbnails, the category rail's
   current group, the member center menu's current entry */
(function () {
  'use strict';
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function carousel(root) {
    var track = root.querySelector('.carousel-track');
    var dots = root.querySelectorAll('.carousel-dots a');
    if (!track || track.children.length < 2) return;
    var n = track.children.length, timer = null;
    function current() { return Math.round(track.scrollLeft / Math.max(1, track.clientWidth)); }
    function go(i) { track.scrollTo({ left: ((i + n) % n) * track.clientWidth, behavior: reduce ? 'auto' : 'smooth' }); }
    function mark() { var c = current(); for (var i = 0; i < dots.length; i++) dots[i].classList.toggle('active', i === c); }
    function start() { if (!reduce && !timer) timer = setInterval(function () { go(current() + 1); }, 4500); }
    function stop() { clearInterval(timer); timer = null; }
    for (var i = 0; i < dots.length; i++) {
      (function (k) {
        dots[k].addEventListener('click', function (e) { e.preventDefault(); go(k); });
      })(i);
    }
    track.addEventListener('scroll', function () { window.requestAnimationFrame(mark); }, { passive: true });
    root.addEventListener('mouseenter', stop);
    root.addEventListener('mouseleave', start);
    root.addEventListener('focusin', stop);
    mark();
    start();
  }

  function gallery(root) {
    var main = root.querySelector('#gallery-main');
    var thumbs = root.querySelectorAll('.gallery-thumbs a');
    if (!main) return;
    for (var i = 0; i < thumbs.length; i++) {
      thumbs[i].addEventListener('click', function (e) {
        e.preventDefault();
        main.src = this.getAttribute('href');
        for (var k = 0; k < thumbs.length; k++) thumbs[k].classList.toggle('active', thumbs[k] === this);
      });
    }
  }

  // The category page's rail (phones): marks the group being read; the links work without this.
  function rail(nav) {
    var links = nav.querySelectorAll('a[href^="#"]');
    if (!links.length || !('IntersectionObserver' in window)) return;
    function mark(id) {
      for (var i = 0; i < links.length; i++) {
        var on = links[i].getAttribute('href') === '#' + id;
        links[i].classList.toggle('active', on);
        if (on) links[i].setAttribute('aria-current', 'true'); else links[i].removeAttribute('aria-current');
      }
    }
    var seen = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) mark(entries[i].target.id);
    }, { rootMargin: '0px 0px -70% 0px' });
    for (var i = 0; i < links.length; i++) {
      var group = document.getElementById(links[i].getAttribute('href').slice(1));
      if (group) seen.observe(group);
    }
    mark(links[0].getAttribute('href').slice(1));
  }

  // The member center's menu scrolls sideways on phones: bring the current page's entry into view.
  function centerMenu(list) {
    var on = list.querySelector('a.active');
    if (on && list.scrollWidth > list.clientWidth) list.scrollLeft += on.getBoundingClientRect().left - list.getBoundingClientRect().left - (list.clientWidth - on.offsetWidth) / 2;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var menu = document.querySelector('.center-side ul');
    if (menu) centerMenu(menu);
    var r = document.querySelectorAll('[data-cat-rail]');
    for (var k = 0; k < r.length; k++) rail(r[k]);
    var c = document.querySelectorAll('[data-carousel]');
    for (var i = 0; i < c.length; i++) carousel(c[i]);
    var g = document.querySelectorAll('[data-gallery]');
    for (var j = 0; j < g.length; j++) gallery(g[j]);
  });
})();
