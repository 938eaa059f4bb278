// jianbao (剪报) static page: UI on the main thread, parsing in a module worker.
//
// Safety rule for this file: text that comes from the input or the parser is
// only ever put into the page with textContent / createTextNode — never as
// HTML.

import { STRINGS, initialLang, saveLang, fmt } from './i18n.js';
import { makeZip } from './zip.js';

const $ = (id) => document.getElementById(id);
const ui = {
  raw: $('raw'), parse: $('parse'), choose: $('choose'), files: $('files'), sample: $('sample'),
  clear: $('clear'), lang: $('lang'), version: $('version'), dropzone: $('dropzone'),
  progress: $('progress'), progressBar: $('progress-bar'), progressLabel: $('progress-label'),
  cancel: $('cancel'), status: $('status'), docs: $('docs'), exportBar: $('export'),
  format: $('format'), download: $('download'), copy: $('copy'), batch: $('batch'),
  allJsonl: $('download-all-jsonl'), allCsv: $('download-all-csv'), allZip: $('download-all-zip'),
  rawToggle: $('raw-toggle'), rawCol: document.querySelector('.raw-col'),
  summary: $('summary'), furniture: $('furniture'), banners: $('banners'), warnings: $('warnings'),
  articles: $('articles'), empty: $('empty'), rawview: $('rawview'), rawInfo: $('raw-info'),
};

const state = {
  lang: initialLang(),
  docs: [],          // { key, name, text, encoding, page, error }
  current: -1,
  batch: null,       // { cancelled, done, total }
  pasteSeq: 0,
  selected: null,    // element currently highlighted
  statusMsg: null,   // [key, ...args] so the status re-translates on a language switch
};

const t = (key) => STRINGS[state.lang][key] ?? STRINGS.zh[key] ?? key;

// ---------------------------------------------------------------- worker ---

let worker = null;
let nextId = 1;
const pending = new Map();

class Cancelled extends Error {}

let workerBroken = false;

function startWorker() {
  workerBroken = false;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.ok) p.resolve(data.result);
    else p.reject(new Error(data.error));
    if (data.fatal) recycleWorker();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    workerBroken = true; // e.g. jianbao.js failed to load: later calls fail at once instead of hanging
    const err = new Error(event.message || 'worker error');
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    setStatus('loadFailed', err.message);
  };
  call('init').then(
    ({ version }) => { ui.version.textContent = `v${version}`; if (!state.statusMsg || state.statusMsg[0] === 'loading') setStatus('ready'); },
    (err) => setStatus('loadFailed', err.message),
  );
}

function call(op, payload = {}, transfer = []) {
  const id = nextId++;
  if (workerBroken) return Promise.reject(new Error(fmt(t('loadFailed'), '')));
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, ...payload }, transfer);
  });
}

// After a wasm trap: replace the worker, letting queued calls fail cleanly.
function recycleWorker() {
  const old = worker;
  old.terminate();
  const err = new Error('parser restarted after an internal error');
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  startWorker();
}

function restartWorker() {
  worker.terminate();
  for (const p of pending.values()) p.reject(new Cancelled('cancelled'));
  pending.clear();
  startWorker();
}

// ---------------------------------------------------------------- status ---

function setStatus(key, ...args) {
  state.statusMsg = key ? [key, ...args] : null;
  ui.status.textContent = key ? fmt(t(key), ...args) : '';
}

// --------------------------------------------------------------- parsing ---

let autoTimer = 0;

async function parsePasted() {
  clearTimeout(autoTimer);
  const text = ui.raw.value;
  if (!text.trim()) { setStatus('noInput'); return; }
  const seq = ++state.pasteSeq;
  setStatus('parsing');
  try {
    const result = await call('parseText', { text });
    if (seq !== state.pasteSeq) return; // a newer paste superseded this one
    const doc = { key: 'pasted', name: t('pasted'), pasted: true, text: result.text, encoding: null, page: result.page };
    const at = state.docs.findIndex((d) => d.key === 'pasted');
    if (at >= 0) state.docs[at] = doc; else state.docs.unshift(doc);
    showDoc(state.docs.indexOf(doc));
    setStatus('parsedOne', doc.page.articles.length);
  } catch (err) {
    // A cancelled batch restarts the worker; a paste queued behind it is re-run.
    if (err instanceof Cancelled) { if (seq === state.pasteSeq) return parsePasted(); return; }
    setStatus('failed', err.message);
  }
}

