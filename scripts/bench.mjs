#!/usr/bin/env node
// `npm run bench`: one table of speed, scale and memory figures, measured.
//
//   native   examples/throughput.rs in release mode, over the sample pages
//            concatenated (1x) and a page-like input 100 times larger (100x):
//            MB/s on one core, the time ratio 100x / 1x, peak memory / input.
//   wasm     in this Node, over the very same inputs: the parser alone
//            (`parseOnly` of a build made by `build-wasm.mjs --bench`, the
//            figure that compares with native) and the package's `parse`
//            from pkg/node (`npm run build`), which also converts the page to
//            JS objects; "n/a" when a build is missing.
//   browser  the package's web build in headless Chromium (playwright-core,
//            $CHROMIUM_PATH or /usr/bin/chromium): time per sample page of
//            `parse()`; "n/a" without a browser or pkg/web.
//   CLI      the jianbao binary over many copies of the pages, all cores vs
//            --jobs 1; "n/a" when the CLI has no --jobs.
//
// Options: --seconds S (time per measurement, default 2), --copies N (CLI
// batch: copies of each page, default 100), --skip-cli.
// Environment: CARGO_TARGET_DIR (default target/), JIANBAO_PAGES (default
// ../shared/pages). MB = 10^6 bytes of UTF-8 input. The table goes to
// stdout, progress to stderr.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || "target");
const pagesDir = path.resolve(root, process.env.JIANBAO_PAGES || "../shared/pages");
const exe = process.platform === "win32" ? ".exe" : "";

const args = process.argv.slice(2);
function flag(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
}
const seconds = flag("--seconds", 2);
const copies = flag("--copies", 100);
const skipCli = args.includes("--skip-cli");

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\nbench: ${message}\n`);
  process.exit(1);
}

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26, ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r;
}

function cargo(cmdArgs) {
  log(`cargo ${cmdArgs.join(" ")}`);
  const r = run("cargo", cmdArgs, { stdio: ["ignore", "inherit", "inherit"] });
  return r.status === 0;
}

// --- native ------------------------------------------------------------------

if (!cargo(["build", "--release", "--example", "throughput"])) fail("building examples/throughput.rs failed");
const throughput = path.join(targetDir, "release", "examples", `throughput${exe}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jianbao-bench-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

function native(scale) {
  const input = path.join(tmp, `input-${scale}x.txt`);
  const probe = run(throughput, ["--scale", String(scale), "--iters", "1"], {
    env: { ...process.env, JIANBAO_PAGES: pagesDir },
  });
  if (probe.status !== 0) fail(`throughput --scale ${scale}: ${probe.stderr}`);
  const once = JSON.parse(probe.stdout);
  const iters = Math.max(1, Math.min(100000, Math.round(seconds / Math.max(once.median_s, 1e-7))));
  log(`native ${scale}x: ${(once.bytes / 1e6).toFixed(2)} MB, ${iters} runs`);
  const r = run(throughput, ["--scale", String(scale), "--iters", String(iters), "--dump", input], {
    env: { ...process.env, JIANBAO_PAGES: pagesDir },
  });
  if (r.status !== 0) fail(`throughput --scale ${scale}: ${r.stderr}`);
  return { ...JSON.parse(r.stdout), input };
}

const n1 = native(1);
const n100 = native(100);

// --- wasm in Node --------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Times `fn(text)` on each input: warm-up until V8 has tiered the hot wasm
// functions up from its baseline compiler (at least three runs and half a
// second), then the median of enough runs for `seconds`.
function measureWasm(label, fn) {
  return [n1, n100].map(({ input }) => {
    const text = fs.readFileSync(input, "utf8");
    const bytes = Buffer.byteLength(text, "utf8");
    let t = performance.now();
    const warmStart = t;
    let runs = 0;
    let first = Infinity;
    while (runs < 3 || performance.now() - warmStart < 500) {
      t = performance.now();
      fn(text);
      first = Math.min(first, (performance.now() - t) / 1e3);
      runs++;
    }
    const iters = Math.max(1, Math.min(100000, Math.round(seconds / Math.max(first, 1e-7))));
    const times = [];
    for (let i = 0; i < iters; i++) {
      t = performance.now();
      fn(text);
      times.push((performance.now() - t) / 1e3);
    }
    const m = median(times);
    log(`wasm ${label} ${path.basename(input)}: ${iters} runs`);
    return { median_s: m, mb_per_s: bytes / m / 1e6 };
  });
}

