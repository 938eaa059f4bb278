// Shared set-up for the browser tests: build the site into a temp dir, serve
// it with scripts/serve.mjs on a free port, drive headless Chromium through
// playwright-core.

import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSite, hasWasmPackage } from '../../scripts/build-site.mjs';
import { spawnSync } from 'node:child_process';
import { start } from '../../scripts/serve.mjs';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const PAGES = resolve(ROOT, '..', 'shared', 'pages');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

const NEEDED_EXPORTS = ['Document', 'parse', 'version', 'formats', 'render', 'fileName'];

/** Fails unless pkg/web is a complete build of the module (all exports the page uses). */
export async function checkWasm() {
  if (!(await hasWasmPackage())) throw new Error('pkg/web is missing: run `npm run build` first');
  const src = await readFile(join(ROOT, 'pkg', 'web', 'jianbao.js'), 'utf8');
  const missing = NEEDED_EXPORTS.filter((n) => !new RegExp(`export (async )?(function|class) ${n}\\b|export \\{[^}]*\\b${n}\\b`).test(src));
  if (missing.length) throw new Error(`pkg/web/jianbao.js lacks ${missing.join(', ')}: run \`npm run build\``);
}

/** Gold pages beside the repo: [{ name, text, gold }] (empty when absent). */
export async function goldPages() {
  let names;
  try { names = await readdir(PAGES); } catch { return []; }
  const out = [];
  for (const n of names.filter((x) => x.endsWith('.gold.json')).sort()) {
    const base = n.slice(0, -'.gold.json'.length);
    out.push({ name: base, text: await readFile(join(PAGES, `${base}.txt`), 'utf8'), gold: JSON.parse(await readFile(join(PAGES, n), 'utf8')) });
  }
  return out;
}

/** The committed sample page (always present), as a fallback input. */
export async function samplePage() {
  return readFile(join(ROOT, 'www', 'samples', 'sample.txt'), 'utf8');
}

export async function setup() {
  await checkWasm();
  const tmp = await mkdtemp(join(tmpdir(), 'jianbao-e2e-'));
  const site = join(tmp, 'site');
  await buildSite({ out: site, quiet: true });
  const server = await start({ port: 0, root: site });
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const dialogs = [];
  const errors = [];
  return {
    tmp, site, server, context, requests, dialogs, errors,
    async newPage(query = '') {
      const page = await context.newPage();
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      page.on('pageerror', (e) => { errors.push(e.message); console.error('pageerror:', e.message); });
      await page.goto(server.url + query);
      await page.waitForFunction(() => /v\S+/.test(document.getElementById('version').textContent), null, { timeout: 20_000 });
      return page;
    },
    async teardown() {
      await context.close().catch(() => {});
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** The native CLI (`cargo build --release`), as tests/npm uses it. */
export function cliPath() {
  const target = resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');
  return process.env.JIANBAO_CLI || join(target, 'release', 'jianbao');
}

/** Runs the CLI in `cwd`; returns its stdout (throws on failure). */
export function runCli(args, cwd) {
  const r = spawnSync(cliPath(), args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`jianbao ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Waits until no file or paste is being parsed (the progress bar gone, the status settled). */
export async function settled(page, timeout = 60_000) {
  await page.waitForFunction(() => document.getElementById('progress').hidden
    && !/正在|Parsing/.test(document.getElementById('status').textContent)
    && document.getElementById('articles').dataset.complete === 'true', null, { timeout, polling: 50 });
}

/** Pastes text, parses, waits for the result summary. */
export async function pasteAndParse(page, text) {
  const before = await page.$eval('#results', (r) => r.dataset.generation ?? '');
  await page.locator('#raw').fill(text);
  await page.locator('#parse').click();
  await page.waitForFunction((gen) => {
    const r = document.getElementById('results');
    return r.dataset.generation !== gen && document.getElementById('summary').textContent.length > 0
      && !document.getElementById('export').hidden && document.getElementById('rawview').textContent === document.getElementById('raw').value
      && !/正在|Parsing/.test(document.getElementById('status').textContent)
      && document.getElementById('articles').dataset.complete === 'true';
  }, before, { timeout: 20_000 });
}

/** Downloads the current document in `format` through the export bar; returns the text. */
export async function exportAs(page, format) {
  await page.locator('#format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Titles as the cards show them (null for an untitled card). */
export async function cardTitles(page) {
  return page.$$eval('#articles .card .title', (hs) => hs.map((h) => (h.classList.contains('untitled') ? null : h.textContent)));
}

/** Parses in the page itself through the module (what the UI should agree with). */
export async function parseInPage(page, text) {
  return page.evaluate(async (input) => {
    const m = await import('./jianbao.js');
    await m.default();
    const out = m.parse(input, {});
    return JSON.parse(JSON.stringify(out, (_k, v) => (v === undefined ? null : v)));
  }, text);
}

export const exists = (p) => stat(p).then(() => true, () => false);
