/*
 * A deliberately small Markdown renderer for model answers. Safety first: the whole text is HTML-escaped before any
 * markup is added, so nothing the model (or a poisoned document) writes can become a tag or an attribute. Supported:
 * paragraphs, line breaks, "-"/"*" and "1." lists, ``` code blocks, `code`, **bold**, *italics*,
 * [text](http(s)://...) links and citations [n] (only when cite(n) says the citation exists).
 */
(function (global) {
  'use strict';

  function escape(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // Code spans and links become placeholders first, so emphasis never reaches inside them or into an href.
  function inline(escaped, cite) {
    const kept = [];
    const keep = (html) => '\u0000' + (kept.push(html) - 1) + '\u0000';
    let s = escaped
      .replace(/`([^`]+)`/g, (m, code) => keep('<code>' + code + '</code>'))
      .replace(/\[([^\]]+)\]\((https?:\/\/[^\s()]+)\)/g,
        (m, label, url) => keep('<a href="' + url + '" target="_blank" rel="noopener noreferrer nofollow">' + label + '</a>'))
      .replace(/\[(\d{1,3})\]/g,
        (m, n) => cite(Number(n)) ? keep('<a href="#" class="cite" data-n="' + n + '">[' + n + ']</a>') : m);
    s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*([^*\s](?:[^*]*[^*\s])?)\*(?![*\w])/g, '$1<em>$2</em>');
    return s.replace(/\u0000(\d+)\u0000/g, (m, i) => kept[Number(i)]);
  }

  function render(text, cite) {
    cite = cite || function () { return false; };
    const lines = escape(text || '').replace(/\u0000/g, '').split(/\r?\n/);
    const out = [];
    let paragraph = [];
    let list = null;
    let code = null;
    const flushParagraph = () => {
      if (paragraph.length) out.push('<p>' + paragraph.join('<br>') + '</p>');
      paragraph = [];
    };
    const closeList = () => {
      if (list) out.push('</' + list + '>');
      list = null;
    };
    const openList = (kind) => {
      flushParagraph();
      if (list !== kind) {
        closeList();
        out.push('<' + kind + '>');
        list = kind;
      }
    };
    for (const line of lines) {
      if (code !== null) {
        if (/^\s*```/.test(line)) {
          out.push('<pre><code>' + code.join('\n') + '</code></pre>');
          code = null;
        } else {
          code.push(line);
        }
        continue;
      }
      let m;
      if (/^\s*```/.test(line)) {
        flushParagraph();
        closeList();
        code = [];
      } else if ((m = /^\s*[-*+]\s+(.*)$/.exec(line))) {
        openList('ul');
        out.push('<li>' + inline(m[1], cite) + '</li>');
      } else if ((m = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line))) {
        openList('ol');
        out.push('<li>' + inline(m[1], cite) + '</li>');
      } else if ((m = /^#{1,6}\s+(.*)$/.exec(line))) {
        flushParagraph();
        closeList();
        out.push('<p><strong>' + inline(m[1], cite) + '</strong></p>');
      } else if (!line.trim()) {
        flushParagraph();
        closeList();
      } else {
        closeList();
        paragraph.push(inline(line, cite));
      }
    }
    if (code !== null) out.push('<pre><code>' + code.join('\n') + '</code></pre>');
    flushParagraph();
    closeList();
    return out.join('');
  }

  global.SafeMarkdown = { render: render, escape: escape };
})(typeof window !== 'undefined' ? window : globalThis);