const require = createRequire(import.meta.url);
let core = null;
const benchDir = path.join(tmp, "wasm");
log("building the wasm parser for timing (build-wasm.mjs --bench)");
const built = run(process.execPath, [path.join(root, "scripts", "build-wasm.mjs"), "--bench", benchDir], {
  stdio: ["ignore", "ignore", "inherit"],
});
if (built.status === 0) {
  const { parseOnly } = require(path.join(benchDir, "jianbao.js"));
  core = measureWasm("parseOnly", parseOnly);
} else {
  log("building the wasm bench module failed: wasm parser figures n/a");
}

let api = null;
// The nodejs build: jianbao.cjs in this "type": "module" package (jianbao.js
// from a plain wasm-bindgen --target nodejs run).
const wasmEntry = ["jianbao.cjs", "jianbao.js"]
  .map((f) => path.join(root, "pkg", "node", f))
  .find((f) => fs.existsSync(f));
if (wasmEntry) {
  const { parse } = require(wasmEntry);
  api = measureWasm("parse", (text) => parse(text, {}));
} else {
  log("pkg/node/jianbao.cjs not found: package figures n/a (run npm run build)");
}

// --- the browser build, per page -------------------------------------------------

// Each sample page parsed in the page by the web build (`await init()`, then
// `parse`), after a warm-up: the median time per page, and the pages' bytes
// over the sum of those medians.
async function browserPerPage() {
  const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(chromiumPath) || !fs.existsSync(path.join(root, "pkg", "web", "jianbao.js"))) return null;
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    return null;
  }
  const { buildSite } = await import("./build-site.mjs");
  const { start } = await import("./serve.mjs");
  const site = path.join(tmp, "site");
  await buildSite({ out: site, quiet: true });
  const server = await start({ port: 0, root: site });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const texts = fs
      .readdirSync(pagesDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => fs.readFileSync(path.join(pagesDir, f), "utf8"));
    const medians = await page.evaluate(async ({ texts, seconds }) => {
      const m = await import("./jianbao.js");
      await m.default();
      return texts.map((text) => {
        const warm = performance.now();
        while (performance.now() - warm < 300) m.parse(text, {});
        const times = [];
        const start = performance.now();
        while (times.length < 5 || performance.now() - start < (seconds * 1000) / texts.length) {
          const t = performance.now();
          m.parse(text, {});
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)];
      });
    }, { texts, seconds });
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
    const total = medians.reduce((a, b) => a + b, 0);
    return { version: browser.version(), pages: texts.length, min: Math.min(...medians), max: Math.max(...medians), mean: total / texts.length, mb_per_s: bytes / 1e6 / (total / 1e3) };
  } finally {
    await browser.close();
    await server.close();
  }
}

let browserFigures = null;
try {
  log("browser: parse() per page in headless Chromium");
  browserFigures = await browserPerPage();
  if (!browserFigures) log("no Chromium, playwright-core or pkg/web: browser figures n/a");
} catch (e) {
  log(`browser figures n/a: ${e.message}`);
}

// --- CLI batch ---------------------------------------------------------------------