async function parseFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  if (state.batch) cancelBatch();
  const batch = { cancelled: false, done: 0, total: files.length };
  state.batch = batch;
  ui.progress.hidden = false;
  ui.progressBar.max = files.length;
  let firstNew = -1;
  for (const file of files) {
    if (batch.cancelled) break;
    ui.progressBar.value = batch.done;
    ui.progressLabel.textContent = fmt(t('progress'), batch.done + 1, batch.total);
    setStatus('progress', batch.done + 1, batch.total);
    const key = `file:${file.name}:${file.size}:${file.lastModified}`;
    let doc;
    try {
      const bytes = await file.arrayBuffer();
      if (batch.cancelled) break;
      const result = await call('parseBytes', { bytes }, [bytes]);
      doc = { key, name: file.name, text: result.text, encoding: result.encoding, page: result.page };
    } catch (err) {
      if (err instanceof Cancelled || batch.cancelled) break;
      doc = { key, name: file.name, text: '', encoding: null, page: null, error: err.message };
    }
    const at = state.docs.findIndex((d) => d.key === key);
    if (at >= 0) state.docs[at] = doc; else state.docs.push(doc);
    if (firstNew < 0) { firstNew = state.docs.indexOf(doc); showDoc(firstNew); } else renderDocTabs();
    batch.done++;
  }
  if (state.batch !== batch) return; // superseded by a newer batch, which owns the progress bar
  state.batch = null;
  ui.progress.hidden = true;
  ui.files.value = '';
  if (batch.cancelled) setStatus('cancelled', batch.done, batch.total);
  else setStatus('batchDone', batch.done);
}

function cancelBatch() {
  if (!state.batch) return;
  state.batch.cancelled = true;
  restartWorker();
}

async function loadSample() {
  try {
    const res = await fetch('samples/sample.txt');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    ui.raw.value = await res.text();
    await parsePasted();
  } catch (err) {
    setStatus('sampleFailed', err.message);
  }
}

// -------------------------------------------------------------- rendering ---

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Highlight targets: each element that can be clicked carries an entry here.
let targets = new WeakMap();

function target(node, ranges) {
  targets.set(node, ranges);
  node.classList.add('target');
  return node;
}

function showDoc(index) {
  state.current = index;
  state.selected = null;
  render();
}

function currentDoc() {
  return state.docs[state.current] ?? null;
}

let generation = 0;

function render() {
  // A counter the tests (and anyone scripting the page) can wait on.
  $('results').dataset.generation = String(++generation);
  renderDocTabs();
  const doc = currentDoc();
  targets = new WeakMap();
  for (const box of [ui.summary, ui.furniture, ui.banners, ui.warnings, ui.articles]) box.replaceChildren();
  ui.empty.hidden = !!doc;
  ui.rawCol.hidden = !doc;
  ui.exportBar.hidden = !doc || !doc.page;
  renderRaw(doc ? doc.text : '', []);
  ui.rawInfo.textContent = doc && doc.text ? fmt(t('chars'), doc.text.length) : '';
  if (!doc) return;

  const page = doc.page;
  const summary = [doc.name];
  if (doc.encoding) summary.push(fmt(t('encoding'), doc.encoding));
  if (page) {
    summary.push(fmt(t('articlesCount'), page.articles.length));
    if (page.warnings?.length) summary.push(fmt(t('warningsCount'), page.warnings.length));
  }
  ui.summary.append(el('p', {}, summary.join(' · ')));
  if (doc.error) {
    ui.summary.append(el('p', { class: 'error' }, fmt(t('failed'), doc.error)));
    return;
  }
  renderFurniture(page.page);
  renderBanners(page);
  renderWarnings(page.warnings || []);
  page.articles.forEach((a, i) => ui.articles.append(renderArticle(a, i)));
}

