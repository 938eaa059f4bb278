#!/usr/bin/env node
// The web page on a large file, in headless Chromium: how long until the
// first articles show, until the whole file is parsed, how long a click on
// an article takes to mark its source, and the longest the page went without
// drawing a frame (a freeze) meanwhile.
//
//   node scripts/bench-page.mjs [--mb 5] [--site DIR] [--json]
//
// Two inputs of about --mb MB (default 5): a file of many pages divided by
// form feeds (what pdftotext writes for a whole issue), and the same pages
// divided by blank lines only (one enormous page). Builds the site from
// www/ and pkg/web (`npm run build` first) unless --site names a built one.
// Needs Chromium ($CHROMIUM_PATH or /usr/bin/chromium). Figures go to stdout
// as a table (or JSON with --json); nothing here asserts.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildSite } from './build-site.mjs';
import { start } from './serve.mjs';
import { clickLatency, largeInput, startFrameProbe, stopFrameProbe } from '../tests/e2e/large.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const mb = Number(opt('--mb', '5'));
const asJson = args.includes('--json');
const log = (m) => process.stderr.write(`bench-page: ${m}\n`);
const LONG = 600_000;

const tmp = await mkdtemp(join(tmpdir(), 'jianbao-bench-page-'));
const site = opt('--site', null) ?? (await buildSite({ out: join(tmp, 'site'), quiet: true })).out;
const server = await start({ port: 0, root: site });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

async function measure(label, formFeeds) {
  const { text, pages } = await largeInput({ bytes: mb * 1e6, formFeeds });
  const file = join(tmp, `large-${formFeeds ? 'ff' : 'one'}.txt`);
  await writeFile(file, text);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.waitForFunction(() => /v\S+/.test(document.getElementById('version').textContent), null, { timeout: 30_000 });
  await startFrameProbe(page);
  const t0 = Date.now();
  await page.locator('#files').setInputFiles(file);
  await page.waitForSelector('#articles .card', { timeout: LONG });
  const first = Date.now() - t0;
  await page.waitForFunction(() => document.getElementById('progress').hidden, null, { timeout: LONG, polling: 100 });
  const done = Date.now() - t0;
  const clicks = [];
  clicks.push(await clickLatency(page, '#articles .card .para'));
  // Half-way down the list: whichever card is in view there.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForTimeout(300);
  const index = await page.evaluate(() => {
    const cards = [...document.querySelectorAll('#articles .card .para')];
    const mid = innerHeight / 2;
    let best = 0;
    cards.forEach((c, i) => { if (Math.abs(c.getBoundingClientRect().top - mid) < Math.abs(cards[best].getBoundingClientRect().top - mid)) best = i; });
    return best;
  });
  clicks.push(await clickLatency(page, '#articles .card .para', index));
  const { maxGapMs } = await stopFrameProbe(page);
  await page.close();
  const row = { input: label, mb: +(Buffer.byteLength(text) / 1e6).toFixed(2), pages, firstArticlesMs: first, parsedMs: done, clickMs: clicks.map((c) => Math.round(c)), maxFrameGapMs: Math.round(maxGapMs) };
  log(JSON.stringify(row));
  return row;
}

const rows = [];
try {
  rows.push(await measure('pages divided by form feeds', true));
  rows.push(await measure('one page (no form feeds)', false));
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log('| input | MB | pages in file | first articles shown | whole file parsed | click → source marked (top, middle) | longest frame gap |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.input} | ${r.mb} | ${r.pages} | ${(r.firstArticlesMs / 1000).toFixed(2)} s | ${(r.parsedMs / 1000).toFixed(2)} s | ${r.clickMs.join(' ms, ')} ms | ${r.maxFrameGapMs} ms |`);
  }
}
