// The results view: the file tabs, the page navigator of a file of several
// pages, the page's furniture, banners and warnings, its article cards (a
// virtualised list) and the raw-text pane with the clicked part's source
// ranges marked, computed when it is clicked.
//
// Safety rule: text from the input or the parser goes into the page only as
// text (textContent, text nodes), never as HTML.

import { warningText } from './i18n.js';
import { RawPane } from './rawpane.js';
import { VirtualList } from './virtual-list.js';

const NARROW = '(max-width: 959.98px)';
const LISTED = 200; // banners or warnings shown before "n more"

export function el(tag, attrs = {}, ...children) {
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

/**
 * One parsed page as the worker sends it: its JSON as text in parts (the
 * page without its articles, each article, where they go). The page's own
 * fields (furniture, banners, warnings, source) are read at once; each
 * article only when asked for; the whole JSON (for export) when asked for.
 */
export class LazyPage {
  constructor({ head, articles, at }) {
    Object.assign(this, JSON.parse(head));
    delete this.articles;
    this.head = head;
    this.at = at;
    this.articleJson = articles;
    this.count = articles.length;
    this.cache = new Array(articles.length);
  }

  article(i) {
    this.cache[i] ??= JSON.parse(this.articleJson[i]);
    return this.cache[i];
  }

  /** The page's JSON text, what the parser wrote. */
  get json() {
    this.whole ??= this.head.slice(0, this.at) + this.articleJson.join(',') + this.head.slice(this.at);
    return this.whole;
  }
}

export class View {
  /**
   * @param {object} ui the page's elements
   * @param {object} state the app state ({ docs, current, lang, selected, … })
   * @param {(key: string, ...args) => string} t translation
   * @param {{ setStatus(key, ...args), onSelectDoc(i) }} hooks
   */
  constructor(ui, state, t, hooks) {
    this.ui = ui;
    this.state = state;
    this.t = t;
    this.hooks = hooks;
    this.raw = new RawPane(ui.rawview);
    this.list = new VirtualList(ui.articles, {
      render: (i) => this.card(i),
      estimate: (i, width) => this.estimate(i, width),
    });
    this.generation = 0;
    this.frame = 0;
    this.shown = null; // { doc, index } whose page is on screen
    this.rawCollapsedByUser = null;
  }

  doc() {
    return this.state.docs[this.state.current] ?? null;
  }

  /** The page on screen, if it has arrived. */
  page() {
    const doc = this.doc();
    return doc ? doc.pages[doc.pageIndex] ?? null : null;
  }

  /** Renders the current document's current page from scratch. */
  render() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const { ui } = this;
    ui.results.dataset.generation = String(++this.generation);
    this.tabs();
    const doc = this.doc();
    for (const box of [ui.summary, ui.pagenav, ui.furniture, ui.banners, ui.warnings]) box.replaceChildren();
    ui.empty.hidden = !!doc;
    ui.rawCol.hidden = !doc;
    ui.exportBar.hidden = !this.state.docs.length;
    ui.download.disabled = ui.copy.disabled = !doc || !doc.pages.some(Boolean);
    const page = this.page();
    const range = doc?.ranges?.[doc.pageIndex];
    const fresh = this.shown?.doc !== doc || this.shown?.index !== doc?.pageIndex || this.shown?.text !== doc?.text;
    if (fresh) {
      this.raw.show(doc?.text ?? '', range?.start ?? 0, range?.end ?? doc?.text?.length ?? 0);
      this.shown = { doc, index: doc?.pageIndex, text: doc?.text };
      if (doc && this.rawCollapsedByUser === null) this.setRawCollapsed(matchMedia(NARROW).matches);
    }
    ui.rawInfo.textContent = doc?.text ? this.t('chars', (range?.end ?? doc.text.length) - (range?.start ?? 0)) : '';
    this.list.reset(page?.count ?? 0);
    this.shownPage = page;
    this.shownDone = !!doc?.done;
    if (fresh) scrollTo({ top: Math.min(scrollY, ui.results.getBoundingClientRect().top + scrollY) });
    if (!doc) return;
    this.summary(doc, page);
    this.pagenav(doc);
    if (doc.error || !page) return;
    this.furniture(page.page);
    this.banners(page);
    this.warnings(page.warnings ?? []);
  }

  /** A page of `doc` arrived (or grew): update what shows it, at most once a frame. */
  arrived(doc) {
    if (doc !== this.doc()) {
      this.later(() => this.tabs());
      return;
    }
    this.later(() => {
      const page = this.page();
      if (page !== this.shownPage || (doc.done && !this.shownDone)) {
        this.render(); // the page on screen came in (or the file is complete)
        return;
      }
      this.tabs();
      this.ui.summary.replaceChildren();
      this.summary(doc, page);
      if (this.ui.pagenav.hidden !== (doc.ranges.length < 2)) {
        this.ui.pagenav.replaceChildren();
        this.pagenav(doc);
      } else this.navUpdate(doc);
      if (page && page.count !== this.list.count) this.list.grow(page.count);
    });
  }

  later(fn) {
    this.pending = fn;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const run = this.pending;
      this.pending = null;
      run?.();
    });
  }

  tabs() {
    const { ui, state, t } = this;
    const docs = state.docs;
    ui.batch.hidden = docs.length < 2;
    ui.docs.hidden = docs.length < 2;
    ui.docs.setAttribute('aria-label', t('docsLabel'));
    const focused = [...ui.docs.children].indexOf(document.activeElement);
    ui.docs.replaceChildren(...docs.map((doc, i) => {
      const articles = doc.pages.reduce((n, p) => n + (p?.count ?? 0), 0);
      const label = doc.error && !doc.pages.length ? doc.name : `${doc.name} (${articles})`;
      const b = el('button', {
        type: 'button', class: doc.error ? 'doc-tab error' : 'doc-tab',
        'aria-current': i === state.current ? 'true' : null,
      }, label);
      b.addEventListener('click', () => this.hooks.onSelectDoc(i));
      return b;
    }));
    if (focused >= 0) ui.docs.children[Math.min(focused, ui.docs.children.length - 1)]?.focus();
  }

  summary(doc, page) {
    const { t } = this;
    const parts = [doc.name];
    if (doc.encoding) parts.push(t('encoding', doc.encoding));
    if (page) {
      parts.push(t('articlesCount', page.count));
      if (page.warnings?.length) parts.push(t('warningsCount', page.warnings.length));
    }
    if (!doc.done && !doc.error) parts.push(t('stillParsing'));
    this.ui.summary.append(el('p', { class: page ? 'facts-count' : null }, parts.join(' · ')));
    if (doc.error) this.ui.summary.append(el('p', { class: 'error' }, t('failed', doc.error)));
  }

  pagenav(doc) {
    const { ui, t } = this;
    const total = doc.ranges?.length ?? 0;
    ui.pagenav.hidden = total < 2;
    if (total < 2) return;
    const prev = el('button', { type: 'button', class: 'small', 'aria-label': t('prevPage'), disabled: doc.pageIndex === 0 }, '‹');
    const next = el('button', { type: 'button', class: 'small', 'aria-label': t('nextPage'), disabled: doc.pageIndex >= total - 1 }, '›');
    const number = el('input', {
      type: 'number', min: 1, max: total, value: doc.ranges[doc.pageIndex].number,
      'aria-label': t('pageSelect'), class: 'page-number',
    });
    const go = (i) => {
      if (i < 0 || i >= total || i === doc.pageIndex) return;
      doc.pageIndex = i;
      this.state.selected = null;
      this.render();
      this.ui.pagenav.querySelector('.page-number')?.focus();
    };
    prev.addEventListener('click', () => go(doc.pageIndex - 1));
    next.addEventListener('click', () => go(doc.pageIndex + 1));
    number.addEventListener('change', () => {
      const want = Number(number.value);
      const i = doc.ranges.findIndex((r) => r.number >= want);
      go(i < 0 ? total - 1 : i);
    });
    this.navStatus = el('span', { class: 'muted' });
    ui.pagenav.append(prev, number, next, this.navStatus);
    this.navUpdate(doc);
  }

  /** The "of N pages (n parsed)" beside the page navigator. */
  navUpdate(doc) {
    const total = doc.ranges?.length ?? 0;
    const parsed = doc.pages.filter(Boolean).length;
    if (this.navStatus) this.navStatus.textContent = `${this.t('pageOf', total)}${parsed < total ? ` · ${parsed}/${total}` : ''}`;
  }

  section(titleKey, ...children) {
    return el('section', { class: 'panel' }, el('h3', {}, this.t(titleKey)), ...children);
  }

  furniture(info) {
    const { t } = this;
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
    const panel = this.section('furniture', dl);
    if (info.spans?.length) panel.append(el('button', { type: 'button', class: 'link target', dataset: { target: 'furniture' } }, t('showSource')));
    this.ui.furniture.append(panel);
  }

  banners(page) {
    if (!page.banners?.length) return;
    const list = el('ul', { class: 'plain' });
    page.banners.slice(0, LISTED).forEach((b, i) => {
      list.append(el('li', {}, el('button', { type: 'button', class: 'banner target', dataset: { target: `banner:${i}` } }, b)));
    });
    if (page.banners.length > LISTED) list.append(el('li', { class: 'muted' }, this.t('more', page.banners.length - LISTED)));
    this.ui.banners.append(this.section('banners', list));
  }

  warnings(warnings) {
    if (!warnings.length) return;
    const list = el('ul', { class: 'plain warnings' });
    warnings.slice(0, LISTED).forEach((w, i) => {
      list.append(el('li', {}, this.warning(w, i)));
    });
    if (warnings.length > LISTED) list.append(el('li', { class: 'muted' }, this.t('more', warnings.length - LISTED)));
    this.ui.warnings.append(this.section('warnings', list));
  }

  /** One warning: its code's description in the interface language, and
   * the raw text it is about (or, for a code this page does not know, the
   * parser's own message). */
  warning(w, i) {
    const { state, t } = this;
    const known = warningText(state.lang, w.code);
    const doc = this.doc();
    const excerpt = (w.spans ?? []).slice(0, 3).map(([s, e]) => doc.text.slice(s, Math.min(e, s + 60)).trim()).filter(Boolean).join(' … ');
    const detail = known ? (state.lang === 'en' ? w.message : excerpt) : w.message;
    return el('button', { type: 'button', class: 'warning target', dataset: { target: `warning:${i}` }, title: w.message },
      el('code', {}, w.code), ' ', el('strong', {}, known ?? t('warningUnknown')),
      detail ? el('span', { class: 'detail' }, detail) : null);
  }

  /** A height for card `i` before it is measured: from the length of its
   * JSON (about twice its text), without reading it. */
  estimate(i, width) {
    const json = this.page()?.articleJson?.[i];
    if (!json) return 120;
    const perLine = Math.max(8, Math.floor((width - 40) / 16));
    return 110 + Math.ceil(json.length / 2 / perLine) * 29;
  }

  /** The card of article `i` of the page on screen. */
  card(i) {
    const { t } = this;
    const a = this.page().article(i);
    const sel = this.state.selected;
    const titleId = `art-${i}-title`;
    const card = el('article', {
      class: `card kind-${a.kind} target`, tabindex: '0', 'aria-labelledby': titleId,
      'aria-describedby': 'card-help', dataset: { index: String(i), target: `article:${i}` },
    });
    const part = (node, name) => {
      node.classList.add('part', 'target');
      node.dataset.target = `article:${i}:${name}`;
      return node;
    };
    const meta = el('div', { class: 'meta' },
      el('span', { class: 'badge kind' }, t('kind')[a.kind] ?? a.kind),
      el('span', { class: 'num' }, t('articleN', i + 1)));
    if (a.column) meta.append(part(el('span', { class: 'badge column', title: t('column') }, a.column), 'column'));
    card.append(meta);
    const head = el('header', { class: 'heads' });
    if (a.kicker) head.append(part(el('p', { class: 'kicker', tabindex: '-1' }, a.kicker), 'kicker'));
    head.append(part(el('h3', { class: a.title ? 'title' : 'title untitled', id: titleId, tabindex: '-1' }, a.title ?? t('noTitle')), 'title'));
    if (a.subtitle) head.append(part(el('p', { class: 'subtitle', tabindex: '-1' }, a.subtitle), 'subtitle'));
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
    (a.blocks ?? []).forEach((b, k) => {
      body.append(part(b.type === 'heading'
        ? el('h4', { class: 'subhead', tabindex: '-1' }, b.text)
        : el('p', { class: 'para', tabindex: '-1' }, b.text), `b${k}`));
    });
    card.append(body);
    if (a.signature) card.append(part(el('p', { class: 'signature', tabindex: '-1' }, a.signature), 'signature'));
    if (sel?.article === i) {
      card.classList.add('active');
      const node = sel.target === card.dataset.target ? card : card.querySelector(`[data-target="${sel.target}"]`);
      node?.classList.add('selected');
    }
    return card;
  }

  /** The source ranges of a clickable node: [{ spans, cls }]. */
  ranges(target) {
    const page = this.page();
    if (!page) return [];
    const [kind, index, part] = target.split(':');
    if (kind === 'furniture') return [{ spans: page.page.spans ?? [], cls: 'hl' }];
    if (kind === 'banner') return [{ spans: page.banner_spans?.[index] ?? [], cls: 'hl' }];
    if (kind === 'warning') return [{ spans: page.warnings[index]?.spans ?? [], cls: 'hl-warn' }];
    const a = index < page.count ? page.article(Number(index)) : null;
    if (!a) return [];
    if (!part) return [{ spans: a.spans ?? [], cls: 'hl' }];
    const own = part.startsWith('b') ? a.blocks[Number(part.slice(1))]?.spans : a[`${part}_spans`];
    // A part without ranges of its own (an untitled card's placeholder)
    // shows its whole article.
    if (!own?.length) return [{ spans: a.spans ?? [], cls: 'hl' }];
    return [{ spans: a.spans ?? [], cls: 'hl-soft' }, { spans: own, cls: 'hl' }];
  }

  /** Marks the source of `node` (anything with data-target) in the raw pane. */
  highlight(node) {
    const target = node.dataset.target;
    const ranges = this.ranges(target);
    const count = ranges.filter((r) => r.cls !== 'hl-soft').reduce((k, r) => k + r.spans.length, 0);
    for (const old of document.querySelectorAll('#output-col .selected')) old.classList.remove('selected');
    for (const old of this.ui.articles.querySelectorAll('.card.active')) old.classList.remove('active');
    node.classList.add('selected');
    const card = node.closest('.card');
    card?.classList.add('active');
    this.state.selected = { target, article: target.startsWith('article:') ? Number(target.split(':')[1]) : null };
    if (this.isRawCollapsed()) this.setRawCollapsed(false);
    const mark = this.raw.highlight(ranges);
    if (mark) this.hooks.setStatus('highlighted', count);
    else this.hooks.setStatus('noSpans');
  }

  isRawCollapsed() {
    return this.ui.rawCol.classList.contains('collapsed');
  }

  setRawCollapsed(collapsed) {
    const { ui, t } = this;
    ui.rawCol.classList.toggle('collapsed', collapsed);
    ui.rawToggle.setAttribute('aria-expanded', String(!collapsed));
    ui.rawToggle.textContent = t(collapsed ? 'rawExpand' : 'rawCollapse');
  }
}
