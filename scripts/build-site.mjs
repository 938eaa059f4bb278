#!/usr/bin/env node
// Builds the static site into dist/: www/ + the wasm-bindgen web module
// (pkg/web/jianbao.js, pkg/web/jianbao_bg.wasm, pkg/web/pdf.mjs) + pdf.js
// (node_modules/pdfjs-dist: dist/pdfjs/) + a sample page.
//
//   node scripts/build-site.mjs            # needs `npm run build` first
//   node scripts/build-site.mjs --out DIR  # another output directory
//
// Importable too: `await buildSite({ out })` (used by the e2e tests).

import { cp, mkdir, readdir, rm, stat, copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const PKG_WEB = join(ROOT, 'pkg', 'web');
// Raw test pages live beside the repository (../shared/pages) when available.
const SHARED_PAGES = resolve(ROOT, '..', 'shared', 'pages');

const exists = (p) => stat(p).then(() => true, () => false);

/** True when the real wasm-bindgen web module has been built. */
export async function hasWasmPackage(pkgDir = PKG_WEB) {
  return (await exists(join(pkgDir, 'jianbao.js'))) && (await exists(join(pkgDir, 'jianbao_bg.wasm')));
}

async function pickSample() {
  let names;
  try {
    names = (await readdir(SHARED_PAGES)).filter((n) => n.endsWith('.txt') && !n.includes('.gold')).sort();
  } catch {
    return null;
  }
  const preferred = names.find((n) => n.startsWith('004_')) ?? names[0];
  return preferred ? join(SHARED_PAGES, preferred) : null;
}

export async function buildSite({ out = join(ROOT, 'dist'), pkgDir = PKG_WEB, quiet = false } = {}) {
  const log = quiet ? () => {} : (...a) => console.log(...a);
  const outDir = resolve(out);
  if (!(await hasWasmPackage(pkgDir))) {
    throw new Error('pkg/web/jianbao.js and pkg/web/jianbao_bg.wasm are missing: run `npm run build` first.');
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(WWW, outDir, { recursive: true });

  await copyFile(join(pkgDir, 'jianbao.js'), join(outDir, 'jianbao.js'));
  await copyFile(join(pkgDir, 'jianbao_bg.wasm'), join(outDir, 'jianbao_bg.wasm'));
  await copyFile(join(pkgDir, 'pdf.mjs'), join(outDir, 'pdf.mjs'));
  // pdf.js (the npm dependency pdfjs-dist), served from the page's own
  // origin: the library, its worker code (run in the parser's worker) and
  // the character maps of CJK fonts.
  const pdfjs = join(ROOT, 'node_modules', 'pdfjs-dist');
  await mkdir(join(outDir, 'pdfjs'), { recursive: true });
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) await copyFile(join(pdfjs, 'build', f), join(outDir, 'pdfjs', f));
  await cp(join(pdfjs, 'cmaps'), join(outDir, 'pdfjs', 'cmaps'), { recursive: true });
  await copyFile(join(pdfjs, 'LICENSE'), join(outDir, 'pdfjs', 'LICENSE'));
  // wasm-bindgen puts inline JS snippets here when a crate uses them.
  if (await exists(join(pkgDir, 'snippets'))) await cp(join(pkgDir, 'snippets'), join(outDir, 'snippets'), { recursive: true });

  const sample = await pickSample();
  await mkdir(join(outDir, 'samples'), { recursive: true });
  if (sample) {
    await copyFile(sample, join(outDir, 'samples', 'sample.txt'));
    log(`build-site: sample page from ../shared/pages (${sample.split(/[\\/]/).pop()})`);
  } else {
    log('build-site: sample page: the committed www/samples/sample.txt');
  }
  log(`build-site: wrote ${outDir}`);
  return { out: outDir };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    await buildSite({
      out: outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]) : undefined,
    });
  } catch (err) {
    console.error(`build-site: ${err.message}`);
    process.exit(1);
  }
}
