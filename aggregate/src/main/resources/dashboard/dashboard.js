// Trendmill dashboard: leaderboards per horizon and type with sparklines; a click opens an entity's series and
// latest articles. Everything shown comes from untrusted article text, so it goes in through textContent (never
// innerHTML) and links only keep http(s) URLs.
(function () {
  'use strict';
  const REFRESH_MS = 5000;
  const state = { horizon: null, type: '', selected: null, horizons: [], chart: null };
  const $ = (id) => document.getElementById(id);

  async function api(path) {
    const res = await fetch(path, { cache: 'no-store' });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
    return body;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) { return null; }
  }

  function sparkline(points) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '110'); svg.setAttribute('height', '24'); svg.setAttribute('class', 'spark');
    if (!points.length) return svg;
    const max = Math.max(1, ...points.map(p => p.count));
    const step = points.length > 1 ? 108 / (points.length - 1) : 0;
    const coords = points.map((p, i) => (1 + i * step).toFixed(1) + ',' + (22 - (p.count / max) * 20).toFixed(1));
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', coords.join(' '));
    line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#2f6fec'); line.setAttribute('stroke-width', '1.5');
    svg.appendChild(line);
    return svg;
  }

  function renderTabs() {
    const tabs = $('horizons');
    tabs.replaceChildren(...state.horizons.map(h => {
      const b = el('button', h === 'all' ? 'All time' : h);
      b.setAttribute('role', 'tab');
      b.dataset.horizon = h;
      b.setAttribute('aria-selected', String(h === state.horizon));
      b.addEventListener('click', () => { state.horizon = h; renderTabs(); refresh(); });
      return b;
    }));
  }

  async function renderBoard() {
    const params = new URLSearchParams({ horizon: state.horizon, limit: '20' });
    if (state.type) params.set('type', state.type);
    const board = await api('/api/trends?' + params);
    const allTime = state.horizon === 'all';
    $('board-title').textContent = (allTime ? 'Most mentioned, all time' : 'Trending, last ' + state.horizon) + (state.type ? ' — ' + state.type : '');
    document.querySelectorAll('.score-col').forEach(c => { c.hidden = allTime; });
    const rows = board.trends.map(t => {
      const tr = document.createElement('tr');
      tr.dataset.entity = t.id;
      if (t.id === state.selected) tr.classList.add('selected');
      tr.appendChild(el('td', t.rank));
      tr.appendChild(el('td', t.name, 'name'));
      tr.appendChild(el('td', t.type, 'type'));
      tr.appendChild(el('td', t.count, 'num'));
      const score = el('td', allTime ? '' : t.score.toFixed(2), 'num score ' + (t.score > 0 ? 'up' : t.score < 0 ? 'down' : ''));
      score.hidden = allTime;
      tr.appendChild(score);
      const spark = el('td'); spark.className = 'spark-cell';
      tr.appendChild(spark);
      tr.addEventListener('click', () => select(t.id));
      return tr;
    });
    $('leaderboard').tBodies[0].replaceChildren(...rows);
    $('empty').hidden = rows.length > 0;
    const sparkHorizon = allTime ? (state.horizons.includes('24h') ? '24h' : state.horizons[1]) : state.horizon;
    await Promise.all(board.trends.slice(0, 20).map(async (t, i) => {
      try {
        const series = await api('/api/entities/' + encodeURIComponent(t.id) + '/series?horizon=' + encodeURIComponent(sparkHorizon));
        rows[i].lastChild.replaceChildren(sparkline(series.points));
      } catch (e) { /* a sparkline is optional */ }
    }));
    return board;
  }

  async function renderDetail() {
    if (!state.selected) { $('detail').hidden = true; return; }
    const entity = await api('/api/entities/' + encodeURIComponent(state.selected));
    const horizon = state.horizon === 'all' ? (state.horizons.includes('24h') ? '24h' : state.horizons[1]) : state.horizon;
    const series = await api('/api/entities/' + encodeURIComponent(state.selected) + '/series?horizon=' + encodeURIComponent(horizon));
    $('detail').hidden = false;
    $('detail-name').textContent = entity.name;
    const meta = [entity.type, entity.all_time_count + ' articles all time'];
    Object.entries(entity.attributes || {}).filter(([k]) => ['maturity', 'category', 'organization'].includes(k))
      .forEach(([k, v]) => meta.push(k + ': ' + v));
    $('detail-meta').textContent = meta.join(' · ');
    $('detail-horizons').replaceChildren(...entity.horizons.map(h =>
      el('span', h.horizon + ': ' + h.count + ' (score ' + h.score.toFixed(2) + ')', 'chip')));
    const labels = series.points.map(p => p.window_end.replace('T', ' ').replace(':00Z', ''));
    const data = series.points.map(p => p.count);
    if (!state.chart) {
      state.chart = new Chart($('series-chart'), {
        type: 'line',
        data: { labels, datasets: [{ label: 'articles per ' + horizon + ' window', data, borderColor: '#2f6fec', backgroundColor: 'rgba(47,111,236,.12)', fill: true, pointRadius: 0, tension: .2 }] },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 8 } } }, plugins: { legend: { display: true } } }
      });
    } else {
      state.chart.data.labels = labels;
      state.chart.data.datasets[0].data = data;
      state.chart.data.datasets[0].label = 'articles per ' + horizon + ' window';
      state.chart.update();
    }
    $('articles').replaceChildren(...entity.latest_articles.map(a => {
      const li = document.createElement('li');
      const url = a.url && safeUrl(a.url);
      const title = url ? el('a', a.title) : el('span', a.title);
      if (url) { title.href = url; title.rel = 'noopener noreferrer'; title.target = '_blank'; }
      li.appendChild(title);
      li.appendChild(el('span', ' — ' + a.published_at.slice(0, 10), 'muted'));
      return li;
    }));
  }

  function select(id) {
    state.selected = id;
    document.querySelectorAll('#leaderboard tbody tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.entity === id));
    renderDetail().catch(showError);
  }

  function showError(e) { $('status').textContent = 'error: ' + e.message; $('status').className = 'status error'; }

  async function refresh() {
    try {
      const board = await renderBoard();
      await renderDetail();
      const stats = await api('/api/stats');
      $('status').className = 'status';
      $('status').textContent = stats.entities + ' entities · ' + stats.mentions + ' mentions · as of ' + (board.as_of || '').replace('T', ' ').replace('Z', ' UTC');
      document.body.dataset.loaded = 'true';
    } catch (e) { showError(e); }
  }

  let searchTimer = null;
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const q = $('search').value.trim();
      const list = $('hits');
      if (!q) { list.hidden = true; return; }
      try {
        const hits = await api('/api/entities?limit=8&q=' + encodeURIComponent(q));
        list.replaceChildren(...hits.map(h => {
          const li = el('li', h.name + ' (' + h.type + ', ' + h.all_time_count + ')');
          li.addEventListener('click', () => { list.hidden = true; select(h.id); });
          return li;
        }));
        list.hidden = hits.length === 0;
      } catch (e) { showError(e); }
    }, 200);
  });
  $('type').addEventListener('change', () => { state.type = $('type').value; refresh(); });

  (async function start() {
    try {
      state.horizons = await api('/api/horizons');
    } catch (e) {
      state.horizons = ['all'];
      showError(e);
    }
    state.horizon = state.horizons.includes('24h') ? '24h' : state.horizons[state.horizons.length > 1 ? 1 : 0];
    renderTabs();
    await refresh();
    setInterval(refresh, REFRESH_MS);
  })();
})();

