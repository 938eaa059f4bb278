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
//   op 'render' { format, items: [{ file?, page }], options } → string (page: its JSON text)
//   op 'fileName' { format, stem, page? } → string

import * as jianbao from './jianbao.js';

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
        result = open(id, event.data);
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

/** Opens a text or a file's bytes as a document and parses it page by page. */
function open(id, { text, bytes, encoding, options }) {
  const input = text ?? new Uint8Array(bytes);
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
