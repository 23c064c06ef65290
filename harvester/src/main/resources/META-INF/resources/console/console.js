// The run page's live progress: while the run goes, its numbers are read every two seconds and written into the page
// (as text, never as markup); once it has ended, the page is loaded again whole. Nothing else on the console needs
// script: every page works without it.
(function () {
  'use strict';
  var section = document.querySelector('[data-progress-url]');
  if (!section || section.getAttribute('data-status') !== 'running') {
    return;
  }
  var url = section.getAttribute('data-progress-url');
  var bar = section.querySelector('progress');
  function show(field, value) {
    var element = document.querySelector('[data-field="' + field + '"]');
    if (element) {
      element.textContent = String(value);
    }
  }
  function eta(seconds) {
    if (seconds === null || seconds === undefined) {
      return '';
    }
    var minutes = Math.floor(seconds / 60);
    return minutes > 0 ? minutes + 'm ' + (seconds % 60) + 's' : seconds + 's';
  }
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('progress: HTTP ' + answer.status);
        }
        return answer.json();
      })
      .then(function (progress) {
        if (progress.status !== 'running') {
          window.location.reload();
          return;
        }
        show('done', progress.done);
        show('listed', progress.listed);
        show('rate', progress.perSecond.toFixed(1));
        show('eta', eta(progress.etaSeconds));
        bar.max = Math.max(progress.listed, 1);
        bar.value = progress.done;
        window.setTimeout(tick, 2000);
      })
      .catch(function () {
        window.setTimeout(tick, 5000);
      });
  }
  window.setTimeout(tick, 2000);
})();