function timeCli(bin, extra, files, out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const t = performance.now();
  const r = run(bin, [...extra, "-o", out, ...files]);
  const s = (performance.now() - t) / 1e3;
  if (r.status !== 0) fail(`${path.basename(bin)} ${extra.join(" ")} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return s;
}

// How much this machine scales right now: the same CPU-bound loop in one
// process, then in `n` at once. On a shared machine the CLI's speed-up
// cannot exceed this, so it is printed beside it.
function parallelCapacity(n) {
  const spin = ["-e", "let s = 0; for (let i = 0; i < 3e8; i++) s = (s + i) | 0; process.exit(s & 0);"];
  const timed = (k) => {
    const script = `const { spawn } = require("node:child_process");
      let left = ${k};
      for (let j = 0; j < ${k}; j++)
        spawn(process.execPath, ${JSON.stringify(spin)}).on("exit", () => { if (--left === 0) process.exit(0); });`;
    const t = performance.now();
    run(process.execPath, ["-e", script]);
    return performance.now() - t;
  };
  const t1 = Math.min(timed(1), timed(1));
  const tn = Math.min(timed(n), timed(n));
  return (n * t1) / tn;
}

let cli = null;
const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
if (!skipCli && cargo(["build", "--release", "--bin", "jianbao"])) {
  const bin = path.join(targetDir, "release", `jianbao${exe}`);
  const help = run(bin, ["--help"]);
  if (help.status === 0 && /--jobs\b/.test(help.stdout)) {
    const dir = path.join(tmp, "batch");
    fs.mkdirSync(dir);
    const pages = fs.readdirSync(pagesDir).filter((f) => f.endsWith(".txt")).sort();
    const files = [];
    let bytes = 0;
    for (let c = 0; c < copies; c++) {
      for (const p of pages) {
        const f = path.join(dir, `${String(c).padStart(4, "0")}_${p}`);
        fs.copyFileSync(path.join(pagesDir, p), f);
        bytes += fs.statSync(f).size;
        files.push(f);
      }
    }
    log(`CLI: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, --jobs 1 vs all ${cores} cores`);
    const out = path.join(tmp, "out");
    timeCli(bin, [], files, out); // warm the page cache
    const one = [];
    const all = [];
    for (let i = 0; i < 3; i++) {
      one.push(timeCli(bin, ["--jobs", "1"], files, out));
      all.push(timeCli(bin, [], files, out));
    }
    const t1 = Math.min(...one);
    const tn = Math.min(...all);
    cli = { files: files.length, bytes, t1, tn, speedup: t1 / tn, capacity: parallelCapacity(cores) };
  } else {
    log("the CLI has no --jobs: CLI figures n/a");
  }
} else if (!skipCli) {
  log("building the CLI failed: CLI figures n/a");
}

// --- the table -----------------------------------------------------------------------

const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(d));
const check = (ok) => (ok === null ? "" : ok ? "yes" : "NO");
const mb = (b) => `${(b / 1e6).toFixed(b < 1e6 ? 3 : 1)} MB`;
const rows = [];
const row = (what, value, target, ok) => rows.push([what, value, target, check(ok)]);

row(`native, 1x (${mb(n1.bytes)}), one core`, `${fmt(n1.mb_per_s)} MB/s`, ">= 100 MB/s", n1.mb_per_s >= 100);
row(`native, 100x (${mb(n100.bytes)}), one core`, `${fmt(n100.mb_per_s)} MB/s`, ">= 100 MB/s", n100.mb_per_s >= 100);
const node = `Node ${process.versions.node}`;
if (core) {
  const r1 = core[0].mb_per_s / n1.mb_per_s;
  const r100 = core[1].mb_per_s / n100.mb_per_s;
  row(`wasm parser in ${node}, 1x`, `${fmt(core[0].mb_per_s)} MB/s`, "", null);
  row(`wasm parser in ${node}, 100x`, `${fmt(core[1].mb_per_s)} MB/s`, "", null);
  row("wasm parser / native, 1x", `${fmt(100 * r1, 0)}%`, ">= 50%", r1 >= 0.5);
  row("wasm parser / native, 100x", `${fmt(100 * r100, 0)}%`, ">= 50%", r100 >= 0.5);
} else {
  row("wasm parser in Node", "n/a (wasm build failed)", "", null);
}
if (api) {
  const share = (k) => `${fmt(api[k].mb_per_s)} MB/s (${fmt((100 * api[k].mb_per_s) / [n1, n100][k].mb_per_s, 0)}% of native)`;
  row(`npm parse() with JS objects out, ${node}, 1x`, share(0), "", null);
  row(`npm parse() with JS objects out, ${node}, 100x`, share(1), "", null);
} else {
  row("npm parse() in Node", "n/a (run npm run build)", "", null);
}
if (browserFigures) {
  const b = browserFigures;
  row(
    `browser: npm parse() per sample page, Chromium ${b.version}`,
    `${fmt(b.mean, 2)} ms (${fmt(b.min, 2)}-${fmt(b.max, 2)} ms; ${fmt(b.mb_per_s)} MB/s)`,
    "",
    null,
  );
} else {
  row("browser: npm parse() per sample page", "n/a (no Chromium or pkg/web)", "", null);
}
const ratio = n100.median_s / n1.median_s;
const size = n100.bytes / n1.bytes;
row(`time(100x) / time(1x) (input ${fmt(size)}x)`, fmt(ratio), "<= 120", ratio <= 120);
const mem = n100.parse_peak_per_input;
row(
  `peak memory / input, 100x (peak ${n100.parse_peak === null ? "n/a" : mb(n100.parse_peak)})`,
  mem === null ? "n/a (no /proc)" : `${fmt(mem)}x`,
  "<= 10x",
  mem === null ? null : mem <= 10,
);
if (cli) {
  row(
    `CLI batch, ${cli.files} files (${mb(cli.bytes)}): --jobs 1 vs ${cores} cores`,
    `${fmt(cli.speedup, 2)}x (${fmt(cli.t1, 2)} s -> ${fmt(cli.tn, 2)} s)`,
    `ideal ${cores}x; machine gave ${fmt(cli.capacity, 2)}x`,
    null,
  );
} else {
  row("CLI batch speed-up, all cores vs --jobs 1", "n/a", "", null);
}

const head = ["measure", "value", "target", "met"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(line(head));
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const r of rows) console.log(line(r));
