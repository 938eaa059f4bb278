// Module worker: all parsing happens here so the page never freezes.
//
// Messages in:  { id, op, ... }   Messages out: { id, ok: true, result } | { id, ok: false, error }
//   op 'init'                         → { version }
//   op 'parseText'  { text, options } → { text, encoding: null, page }
//   op 'parseBytes' { bytes, options} → { text, encoding, page }   (text is the decoded input the spans index into)
//   op 'export'     { format, items: [{source, page}] } → string

import * as jianbao from './jianbao.js';

const ready = jianbao.default();

// Fails loudly (rather than at module link time) when the module in use lacks
// an export, e.g. a partial development build.
function need(name) {
  const fn = jianbao[name];
  if (typeof fn !== 'function') throw new Error(`jianbao.js has no ${name}() export`);
  return fn;
}
const parse = (...a) => need('parse')(...a);
const version = () => need('version')();
const toMarkdown = (...a) => need('toMarkdown')(...a);
const toText = (...a) => need('toText')(...a);
const toJsonl = (...a) => need('toJsonl')(...a);
const toCsv = (...a) => need('toCsv')(...a);
function decodeBytes(bytes) {
  if (typeof jianbao.decodeBytes === 'function') return jianbao.decodeBytes(bytes);
  // Fallback for builds without decodeBytes: BOMs, strict UTF-8, else GB18030.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

// serde-wasm-bindgen may hand back `undefined` for a missing value; the JSON
// contract says `null`, so exported JSON always says `null`.
const json = (value) => JSON.stringify(value, (_k, v) => (v === undefined ? null : v), 2) + '\n';

function exportItems(format, items) {
  switch (format) {
    case 'json':
      return items.length === 1 ? json(items[0].page) : json(items.map(({ source, page }) => ({ source, ...page })));
    case 'jsonl':
      return items.map(({ source, page }) => {
        const s = toJsonl(page, source ?? undefined);
        return s && !s.endsWith('\n') ? s + '\n' : s;
      }).join('');
    case 'md':
      return items.map(({ source, page }) => (items.length > 1 ? `<!-- ${source} -->\n\n` : '') + toMarkdown(page)).join('\n\n');
    case 'txt':
      return items.map(({ page }) => toText(page)).join('\n\n');
    case 'csv':
      return toCsv(items.map(({ source, page }) => ({ source: source ?? '', page })));
    default:
      throw new Error(`unknown format ${format}`);
  }
}

self.onmessage = async (event) => {
  const { id, op } = event.data;
  try {
    await ready;
    let result;
    switch (op) {
      case 'init':
        result = { version: version() };
        break;
      case 'parseText': {
        const { text, options } = event.data;
        result = { text, encoding: null, page: parse(text, options ?? {}) };
        break;
      }
      case 'parseBytes': {
        const { bytes, options } = event.data;
        const decoded = decodeBytes(new Uint8Array(bytes));
        result = { text: decoded.text, encoding: decoded.encoding, page: parse(decoded.text, options ?? {}) };
        break;
      }
      case 'export':
        result = exportItems(event.data.format, event.data.items);
        break;
      default:
        throw new Error(`unknown op ${op}`);
    }
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    // A trap inside the wasm module (RuntimeError) may leave it unusable: ask
    // the page for a fresh worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, fatal, error: String(err && err.message ? err.message : err) });
  }
};
