/*
 * The admin dashboard: reads /api/admin/analytics?days=N and draws it with Chart.js (served by the app from its
 * WebJar), plus tiles and tables that say the same in text. Texts come from data-* attributes of <body>.
 */
(function () {
  'use strict';

  const text = document.body.dataset;
  const $ = (id) => document.getElementById(id);
  const status = $('dashboard-status');
  const charts = {};
  const MODES = ['llm', 'faq', 'cache', 'not-covered', 'retrieval-only'];
  const COLOURS = { llm: '#1f6feb', faq: '#2e7d32', cache: '#8250df', 'not-covered': '#c62828', 'retrieval-only': '#9a6700' };
  const modeName = (mode) => text['mode' + mode.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())] || mode;
  const percent = (ratio) => (ratio === null || ratio === undefined) ? text.none : (ratio * 100).toFixed(1) + ' %';

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } }, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function rows(table, entries) {
    const body = $(table).tBodies[0];
    body.replaceChildren(...entries.map((entry) => {
      const tr = document.createElement('tr');
      const question = document.createElement('td');
      question.textContent = entry.question;
      const count = document.createElement('td');
      count.textContent = String(entry.count);
      tr.append(question, count);
      return tr;
    }));
    if (!entries.length) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 2;
      td.textContent = text.empty;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function show(data) {
    const labels = data.perDay.map((day) => day.date.slice(5));
    const totals = data.totals;
    $('tile-questions').textContent = String(totals.questions);
    $('tile-satisfaction').textContent = percent(totals.satisfaction);
    $('tile-handoff').textContent = percent(totals.handoffRate);
    $('tile-cost').textContent = '¥' + Number(totals.costCny).toFixed(4);
    $('tile-hit').textContent = percent(totals.contextCacheHitRatio);
    $('tile-p95').textContent = totals.p95FirstTokenMs === null ? text.none : totals.p95FirstTokenMs + ' ms';
    $('tile-cache').textContent = totals.answerCacheHits + ' · ¥' + Number(totals.answerCacheSavedCny).toFixed(4);
    draw('chart-questions', { type: 'bar', data: { labels: labels, datasets: MODES.map((mode) => ({
      label: modeName(mode), data: data.perDay.map((day) => day.modes[mode] || 0), backgroundColor: COLOURS[mode] })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
    draw('chart-modes', { type: 'doughnut', data: { labels: MODES.map(modeName), datasets: [{
      data: MODES.map((mode) => totals.modeShares[mode] || 0), backgroundColor: MODES.map((mode) => COLOURS[mode]) }] } });
    draw('chart-cost', { type: 'line', data: { labels: labels, datasets: [
      { label: text.cost, data: data.perDay.map((day) => Number(day.costCny)), borderColor: '#1f6feb', yAxisID: 'y' },
      { label: text.hitRatio, data: data.perDay.map((day) => day.contextCacheHitRatio), borderColor: '#2e7d32', yAxisID: 'ratio' }] },
      options: { scales: { y: { beginAtZero: true }, ratio: { position: 'right', min: 0, max: 1 } } } });
    draw('chart-feedback', { type: 'bar', data: { labels: labels, datasets: [
      { label: text.up, data: data.perDay.map((day) => day.thumbsUp), backgroundColor: '#2e7d32' },
      { label: text.down, data: data.perDay.map((day) => day.thumbsDown), backgroundColor: '#c62828' },
      { label: text.handoffs, data: data.perDay.map((day) => day.handoffs), backgroundColor: '#9a6700' }] },
      options: { scales: { y: { beginAtZero: true } } } });
    draw('chart-latency', { type: 'line', data: { labels: labels, datasets: [
      { label: text.p95, data: data.perDay.map((day) => day.p95FirstTokenMs), borderColor: '#8250df', spanGaps: true }] },
      options: { scales: { y: { beginAtZero: true } } } });
    rows('top-questions', data.topQuestions);
    rows('top-unanswered', data.topUnanswered);
  }

  async function load() {
    const days = document.querySelector('#period input:checked').value;
    $('csv').href = '/api/admin/analytics.csv?days=' + days;
    status.textContent = text.loading;
    try {
      const response = await fetch('/api/admin/analytics?days=' + days, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      show(await response.json());
      status.textContent = '';
      document.body.dataset.loaded = days;
    } catch (e) {
      status.textContent = text.error;
    }
  }

  $('period').addEventListener('change', load);
  load();
})();
