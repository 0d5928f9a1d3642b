/*
 * The code assistant page: posts the task to POST /api/code with stream=true, shows the model's reasoning folded
 * away and its answer as it is written, then the extracted code with a copy button, the explanation, and any error
 * or Java syntax diagnostics. Text shown to the user comes from data-* attributes of <body> (message bundles); the
 * model's output is only ever set as textContent.
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const $ = (id) => document.getElementById(id);
  const form = $('code-form');
  const generate = $('generate');
  const stop = $('stop');
  const notice = $('code-notice');
  const result = $('result');
  const stream = $('stream');
  const reasoning = $('reasoning');
  const reasoningText = $('reasoning-text');
  const finalPart = $('final');
  const output = $('code-output');
  const copyStatus = $('copy-status');

  let controller = null;

  function say(message) {
    notice.textContent = message || '';
    notice.hidden = !message;
  }

  function busy(on) {
    generate.disabled = on;
    stop.hidden = !on;
  }

  function reset() {
    say('');
    result.hidden = false;
    stream.textContent = '';
    reasoningText.textContent = '';
    reasoning.hidden = true;
    reasoning.open = false;
    finalPart.hidden = true;
    output.textContent = '';
    copyStatus.textContent = '';
    $('explanation').textContent = '';
    $('code-error').hidden = true;
    $('diagnostics').hidden = true;
    $('diagnostics').replaceChildren();
  }

  function csrfHeaders() {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) headers[header.content] = token.content;
    return headers;
  }

  async function problemDetail(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || text.errorGeneric;
    } catch (e) {
      return text.errorGeneric;
    }
  }

  function showDone(done) {
    stream.textContent = '';
    finalPart.hidden = false;
    $('code-language').textContent = done.language || '';
    output.textContent = done.code || '';
    $('copy').hidden = !done.code;
    $('explanation').textContent = done.explanation || '';
    const error = $('code-error');
    error.textContent = done.error || '';
    error.hidden = !done.error;
    const diagnostics = $('diagnostics');
    (done.diagnostics || []).forEach((d) => {
      const item = document.createElement('li');
      item.textContent = text.diagnostics + ' ' + d;
      diagnostics.appendChild(item);
    });
    diagnostics.hidden = !(done.diagnostics && done.diagnostics.length);
  }

  function onEvent(name, data) {
    if (name === 'reasoning') {
      reasoning.hidden = false;
      reasoningText.textContent += data.text || '';
    } else if (name === 'token') {
      stream.textContent += data.text || '';
    } else if (name === 'done') {
      showDone(data);
    } else if (name === 'error') {
      say(data.message || text.errorGeneric);
    }
  }

  async function submit(event) {
    event.preventDefault();
    const task = $('task').value.trim();
    if (!task) return;
    reset();
    busy(true);
    controller = new AbortController();
    try {
      const response = await fetch('/api/code', {
        method: 'POST',
        headers: csrfHeaders(),
        body: JSON.stringify({ language: $('language').value, task: task, stream: true,
          thinking: $('thinking').checked }),
        signal: controller.signal
      });
      if (!response.ok) {
        say(await problemDetail(response));
        return;
      }
      await window.ServerSentEvents.read(response.body, onEvent);
    } catch (e) {
      say(e.name === 'AbortError' ? text.stopped : text.errorNetwork);
    } finally {
      controller = null;
      busy(false);
    }
  }

  async function copy() {
    const code = output.textContent;
    try {
      await navigator.clipboard.writeText(code);
      copyStatus.textContent = text.copied;
    } catch (e) {
      // Clipboard API refused (e.g. not a secure context): select the code so the user can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents(output);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copyStatus.textContent = document.execCommand && document.execCommand('copy') ? text.copied : text.copyFailed;
    }
  }

  form.addEventListener('submit', submit);
  stop.addEventListener('click', () => controller && controller.abort());
  $('copy').addEventListener('click', copy);
  $('task').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
})();
