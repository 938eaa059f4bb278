// jianbao (剪报) static page: the wiring. Parsing runs in a module worker
// (parser.js, worker.js); the results view is view.js (with the card list,
// virtual-list.js, and the raw pane, rawpane.js); export.js exports.
//
// Safety rule: text that comes from the input or the parser is only ever put
// into the page with textContent / createTextNode — never as HTML.

import { initialLang, saveLang, translate } from './i18n.js';
import { Parser, Cancelled, TimeoutError } from './parser.js';
import { LazyPage, View, el } from './view.js';
import { Exporter } from './export.js';

const $ = (id) => document.getElementById(id);
const ui = {
  raw: $('raw'), parse: $('parse'), choose: $('choose'), files: $('files'), sample: $('sample'),
  clear: $('clear'), lang: $('lang'), version: $('version'), dropzone: $('dropzone'),
  progress: $('progress'), progressBar: $('progress-bar'), progressLabel: $('progress-label'),
  cancel: $('cancel'), status: $('status'), docs: $('docs'), exportBar: $('export'),
  format: $('format'), download: $('download'), copy: $('copy'), batch: $('batch'),
  allJsonl: $('download-all-jsonl'), allCsv: $('download-all-csv'), allZip: $('download-all-zip'),
  rawToggle: $('raw-toggle'), rawCol: document.querySelector('.raw-col'), results: $('results'),
  summary: $('summary'), pagenav: $('pagenav'), furniture: $('furniture'), banners: $('banners'),
  warnings: $('warnings'), articles: $('articles'), empty: $('empty'), rawview: $('rawview'), rawInfo: $('raw-info'),
};

const state = {
  lang: initialLang(),
  docs: [], // { key, name, pasted, text, encoding, ranges, pages, done, error, pageIndex }
  current: -1,
  batch: null, // { cancelled, done, total, failed }
  pasteSeq: 0,
  selected: null, // { target, article } of the highlighted part
  statusMsg: null, // [key, ...args], re-translated on a language switch
};

const t = (key, ...args) => translate(state.lang, key, ...args);

function setStatus(key, ...args) {
  state.statusMsg = key ? [key, ...args] : null;
  ui.status.textContent = key ? t(key, ...args) : '';
}

const parser = new Parser({
  onReady({ version, formats }) {
    ui.version.textContent = `v${version}`;
    exporter.formats = formats;
    fillFormats();
    if (!state.statusMsg || state.statusMsg[0] === 'loading') setStatus('ready');
  },
  onFailed(message) { setStatus('loadFailed', message); },
});
const exporter = new Exporter(parser, setStatus);
const view = new View(ui, state, t, {
  setStatus,
  onSelectDoc: (i) => showDoc(i),
});

function fillFormats() {
  const chosen = ui.format.value || 'json';
  ui.format.replaceChildren(...exporter.formats.map((f) => el('option', { value: f.name, title: f.summary },
    f.name === 'text' ? t('formatText') : f.name)));
  ui.format.value = exporter.formats.some((f) => f.name === chosen) ? chosen : exporter.formats[0]?.name;
}

function showDoc(index) {
  state.current = index;
  state.selected = null;
  view.render();
}

// --------------------------------------------------------------- parsing ---

/**
 * Opens one document in the worker and fills `doc` as its pages arrive.
 * Resolves when every page is parsed; rejects on an error, a cancel or a
 * timeout (the pages parsed by then stay).
 */
function open(doc, payload, { transfer = [], bytes = 0, onPage = () => {} } = {}) {
  return parser.call('open', { ...payload, options: {} }, {
    transfer,
    bytes,
    watch: true,
    onEvent(data) {
      if (data.opened) {
        doc.text = data.opened.text;
        doc.encoding = data.opened.encoding;
        doc.ranges = data.opened.pages;
        view.arrived(doc);
      } else if (data.page) {
        const { index, total } = data.page;
        doc.pages[index] = new LazyPage(data.page);
        onPage(index + 1, total);
        view.arrived(doc);
      }
    },
  }).then(() => {
    doc.done = true;
    view.arrived(doc);
  });
}

function newDoc(key, name, extra = {}) {
  return { key, name, pasted: false, text: '', encoding: null, ranges: [], pages: [], done: false, error: null, pageIndex: 0, ...extra };
}

function place(doc) {
  const at = state.docs.findIndex((d) => d.key === doc.key);
  if (at >= 0) state.docs[at] = doc;
  else if (doc.pasted) state.docs.unshift(doc);
  else state.docs.push(doc);
  return state.docs.indexOf(doc);
}

/** Why a document failed, for people. */
function failure(err) {
  if (err instanceof TimeoutError) return t('timedOut', err.seconds);
  return err.message;
}

let autoTimer = 0;

async function parsePasted() {
  clearTimeout(autoTimer);
  const text = ui.raw.value;
  if (!text.trim()) { setStatus('noInput'); return; }
  const seq = ++state.pasteSeq;
  setStatus('parsing');
  const doc = newDoc('pasted', t('pasted'), { pasted: true });
  try {
    const shown = open(doc, { text }, { bytes: text.length * 3 });
    showDoc(place(doc));
    await shown;
    if (seq !== state.pasteSeq) return;
    const articles = doc.pages.reduce((n, p) => n + (p?.count ?? 0), 0);
    setStatus('parsedOne', articles);
  } catch (err) {
    if (seq !== state.pasteSeq) return;
    // A cancelled batch restarts the worker: a paste queued behind it runs again.
    if (err instanceof Cancelled) return parsePasted();
    doc.error = failure(err);
    view.render();
    setStatus('failed', doc.error);
  }
}

