/*
 * Progress on the knowledge-base page, streamed by the server as "file" events (one when each file or document starts
 * and one when it ends) and a final "done":
 * - the upload: the chosen files go to /api/kb/uploads in one request (XMLHttpRequest, so the bytes sent can be
 *   shown); without JavaScript the form posts to /admin/kb as before;
 * - the re-index: every document is embedded again at /api/kb/reindex; the section shows only with JavaScript.
 */
(function () {
  'use strict';

  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function row(prefix, name, i) {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const label = document.createElement('label');
    label.textContent = name;
    label.htmlFor = prefix + '-file-' + i;
    const bar = document.createElement('progress');
    bar.id = prefix + '-file-' + i;
    bar.max = 100;
    bar.value = 0;
    const state = document.createElement('span');
    state.className = 'state';
    li.append(label, bar, state);
    return li;
  }

  /*
   * One progress panel (#<prefix>-progress, -overall, -files, -status). The overall bar starts at "from" (the upload
   * counts the bytes sent below it); rows are made for the names given, or as the server names them.
   */
  function panel(prefix, names, from) {
    const box = document.getElementById(prefix + '-progress');
    const overall = document.getElementById(prefix + '-overall');
    const list = document.getElementById(prefix + '-files');
    const status = document.getElementById(prefix + '-status');
    list.replaceChildren(...names.map((name, i) => row(prefix, name, i)));
    box.hidden = false;
    delete box.dataset.done;
    overall.value = 0;
    status.textContent = '';
    let finished = 0;
    const item = (data) => {
      let li = list.querySelector('li[data-index="' + data.index + '"]');
      if (!li) {
        li = row(prefix, data.name || String(data.index + 1), data.index);
        list.append(li);
      }
      return li;
    };
    return {
      overall,
      status,
      onEvent(name, data) {
        if (name === 'file') {
          const li = item(data);
          const bar = li.querySelector('progress');
          li.dataset.status = data.status;
          if (data.status === 'started') bar.value = 50;
          else {
            bar.value = 100;
            finished++;
            li.querySelector('.state').textContent = data.status === 'done'
              ? data.chunks + (data.result ? ' · ' + data.result : '') : data.message || data.status;
            overall.value = from + Math.round((100 - from) * finished / data.total);
          }
        } else if (name === 'done') {
          overall.value = 100;
          status.textContent = data.ok + ' / ' + data.total + (data.message ? ' · ' + data.message : '');
          box.dataset.done = 'true';
        }
      }
    };
  }

  /* Posts the body and reads the server's events as they arrive; returns the request, not yet sent. */
  function post(url, progress) {
    let seen = 0;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'text/event-stream');
    if (csrfToken && csrfHeader) xhr.setRequestHeader(csrfHeader.content, csrfToken.content);
    xhr.onprogress = () => {
      const chunk = xhr.responseText.slice(seen);
      const end = chunk.lastIndexOf('\n\n');
      if (end < 0) return;
      seen += end + 2;
      const encoder = new TextEncoder();
      const stream = new ReadableStream({ start(c) { c.enqueue(encoder.encode(chunk.slice(0, end + 2))); c.close(); } });
      ServerSentEvents.read(stream, progress.onEvent);
    };
    xhr.onload = () => {
      xhr.onprogress();
      if (xhr.status !== 200) progress.status.textContent = String(xhr.status);
    };
    xhr.onerror = () => { progress.status.textContent = 'network error'; };
    return xhr;
  }

  const form = document.getElementById('upload');
  const input = document.getElementById('file');
  form.addEventListener('submit', (event) => {
    // one file posts the plain form (its result comes back as a message on the page); several stream progress
    if (input.files.length < 2) return;
    event.preventDefault();
    const files = Array.from(input.files);
    const body = new FormData();
    files.forEach((file) => body.append('files', file, file.name));
    // sending counts for the first half of the overall bar, ingestion for the second
    const progress = panel('upload', files.map((file) => file.name), 50);
    const xhr = post(form.dataset.stream, progress);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progress.overall.value = Math.round(50 * e.loaded / e.total);
    };
    xhr.send(body);
  });

  const reindex = document.getElementById('reindex');
  if (reindex) {
    reindex.hidden = false;
    const button = document.getElementById('reindex-submit');
    button.addEventListener('click', () => {
      button.disabled = true;
      const xhr = post(reindex.dataset.stream, panel('reindex', [], 0));
      xhr.onloadend = () => { button.disabled = false; };
      xhr.send();
    });
  }
})();
