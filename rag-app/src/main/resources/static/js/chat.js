/*
 * The customer chat: streams an answer from POST /api/chat/stream, shows the model's reasoning folded away, renders
 * the answer with SafeMarkdown, turns citations [n] into links to the cited passage, and offers stop, thumbs up/down
 * and "talk to a human". All text shown to the user comes from data-* attributes of <body> (message bundles).
 * While an agent holds the conversation, agent-chat.js (window.AgentChannel) takes the customer's messages instead of
 * the bot; window.CustomerChat lets it show the agent's side in the same log.
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
  const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
  const MAX_PHOTOS = 3;
  const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
  const thumbnails = $('thumbnails');
  let photos = [];
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

  /** Adds an entry to the log: at the end, or, for history with a time, before the first later entry. */
  function place(node, at) {
    if (at) {
      node.dataset.at = at;
      const time = Date.parse(at);
      const later = Array.from(log.querySelectorAll(':scope > [data-at]'))
        .find((other) => Date.parse(other.dataset.at) > time);
      if (later) {
        log.insertBefore(node, later);
        return node;
      }
    }
    log.appendChild(node);
    return node;
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

  /** One answer in the log (the assistant's, or an agent's when who is given), fed by the stream's events. */
  function answerTurn(who, at) {
    const article = element('article', who ? 'message assistant agent' : 'message assistant');
    article.appendChild(element('h3', 'who', who || text.assistant));
    const reasoning = element('details', 'reasoning');
    reasoning.hidden = true;
    reasoning.appendChild(element('summary', null, text.thinking));
    const reasoningText = element('div', 'reasoning-text');
    reasoning.appendChild(reasoningText);
    const body = element('div', 'answer');
    const sources = element('ol', 'sources');
    const status = element('p', 'status');
    article.append(reasoning, body, sources, status);
    place(article, at);

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
      if (name === 'queue') {
        // Every answer slot is taken: the customer waits in line and sees the place, until meta comes.
        status.textContent = text.queue.replace('{n}', data.position);
        status.classList.add('queued');
      } else if (name === 'meta') {
        if (status.classList.contains('queued')) {
          status.classList.remove('queued');
          status.textContent = '';
        }
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
        if (data.mode === 'not-covered') offerHandoffIn(article);
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
    turn.discard = () => article.remove();
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

  /** The question in the log, with its photos (data URLs while sending, stored paths after a reload). */
  function userMessage(message, images, at) {
    const mine = element('article', 'message user');
    mine.append(element('h3', 'who', text.you), element('p', null, message));
    if (images && images.length) {
      const strip = element('div', 'photos');
      images.forEach((src, i) => {
        if (!src) {
          strip.appendChild(element('span', 'photo-gone', text.photoGone));
          return;
        }
        const image = element('img', 'photo');
        image.src = src;
        image.alt = text.photoAlt.replace('{n}', String(i + 1));
        strip.appendChild(image);
      });
      mine.appendChild(strip);
    }
    return place(mine, at);
  }

  /** The bot's "not covered" answer offers the human right there. */
  function offerHandoffIn(article) {
    const button = element('button', 'secondary offer-handoff', $('handoff').textContent);
    button.type = 'button';
    button.addEventListener('click', offerHandoff);
    article.appendChild(button);
  }

  /** The photos waiting to be sent, as thumbnails with a remove button each. */
  function showThumbnails() {
    thumbnails.replaceChildren(...photos.map((src, i) => {
      const item = element('div', 'thumbnail');
      const image = element('img');
      image.src = src;
      image.alt = text.photoAlt.replace('{n}', String(i + 1));
      const remove = element('button', 'remove-photo', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', text.photoRemove + ' ' + (i + 1));
      remove.addEventListener('click', () => {
        photos.splice(i, 1);
        showThumbnails();
      });
      item.append(image, remove);
      return item;
    }));
    thumbnails.hidden = photos.length === 0;
  }

  /** Adds photos from the file picker, the clipboard or a drop; checks type, size and count before reading. */
  function addPhotos(files) {
    for (const file of Array.from(files || [])) {
      if (!PHOTO_TYPES.includes(file.type)) { say(text.photoNotImage); continue; }
      if (file.size > MAX_PHOTO_BYTES) { say(text.photoTooLarge); continue; }
      if (photos.length >= MAX_PHOTOS) { say(text.photoTooMany); break; }
      const index = photos.length;
      photos.push('');
      const reader = new FileReader();
      reader.onload = () => {
        photos[index] = reader.result;
        showThumbnails();
      };
      reader.readAsDataURL(file);
    }
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
        userMessage(message.content, message.photos, message.createdAt);
        continue;
      }
      const turn = answerTurn(null, message.createdAt);
      turn.on('meta', { conversationId: conversation.conversationId, messageId: message.messageId });
      turn.on('token', { text: message.content || '' });
      turn.on('citations', { citations: message.citations || [] });
      turn.on('done', { mode: message.mode });
      turn.finish();
    }
    if (window.AgentChannel) AgentChannel.follow(conversation.conversationId);
  }

  async function ask(message) {
    if (!message || controller) return;
    say('');
    if (window.AgentChannel && AgentChannel.holds()) {
      // The agent channel carries text: photos stay attached, with a word why, so nothing is lost.
      if (photos.some(Boolean)) say(text.agentNoPhotos);
      question.value = '';
      AgentChannel.send(message);
      return;
    }
    const images = photos.filter(Boolean);
    photos = [];
    showThumbnails();
    userMessage(message, images);
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
        body: JSON.stringify(Object.assign(conversationId ? { conversationId: conversationId } : {},
          { message: message }, images.length ? { images: images } : {})),
        signal: controller.signal
      });
      if (response.status === 404 && conversationId) {
        conversationId = null;
        sessionStorage.removeItem(STORED_CONVERSATION);
        turn.fail(text.errorExpired);
      } else if (response.status === 409 && window.AgentChannel) {
        // An agent took the conversation meanwhile: the message is theirs.
        turn.discard();
        AgentChannel.follow(conversationId);
        AgentChannel.deliver(message, log.lastElementChild);
        if (images.length) {
          photos = images;
          showThumbnails();
          say(text.agentNoPhotos);
        }
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
    if (text.customerRef) body.customerRef = text.customerRef;
    const response = await postJson('/api/chat/' + encodeURIComponent(conversationId) + '/handoff', body)
      .catch(() => null);
    if (response && response.ok) {
      const ticket = await response.json();
      handoffForm.hidden = true;
      say(text.handoffDone.replace('{id}', ticket.ticketId));
      notice.dataset.ticket = ticket.ticketId;
      if (window.AgentChannel) AgentChannel.follow(conversationId);
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
  $('photos').addEventListener('change', (event) => {
    addPhotos(event.target.files);
    event.target.value = '';
  });
  question.addEventListener('paste', (event) => {
    const files = Array.from(event.clipboardData ? event.clipboardData.files : []);
    if (files.length) {
      event.preventDefault();
      addPhotos(files);
    }
  });
  form.addEventListener('dragover', (event) => event.preventDefault());
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    addPhotos(event.dataTransfer.files);
  });
  $('handoff').addEventListener('click', offerHandoff);
  handoffForm.addEventListener('submit', handoff);
  $('handoff-cancel').addEventListener('click', () => { handoffForm.hidden = true; });
  $('passage-close').addEventListener('click', () => { passage.hidden = true; });
  const closeWidget = $('widget-close');
  if (closeWidget) {
    // Inside the widget's iframe: the host page's widget.js closes the panel (it checks that this frame sent it).
    closeWidget.addEventListener('click', () => window.parent.postMessage({ type: 'dsrag-widget-close' }, '*'));
  }

  window.CustomerChat = {
    conversationId: () => conversationId,
    say: say,
    problemDetail: problemDetail,
    postJson: postJson,
    userMessage: (message, at) => userMessage(message, null, at),
    /** Shows a finished reply of someone other than the bot (an agent), citations linked as the bot's are. */
    reply: (who, markdown, citations, at) => {
      const turn = answerTurn(who, at);
      turn.on('token', { text: markdown });
      turn.on('citations', { citations: citations || [] });
      turn.finish();
    },
    /** A line about the conversation itself ("… joined"). */
    event: (message, at) => place(element('p', 'event', message), at),
    scrollDown: () => { following = true; scrollDown(); }
  };
  restore();
})();