// Lag panel: per consumer group and its worst partitions, from /api/lag (refreshed like the board).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const fmt = (v, digits) => (v === null || v === undefined || v < 0) ? '?' : Number(v).toFixed(digits);
  function cell(text, cls) { const td = document.createElement('td'); td.textContent = String(text); if (cls) td.className = cls; return td; }
  function badge(status) { const td = cell(status, 'lag-status ' + status); return td; }

  async function renderLag() {
    const panel = $('lag');
    if (!panel) return;
    let body;
    try {
      const res = await fetch('/api/lag', { cache: 'no-store' });
      body = await res.json();
      if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
    } catch (e) {
      $('lag-note').textContent = 'lag unavailable: ' + e.message;
      return;
    }
    $('lag-sampled').textContent = body.sampled_at_ms ? 'as of ' + new Date(body.sampled_at_ms).toLocaleTimeString() : 'first sample pending';
    $('lag-groups').tBodies[0].replaceChildren(...body.groups.map(g => {
      const tr = document.createElement('tr');
      tr.append(cell(g.group), badge(g.status), cell(g.members, 'num'), cell(g.lag_records, 'num'), cell(fmt(g.max_lag_seconds, 1), 'num'));
      return tr;
    }));
    const worst = body.partitions.slice(0, 12);
    $('lag-partitions').tBodies[0].replaceChildren(...worst.map(p => {
      const tr = document.createElement('tr');
      tr.append(cell(p.group), cell(p.topic + '-' + p.partition), badge(p.status), cell(p.committed_offset === null ? '-' : p.committed_offset, 'num'),
        cell(p.end_offset, 'num'), cell(p.lag_records, 'num'), cell(p.lag_seconds === null ? '-' : fmt(p.lag_seconds, 1), 'num'),
        cell((p.last_commit_age_is_lower_bound ? '≥ ' : '') + fmt(p.last_commit_age_seconds, 0), 'num'));
      tr.title = p.reason;
      return tr;
    }));
    $('lag-note').textContent = 'Worst ' + worst.length + ' of ' + body.partitions.length + ' partitions. Status from the last '
      + body.window_samples + ' samples, one every ' + (body.interval_ms / 1000) + ' s.';
  }

  renderLag();
  setInterval(renderLag, 5000);
})();
