/*
 * The customer chat: streams an answer from POST /api/chat/stream, shows the model's reasoning folded away, renders
 * the answer with SafeMarkdown, turns citations [n] into links to the cited passage, and offers stop, thumbs up/down
 * and "talk to a human". All text shown to the user comes from data-* attributes of <body> (message bundles).
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const $ = (id) => document.getElementById(id);
  const log = $('log');
  const form = $('ask');
  const question = $('question');
  const send = $('send');
  const stop = $('stop');
  const notice = $('notice');
  const passage = $('passage');

  const STORED_CONVERSATION = 'chat.conversationId';
  let conversationId = null;
  let controller = null;

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function say(message) {
    notice.textContent = message;
    notice.hidden = !message;
  }

  // Follows the answer as it grows, unless the reader has scrolled up to read something else.
  let following = true;
  log.addEventListener('scroll', () => {
    following = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  });

  function scrollDown() {
    if (following) log.scrollTop = log.scrollHeight;
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
  }

  async function problemDetail(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || text.errorGeneric;
    } catch (e) {
      return text.errorGeneric;
    }
  }

  function showPassage(citation) {
    $('passage-title').textContent = '[' + citation.n + '] ' + (citation.title || '');
    $('passage-source').textContent = citation.source || '';
    $('passage-snippet').textContent = citation.snippet || '';
    passage.hidden = false;
  }

  /** One assistant answer in the log, fed by the stream's events. */
  function answerTurn() {
    const article = element('article', 'message assistant');
    article.appendChild(element('h3', 'who', text.assistant));
    const reasoning = element('details', 'reasoning');
    reasoning.hidden = true;
    reasoning.appendChild(element('summary', null, text.thinking));
    const reasoningText = element('div', 'reasoning-text');
    reasoning.appendChild(reasoningText);
    const body = element('div', 'answer');
    const sources = element('ol', 'sources');
    const status = element('p', 'status');
    article.append(reasoning, body, sources, status);
    log.appendChild(article);

    const turn = { answer: '', citations: [], messageId: null };
    const byNumber = (n) => turn.citations.find((c) => c.n === n);
    let pending = false;
    const render = () => {
      pending = false;
      body.innerHTML = SafeMarkdown.render(turn.answer, (n) => Boolean(byNumber(n)));
      scrollDown();
    };
    const schedule = () => {
      if (!pending) {
        pending = true;
        requestAnimationFrame(render);
      }
    };
    body.addEventListener('click', (event) => {
      const link = event.target.closest('a.cite');
      if (!link) return;
      event.preventDefault();
      const citation = byNumber(Number(link.dataset.n));
      if (citation) showPassage(citation);
    });

    turn.on = (name, data) => {
      if (name === 'meta') {
        conversationId = data.conversationId || conversationId;
        sessionStorage.setItem(STORED_CONVERSATION, conversationId);
        turn.messageId = data.messageId;
      } else if (name === 'reasoning') {
        reasoning.hidden = false;
        reasoningText.textContent += data.text || '';
      } else if (name === 'token') {
        turn.answer += data.text || '';
        schedule();
      } else if (name === 'replace') {
        // The server withdrew what it had streamed (the model began to repeat its instructions).
        turn.answer = data.text || '';
        schedule();
      } else if (name === 'citations') {
        turn.citations = data.citations || [];
        sources.replaceChildren(...turn.citations.map((c) => {
          const item = element('li');
          const link = element('a', 'source-link', (c.title || c.source || '') + (c.source && c.title ? ' — ' + c.source : ''));
          link.href = '#';
          link.addEventListener('click', (event) => {
            event.preventDefault();
            showPassage(c);
          });
          item.value = c.n;
          item.appendChild(link);
          return item;
        }));
        schedule();
      } else if (name === 'done') {
        const modeText = text['mode' + String(data.mode || '').replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())];
        if (modeText) status.textContent = modeText;
        article.dataset.mode = data.mode || '';
        feedback(article, turn);
      } else if (name === 'error') {
        turn.fail(data.message || text.errorGeneric);
      }
    };
    turn.fail = (message) => {
      status.textContent = message;
      status.classList.add('error');
    };
    turn.stopped = () => {
      status.textContent = text.stopped;
      article.classList.add('stopped');
    };
    turn.finish = () => {
      render();
      article.classList.add('done');
    };
    return turn;
  }

  function feedback(article, turn) {
    if (!conversationId || !turn.messageId) return;
    const bar = element('div', 'feedback');
    const up = element('button', 'thumb up');
    const down = element('button', 'thumb down');
    for (const button of [up, down]) {
      button.type = 'button';
      const icon = element('img');
      icon.src = '/images/thumb.svg';
      icon.alt = '';
      button.appendChild(icon);
    }
    up.title = text.helpful;
    up.setAttribute('aria-label', text.helpful);
    down.title = text.notHelpful;
    down.setAttribute('aria-label', text.notHelpful);
    const rate = async (rating, button) => {
      up.disabled = down.disabled = true;
      button.classList.add('chosen');
      const response = await postJson('/api/chat/' + encodeURIComponent(conversationId) + '/feedback',
        { messageId: turn.messageId, rating: rating }).catch(() => null);
      if (response && response.ok) {
        bar.appendChild(element('span', 'thanks', text.thanks));
      } else {
        up.disabled = down.disabled = false;
        button.classList.remove('chosen');
        say(response ? await problemDetail(response) : text.errorNetwork);
      }
    };
    up.addEventListener('click', () => rate('up', up));
    down.addEventListener('click', () => rate('down', down));
    bar.append(up, down);
    article.appendChild(bar);
  }

  function setBusy(busy) {
    send.hidden = busy;
    stop.hidden = !busy;
    question.disabled = busy;
  }

  function userMessage(message) {
    const mine = element('article', 'message user');
    mine.append(element('h3', 'who', text.you), element('p', null, message));
    log.appendChild(mine);
  }

  /** After a reload, shows the conversation of this tab again (the server checks that it is ours). */
  async function restore() {
    const saved = sessionStorage.getItem(STORED_CONVERSATION);
    if (!saved) return;
    const response = await fetch('/api/chat/' + encodeURIComponent(saved), { headers: { Accept: 'application/json' } })
      .catch(() => null);
    if (!response || !response.ok) {
      sessionStorage.removeItem(STORED_CONVERSATION);
      return;
    }
    const conversation = await response.json();
    for (const message of conversation.messages || []) {
      if (message.role === 'user') {
        userMessage(message.content);
        continue;
      }
      const turn = answerTurn();
      turn.on('meta', { conversationId: conversation.conversationId, messageId: message.messageId });
      turn.on('token', { text: message.content || '' });
      turn.on('citations', { citations: message.citations || [] });
      turn.on('done', { mode: message.mode });
      turn.finish();
    }
  }

  async function ask(message) {
    if (!message || controller) return;
    say('');
    userMessage(message);
    following = true;
    question.value = '';
    const turn = answerTurn();
    scrollDown();
    controller = new AbortController();
    setBusy(true);
    try {
      const response = await fetch('/api/chat/stream', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(conversationId ? { conversationId: conversationId, message: message } : { message: message }),
        signal: controller.signal
      });
      if (response.status === 404 && conversationId) {
        conversationId = null;
        sessionStorage.removeItem(STORED_CONVERSATION);
        turn.fail(text.errorExpired);
      } else if (!response.ok) {
        turn.fail(await problemDetail(response));
      } else {
        await ServerSentEvents.read(response.body, turn.on);
      }
      turn.finish();
    } catch (error) {
      turn.finish();
      if (error.name === 'AbortError') turn.stopped();
      else turn.fail(text.errorNetwork);
    } finally {
      controller = null;
      setBusy(false);
      question.focus();
    }
  }

  const handoffForm = $('handoff-form');

  function offerHandoff() {
    if (!conversationId) {
      say(text.handoffFirst);
      return;
    }
    say('');
    handoffForm.hidden = false;
    $('contact').focus();
  }

  async function handoff(event) {
    event.preventDefault();
    const contact = $('contact').value.trim();
    const body = contact ? { reason: text.handoffReason, contact: contact } : { reason: text.handoffReason };
    const response = await postJson('/api/chat/' + encodeURIComponent(conversationId) + '/handoff', body)
      .catch(() => null);
    if (response && response.ok) {
      const ticket = await response.json();
      handoffForm.hidden = true;
      say(text.handoffDone.replace('{id}', ticket.ticketId));
      notice.dataset.ticket = ticket.ticketId;
    } else {
      say(response ? await problemDetail(response) : text.errorNetwork);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(question.value.trim());
  });
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(question.value.trim());
    }
  });
  stop.addEventListener('click', () => controller && controller.abort());
  $('handoff').addEventListener('click', offerHandoff);
  handoffForm.addEventListener('submit', handoff);
  $('handoff-cancel').addEventListener('click', () => { handoffForm.hidden = true; });
  $('passage-close').addEventListener('click', () => { passage.hidden = true; });
  restore();
})();
