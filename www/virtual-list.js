// A virtualised list for the article cards: only the cards on screen (and a
// screenful either side) are in the DOM; the rest are spacers of their
// measured or estimated height. The list scrolls with the window. The
// browser's scroll anchoring keeps the view still when a card's real height
// replaces its estimate.

const OVERSCAN = 1000; // px rendered above and below the viewport
const RENDER_ALL_BELOW = 60; // short lists are rendered whole (find in page works)
const NEW_PER_FRAME = 4; // cards made in one frame at most

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
    this.run = null;
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
    this.container.dataset.complete = 'false'; // until update() has drawn them
    this.schedule();
  }

  /** Renders again every card on screen (after a language switch, say). */
  rerender() {
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.run = null;
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

  /** Brings item `i` into view (it is drawn in the frames that follow). */
  scrollTo(i) {
    const top = this.container.getBoundingClientRect().top + scrollY + this.offsetsNow()[i];
    scrollTo({ top: Math.max(0, top - 80) });
    this.schedule();
  }

  update() {
    if (!this.container.isConnected) return;
    if (!this.count) {
      this.before.style.height = this.after.style.height = '0px';
      this.container.dataset.complete = 'true';
      return;
    }
    // The wanted range, and the part of it on screen.
    let first = 0;
    let last = this.count - 1;
    let top = 0;
    if (this.count > RENDER_ALL_BELOW) {
      top = -this.container.getBoundingClientRect().top;
      first = this.indexAt(Math.max(0, top - OVERSCAN));
      last = Math.min(this.count - 1, this.indexAt(top + innerHeight + OVERSCAN));
    }
    const shownFirst = Math.min(last, Math.max(first, this.indexAt(Math.max(0, top))));
    const shownLast = Math.min(last, this.indexAt(Math.max(0, top) + innerHeight));
    // What is rendered is one run [r0, r1]: drop what left the wanted range
    // (all of it, if the run no longer meets it).
    let [r0, r1] = this.run ?? [0, -1];
    if (r1 < first || r0 > last) [r0, r1] = [shownFirst, shownFirst - 1];
    for (const [i, el] of this.rendered) {
      if (i < Math.max(r0, first) || i > Math.min(r1, last)) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    r0 = Math.max(r0, first);
    r1 = Math.min(r1, last);
    if (r1 < r0) [r0, r1] = [shownFirst, shownFirst - 1];
    // Grow the run a few cards a frame (what is on screen first), so that
    // no frame lays out more new text than a few cards hold.
    let budget = NEW_PER_FRAME;
    const fresh = [];
    while (budget > 0 && (r1 < last || r0 > first)) {
      let i;
      if (r1 < shownLast || (r0 <= Math.max(first, shownFirst) && r1 < last)) i = ++r1;
      else i = --r0;
      const el = this.source.render(i);
      this.rendered.set(i, el);
      if (i === r1) this.items.append(el);
      else this.items.prepend(el);
      fresh.push(i);
      budget--;
    }
    this.run = [r0, r1];
    // Real heights for what is new (margins included).
    if (!this.gap && this.rendered.size) {
      const style = getComputedStyle(this.rendered.values().next().value);
      this.gap = parseFloat(style.marginTop) + parseFloat(style.marginBottom) || 0;
    }
    for (const i of fresh) {
      const h = this.rendered.get(i).getBoundingClientRect().height + this.gap;
      if (Math.abs(h - this.heights[i]) > 0.5) {
        this.heights[i] = h;
        this.dirty = true;
      }
      this.measured[i] = 1;
    }
    const offsets = this.offsetsNow();
    this.before.style.height = `${r1 >= r0 ? offsets[r0] : offsets[shownFirst] ?? 0}px`;
    this.after.style.height = `${this.count ? offsets[this.count] - offsets[Math.max(r0, r1 + 1)] : 0}px`;
    const complete = r0 <= first && r1 >= last;
    this.container.dataset.complete = String(complete);
    if (!complete || fresh.length) this.schedule();
  }
}