function renderDocTabs() {
  ui.batch.hidden = state.docs.filter((d) => d.page).length < 2;
  ui.docs.hidden = state.docs.length < 2;
  ui.docs.setAttribute('aria-label', t('docsLabel'));
  // Keep keyboard focus on the same tab across the re-render.
  const focused = [...ui.docs.children].indexOf(document.activeElement);
  ui.docs.replaceChildren(...state.docs.map((doc, i) => {
    const label = doc.page ? `${doc.name} (${doc.page.articles.length})` : doc.name;
    const b = el('button', { type: 'button', class: doc.error ? 'doc-tab error' : 'doc-tab', 'aria-current': i === state.current ? 'true' : null }, label);
    b.addEventListener('click', () => showDoc(i));
    return b;
  }));
  if (focused >= 0) ui.docs.children[Math.min(focused, ui.docs.children.length - 1)]?.focus();
}

function section(titleKey, ...children) {
  return el('section', { class: 'panel' }, el('h3', {}, t(titleKey)), ...children);
}

function renderFurniture(info) {
  if (!info) return;
  const rows = [];
  if (info.date) rows.push([t('date'), info.date]);
  if (info.weekday) rows.push([t('weekday'), info.weekday]);
  if (info.staff?.length) rows.push([t('staff'), info.staff.map((s) => `${s.role} ${s.name}`).join('｜')]);
  if (info.emails?.length) rows.push([t('emails'), info.emails.join('、')]);
  if (info.phones?.length) rows.push([t('phones'), info.phones.join('、')]);
  if (!rows.length) return;
  const dl = el('dl', { class: 'facts' });
  for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
  const panel = section('furniture', dl);
  if (info.spans?.length) {
    const btn = el('button', { type: 'button', class: 'link' }, t('showSource'));
    target(btn, [{ spans: info.spans, cls: 'hl' }]);
    panel.append(btn);
  }
  ui.furniture.append(panel);
}

function renderBanners(page) {
  if (!page.banners?.length) return;
  const list = el('ul', { class: 'plain' });
  page.banners.forEach((b, i) => {
    const btn = el('button', { type: 'button', class: 'banner' }, b);
    target(btn, [{ spans: page.banner_spans?.[i] ?? [], cls: 'hl' }]);
    list.append(el('li', {}, btn));
  });
  ui.banners.append(section('banners', list));
}

function renderWarnings(warnings) {
  if (!warnings.length) return;
  const list = el('ul', { class: 'plain warnings' });
  for (const w of warnings) {
    const btn = el('button', { type: 'button', class: 'warning' }, el('code', {}, w.code), ' ', w.message);
    target(btn, [{ spans: w.spans ?? [], cls: 'hl-warn' }]);
    list.append(el('li', {}, btn));
  }
  ui.warnings.append(section('warnings', list));
}

