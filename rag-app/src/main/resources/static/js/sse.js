/*
 * Reads a text/event-stream response body (fetch + ReadableStream) and calls onEvent(name, data) per event, data
 * parsed as JSON (or {text} when it is not JSON). Resolves when the stream ends; rejects with an AbortError when the
 * fetch's AbortController aborts.
 */
(function (global) {
  'use strict';

  function dispatch(block, onEvent) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    const raw = data.join('\n');
    let payload;
    try {
      payload = JSON.parse(raw);
    } catch (e) {
      payload = { text: raw };
    }
    onEvent(name, payload);
  }

  async function read(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n|\r(?!$)/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
    }
    buffer += decoder.decode();
    if (buffer.trim()) dispatch(buffer.replace(/\r\n?/g, '\n'), onEvent);
  }

  global.ServerSentEvents = { read: read };
})(typeof window !== 'undefined' ? window : globalThis);
