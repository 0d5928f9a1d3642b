/*
 * The customer-service chat on any site, in one line:
 *
 *   <script src="https://support.example.com/widget.js" data-lang="zh" data-customer="A-1024" async></script>
 *
 * data-lang: "zh" or "en" (default: the visitor's browser language); data-customer: an order or account number the
 * agent may look up, shown as unverified (letters, digits, spaces and . _ : # @ / + -, at most 64). Never put a
 * secret in either: anyone can read the page.
 *
 * The script adds a chat bubble in a shadow root (the page's CSS cannot restyle it) that opens the chat in an iframe
 * of the support site (the page's scripts cannot read the conversation, and the chat's cannot touch the page). It
 * first asks the support site whether this page's origin may show the chat (a CORS request: only the allowed origins
 * can read the answer); elsewhere it shows nothing, and the support site refuses to be framed there anyway
 * (Content-Security-Policy frame-ancestors). No framework, no cookies of its own, nothing blocks the page: load it
 * with async. window.DeepSeekRagWidget.open() and .close() let the page open the chat from a link of its own.
 */
(function () {
  'use strict';

  const TAG = '[support widget]';
  const LANGUAGES = ['zh', 'en'];
  const CUSTOMER = /^[\p{L}\p{N} ._:#@/+-]{1,64}$/u;
  const ACCENT = '#1f6feb';

  const script = document.currentScript || document.querySelector('script[src*="/widget.js"]');
  if (!script || 'DeepSeekRagWidget' in window) return;
  const origin = new URL(script.src, location.href).origin;

  function setting(name, valid, hint) {
    const value = (script.dataset[name] || '').trim();
    if (!value) return '';
    if (valid(value)) return value;
    console.warn(TAG, 'ignoring data-' + name + '="' + value + '": ' + hint);
    return '';
  }

  const lang = setting('lang', (value) => LANGUAGES.includes(value.toLowerCase()), 'use zh or en').toLowerCase();
  const customer = setting('customer', (value) => CUSTOMER.test(value),
    'at most 64 letters, digits, spaces and . _ : # @ / + -');

  function css(node, rules) {
    // Styles through the CSSOM: allowed by any Content-Security-Policy of the host page, unlike a <style> element.
    Object.assign(node.style, rules);
    return node;
  }

  function icon(open) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '26');
    svg.setAttribute('height', '26');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', open
      ? 'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z'
      : 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8.4L4 21.5V18a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z');
    svg.appendChild(path);
    return svg;
  }

  function frameUrl() {
    const query = new URLSearchParams();
    if (lang) query.set('lang', lang);
    if (customer) query.set('customer', customer);
    const search = query.toString();
    return origin + '/widget' + (search ? '?' + search : '');
  }

  function mount(texts) {
    const host = css(document.createElement('div'), { position: 'fixed', zIndex: '2147483000', right: '0', bottom: '0' });
    host.setAttribute('data-deepseek-rag-widget', '');
    const root = host.attachShadow({ mode: 'open' });

    const bubble = css(document.createElement('button'), {
      position: 'fixed', right: '20px', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%',
      border: '0', padding: '0', margin: '0', background: ACCENT, color: '#fff', cursor: 'pointer',
      display: 'flex', alignItems: 'center', justifyContent: 'center', boxShadow: '0 4px 14px rgba(0,0,0,.25)'
    });
    bubble.type = 'button';
    bubble.className = 'bubble';

    const panel = css(document.createElement('div'), {
      position: 'fixed', overflow: 'hidden', background: '#fff', boxShadow: '0 8px 30px rgba(0,0,0,.3)',
      display: 'none'
    });
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', texts.title);

    let frame = null;
    let opened = false;

    function label() {
      const text = opened ? texts.close : texts.open;
      bubble.setAttribute('aria-label', text);
      bubble.title = text;
      bubble.setAttribute('aria-expanded', String(opened));
      bubble.replaceChildren(icon(opened));
    }

    function fitScreen() {
      // On a phone the chat takes the whole screen, with the bubble over it to close it.
      const small = window.matchMedia('(max-width: 480px)').matches;
      css(panel, small
        ? { right: '0', bottom: '0', width: '100vw', height: '100vh', borderRadius: '0' }
        : { right: '20px', bottom: '88px', width: 'min(380px, calc(100vw - 24px))',
          height: 'min(600px, calc(100vh - 110px))', borderRadius: '12px' });
    }

    function open() {
      if (!frame) {
        frame = css(document.createElement('iframe'), { width: '100%', height: '100%', border: '0', display: 'block' });
        frame.title = texts.title;
        frame.src = frameUrl();
        panel.appendChild(frame);
      }
      opened = true;
      fitScreen();
      panel.style.display = 'block';
      host.dataset.state = 'open';
      label();
      frame.focus();
    }

    function close() {
      opened = false;
      panel.style.display = 'none';
      host.dataset.state = 'closed';
      label();
      bubble.focus();
    }

    bubble.addEventListener('click', () => (opened ? close() : open()));
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && opened) close();
    });
    window.addEventListener('message', (event) => {
      // Only the chat's own frame may close it.
      if (frame && event.source === frame.contentWindow && event.origin === origin && event.data
        && event.data.type === 'dsrag-widget-close') {
        close();
      }
    });
    window.addEventListener('resize', () => {
      if (opened) fitScreen();
    });

    root.append(panel, bubble);
    host.dataset.state = 'closed';
    label();
    document.body.appendChild(host);
    window.DeepSeekRagWidget = { open: open, close: close };
  }

  function start() {
    const query = lang ? '?lang=' + lang : '';
    fetch(origin + '/widget/config' + query, { mode: 'cors', credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status))))
      .then(mount)
      .catch(() => console.warn(TAG, 'not shown: ' + location.origin + ' is not among the sites allowed to show '
        + 'the chat of ' + origin + ' (deepseek.rag.widget.allowed-origins), or that site cannot be reached'));
  }

  window.DeepSeekRagWidget = null;
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
