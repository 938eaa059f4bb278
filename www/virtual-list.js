// A virtualised list for the article cards: only the cards on screen (and a
// screenful either side) are in the DOM; the rest are spacers of their
// measured or estimated height. The list scrolls with the window. The
// browser's scroll anchoring keeps the view still when a card's real height
// replaces its estimate.

const OVERSCAN = 1000; // px rendered above and below the viewport
const RENDER_ALL_BELOW = 60; // short lists are rendered whole (find in page works)

export class VirtualList {
  /**
   * @param {HTMLElement} container
   * @param {{ render(i: number): HTMLElement, estimate(i: number, width: number): number }} source
   */
  constructor(container, source) {
    this.container = container;
    this.source = source;
    this.count = 0;
    this.heights = new Float64Array(0);
    this.measured = new Uint8Array(0);
    this.offsets = new Float64Array(1);
    this.dirty = true;
    this.rendered = new Map(); // index → element
    this.before = document.createElement('div');
    this.after = document.createElement('div');
    this.before.className = this.after.className = 'spacer';
    this.before.setAttribute('aria-hidden', 'true');
    this.after.setAttribute('aria-hidden', 'true');
    this.items = document.createElement('div');
    this.items.className = 'items';
    container.replaceChildren(this.before, this.items, this.after);
    this.frame = 0;
    this.gap = 0;
    const schedule = () => this.schedule();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule, { passive: true });
  }

  /** Starts over with `count` items (all estimated). */
  reset(count) {
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.count = 0;
    this.heights = new Float64Array(0);
    this.measured = new Uint8Array(0);
    this.grow(count);
  }

  /** More items at the end (a page still arriving). */
  grow(count) {
    if (count > this.heights.length) {
      const heights = new Float64Array(Math.max(count, this.heights.length * 2));
      heights.set(this.heights);
      const measured = new Uint8Array(heights.length);
      measured.set(this.measured);
      this.heights = heights;
      this.measured = measured;
    }
    const width = this.container.clientWidth || 600;
    for (let i = this.count; i < count; i++) this.heights[i] = this.source.estimate(i, width);
    this.count = count;
    this.dirty = true;
    this.schedule();
  }

  /** Renders again every card on screen (after a language switch, say). */
  rerender() {
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.update();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  offsetsNow() {
    if (this.dirty) {
      const offsets = new Float64Array(this.count + 1);
      for (let i = 0; i < this.count; i++) offsets[i + 1] = offsets[i] + this.heights[i];
      this.offsets = offsets;
      this.dirty = false;
    }
    return this.offsets;
  }

  /** The first index whose bottom is below `y` (binary search). */
  indexAt(y) {
    const offsets = this.offsetsNow();
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The element of item `i`, if it is rendered. */
  element(i) {
    return this.rendered.get(i) ?? null;
  }

  /** Brings item `i` into view and returns its element. */
  scrollTo(i) {
    const top = this.container.getBoundingClientRect().top + scrollY + this.offsetsNow()[i];
    scrollTo({ top: Math.max(0, top - 80) });
    this.update();
    return this.element(i);
  }

  update() {
    if (!this.container.isConnected) return;
    let first = 0;
    let last = this.count - 1;
    if (this.count > RENDER_ALL_BELOW) {
      const top = -this.container.getBoundingClientRect().top;
      first = this.indexAt(Math.max(0, top - OVERSCAN));
      last = Math.min(this.count - 1, this.indexAt(top + innerHeight + OVERSCAN));
    }
    for (const [i, el] of this.rendered) {
      if (i < first || i > last) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    let next = null; // keep the items in order: insert each before the next rendered one
    for (let i = last; i >= first; i--) {
      let el = this.rendered.get(i);
      if (!el) {
        el = this.source.render(i);
        this.rendered.set(i, el);
        this.items.insertBefore(el, next);
      }
      next = el;
    }
    // Real heights for what is rendered (margins included).
    if (!this.gap && this.rendered.size) {
      const style = getComputedStyle(this.rendered.values().next().value);
      this.gap = parseFloat(style.marginTop) + parseFloat(style.marginBottom) || 0;
    }
    let changed = false;
    for (const [i, el] of this.rendered) {
      const h = el.getBoundingClientRect().height + this.gap;
      if (Math.abs(h - this.heights[i]) > 0.5) {
        this.heights[i] = h;
        this.dirty = changed = true;
      }
      this.measured[i] = 1;
    }
    // Estimates replaced by real heights may bring other cards into range.
    if (changed && this.count > RENDER_ALL_BELOW) this.schedule();
    const offsets = this.offsetsNow();
    this.before.style.height = `${offsets[first] ?? 0}px`;
    this.after.style.height = `${this.count ? offsets[this.count] - offsets[last + 1] : 0}px`;
  }
}