function renderArticle(a, i) {
  const kinds = t('kind');
  const titleId = `art-${i}-title`;
  const card = el('article', {
    class: `card kind-${a.kind}`, tabindex: '0', 'aria-labelledby': titleId,
    'aria-describedby': 'card-help', dataset: { index: String(i) },
  });
  const whole = { spans: a.spans ?? [], cls: 'hl-soft' };
  target(card, [{ spans: a.spans ?? [], cls: 'hl' }]);

  const meta = el('div', { class: 'meta' },
    el('span', { class: `badge kind` }, kinds[a.kind] ?? a.kind),
    el('span', { class: 'num' }, fmt(t('articleN'), i + 1)));
  if (a.column) meta.append(target(el('span', { class: 'badge column part', title: t('column') }, a.column), [whole, { spans: a.column_spans ?? [], cls: 'hl' }]));
  card.append(meta);

  const head = el('header', { class: 'heads' });
  if (a.kicker) head.append(target(el('p', { class: 'kicker part', tabindex: '-1' }, a.kicker), [whole, { spans: a.kicker_spans ?? [], cls: 'hl' }]));
  head.append(target(el('h3', { class: a.title ? 'title part' : 'title part untitled', id: titleId, tabindex: '-1' }, a.title ?? t('noTitle')), [whole, { spans: a.title_spans ?? [], cls: 'hl' }]));
  if (a.subtitle) head.append(target(el('p', { class: 'subtitle part', tabindex: '-1' }, a.subtitle), [whole, { spans: a.subtitle_spans ?? [], cls: 'hl' }]));
  card.append(head);

  const credits = [];
  if (a.dateline) credits.push(el('span', { class: 'credit' }, el('span', { class: 'role' }, t('dateline')), a.dateline));
  const roles = t('roles');
  for (const role of ['reporters', 'correspondents', 'photographers', 'authors']) {
    const names = a.byline?.[role] ?? [];
    if (names.length) credits.push(el('span', { class: `credit ${role}` }, el('span', { class: 'role' }, roles[role]), names.join('、')));
  }
  if (credits.length) card.append(el('p', { class: 'byline' }, ...credits));

  const body = el('div', { class: 'body' });
  for (const b of a.blocks ?? []) {
    const node = b.type === 'heading'
      ? el('h4', { class: 'subhead part', tabindex: '-1' }, b.text)
      : el('p', { class: 'para part', tabindex: '-1' }, b.text);
    target(node, [whole, { spans: b.spans ?? [], cls: 'hl' }]);
    body.append(node);
  }
  card.append(body);
  if (a.signature) card.append(target(el('p', { class: 'signature part', tabindex: '-1' }, a.signature), [whole, { spans: a.signature_spans ?? [], cls: 'hl' }]));
  return card;
}

// ------------------------------------------------------------- raw pane ---

const CLASS_RANK = { 'hl-soft': 1, hl: 2, 'hl-warn': 3 };

/** Rebuilds the raw pane: plain text nodes with <mark> around the ranges. */
function renderRaw(text, ranges) {
  const n = text.length;
  const cuts = new Set([0, n]);
  const list = [];
  for (const { spans, cls } of ranges) {
    for (const s of spans) {
      if (!Array.isArray(s) || s.length < 2) continue;
      const a = Math.max(0, Math.min(n, Number(s[0]) | 0));
      const b = Math.max(0, Math.min(n, Number(s[1]) | 0));
      if (b <= a) continue;
      list.push([a, b, cls]);
      cuts.add(a); cuts.add(b);
    }
  }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  let first = null;
  let firstSoft = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let best = null;
    for (const [s, e, cls] of list) if (s <= a && b <= e && (!best || CLASS_RANK[cls] > CLASS_RANK[best])) best = cls;
    const chunk = document.createTextNode(text.slice(a, b));
    if (best) {
      const mark = el('mark', { class: best });
      mark.append(chunk);
      frag.append(mark);
      if (best !== 'hl-soft' && !first) first = mark;
      if (!firstSoft) firstSoft = mark;
    } else frag.append(chunk);
  }
  ui.rawview.replaceChildren(frag);
  return first ?? firstSoft;
}

function highlight(node) {
  const doc = currentDoc();
  if (!doc) return;
  let ranges = targets.get(node) ?? [];
  // A part with no ranges of its own (e.g. an untitled card's placeholder)
  // shows its whole article instead.
  if (!ranges.some((r) => r.cls !== 'hl-soft' && r.spans.length)) ranges = ranges.map((r) => ({ ...r, cls: r.cls === 'hl-soft' ? 'hl' : r.cls }));
  const count = ranges.filter((r) => r.cls !== 'hl-soft').reduce((k, r) => k + r.spans.length, 0);
  if (state.selected) state.selected.classList.remove('selected');
  state.selected = node;
  node.classList.add('selected');
  const card = node.closest('.card');
  for (const c of ui.articles.querySelectorAll('.card.active')) c.classList.remove('active');
  if (card) card.classList.add('active');
  const mark = renderRaw(doc.text, ranges);
  if (mark) {
    scrollRawTo(mark);
    setStatus('highlighted', count);
  } else {
    setStatus('noSpans');
  }
}

