// End-to-end: a PDF dropped on the static page is read by pdf.js (served
// from the page's own origin) and parsed page by page.
//   node --test tests/e2e/
// Needs pkg/web (`npm run build`), the corpus PDFs beside the repository
// (../shared/corpus/pdf) and poppler's pdfunite (scripts/setup.sh --browser
// installs poppler-utils) to put four of them into one file.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, settled, setup } from './helpers.mjs';

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'pdf');
const NAMES = ['g001_pdf', 'g002_pdf', 'g003_pdf', 'g004_pdf'];

let env;
let pdf;

before(async () => {
  env = await setup();
  pdf = join(env.tmp, 'four-pages.pdf');
  execFileSync('pdfunite', [...NAMES.map((n) => join(CORPUS, `${n}.pdf`)), pdf]);
});
after(async () => { await env?.teardown(); });

const norm = (s) => (s ?? '').replace(/\s+/g, '');

describe('PDF input', () => {
  test('a four-page PDF dropped on the page: the first page shown, one result per page', async () => {
    const page = await env.newPage();
    const bytes = [...(await readFile(pdf))];
    // Drop the file; time from the drop to the first article card.
    await page.evaluate((bytes) => {
      const file = new File([new Uint8Array(bytes)], 'four-pages.pdf', { type: 'application/pdf' });
      const dt = new DataTransfer();
      dt.items.add(file);
      const zone = document.getElementById('raw');
      window.__firstCard = new Promise((resolve) => {
        const t0 = performance.now();
        const seen = () => document.querySelector('#articles .card');
        const watch = new MutationObserver(() => {
          if (seen()) { watch.disconnect(); resolve(performance.now() - t0); }
        });
        watch.observe(document.getElementById('articles'), { childList: true, subtree: true });
      });
      zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, bytes);
    const ms = await page.evaluate(() => window.__firstCard);
    // How long it took is a measure for the bench (scripts/bench-page.mjs),
    // not a pass mark: a busy machine takes longer.
    console.log(`first page's articles shown after ${Math.round(ms)} ms`);
    assert.ok(ms > 0, 'the first page\'s articles are shown');

    await settled(page);
    // The first page's cards carry its headlines.
    const gold = JSON.parse(await readFile(join(CORPUS, `${NAMES[0]}.gold.json`), 'utf8'));
    const cards = norm(await page.textContent('#articles'));
    const titles = gold.articles.map((a) => norm(a.title)).filter(Boolean);
    const found = titles.filter((t) => cards.includes(t));
    assert.ok(found.length >= Math.ceil(0.8 * titles.length), `page 1 titles shown: ${found.length} of ${titles.length}`);
    // One result per page: the page navigator counts four.
    assert.equal(await page.$eval('#pagenav', (n) => n.hidden), false, 'page navigator shown');
    assert.match(await page.textContent('#pagenav'), /4/);
    // The raw pane holds the text rebuilt from the PDF's lines, which the
    // cards' spans index: clicking the first card marks text of its body.
    const raw = await page.textContent('#rawview');
    assert.ok(raw.length > 1000, 'rebuilt text shown');
    await page.locator('#articles .card').first().locator('.body > *').first().click();
    const marked = norm(await page.$$eval('#rawview mark.hl', (ms) => ms.map((m) => m.textContent).join('')));
    assert.ok(marked.length > 10, 'a paragraph marks its lines');
    // Nothing but the page's own origin was asked for.
    const origin = new URL(env.server.url).origin;
    assert.deepEqual(env.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
    await page.close();
  });
});