async function parseFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  if (state.batch) cancelBatch();
  // The paste area holds what was pasted, not what was uploaded.
  ui.raw.value = '';
  const batch = { cancelled: false, done: 0, total: files.length, failed: 0 };
  state.batch = batch;
  ui.progress.hidden = false;
  ui.progressBar.max = files.length;
  ui.progressBar.value = 0;
  let shown = false;
  for (const file of files) {
    if (batch.cancelled) break;
    const label = () => t('progress', batch.done + 1, batch.total);
    ui.progressLabel.textContent = label();
    setStatus('progress', batch.done + 1, batch.total);
    const doc = newDoc(`file:${file.name}:${file.size}:${file.lastModified}`, file.name);
    const index = place(doc);
    if (!shown) { shown = true; showDoc(index); } else view.arrived(doc);
    try {
      const bytes = await file.arrayBuffer();
      if (batch.cancelled) break;
      await open(doc, { bytes }, {
        transfer: [bytes],
        bytes: bytes.byteLength,
        onPage(done, total) {
          ui.progressBar.value = batch.done + done / total;
          if (total > 1) {
            ui.progressLabel.textContent = `${label()} · ${t('progressPages', file.name, done, total)}`;
          }
        },
      });
    } catch (err) {
      if (batch.cancelled) break;
      doc.error = failure(err);
      batch.failed++;
      view.arrived(doc);
      if (doc === view.doc()) view.render();
    }
    batch.done++;
    ui.progressBar.value = batch.done;
  }
  if (state.batch !== batch) return; // superseded by a newer batch, which owns the progress bar
  state.batch = null;
  ui.progress.hidden = true;
  ui.files.value = '';
  view.render();
  if (batch.cancelled) setStatus('cancelled', batch.done, batch.total);
  else if (batch.failed) setStatus('batchPartly', batch.done - batch.failed, batch.total, batch.failed);
  else if (batch.total === 1) {
    const doc = state.docs.find((d) => d.name === files[0].name);
    const articles = doc ? doc.pages.reduce((n, p) => n + (p?.count ?? 0), 0) : 0;
    if (doc && doc.ranges.length > 1) setStatus('parsedFile', doc.name, doc.encoding ?? '', doc.ranges.length, articles);
    else setStatus('parsedFileOnePage', files[0].name, doc?.encoding ?? '', articles);
  } else setStatus('batchDone', batch.done);
}

function cancelBatch() {
  if (!state.batch) return;
  state.batch.cancelled = true;
  parser.restart();
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

// ---------------------------------------------------------------- export ---

async function exportCurrent(mode) {
  const doc = view.doc();
  if (!doc || !doc.pages.some(Boolean)) { setStatus('noExport'); return; }
  try {
    const done = await exporter.one(doc, ui.format.value, mode);
    if (done) setStatus(done);
  } catch (err) {
    if (!(err instanceof Cancelled)) setStatus(mode === 'copy' ? 'copyFailed' : 'failed', err.message);
  }
}

async function exportAll(format) {
  const docs = state.docs.filter((d) => d.pages.some(Boolean) || d.error);
  if (!docs.length) return;
  try {
    if (format === 'zip') await exporter.zip(docs, t('errorsFile'));
    else await exporter.all(docs, format);
  } catch (err) {
    if (!(err instanceof Cancelled)) setStatus('failed', err.message);
  }
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
  view.setRawCollapsed(view.isRawCollapsed());
  const pasted = state.docs.find((d) => d.pasted);
  if (pasted) pasted.name = t('pasted');
  if (state.statusMsg) setStatus(...state.statusMsg);
  if (state.batch) ui.progressLabel.textContent = t('progress', state.batch.done + 1, state.batch.total);
  if (exporter.formats.length) fillFormats();
  const selected = state.selected;
  view.render();
  if (selected) {
    const node = document.querySelector(`#output-col [data-target="${selected.target}"]`);
    if (node) view.highlight(node);
  }
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
  ui.rawToggle.addEventListener('click', () => {
    view.rawCollapsedByUser = !view.isRawCollapsed();
    view.setRawCollapsed(view.rawCollapsedByUser);
  });
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
  $('output-col').addEventListener('click', (e) => {
    const node = e.target.closest('.target');
    if (!node || !$('output-col').contains(node)) return;
    if (e.target.closest('a, input, select, textarea')) return;
    if (window.getSelection && String(window.getSelection()).length && node.classList.contains('part')) return; // user selecting text
    view.highlight(node);
  });
  ui.articles.addEventListener('keydown', (e) => {
    const card = e.target.closest('.card');
    if (!card) return;
    if (e.key === 'Enter' || e.key === ' ') {
      if (e.target === card || e.target.classList.contains('part')) {
        e.preventDefault();
        view.highlight(e.target);
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const items = focusables(card);
      const at = items.indexOf(e.target);
      if (at < 0) return;
      e.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
    } else if (e.key === 'Escape' && e.target !== card) {
      card.focus();
    }
  });
}

wire();
setStatus('loading');
applyLang();
