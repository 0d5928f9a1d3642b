/*
 * The customer's side of the agent channel. Once the customer asked for a human (or on reload), it follows
 * GET /api/chat/{id}/agent/events: "an agent joined", the agent's replies with their citations, the hand-back. While
 * an agent holds the conversation, chat.js hands the customer's messages to send() instead of the bot. A stream that
 * ends while a ticket is open (the server's timeout, a proxy) is reopened after the last event it delivered, so
 * nothing is missed or shown twice. Texts come from data-* attributes of <body>; all text goes in as text.
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const banner = document.getElementById('agent-banner');
  const RETRY_MS = 1000;

  let conversation = null;
  let state = 'none';
  let after = 0;
  let reading = null;
  // Followed again while a stream was open: that stream may predate the ticket, so read once more when it ends.
  let again = false;
  // The customer's own messages shown at once, until the stream echoes them back.
  const unconfirmed = [];

  const named = (template, name) => template.replace('{name}', name || text.agentSomeone);

  function held(agent) {
    state = 'held';
    banner.textContent = named(text.agentBanner, agent);
    banner.hidden = false;
    document.body.classList.add('agent-held');
  }

  function released() {
    state = 'none';
    banner.hidden = true;
    document.body.classList.remove('agent-held');
  }

  function onEvent(name, data) {
    const chat = window.CustomerChat;
    if (name === 'state') {
      if (data.state === 'held') held(data.agent);
      else if (data.state === 'waiting') state = 'waiting';
      else released();
      return;
    }
    if (typeof data.seq === 'number') after = Math.max(after, data.seq);
    if (name === 'joined') {
      chat.event(named(text.agentJoined, data.author), data.at);
      held(data.author);
    } else if (name === 'agent') {
      chat.reply(named(text.agentWho, data.author), data.text || '', data.citations, data.at);
    } else if (name === 'customer') {
      const index = unconfirmed.findIndex((entry) => entry.text === data.text);
      if (index >= 0) unconfirmed.splice(index, 1)[0].node.classList.remove('pending');
      else chat.userMessage(data.text || '', data.at);
    } else if (name === 'handed-back' || name === 'closed') {
      chat.event(named(name === 'closed' ? text.agentClosed : text.agentHandedBack, data.author), data.at);
      released();
    }
    chat.scrollDown();
  }

  async function read() {
    const id = conversation;
    reading = id;
    try {
      const response = await fetch('/api/chat/' + encodeURIComponent(id) + '/agent/events?after=' + after,
        { headers: { Accept: 'text/event-stream' } });
      if (response.ok) await ServerSentEvents.read(response.body, onEvent);
      else state = 'none';
    } catch (e) {
      // The connection dropped: reopened below while a ticket is open.
    }
    reading = null;
    if (id !== conversation) return;
    if (again) {
      again = false;
      follow(id);
    } else if (state === 'waiting' || state === 'held') {
      setTimeout(follow, RETRY_MS, id);
    }
  }

  /** Follows the conversation's agent channel (a no-op while it is already followed). */
  function follow(conversationId) {
    if (!conversationId) return;
    if (reading === conversationId) {
      again = true;
      return;
    }
    if (conversation !== conversationId) after = 0;
    conversation = conversationId;
    read();
  }

  /** Posts a message the log already shows (node) to the agent. */
  async function deliver(message, node) {
    const chat = window.CustomerChat;
    node.classList.add('pending');
    unconfirmed.push({ text: message, node: node });
    const response = await chat.postJson('/api/chat/' + encodeURIComponent(conversation) + '/agent/messages',
      { message: message }).catch(() => null);
    if (response && response.ok) return;
    node.classList.replace('pending', 'failed');
    unconfirmed.splice(unconfirmed.findIndex((entry) => entry.node === node), 1);
    if (response && response.status === 409) {
      released();
      chat.say(text.agentGone);
    } else {
      chat.say(response ? await chat.problemDetail(response) : text.errorNetwork);
    }
  }

  window.AgentChannel = {
    follow: follow,
    holds: () => state === 'held',
    deliver: deliver,
    send: (message) => deliver(message, window.CustomerChat.userMessage(message))
  };
})();
