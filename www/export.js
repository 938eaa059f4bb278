// Export: the current file, or every file, in any format of the crate's
// format registry (formats() of the module), rendered by the module in the
// worker, so the page writes exactly what the CLI writes for the same files.
// ZIP files are written by zip.js.

import { makeZip } from './zip.js';
import { el } from './view.js';

/** A file name stem for a document: its name without the extension, made safe. */
export function stem(doc) {
  if (doc.pasted) return 'jianbao';
  return doc.name.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'jianbao';
}

/** The render items of some documents: every parsed page (its JSON), with the file it came from. */
export function items(docs) {
  const out = [];
  for (const doc of docs) {
    for (const page of doc.pages) if (page) out.push({ file: doc.pasted ? null : doc.name, page: page.json });
  }
  return out;
}

export class Exporter {
  /**
   * @param {import('./parser.js').Parser} parser
   * @param {(key: string, ...args) => void} setStatus
   */
  constructor(parser, setStatus) {
    this.parser = parser;
    this.setStatus = setStatus;
    this.formats = [];
  }

  format(name) {
    const f = this.formats.find((x) => x.name === name);
    if (!f) throw new Error(`unknown format ${name}`);
    return f;
  }

  /** The output of `format` for `docs` (a CSV starts with a BOM: spreadsheets want one). */
  render(format, docs) {
    return this.parser.call('render', { format, items: items(docs), options: { bom: format === 'csv' } });
  }

  save(data, format, filename) {
    const blob = data instanceof Blob ? data : new Blob([data], { type: `${this.format(format).mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: filename, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    this.setStatus('downloaded', filename);
  }

  /** Downloads (or copies) one document in `format`. */
  async one(doc, format, mode) {
    const text = await this.render(format, [doc]);
    if (mode === 'copy') return copyText(text);
    this.save(text, format, `${stem(doc)}.${this.format(format).extension}`);
    return null;
  }

  /** One file of `format` over every document that has pages. */
  async all(docs, format) {
    const text = await this.render(format, docs);
    this.save(text, format, `jianbao-all.${this.format(format).extension}`);
  }

  /**
   * A ZIP: each document's pages as JSON and Markdown (`NAME.json`, or
   * `NAME.p3.json` for page 3 of a file of several pages), all.jsonl and
   * all.csv over everything, and errors.txt naming the files that failed.
   */
  async zip(docs, errorsHeading) {
    const files = [];
    const used = new Set();
    for (const doc of docs) {
      const pages = doc.pages.filter(Boolean);
      if (!pages.length) continue;
      let name = stem(doc);
      for (let k = 2; used.has(name); k++) name = `${stem(doc)}-${k}`;
      used.add(name);
      for (const page of pages) {
        const number = page.source?.page ?? null;
        const one = { ...doc, pages: [page] };
        for (const format of ['json', 'markdown']) {
          const fileName = await this.parser.call('fileName', { format, stem: name, page: number });
          files.push({ name: fileName, data: await this.render(format, [one]) });
        }
      }
    }
    files.push({ name: 'all.jsonl', data: await this.render('jsonl', docs) });
    files.push({ name: 'all.csv', data: await this.render('csv', docs) });
    const failed = docs.filter((d) => d.error);
    if (failed.length) {
      files.push({ name: 'errors.txt', data: `${errorsHeading}\n${failed.map((d) => `${d.name}: ${d.error}\n`).join('')}` });
    }
    this.save(makeZip(files), 'json', 'jianbao.zip');
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
  return 'copied';
}
