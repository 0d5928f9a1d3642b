/*
 * The knowledge-base upload with progress: the chosen files go to /api/kb/uploads in one request (XMLHttpRequest, so
 * the bytes sent can be shown), and the server's events (one "file" event when each file starts and ends, then
 * "done") move a bar per file and the overall bar. Without JavaScript the form posts to /admin/kb as before.
 */
(function () {
  'use strict';

  const form = document.getElementById('upload');
  const input = document.getElementById('file');
  const panel = document.getElementById('upload-progress');
  const overall = document.getElementById('upload-overall');
  const list = document.getElementById('upload-files');
  const status = document.getElementById('upload-status');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function row(name, i) {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const label = document.createElement('label');
    label.textContent = name;
    label.htmlFor = 'upload-file-' + i;
    const bar = document.createElement('progress');
    bar.id = 'upload-file-' + i;
    bar.max = 100;
    bar.value = 0;
    const state = document.createElement('span');
    state.className = 'state';
    li.append(label, bar, state);
    return li;
  }

  form.addEventListener('submit', (event) => {
    // one file posts the plain form (its result comes back as a message on the page); several stream progress
    if (input.files.length < 2) return;
    event.preventDefault();
    const files = Array.from(input.files);
    const body = new FormData();
    files.forEach((file) => body.append('files', file, file.name));
    list.replaceChildren(...files.map((file, i) => row(file.name, i)));
    panel.hidden = false;
    overall.value = 0;
    status.textContent = '';
    let finished = 0;
    let seen = 0;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.stream);
    xhr.setRequestHeader('Accept', 'text/event-stream');
    if (csrfToken && csrfHeader) xhr.setRequestHeader(csrfHeader.content, csrfToken.content);
    // sending counts for the first half of the overall bar, ingestion for the second
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) overall.value = Math.round(50 * e.loaded / e.total); };
    const onEvent = (name, data) => {
      if (name === 'file') {
        const li = list.querySelector('li[data-index="' + data.index + '"]');
        const bar = li.querySelector('progress');
        li.dataset.status = data.status;
        if (data.status === 'started') bar.value = 50;
        else {
          bar.value = 100;
          finished++;
          li.querySelector('.state').textContent = data.status === 'done'
            ? data.chunks + ' · ' + data.result : data.message || data.status;
          overall.value = 50 + Math.round(50 * finished / data.total);
        }
      } else if (name === 'done') {
        overall.value = 100;
        status.textContent = data.ok + ' / ' + data.total;
        panel.dataset.done = 'true';
      }
    };
    xhr.onprogress = () => {
      const chunk = xhr.responseText.slice(seen);
      const end = chunk.lastIndexOf('\n\n');
      if (end < 0) return;
      seen += end + 2;
      const encoder = new TextEncoder();
      const stream = new ReadableStream({ start(c) { c.enqueue(encoder.encode(chunk.slice(0, end + 2))); c.close(); } });
      ServerSentEvents.read(stream, onEvent);
    };
    xhr.onload = () => {
      xhr.onprogress();
      if (xhr.status !== 200) status.textContent = String(xhr.status);
    };
    xhr.onerror = () => { status.textContent = 'network error'; };
    xhr.send(body);
  });
})();