function setRawCollapsed(collapsed) {
  ui.rawCol.classList.toggle('collapsed', collapsed);
  ui.rawToggle.setAttribute('aria-expanded', String(!collapsed));
  ui.rawToggle.textContent = t(collapsed ? 'rawExpand' : 'rawCollapse');
}

function scrollRawTo(mark) {
  setRawCollapsed(false);
  const pane = ui.rawview;
  pane.scrollTop = Math.max(0, mark.offsetTop - pane.clientHeight / 3);
  const r = pane.getBoundingClientRect();
  if (r.bottom < 0 || r.top > window.innerHeight) {
    // Raw pane out of view (should not happen with the sticky layouts).
    pane.scrollIntoView({ block: 'nearest' });
  }
}

// ---------------------------------------------------------------- export ---

const FORMATS = {
  json: { ext: 'json', mime: 'application/json' },
  jsonl: { ext: 'jsonl', mime: 'application/x-ndjson' },
  md: { ext: 'md', mime: 'text/markdown' },
  csv: { ext: 'csv', mime: 'text/csv' },
  txt: { ext: 'txt', mime: 'text/plain' },
};

function baseName(doc) {
  if (doc.pasted) return 'jianbao';
  return doc.name.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'jianbao';
}

function exportItems(docs) {
  return docs.filter((d) => d.page).map((d) => ({ source: d.pasted ? null : d.name, page: d.page }));
}

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  setStatus('downloaded', filename);
}

async function exportCurrent(mode) {
  const doc = currentDoc();
  if (!doc || !doc.page) return;
  const format = ui.format.value;
  try {
    const text = await call('export', { format, items: exportItems([doc]) });
    if (mode === 'copy') await copyText(text);
    else saveBlob(new Blob([text], { type: `${FORMATS[format].mime};charset=utf-8` }), `${baseName(doc)}.${FORMATS[format].ext}`);
  } catch (err) {
    if (!(err instanceof Cancelled)) setStatus(mode === 'copy' ? 'copyFailed' : 'failed', err.message);
  }
}

async function exportAll(format) {
  const items = exportItems(state.docs);
  if (!items.length) return;
  try {
    if (format === 'zip') {
      const files = [];
      const used = new Set();
      for (const doc of state.docs.filter((d) => d.page)) {
        let name = baseName(doc);
        for (let k = 2; used.has(name); k++) name = `${baseName(doc)}-${k}`;
        used.add(name);
        files.push({ name: `${name}.json`, data: await call('export', { format: 'json', items: exportItems([doc]) }) });
        files.push({ name: `${name}.md`, data: await call('export', { format: 'md', items: exportItems([doc]) }) });
      }
      files.push({ name: 'all.jsonl', data: await call('export', { format: 'jsonl', items }) });
      files.push({ name: 'all.csv', data: await call('export', { format: 'csv', items }) });
      saveBlob(makeZip(files), 'jianbao.zip');
      return;
    }
    const text = await call('export', { format, items });
    saveBlob(new Blob([text], { type: `${FORMATS[format].mime};charset=utf-8` }), `jianbao-all.${FORMATS[format].ext}`);
  } catch (err) {
    if (!(err instanceof Cancelled)) setStatus('failed', err.message);
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Fallback for browsers without the async clipboard in this context.
    const area = el('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard unavailable');
  }
  setStatus('copied');
}

// -------------------------------------------------------------- language ---

function applyLang() {
  const lang = state.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = lang === 'zh' ? '剪报 · jianbao' : 'jianbao · 剪报';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  ui.lang.textContent = t('langButton');
  document.querySelector('[data-i18n="appAlt"]').lang = lang === 'zh' ? 'en' : 'zh-CN';
  ui.lang.lang = lang === 'zh' ? 'en' : 'zh-CN';
  $('card-help').textContent = t('cardHelp');
  setRawCollapsed(ui.rawCol.classList.contains('collapsed'));
  const pasted = state.docs.find((d) => d.pasted);
  if (pasted) pasted.name = t('pasted');
  if (state.statusMsg) setStatus(...state.statusMsg);
  if (state.batch) ui.progressLabel.textContent = fmt(t('progress'), state.batch.done + 1, state.batch.total);
  const selectedPath = selectionPath();
  render();
  restoreSelection(selectedPath);
}

