// End-to-end tests of the static page (www/) in real headless Chromium.
//   node --test tests/e2e/
// Uses pkg/web (the wasm module) when it is built with every export the page
// needs; otherwise the JS stub (tests/e2e/stub/jianbao.js) and says so.
// JIANBAO_E2E_MIN_TITLE_RECALL (default 0.8 with the wasm module) is the
// share of gold titles that must appear among the cards.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ARTIFACTS, cardTitles, exportAs, goldPages, parseInPage, pasteAndParse, samplePage, setup,
} from './helpers.mjs';

let env;
let golds;

before(async () => {
  env = await setup();
  golds = await goldPages();
  if (!golds.length) golds = [{ name: 'sample', text: await samplePage(), gold: null }];
});
after(async () => { await env?.teardown(); });

const normTitle = (s) => (s ?? '').replace(/\s+/g, '');

describe('static page', () => {
  test('loads with no errors and a Chinese interface by default', async (t) => {
    t.diagnostic(env.real ? 'parser: wasm module from pkg/web' : 'parser: JS stub (pkg/web incomplete or absent)');
    const page = await env.newPage();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await page.textContent('#parse')).trim(), '解析');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    for (const part of ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'"]) {
      assert.ok(csp.includes(part), part);
    }
    assert.ok(!csp.includes('unsafe-inline'));
    // No inline scripts or style attributes in the page.
    assert.equal(await page.$$eval('script:not([src])', (s) => s.length), 0);
    assert.equal(await page.$$eval('[style]', (s) => s.length), 0);
    await page.close();
  });

  test('pasting a gold page shows its articles; card titles equal the exported JSON', async (t) => {
    const page = await env.newPage();
    let found = 0;
    let total = 0;
    for (const { name, text, gold } of golds) {
      await pasteAndParse(page, text);
      const shown = await cardTitles(page);
      assert.ok(shown.length >= 1, `${name}: at least one article card`);
      const { text: json } = await exportAs(page, 'json');
      const exported = JSON.parse(json);
      assert.deepEqual(shown, exported.articles.map((a) => a.title), `${name}: UI titles = exported titles`);
      if (gold) {
        const have = new Set(shown.map(normTitle));
        const goldTitles = gold.articles.map((a) => a.title).filter(Boolean);
        const hit = goldTitles.filter((g) => have.has(normTitle(g))).length;
        t.diagnostic(`${name}: ${hit}/${goldTitles.length} gold titles shown (${shown.length} cards)`);
        found += hit;
        total += goldTitles.length;
      }
    }
    if (total) {
      const recall = found / total;
      const min = Number(process.env.JIANBAO_E2E_MIN_TITLE_RECALL ?? (env.real ? 0.8 : 0));
      t.diagnostic(`gold title recall ${(recall * 100).toFixed(1)}% (threshold ${(min * 100).toFixed(0)}%)`);
      assert.ok(recall >= min, `gold title recall ${recall.toFixed(3)} >= ${min}`);
    }
    await page.close();
  });

  test('exported JSON parses and equals the page object', async () => {
    const page = await env.newPage();
    const { text } = golds[golds.length - 1];
    const requestsBefore = env.requests.length;
    await pasteAndParse(page, text);
    const { name, text: json } = await exportAs(page, 'json');
    assert.deepEqual(env.requests.slice(requestsBefore), [], 'parsing and exporting make no request');
    assert.match(name, /\.json$/);
    const exported = JSON.parse(json);
    const direct = await parseInPage(page, text);
    assert.deepEqual(exported, direct);
    assert.equal(exported.schema, 'jianbao/1');
    await page.close();
  });

  test('JSON Lines, Markdown, CSV and the clipboard agree with the page', async () => {
    const page = await env.newPage();
    const { text } = golds[golds.length - 1];
    await pasteAndParse(page, text);
    const data = JSON.parse((await exportAs(page, 'json')).text);
    const titles = data.articles.map((a) => a.title).filter(Boolean);

    const jsonl = await exportAs(page, 'jsonl');
    assert.match(jsonl.name, /\.jsonl$/);
    const rows = jsonl.text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    assert.equal(rows.length, data.articles.length, 'one line per article');
    if (data.page.date) for (const r of rows) assert.ok(JSON.stringify(r).includes(data.page.date), 'page fields on each line');

    const md = await exportAs(page, 'md');
    assert.match(md.name, /\.md$/);
    for (const title of titles) assert.ok(md.text.includes(title), `markdown has ${title}`);

    const csv = await exportAs(page, 'csv');
    assert.match(csv.name, /\.csv$/);
    for (const title of titles) assert.ok(csv.text.includes(title.replace(/"/g, '""')), `csv has ${title}`);

    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
    await page.locator('#format').selectOption('json');
    await page.locator('#copy').click();
    await page.waitForFunction(() => /已复制/.test(document.getElementById('status').textContent));
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(JSON.parse(clip), data);
    await page.close();
  });

  test('dropping files on the page parses them', async () => {
    const page = await env.newPage();
    const { name, text } = golds[0];
    await page.evaluate(({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], `${name}.txt`, { type: 'text/plain' }));
      dt.items.add(new File(['广告'], 'ad.txt', { type: 'text/plain' }));
      const zone = document.getElementById('raw');
      zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, { name, text });
    await page.waitForFunction(() => document.querySelectorAll('#docs .doc-tab').length === 2, null, { timeout: 20_000 });
    assert.match(await page.textContent('#summary'), new RegExp(name));
    assert.equal(await page.textContent('#rawview'), text);
    assert.equal(await page.inputValue('#raw'), '', 'files do not land in the paste area');
    await page.close();
  });

  test('clicking a paragraph marks exactly its spans in the raw text', async () => {
    const page = await env.newPage();
    const { text } = golds[golds.length - 1];
    await pasteAndParse(page, text);
    const direct = await parseInPage(page, text);
    const ai = direct.articles.findIndex((a) => a.blocks.some((b) => b.type === 'paragraph' && b.spans.length));
    assert.ok(ai >= 0, 'some paragraph has spans');
    const bi = direct.articles[ai].blocks.findIndex((b) => b.type === 'paragraph' && b.spans.length);
    const block = direct.articles[ai].blocks[bi];
    await page.locator('#articles .card').nth(ai).locator('.body > *').nth(bi).click();
    const marked = await page.$$eval('#rawview mark.hl', (ms) => ms.map((m) => m.textContent).join(''));
    const expected = [...block.spans].sort((x, y) => x[0] - y[0]).map(([s, e]) => text.slice(s, e)).join('');
    assert.equal(marked, expected);
    // The raw pane still holds the whole input, verbatim.
    assert.equal(await page.textContent('#rawview'), text);
    // The mark is scrolled into the pane's view.
    const visible = await page.$eval('#rawview mark.hl', (m) => {
      const p = m.closest('pre').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.bottom > p.top && r.top < p.bottom;
    });
    assert.ok(visible, 'highlighted range is visible in the raw pane');
    await page.close();
  });

  test('keyboard: Enter on a focused card highlights it, arrows move to its parts', async () => {
    const page = await env.newPage();
    await pasteAndParse(page, golds[0].text);
    await page.locator('#articles .card').first().focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.$eval('#articles .card', (c) => c.classList.contains('selected')));
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.match(focused, /\bpart\b/);
    await page.keyboard.press(' ');
    assert.match(await page.evaluate(() => document.activeElement.className), /\bselected\b/);
    await page.close();
  });

  test('a GBK-encoded upload gives the same result as pasting the UTF-8 text', async () => {
    const page = await env.newPage();
    const { name, text } = golds[golds.length - 1];
    const src = join(env.tmp, `${name}.utf8.txt`);
    const out = join(env.tmp, `${name}.gbk.txt`);
    await writeFile(src, text, 'utf8');
    execFileSync('python3', ['-c', "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('gbk'))", src, out]);

    await pasteAndParse(page, text);
    const pastedCards = await page.textContent('#articles');
    const pastedJson = JSON.parse((await exportAs(page, 'json')).text);

    await page.locator('#files').setInputFiles(out);
    await page.waitForFunction((n) => document.getElementById('summary').textContent.includes(n), `${name}.gbk.txt`, { timeout: 20_000 });
    await page.waitForFunction(() => document.getElementById('progress').hidden);
    const summary = await page.textContent('#summary');
    assert.match(summary, /GB|gbk/i, `encoding shown: ${summary}`);
    assert.equal(await page.textContent('#articles'), pastedCards);
    assert.equal(await page.textContent('#rawview'), text);
    const uploadedJson = JSON.parse((await exportAs(page, 'json')).text);
    assert.deepEqual(uploadedJson, pastedJson);
    // Two documents now: the pasted one and the file, with a tab each.
    assert.equal(await page.locator('#docs .doc-tab').count(), 2);

    // UTF-16 with a BOM decodes to the same text too.
    const u16 = join(env.tmp, `${name}.utf16.txt`);
    execFileSync('python3', ['-c', "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('utf-16'))", src, u16]);
    await page.locator('#files').setInputFiles(u16);
    await page.waitForFunction((n) => document.getElementById('summary').textContent.includes(n), `${name}.utf16.txt`, { timeout: 20_000 });
    assert.match(await page.textContent('#summary'), /UTF-16/i);
    assert.deepEqual(JSON.parse((await exportAs(page, 'json')).text), pastedJson);
    await page.close();
  });

  test('several files: progress, one JSONL over all, a valid zip', async () => {
    const page = await env.newPage();
    const paths = [];
    for (const [i, { name, text }] of golds.entries()) {
      const p = join(env.tmp, `multi-${i}-${name}.txt`);
      await writeFile(p, text, 'utf8');
      paths.push(p);
    }
    await page.locator('#files').setInputFiles(paths);
    await page.waitForFunction((n) => document.querySelectorAll('#docs .doc-tab').length === n || (n === 1 && !document.getElementById('export').hidden), paths.length, { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('progress').hidden);
    if (paths.length > 1) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-all-jsonl').click()]);
      const lines = (await import('node:fs')).readFileSync(await dl.path(), 'utf8').split('\n').filter(Boolean);
      const rows = lines.map((l) => JSON.parse(l));
      assert.ok(rows.length >= paths.length, 'at least one line per file');
      const [zl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-all-zip').click()]);
      const zipPath = join(env.tmp, 'all.zip');
      await zl.saveAs(zipPath);
      const listing = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))', zipPath], { encoding: 'utf8' });
      assert.ok(listing.includes('all.jsonl') && listing.includes('all.csv'), listing);
      assert.equal(listing.split('\n').filter((n) => n.endsWith('.json')).length, paths.length);
    }
    await page.close();
  });

  test('cancelling a batch restarts the worker and parsing still works', async () => {
    const page = await env.newPage();
    const text = golds[0].text.repeat(20);
    const paths = [];
    for (let i = 0; i < 12; i++) {
      const p = join(env.tmp, `batch-${i}.txt`);
      await writeFile(p, text, 'utf8');
      paths.push(p);
    }
    await page.locator('#files').setInputFiles(paths);
    await page.locator('#cancel').click({ timeout: 5_000 }).catch(() => {}); // may already be done
    await page.waitForFunction(() => document.getElementById('progress').hidden, null, { timeout: 30_000 });
    const status = await page.textContent('#status');
    assert.match(status, /已取消|解析完成/);
    await pasteAndParse(page, golds[0].text);
    assert.match(await page.textContent('#status'), /解析完成/);
    await page.close();
  });

  test('hostile input stays inert text', async () => {
    const page = await env.newPage();
    const before = await page.evaluate(() => ({ scripts: document.scripts.length, imgs: document.images.length }));
    const payload = [
      '<img src=x onerror=alert(1)>',
      '',
      '<script>alert(2)</script>标题',
      '',
      '本报讯（记者 张三）<img src=y onerror="alert(3)">近日，<b onmouseover=alert(4)>某工会</b>开展活动。<svg onload=alert(5)>',
      '',
    ].join('\n');
    await pasteAndParse(page, payload);
    // Click everything that can be clicked, to render highlights too.
    for (const node of await page.$$('#output-col .target')) await node.click().catch(() => {});
    await page.waitForTimeout(300);
    const afterCounts = await page.evaluate(() => ({
      scripts: document.scripts.length,
      imgs: document.images.length,
      svgs: document.querySelectorAll('svg').length,
      bold: document.querySelectorAll('main b').length,
    }));
    assert.deepEqual(afterCounts, { ...before, svgs: 0, bold: 0 });
    assert.deepEqual(env.dialogs, []);
    assert.equal(await page.textContent('#rawview'), payload);
    const cards = await page.textContent('#articles');
    if (cards.length) assert.ok(/<|＜/.test(cards), 'markup shown literally in the cards');
    await page.close();
  });

  test('language switch to English persists across reloads', async () => {
    const page = await env.newPage();
    await page.locator('#lang').click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('#parse')).trim(), 'Parse');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await page.textContent('#parse')).trim(), 'Parse');
    await page.locator('#lang').click();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.close();
  });

  test('sample page button loads and parses the bundled page', async () => {
    const page = await env.newPage();
    await page.locator('#sample').click();
    await page.waitForFunction(() => !document.getElementById('export').hidden, null, { timeout: 20_000 });
    assert.ok((await page.inputValue('#raw')).length > 100);
    assert.ok(await page.locator('#articles .card').count() >= 1);
    await page.close();
  });

  test('screenshots (wide and narrow) for a human to look at', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const page = await env.newPage();
    await page.locator('#sample').click();
    await page.waitForFunction(() => !document.getElementById('export').hidden, null, { timeout: 20_000 });
    await page.locator('#articles .card').first().locator('.body > *').nth(1).click();
    await page.screenshot({ path: join(ARTIFACTS, 'wide.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'wide-full.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'narrow.png') });
    await page.locator('#articles .card').first().locator('.body > *').nth(1).click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'narrow-highlight.png') });
    await page.close();
  });

  test('no network request leaves the page\'s own origin', async () => {
    // Runs last: every request any earlier test made is in env.requests.
    const origin = new URL(env.server.url).origin;
    const foreign = env.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    const paths = new Set(env.requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname));
    const allowed = /^\/(|index\.html|app\.js|worker\.js|i18n\.js|zip\.js|style\.css|jianbao\.js|jianbao_bg\.wasm|samples\/sample\.txt)$/;
    assert.deepEqual([...paths].filter((p) => !allowed.test(p)), [], 'only the site\'s own files');
  });
});
