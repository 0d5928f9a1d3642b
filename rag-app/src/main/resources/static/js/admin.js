/*
 * The admin report pages: fetch the admin JSON (/api/admin/*) with the session cookie and show it as a table. Text
 * goes in with textContent only. Closing a ticket posts with the page's CSRF token.
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const table = document.getElementById('report');
  const status = document.getElementById('report-status');
  const filter = document.querySelector('form.filter');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  /** Photos of a ticket's conversation: thumbnails linking to the full photo. */
  function photos(paths) {
    const td = document.createElement('td');
    (paths || []).forEach((path, i) => {
      const link = document.createElement('a');
      link.href = path;
      link.target = '_blank';
      const image = document.createElement('img');
      image.src = path;
      image.alt = (text.photo || 'Photo') + ' ' + (i + 1);
      image.className = 'thumbnail';
      link.appendChild(image);
      td.appendChild(link);
    });
    return td;
  }

  function cell(value) {
    const td = document.createElement('td');
    if (Array.isArray(value)) {
      const list = document.createElement('ul');
      value.forEach((item) => {
        const li = document.createElement('li');
        li.textContent = typeof item === 'object' ? JSON.stringify(item) : String(item);
        list.appendChild(li);
      });
      td.appendChild(list);
    } else if (value !== null && typeof value === 'object') {
      td.textContent = Object.entries(value).map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(' · ');
    } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !isNaN(Date.parse(value))) {
      td.textContent = new Date(value).toLocaleString(document.documentElement.lang || undefined);
      td.title = value;
    } else {
      td.textContent = value === null || value === undefined ? '' : String(value);
    }
    return td;
  }

  // Row actions: closing a ticket, purging a cached answer.
  const ACTIONS = {
    close: { shown: (row) => row.status === 'open', label: () => text.close, className: 'close-ticket', method: 'POST',
      url: (row) => '/api/admin/tickets/' + encodeURIComponent(row.ticketId) + '/close' },
    purge: { shown: () => true, label: () => text.purge, className: 'purge-entry', method: 'DELETE',
      url: (row) => '/api/admin/cache/' + encodeURIComponent(row.entryId) }
  };

  function actionButton(row) {
    const td = document.createElement('td');
    const action = ACTIONS[table.dataset.action];
    if (action.shown(row)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = action.className;
      button.textContent = action.label();
      button.addEventListener('click', async () => {
        button.disabled = true;
        const headers = {};
        if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
        const response = await fetch(action.url(row), { method: action.method, headers: headers }).catch(() => null);
        if (response && response.ok) load();
        else {
          button.disabled = false;
          status.textContent = text.error;
        }
      });
      td.appendChild(button);
    }
    return td;
  }

  function rows(data) {
    const body = table.tBodies[0];
    if (table.dataset.summary && Array.isArray(data.summary)) {
      document.getElementById(table.dataset.summary).replaceChildren(...data.summary.map((sentence) => {
        const li = document.createElement('li');
        li.textContent = sentence;
        return li;
      }));
    }
    if (table.dataset.shape === 'object') {
      return body.replaceChildren(...Object.entries(data).map(([key, value]) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.textContent = key;
        tr.append(th, cell(value));
        return tr;
      }));
    }
    const columns = table.dataset.columns.split(' ');
    body.replaceChildren(...data.map((row) => {
      const tr = document.createElement('tr');
      columns.forEach((column) => tr.appendChild(column === 'photos' ? photos(row[column]) : cell(row[column])));
      if (table.dataset.action) tr.appendChild(actionButton(row));
      return tr;
    }));
    status.textContent = data.length ? '' : text.empty;
  }

  async function load() {
    let url = table.dataset.source;
    if (filter) {
      const chosen = filter.querySelector('input:checked');
      if (chosen && chosen.value) url += '?' + filter.dataset.param + '=' + encodeURIComponent(chosen.value);
    }
    status.textContent = text.loading;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      status.textContent = '';
      rows(await response.json());
    } catch (e) {
      table.tBodies[0].replaceChildren();
      status.textContent = text.error;
    }
  }

  if (filter) filter.addEventListener('change', load);
  load();
})();
