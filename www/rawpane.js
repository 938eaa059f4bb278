// The raw-text pane: a stretch of the input (one page of a file), read-only,
// with the source ranges of whatever was clicked marked.
//
// The text is cut into chunks of lines, each its own element with
// `content-visibility: auto`, so the browser lays out and paints only the
// chunks on screen; a highlight rebuilds only the chunks its ranges touch.
// Text goes in as text nodes only, never as HTML.

const CHUNK_CHARS = 2000;
const FIRST_CHUNKS = 16;
const CHUNKS_PER_FRAME = 150;
const LINE_PX = 14 * 1.8; // font size × line height (style.css .rawview)
const CHAR_PX = 14;
const RANK = { 'hl-soft': 1, hl: 2, 'hl-warn': 3 };

export class RawPane {
  constructor(view) {
    this.view = view;
    this.chunks = []; // { start, end, el } in offsets of the whole text
    this.marked = new Set(); // chunk indexes holding marks
    this.text = '';
  }

  /**
   * Shows `text.slice(start, end)`; spans still count from the start of
   * `text`. The chunks at the top are made at once, the rest a few hundred
   * a frame (or at once, as far as a highlight needs them).
   */
  show(text, start = 0, end = text.length) {
    this.text = text;
    this.marked.clear();
    this.chunks = [];
    this.made = 0;
    this.generation = (this.generation ?? 0) + 1;
    const width = Math.max(200, this.view.clientWidth - 32);
    this.perLine = Math.max(10, Math.floor(width / CHAR_PX));
    for (let at = start; at < end;) {
      // Cut after a line break near CHUNK_CHARS, or at CHUNK_CHARS.
      let cut = Math.min(end, at + CHUNK_CHARS);
      if (cut < end) {
        const nl = text.lastIndexOf('\n', cut - 1);
        if (nl >= at + CHUNK_CHARS / 2) cut = nl + 1;
      }
      this.chunks.push({ start: at, end: cut, el: null });
      at = cut;
    }
    this.view.replaceChildren();
    this.view.scrollTop = 0;
    this.make(FIRST_CHUNKS);
    const generation = this.generation;
    const more = () => {
      if (generation !== this.generation || this.made >= this.chunks.length) return;
      this.make(this.made + CHUNKS_PER_FRAME);
      requestAnimationFrame(more);
    };
    requestAnimationFrame(more);
  }

  /** Makes the chunks up to (not including) `upto`. */
  make(upto) {
    const frag = document.createDocumentFragment();
    for (; this.made < Math.min(upto, this.chunks.length); this.made++) {
      const chunk = this.chunks[this.made];
      const el = document.createElement('div');
      el.className = 'chunk';
      el.textContent = this.text.slice(chunk.start, chunk.end);
      // Its height until it is first laid out: lines, long ones wrapped.
      let lines = 0;
      for (let at = chunk.start; at < chunk.end;) {
        const nl = this.text.indexOf('\n', at);
        const stop = nl < 0 || nl >= chunk.end ? chunk.end : nl + 1;
        lines += Math.max(1, Math.ceil((stop - at) / this.perLine));
        at = stop;
      }
      el.style.containIntrinsicSize = `auto ${Math.round(lines * LINE_PX)}px`;
      chunk.el = el;
      frag.append(el);
    }
    this.view.append(frag);
  }

  /** The chunk index holding offset `at` (binary search). */
  chunkAt(at) {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Marks `ranges` ([{ spans, cls }], cls one of hl-soft, hl, hl-warn; the
   * higher rank wins where they overlap) and scrolls to the first strong
   * mark (else the first). Returns that mark, or null when nothing is on
   * this stretch.
   */
  highlight(ranges) {
    const touched = new Map(); // chunk index → [[a, b, cls]]
    if (this.chunks.length) {
      const lo = this.chunks[0].start;
      const hi = this.chunks[this.chunks.length - 1].end;
      for (const { spans, cls } of ranges) {
        for (const s of spans ?? []) {
          if (!Array.isArray(s) || s.length < 2) continue;
          const a = Math.max(lo, Number(s[0]) | 0);
          const b = Math.min(hi, Number(s[1]) | 0);
          if (b <= a) continue;
          for (let c = this.chunkAt(a); c < this.chunks.length && this.chunks[c].start < b; c++) {
            if (!touched.has(c)) touched.set(c, []);
            touched.get(c).push([a, b, cls]);
          }
        }
      }
    }
    if (touched.size) this.make(Math.max(...touched.keys()) + 1);
    for (const c of this.marked) if (!touched.has(c)) this.plain(c);
    this.marked = new Set(touched.keys());
    let first = null;
    let firstSoft = null;
    for (const c of [...touched.keys()].sort((x, y) => x - y)) {
      const { strong, soft } = this.mark(c, touched.get(c));
      first ??= strong;
      firstSoft ??= soft;
    }
    const target = first ?? firstSoft;
    if (target) this.scrollTo(target);
    return target;
  }

  plain(c) {
    const { start, end, el } = this.chunks[c];
    el.textContent = this.text.slice(start, end);
  }

  mark(c, list) {
    const { start, end, el } = this.chunks[c];
    const cuts = new Set([start, end]);
    for (const [a, b] of list) {
      cuts.add(Math.max(start, a));
      cuts.add(Math.min(end, b));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    let strong = null;
    let soft = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      let best = null;
      for (const [s, e, cls] of list) if (s <= a && b <= e && (!best || RANK[cls] > RANK[best])) best = cls;
      const chunk = document.createTextNode(this.text.slice(a, b));
      if (best) {
        const m = document.createElement('mark');
        m.className = best;
        m.append(chunk);
        frag.append(m);
        if (best !== 'hl-soft') strong ??= m;
        soft ??= m;
      } else frag.append(chunk);
    }
    el.replaceChildren(frag);
    return { strong, soft };
  }

  /** Scrolls the pane so `mark` sits a third of the way down, then once more
   * after the chunks around it have been laid out at their real size. */
  scrollTo(mark) {
    const place = () => {
      const pane = this.view;
      const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    };
    place();
    requestAnimationFrame(place);
  }
}
