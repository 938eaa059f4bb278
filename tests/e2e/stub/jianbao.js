// A development stand-in for the wasm-bindgen module `pkg/web/jianbao.js`:
// the same exports, a deliberately naive parser. `node scripts/build-site.mjs
// --stub` uses it when the real module has not been built. Never shipped
// otherwise.

export default async function init() { return {}; }

export function version() { return '0.0.0-stub'; }

const DISPLAY_MAX = 32;
const FINAL = /[。！？!?…”"）)：:；;，,]$/;

function blocksOf(text) {
  // Paragraphs separated by blank lines, with their [start, end) offsets.
  const out = [];
  const re = /[^\n]+(?:\n(?![ \t\u3000]*\r?\n)[^\n]*)*/g;
  for (let m; (m = re.exec(text));) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = m.index + lead;
    out.push({ text: body, span: [start, start + body.length] });
  }
  return out;
}

const clean = (s) => s.replace(/\s+/g, (w, i, all) =>
  /[A-Za-z0-9]/.test(all[i - 1] || '') && /[A-Za-z0-9]/.test(all[i + w.length] || '') ? ' ' : '')
  .replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；').replace(/\*\*/g, '');

export function parse(text, options = {}) {
  text = String(text);
  const page = { date: null, weekday: null, staff: [], emails: [], phones: [], spans: [] };
  const result = { schema: 'jianbao/1', page, banners: [], articles: [], banner_spans: [], warnings: [] };
  let display = [];
  let current = null;
  for (const b of blocksOf(text)) {
    const d = /(\d{4})年(\d{1,2})月(\d{1,2})日\s*[·• ]?\s*(星期.)?/.exec(b.text);
    if (d && b.text.length < 30) {
      page.date = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
      page.weekday = d[4] || null;
      page.spans.push(b.span);
      continue;
    }
    if (/本版编辑|责任编辑|美术编辑/.test(b.text)) {
      for (const m of b.text.matchAll(/(本版编辑|美术编辑|责任编辑|校对)[\s:：]*([\u4e00-\u9fff]{2,4})/g)) page.staff.push({ role: m[1], name: m[2] });
      for (const m of b.text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) page.emails.push(m[0]);
      for (const m of b.text.matchAll(/\b\d{8}\b/g)) page.phones.push(m[0]);
      page.spans.push(b.span);
      continue;
    }
    const oneLine = !b.text.includes('\n');
    if (oneLine && b.text.length <= DISPLAY_MAX && !FINAL.test(b.text) && !/^[□■]/.test(b.text)) {
      if (current && current.blocks.length && display.length === 0 && b.text.length <= 16) {
        // A short line inside a running article: treat it as a subhead.
        current.blocks.push({ type: 'heading', text: clean(b.text), spans: [b.span] });
        current.spans.push(b.span);
        continue;
      }
      display.push(b);
      continue;
    }
    if (display.length || !current) {
      const title = display.pop();
      const kicker = display.pop();
      for (const extra of display) { result.banners.push(clean(extra.text)); result.banner_spans.push([extra.span]); }
      display = [];
      current = {
        kind: 'feature', column: null,
        kicker: kicker ? clean(kicker.text) : null,
        title: title ? clean(title.text) : null,
        subtitle: null, dateline: null,
        byline: { reporters: [], correspondents: [], photographers: [], authors: [] },
        blocks: [], signature: null,
        spans: [kicker, title].filter(Boolean).map((x) => x.span),
        column_spans: [], kicker_spans: kicker ? [kicker.span] : [], title_spans: title ? [title.span] : [],
        subtitle_spans: [], signature_spans: [],
      };
      result.articles.push(current);
    }
    const by = /^[□■]\s*(?:本报)?记者\s*([\u4e00-\u9fff]{2,4})$/.exec(b.text);
    if (by) { current.byline.reporters.push(by[1]); current.spans.push(b.span); continue; }
    let t = b.text;
    const dl = /^本报讯\s*[（(]记者\s*([\u4e00-\u9fff]{2,4})[）)]\s*/.exec(t);
    if (dl && !current.blocks.length) { current.kind = 'news'; current.dateline = '本报讯'; current.byline.reporters.push(dl[1]); t = t.slice(dl[0].length); }
    current.blocks.push({ type: 'paragraph', text: clean(t), spans: [b.span] });
    current.spans.push(b.span);
  }
  for (const extra of display) {
    result.warnings.push({ code: 'unplaced_text', message: `Text not assigned to any article: ${extra.text}`, spans: [extra.span] });
  }
  if (options && options.spans === false) {
    for (const a of result.articles) for (const k of Object.keys(a)) if (k.endsWith('spans')) a[k] = [];
  }
  return result;
}

export function decodeBytes(bytes) {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8[0] === 0xff && u8[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(u8.subarray(2)), encoding: 'UTF-16LE' };
  if (u8[0] === 0xfe && u8[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(u8.subarray(2)), encoding: 'UTF-16BE' };
  try {
    const start = u8[0] === 0xef && u8[1] === 0xbb && u8[2] === 0xbf ? 3 : 0;
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(start)), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(u8), encoding: 'GB18030' };
  }
}

export function parseBytes(bytes, options) { return parse(decodeBytes(bytes).text, options); }

const ROLE = { reporters: '记者', correspondents: '通讯员', photographers: '摄影', authors: '作者' };

export function toMarkdown(page) {
  const out = [];
  for (const a of page.articles) {
    if (a.kicker) out.push(`*${a.kicker}*`, '');
    out.push(`## ${a.title ?? '（无标题）'}`, '');
    for (const [k, label] of Object.entries(ROLE)) if (a.byline[k].length) out.push(`${label}：${a.byline[k].join('、')}`, '');
    for (const b of a.blocks) out.push(b.type === 'heading' ? `### ${b.text}` : b.text, '');
  }
  return out.join('\n');
}

export function toText(page) {
  return page.articles.map((a) => [a.title, ...a.blocks.map((b) => b.text)].filter(Boolean).join('\n\n')).join('\n\n\n');
}

function strip(obj) {
  return JSON.parse(JSON.stringify(obj, (k, v) => (k.endsWith('spans') ? undefined : v)));
}

export function toJsonl(page, source) {
  const p = strip(page.page);
  return page.articles.map((a) => JSON.stringify({ source: source ?? null, ...p, ...strip(a) }) + '\n').join('');
}

const csvCell = (v) => { const s = v == null ? '' : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };

export function toCsv(items) {
  const head = ['source', 'date', 'kind', 'column', 'kicker', 'title', 'subtitle', 'dateline', 'reporters', 'body'];
  const rows = [head.join(',')];
  for (const { source, page } of items) for (const a of page.articles) {
    rows.push([source, page.page.date, a.kind, a.column, a.kicker, a.title, a.subtitle, a.dateline,
      a.byline.reporters.join('、'), a.blocks.map((b) => b.text).join('\n')].map(csvCell).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