// Keeps the highlight across a re-render (e.g. a language switch).
function selectionPath() {
  const node = state.selected;
  if (!node || !node.isConnected) return null;
  const all = [...document.querySelectorAll('.target')];
  return all.indexOf(node);
}
function restoreSelection(index) {
  if (index == null || index < 0) return;
  const node = document.querySelectorAll('.target')[index];
  if (node) highlight(node);
}

// ---------------------------------------------------------------- events ---

function focusables(card) {
  return [card, ...card.querySelectorAll('.part[tabindex]')];
}

function wire() {
  document.body.append(el('p', { id: 'card-help', class: 'sr-only' }));

  ui.parse.addEventListener('click', parsePasted);
  ui.raw.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); parsePasted(); }
  });
  ui.raw.addEventListener('input', () => {
    clearTimeout(autoTimer);
    autoTimer = setTimeout(() => {
      const shown = state.docs.find((d) => d.pasted);
      if (ui.raw.value.trim() && !(shown && shown.text === ui.raw.value)) parsePasted();
    }, 600);
  });
  ui.choose.addEventListener('click', () => ui.files.click());
  ui.files.addEventListener('change', () => parseFiles(ui.files.files));
  ui.sample.addEventListener('click', loadSample);
  ui.clear.addEventListener('click', () => {
    cancelBatch();
    ui.raw.value = '';
    ui.files.value = '';
    state.pasteSeq++;
    state.docs = [];
    showDoc(-1);
    setStatus(null);
    ui.raw.focus();
  });
  ui.cancel.addEventListener('click', cancelBatch);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.batch && !e.target.closest?.('.card')) cancelBatch();
  });
  ui.rawToggle.addEventListener('click', () => setRawCollapsed(!ui.rawCol.classList.contains('collapsed')));
  ui.lang.addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    saveLang(state.lang);
    applyLang();
  });
  ui.download.addEventListener('click', () => exportCurrent('download'));
  ui.copy.addEventListener('click', () => exportCurrent('copy'));
  ui.allJsonl.addEventListener('click', () => exportAll('jsonl'));
  ui.allCsv.addEventListener('click', () => exportAll('csv'));
  ui.allZip.addEventListener('click', () => exportAll('zip'));

  // Drag and drop, anywhere on the page.
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; ui.dropzone.classList.add('dragging'); } });
  document.addEventListener('dragleave', (e) => { if (hasFiles(e) && --depth <= 0) { depth = 0; ui.dropzone.classList.remove('dragging'); } });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    ui.dropzone.classList.remove('dragging');
    parseFiles(e.dataTransfer.files);
  });

  // Clicking anything with source ranges highlights them.
  const onActivate = (e) => {
    const node = e.target.closest('.target');
    if (!node || !ui.articles.parentElement.contains(node)) return;
    if (e.target.closest('a, input, select, textarea')) return;
    if (window.getSelection && String(window.getSelection()).length && e.type === 'click' && node.classList.contains('part')) return; // user selecting text
    highlight(node);
  };
  $('output-col').addEventListener('click', onActivate);
  ui.articles.addEventListener('keydown', (e) => {
    const card = e.target.closest('.card');
    if (!card) return;
    if (e.key === 'Enter' || e.key === ' ') {
      if (e.target.closest('.target') && (e.target === card || e.target.classList.contains('part'))) {
        e.preventDefault();
        highlight(e.target);
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const items = focusables(card);
      const at = items.indexOf(e.target);
      if (at < 0) return;
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      next.focus();
    } else if (e.key === 'Escape' && e.target !== card) {
      card.focus();
    }
  });
}

wire();
setStatus('loading');
applyLang();
startWorker();
