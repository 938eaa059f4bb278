// Module worker: all parsing and exporting happens here, so the page never
// freezes. It holds no parsing logic of its own: everything is a call into
// the WebAssembly module (jianbao.js).
//
// Messages in:  { id, op, ... }
// Messages out: { id, ok: true, result } | { id, ok: false, error, fatal }
//               and, while `open` runs, { id, page: { index, total, page } }
//               for each page parsed (the page's own message, so a large
//               file arrives a page at a time and the page can show progress).
//
//   op 'init'                          → { version, formats }
//   op 'open' { text | bytes, encoding?, options }
//        → { text, encoding, pages: [{ number, start, end }] } first as
//          { id, opened }, then one { id, page: { index, total, head,
//          articles, at } } per page: its JSON as text, in parts
//          (Document.parsePageParts), which is quick to pass between
//          threads and parsed on the page only as far as it shows it; then
//          the result { parsed: n }
//        A PDF (bytes starting `%PDF-`) is read with pdf.js (served from
//        this origin, pdfjs/) and parsed page by page as it is read; hOCR,
//        ALTO and pdftotext -bbox-layout XHTML are parsed from their lines.
//        Either way each page's text is the one rebuilt from its lines, the
//        pages' texts divided by form feeds, and `opened` comes again with
//        the text so far before each page.
//   op 'render' { format, items: [{ file?, page }], options } → string (page: its JSON text)
//   op 'fileName' { format, stem, page? } → string

import * as jianbao from './jianbao.js';
import { pdfPages } from './pdf.mjs';

const ready = jianbao.default();

self.onmessage = async (event) => {
  const { id, op } = event.data;
  try {
    await ready;
    let result;
    switch (op) {
      case 'init':
        result = { version: jianbao.version(), formats: jianbao.formats() };
        break;
      case 'open':
        result = isPdf(event.data.bytes) ? await openLayout(id, pdfLines(event.data.bytes), 'PDF', event.data.options) : open(id, event.data);
        break;
      case 'render':
        result = jianbao.render(event.data.format, event.data.items, event.data.options ?? {});
        break;
      case 'fileName':
        result = jianbao.fileName(event.data.format, event.data.stem, event.data.page ?? undefined);
        break;
      default:
        throw new Error(`unknown op ${op}`);
    }
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    // A trap inside the wasm module (RuntimeError: out of memory, say) may
    // leave it unusable: ask the page for a fresh worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, fatal, error: String(err && err.message ? err.message : err) });
  }
};

/** Whether a file's bytes are a PDF. */
function isPdf(bytes) {
  if (!bytes) return false;
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024));
  return new TextDecoder('latin1').decode(head).includes('%PDF-');
}

/** pdf.js, with its worker code in this thread, from this origin. */
let pdfjs = null;
async function loadPdfjs() {
  pdfjs ??= Promise.all([import('./pdfjs/pdf.min.mjs'), import('./pdfjs/pdf.worker.min.mjs')]).then(([lib, worker]) => {
    globalThis.pdfjsWorker ??= worker;
    return lib;
  });
  return pdfjs;
}

/** A PDF's pages as positioned lines, one page at a time. */
async function* pdfLines(bytes) {
  const lib = await loadPdfjs();
  yield* pdfPages(lib, new Uint8Array(bytes), new URL('./pdfjs/cmaps/', import.meta.url).href);
}

/** Markup's pages (hOCR, ALTO, bbox-layout) as positioned lines. */
function* markupLines(read) {
  for (let i = 0; i < read.pages.length; i++) {
    yield { number: i + 1, count: read.pages.length, lines: read.pages[i] };
  }
}

/**
 * Parses pages of positioned lines as they come: each page's rebuilt text
 * joins the document's text (pages divided by form feeds), then its parts.
 */
async function openLayout(id, pages, format, options) {
  let text = '';
  const ranges = [];
  for await (const { number, count, lines } of pages) {
    if (ranges.length) text += '\f';
    const start = text.length;
    const parts = jianbao.layoutPageParts(lines, number, start, options ?? {});
    text += parts.text;
    ranges.push({ number, start, end: text.length });
    self.postMessage({ id, opened: { text, encoding: format, pages: ranges.slice() } });
    const { head, articles, at } = parts;
    self.postMessage({ id, page: { index: ranges.length - 1, total: count, head, articles, at } });
  }
  return { parsed: ranges.length };
}

/** Opens a text or a file's bytes as a document and parses it page by page. */
function open(id, { text, bytes, encoding, options }) {
  const input = text ?? new Uint8Array(bytes);
  const read = jianbao.readMarkup(input);
  if (read) return openLayout(id, markupLines(read), read.format, options);
  const doc = new jianbao.Document(input, encoding ? { encoding } : {});
  try {
    const pages = doc.pages();
    self.postMessage({ id, opened: { text: doc.text(), encoding: doc.encoding() ?? null, pages } });
    for (let index = 0; index < pages.length; index++) {
      self.postMessage({ id, page: { index, total: pages.length, ...doc.parsePageParts(index, options ?? {}) } });
    }
    return { parsed: pages.length };
  } finally {
    doc.free();
  }
}
