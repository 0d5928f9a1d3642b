/*
 * The agent inbox: the tickets and who holds them (refreshed every few seconds), one ticket's transcript followed
 * live (GET /api/agent/tickets/{id}/events), and take, reply (citing passages found in the knowledge base), hand back,
 * close and "save as FAQ". Transcript entries are lists of parts rendered by type through window.InboxParts, so other
 * kinds of content (photos) need only a renderer of their own; an unknown type shows as a labelled placeholder. All
 * text goes in as text, except Markdown rendered by SafeMarkdown, which escapes everything first.
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const $ = (id) => document.getElementById(id);
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const REFRESH_MS = 3000;

  let current = null;
  let reading = null;
  let draft = [];
  let lastCustomerText = '';

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  const named = (template, name) => template.replace('{name}', name || '');

  function status(message) {
    $('inbox-status').textContent = message || '';
  }

  async function failure(response) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || String(response.status);
    } catch (e) {
      detail = String(response.status);
    }
    status(text.error.replace('{detail}', detail));
  }

  function send(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** GETs JSON; on failure reports it (unless quiet) and returns null. */
  async function getJson(url, quiet) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } }).catch(() => null);
    if (response && response.ok) return response.json();
    if (response && !quiet) await failure(response);
    return null;
  }

  function when(value) {
    return value ? new Date(value).toLocaleString(document.documentElement.lang || undefined) : '';
  }

  function stateText(ticket) {
    if (ticket.state === 'held') return named(text.held, ticket.holderName);
    return ticket.state === 'waiting' ? text.waiting : text.closed;
  }

  // --- the ticket list -------------------------------------------------------------------------------------------

  async function loadTickets() {
    const tickets = await getJson('/api/agent/tickets', true);
    if (!tickets) {
      $('tickets-status').textContent = text.loadError;
      return;
    }
    $('tickets-status').textContent = tickets.length ? '' : text.empty;
    $('tickets').tBodies[0].replaceChildren(...tickets.map((ticket) => {
      const row = element('tr', 'ticket-row ' + ticket.state);
      row.dataset.ticket = ticket.ticketId;
      row.dataset.state = ticket.state;
      if (current && current.ticketId === ticket.ticketId) row.classList.add('selected');
      const who = element('td');
      who.append(element('span', 'ref', ticket.customerRef || ticket.ticketId.slice(0, 8)));
      if (ticket.reason) who.append(element('div', 'muted', ticket.reason));
      const actions = element('td', 'actions');
      const view = element('button', 'secondary view', text.view);
      view.type = 'button';
      view.addEventListener('click', () => select(ticket.ticketId));
      actions.append(view);
      if (ticket.state === 'waiting') {
        const take = element('button', 'take', text.take);
        take.type = 'button';
        take.addEventListener('click', () => takeTicket(ticket.ticketId));
        actions.append(take);
      }
      row.append(who, element('td', 'state', stateText(ticket)), element('td', null, when(ticket.createdAt)), actions);
      return row;
    }));
  }

  // --- one ticket ------------------------------------------------------------------------------------------------

  function meta(ticket) {
    const list = $('ticket-meta');
    list.replaceChildren();
    const add = (label, value) => {
      if (!value) return;
      list.append(element('dt', null, label), element('dd', null, value));
    };
    add(text.customerRef, ticket.customerRef);
    add(text.reason, ticket.reason);
    add(text.contact, ticket.contact);
    $('ticket-title').textContent = (ticket.customerRef || ticket.ticketId.slice(0, 8)) + ' · ' + stateText(ticket);
    const mine = ticket.state === 'held' && ticket.holder === text.me;
    $('take').hidden = ticket.state !== 'waiting';
    $('hand-back').hidden = $('close-ticket').hidden = ticket.state !== 'held';
    $('reply-form').hidden = !mine;
  }

  const renderers = window.InboxParts = window.InboxParts || {};
  renderers.text = renderers.text || ((part, entry) => {
    const body = element('div', 'answer');
    const numbers = new Set(entry.parts.filter((p) => p.type === 'citations').flatMap((p) => p.citations.map((c) => c.n)));
    body.innerHTML = SafeMarkdown.render(part.text || '', (n) => numbers.has(n));
    return body;
  });
  renderers.photo = renderers.photo || ((part) => {
    if (!part.url) return element('p', 'photo-gone', text.photoGone);
    const link = element('a', 'photo-link');
    link.href = part.url;
    link.target = '_blank';
    link.rel = 'noopener';
    const image = element('img', 'photo');
    image.src = part.url;
    image.alt = text.photo;
    link.append(image);
    return link;
  });
  renderers.citations = renderers.citations || ((part) => {
    const list = element('ol', 'sources');
    for (const citation of part.citations) {
      const item = element('li', null, (citation.title || '') + (citation.source ? ' — ' + citation.source : ''));
      item.value = citation.n;
      item.title = citation.snippet || '';
      list.append(item);
    }
    return list;
  });

  function who(entry) {
    if (entry.kind === 'customer') return text.customer;
    if (entry.kind === 'assistant') return text.assistant;
    return entry.author || text.me;
  }

  function addEntry(entry) {
    const events = { joined: text.joined, 'handed-back': text.handedBack, closed: text.closedBy };
    if (events[entry.kind]) {
      $('transcript').append(element('p', 'event', named(events[entry.kind], entry.author || '')));
      return;
    }
    const article = element('article', 'message ' + entry.kind);
    article.append(element('h3', 'who', who(entry)));
    for (const part of entry.parts || []) {
      const render = renderers[part.type];
      article.append(render ? render(part, entry) : element('p', 'unknown-part', text.unknownPart.replace('{type}', part.type)));
    }
    const textPart = (entry.parts || []).find((part) => part.type === 'text');
    if (entry.kind === 'customer' && textPart) lastCustomerText = textPart.text;
    if (entry.kind === 'agent' && textPart) {
      const question = lastCustomerText;
      const save = element('button', 'secondary save-faq', text.saveFaq);
      save.type = 'button';
      save.addEventListener('click', () => reviewFaq(question, textPart.text));
      article.append(save);
    }
    $('transcript').append(article);
    article.scrollIntoView({ block: 'nearest' });
  }

  /** A channel row from the live stream, in the transcript's shape. */
  function fromChannel(row) {
    const parts = [];
    if (row.text) parts.push({ type: 'text', text: row.text });
    if (row.citations) parts.push({ type: 'citations', citations: row.citations });
    return { kind: row.kind, author: row.author, seq: row.seq, at: row.at, parts: parts };
  }

  async function follow(ticketId, after) {
    if (reading) reading.abort();
    const controller = new AbortController();
    reading = controller;
    try {
      const response = await fetch('/api/agent/tickets/' + encodeURIComponent(ticketId) + '/events?after=' + after,
        { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok) return;
      await ServerSentEvents.read(response.body, (name, data) => {
        if (name === 'state' || !current || current.ticketId !== ticketId) return;
        after = Math.max(after, data.seq || 0);
        addEntry(fromChannel(data));
        if (name !== 'customer' && name !== 'agent') refresh();
      });
    } catch (e) {
      if (e.name === 'AbortError') return;
    }
    // The server ended the stream (its timeout) while the ticket may still be open: continue where it stopped.
    if (reading === controller && current && current.ticketId === ticketId && current.state !== 'closed') {
      setTimeout(() => follow(ticketId, after), 1000);
    }
  }

  async function select(ticketId) {
    const view = await getJson('/api/agent/tickets/' + encodeURIComponent(ticketId));
    if (!view) return;
    current = view.ticket;
    draft = [];
    showDraft();
    lastCustomerText = '';
    $('choose').hidden = true;
    $('ticket').hidden = false;
    $('faq-form').hidden = true;
    meta(current);
    $('transcript').replaceChildren();
    view.transcript.forEach(addEntry);
    follow(ticketId, view.after);
    loadTickets();
  }

  /** The ticket's header again, after an event changed who holds it. */
  async function refresh() {
    if (!current) return;
    const view = await getJson('/api/agent/tickets/' + encodeURIComponent(current.ticketId), true);
    if (view) {
      current = view.ticket;
      meta(current);
    }
    loadTickets();
  }

  async function takeTicket(ticketId) {
    status('');
    const response = await send('POST', '/api/agent/tickets/' + encodeURIComponent(ticketId) + '/take').catch(() => null);
    if (response && !response.ok) await failure(response);
    await select(ticketId);
  }

  async function end(action) {
    status('');
    const response = await send('POST', '/api/agent/tickets/' + encodeURIComponent(current.ticketId) + '/' + action)
      .catch(() => null);
    if (response && !response.ok) await failure(response);
    refresh();
  }

  // --- replying, with citations and the knowledge base ------------------------------------------------------------

  function showDraft() {
    $('cited').replaceChildren(...draft.map((passage) => element('li', null, passage.title || passage.source || '')));
    $('cited-box').hidden = draft.length === 0;
  }

  function cite(passage) {
    let index = draft.findIndex((cited) => cited.documentId === passage.documentId && cited.snippet === passage.snippet);
    if (index < 0) {
      draft.push({ documentId: passage.documentId, title: passage.title, source: passage.source, snippet: passage.snippet });
      index = draft.length - 1;
      showDraft();
    }
    const reply = $('reply');
    const marker = '[' + (index + 1) + ']';
    const at = reply.selectionEnd ?? reply.value.length;
    reply.value = reply.value.slice(0, at) + marker + reply.value.slice(at);
    reply.focus();
    reply.selectionStart = reply.selectionEnd = at + marker.length;
  }

  async function search(event) {
    event.preventDefault();
    const query = $('kb-query').value.trim();
    if (!query) return;
    const passages = await getJson('/api/agent/passages?q=' + encodeURIComponent(query));
    if (!passages) return;
    $('kb-results').replaceChildren(...passages.map((passage) => {
      const item = element('li', 'kb-passage');
      const button = element('button', 'secondary cite-passage', text.cite);
      button.type = 'button';
      button.addEventListener('click', () => cite(passage));
      item.append(element('div', 'hit-title', passage.title || passage.source || ''),
        element('div', 'hit-text', passage.snippet), button);
      return item;
    }));
  }

  async function reply(event) {
    event.preventDefault();
    const message = $('reply').value.trim();
    if (!message || !current) return;
    status('');
    $('reply-send').disabled = true;
    const response = await send('POST', '/api/agent/tickets/' + encodeURIComponent(current.ticketId) + '/messages',
      { text: message, citations: draft }).catch(() => null);
    $('reply-send').disabled = false;
    if (response && response.ok) {
      $('reply').value = '';
      draft = [];
      showDraft();
    } else if (response) {
      await failure(response);
    }
  }

  function reviewFaq(question, answer) {
    $('faq-question').value = question;
    // Citation numbers belong to the reply's own passage list, not to the FAQ entry.
    $('faq-answer').value = answer.replace(/\s*\[\d{1,3}\]/g, '');
    $('faq-form').hidden = false;
    $('faq-question').focus();
  }

  async function saveFaq(event) {
    event.preventDefault();
    const response = await send('POST', '/api/agent/faq',
      { question: $('faq-question').value, answer: $('faq-answer').value }).catch(() => null);
    if (response && response.ok) {
      const saved = await response.json();
      $('faq-form').hidden = true;
      status(text.faqSaved.replace('{title}', saved.title));
    } else if (response) {
      await failure(response);
    }
  }

  $('take').addEventListener('click', () => takeTicket(current.ticketId));
  $('hand-back').addEventListener('click', () => end('hand-back'));
  $('close-ticket').addEventListener('click', () => end('close'));
  $('reply-form').addEventListener('submit', reply);
  $('reply').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) reply(event);
  });
  $('kb-search').addEventListener('submit', search);
  $('faq-form').addEventListener('submit', saveFaq);
  $('faq-cancel').addEventListener('click', () => { $('faq-form').hidden = true; });
  loadTickets();
  setInterval(loadTickets, REFRESH_MS);
})();
