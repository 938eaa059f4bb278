// Large inputs for the responsiveness test (site.test.mjs) and the page
// benchmark (scripts/bench-page.mjs): a file of many newspaper pages, as an
// extractor writes a whole issue, and the probes that watch the page while it
// works on one.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SHARED = resolve(ROOT, '..', 'shared');

/** Raw page texts: the corpus beside the repository, else its sample pages, else the bundled sample. */
export async function rawPages() {
  for (const dir of [join(SHARED, 'corpus'), join(SHARED, 'pages')]) {
    let names;
    try { names = await readdir(dir); } catch { continue; }
    names = names.filter((n) => n.endsWith('.txt')).sort();
    if (names.length) return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  }
  return [await readFile(join(ROOT, 'www', 'samples', 'sample.txt'), 'utf8')];
}

/**
 * About `bytes` bytes of UTF-8 page text: the raw pages one after another,
 * as often as it takes. With `formFeeds` the pages are divided by a form
 * feed, as pdftotext divides the pages of a PDF (trailing form feeds of the
 * pages themselves are dropped first); without, by a blank line, so the
 * whole file is one enormous page.
 */
export async function largeInput({ bytes = 5_000_000, formFeeds = true } = {}) {
  const pages = (await rawPages()).map((p) => p.replace(/\f+\s*$/, '').trimEnd());
  const sep = formFeeds ? '\n\f' : '\n\n';
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const page = pages[i % pages.length];
    parts.push(page);
    size += Buffer.byteLength(page) + sep.length;
  }
  return { text: parts.join(sep) + '\n', pages: parts.length };
}

/**
 * Starts, in the page, a requestAnimationFrame loop that records the longest
 * gap between two frames (what a user feels as a freeze), and a long-task
 * observer that records the longest task the page's main thread ran. Read
 * both with `stopFrameProbe`.
 *
 * A page that parses or draws a whole file on its main thread shows both: a
 * task of seconds, and no frame meanwhile. Headless Chromium now and then
 * stops sending frames to an idle page, which shows as a frame gap with no
 * long task: the main thread's longest task is what tells a frozen page.
 */
export async function startFrameProbe(page) {
  await page.evaluate(() => {
    const probe = { max: 0, last: performance.now(), frames: 0, running: true, maxTask: 0, tasks: false };
    window.__frameProbe = probe;
    const tick = (now) => {
      if (!probe.running) return;
      probe.max = Math.max(probe.max, now - probe.last);
      probe.last = now;
      probe.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      probe.tasks = true;
      probe.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.maxTask = Math.max(probe.maxTask, e.duration);
      });
      probe.observer.observe({ type: 'longtask' });
    }
  });
}

/**
 * Stops the probe; returns { maxGapMs, frames, maxTaskMs } (`maxTaskMs` is
 * null where the browser reports no long tasks).
 */
export async function stopFrameProbe(page) {
  return page.evaluate(() => {
    const probe = window.__frameProbe;
    probe.running = false;
    probe.max = Math.max(probe.max, performance.now() - probe.last);
    if (probe.observer) {
      for (const e of probe.observer.takeRecords()) probe.maxTask = Math.max(probe.maxTask, e.duration);
      probe.observer.disconnect();
    }
    return { maxGapMs: probe.max, frames: probe.frames, maxTaskMs: probe.tasks ? probe.maxTask : null };
  });
}

/**
 * Clicks `selector`'s `index`-th match inside the page and returns the time
 * until the frame after `until` (a selector) matches: the click handler's own
 * time plus whatever it set off, and the style, layout and paint it caused.
 * (The node counts as answered once it has the class `selected`.)
 */
export async function clickLatency(page, selector, index = 0, until = '#rawview mark.hl') {
  return page.evaluate(async ({ selector, index, until }) => {
    const node = document.querySelectorAll(selector)[index];
    if (!node) throw new Error(`no ${selector} #${index}`);
    // The next frame, or a quarter second if none comes: headless Chromium
    // now and then stops sending frames to a page, which must not hang the
    // test (the bound below is read only between frames).
    const frame = () => new Promise((r) => {
      requestAnimationFrame(() => setTimeout(r, 0));
      setTimeout(r, 250);
    });
    node.scrollIntoView({ block: 'center' });
    await frame();
    await frame();
    const t0 = performance.now();
    node.click();
    do await frame(); while (!(node.classList.contains('selected') && document.querySelector(until)) && performance.now() - t0 < 120_000);
    return performance.now() - t0;
  }, { selector, index, until });
}
