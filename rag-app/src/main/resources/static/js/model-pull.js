/*
 * Pulling a model onto the GPU runtime from the backend page: the name goes to /api/admin/models/pull, and the
 * server's events move the bar ("progress": the layer downloading, its bytes and percent), then say "done" or
 * "error". A refusal (bad name, no runtime) shows the problem's detail. The section shows only with JavaScript.
 */
(function () {
  'use strict';

  const section = document.getElementById('model-pull');
  if (!section) return;
  section.hidden = false;
  const form = document.getElementById('model-pull-form');
  const input = document.getElementById('model-name');
  const button = document.getElementById('model-pull-submit');
  const bar = document.getElementById('model-pull-bar');
  const status = document.getElementById('model-pull-status');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function onEvent(name, data) {
    if (name === 'progress') {
      if (typeof data.percent === 'number') bar.value = data.percent;
      status.textContent = data.status + (typeof data.percent === 'number' ? ' · ' + data.percent + ' %' : '');
    } else if (name === 'done') {
      bar.value = 100;
      status.textContent = '✓ ' + data.model;
      section.dataset.done = 'true';
    } else if (name === 'error') {
      status.textContent = data.message;
      section.dataset.done = 'failed';
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    delete section.dataset.done;
    bar.value = 0;
    status.textContent = '';
    const headers = { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    try {
      const response = await fetch(section.dataset.stream, {
        method: 'POST', headers, body: JSON.stringify({ model: input.value })
      });
      if (response.ok) {
        await ServerSentEvents.read(response.body, onEvent);
      } else {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail || String(response.status);
        section.dataset.done = 'failed';
      }
    } catch (e) {
      status.textContent = 'network error';
      section.dataset.done = 'failed';
    } finally {
      button.disabled = false;
    }
  });
})();
