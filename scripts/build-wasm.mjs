#!/usr/bin/env node
// Builds the WebAssembly package into pkg/ (`npm run build`).
//
//   1. cargo build --profile wasm-release --target wasm32-unknown-unknown
//      -p jianbao-wasm (crates/wasm, the wasm-bindgen layer over the core
//      crate), with the simd128 target feature
//   2. wasm-bindgen for three targets:
//        pkg/web/      --target web      ESM, explicit `await init(urlOrBytes)`
//        pkg/node/     --target nodejs   CommonJS, instantiated synchronously,
//                      plus index.mjs, an ESM wrapper over the same instance
//        pkg/bundler/  --target bundler  ESM for bundlers (wasm ESM integration),
//                      plus index.js, which adds a no-op `init`
//   3. wasm-opt -O3 (binaryen, from node_modules) on the .wasm, once: the
//      bindgen targets emit the same binary, so it is optimised once and copied.
//      pkg/node loads the web build's copy rather than shipping a third.
//   4. prints the raw and gzipped size of the .wasm.
//
// `--bench DIR` builds only a nodejs module into DIR, with the `bench-wasm`
// feature's extra export `parseOnly` (for scripts/bench.mjs); pkg/ is left
// alone.
//
// Honours CARGO_TARGET_DIR (default: target/). Needs the rustup target
// wasm32-unknown-unknown and wasm-bindgen-cli of the exact version that
// Cargo.lock pins for the wasm-bindgen crate.

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = "wasm32-unknown-unknown";
const PROFILE = "wasm-release";
const NAME = "jianbao";
const CRATE = "jianbao-wasm";
const pkg = path.join(root, "pkg");
const benchAt = process.argv.indexOf("--bench");
const benchDir = benchAt >= 0 ? path.resolve(process.argv[benchAt + 1] ?? fail("--bench needs a directory")) : null;

function fail(message) {
  console.error(`\nbuild-wasm: ${message}\n`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} failed (exit ${r.status ?? r.signal})`);
}

function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return null;
  }
}

// --- preflight -------------------------------------------------------------

const lock = fs.readFileSync(path.join(root, "Cargo.lock"), "utf8");
const pinned = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
if (!pinned) fail("Cargo.lock has no wasm-bindgen package: run `cargo generate-lockfile`?");

if (output("cargo", ["--version"]) === null) {
  fail("cargo not found: install Rust from https://rustup.rs");
}
const installed = output("rustup", ["target", "list", "--installed"]);
if (installed !== null) {
  if (!installed.split("\n").includes(TARGET)) {
    fail(`the Rust target ${TARGET} is not installed.\n  Install it with:  rustup target add ${TARGET}`);
  }
} else {
  const sysroot = output("rustc", ["--print", "sysroot"])?.trim();
  if (!sysroot || !fs.existsSync(path.join(sysroot, "lib", "rustlib", TARGET))) {
    fail(`the Rust standard library for ${TARGET} is missing (and rustup was not found to add it).`);
  }
}
const bindgenVersion = output("wasm-bindgen", ["--version"])?.trim().split(/\s+/)[1];
const installBindgen = `cargo install wasm-bindgen-cli --version ${pinned} --locked`;
if (!bindgenVersion) {
  fail(`wasm-bindgen-cli not found.\n  Install it with:  ${installBindgen}`);
}
if (bindgenVersion !== pinned) {
  fail(
    `wasm-bindgen-cli is ${bindgenVersion} but Cargo.lock pins the wasm-bindgen crate at ${pinned};\n` +
      `  they must match. Install the matching CLI with:  ${installBindgen}`,
  );
}
const wasmOpt = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "wasm-opt.cmd" : "wasm-opt");
if (!fs.existsSync(wasmOpt)) {
  fail("node_modules/.bin/wasm-opt not found: run `npm install` (devDependency `binaryen`).");
}

// --- 1. cargo --------------------------------------------------------------

// 128-bit SIMD (in every browser engine since 2023, Node 16.4+): the byte
// searches and LLVM's vectorised loops use it; about 6% more speed, and no
// bigger a binary.
const WASM_FEATURES = ["-C", "target-feature=+simd128"];
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || "target");
const benchFeature = benchDir ? ["--features", "bench-wasm"] : [];
run("cargo", ["build", "--profile", PROFILE, "--target", TARGET, "-p", CRATE, "--lib", ...benchFeature], {
  env: {
    ...process.env,
    CARGO_TARGET_DIR: targetDir,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: WASM_FEATURES.join(" "),
  },
});
const rawWasm = path.join(targetDir, TARGET, PROFILE, `${CRATE.replaceAll("-", "_")}.wasm`);
if (!fs.existsSync(rawWasm)) fail(`cargo did not produce ${rawWasm}`);

// --- the --bench build ---------------------------------------------------------

// wasm-bindgen drops the target_features section, so tell wasm-opt which
// WebAssembly features rustc enabled for this target (no more, no fewer).
function optimise(file) {
  const BINARYEN_FEATURE = {
    "bulk-memory": ["--enable-bulk-memory", "--enable-bulk-memory-opt"],
    "bulk-memory-opt": ["--enable-bulk-memory-opt"],
    "call-indirect-overlong": ["--enable-call-indirect-overlong"],
    "extended-const": ["--enable-extended-const"],
    multivalue: ["--enable-multivalue"],
    "mutable-globals": ["--enable-mutable-globals"],
    "nontrapping-fptoint": ["--enable-nontrapping-float-to-int"],
    "reference-types": ["--enable-reference-types"],
    "sign-ext": ["--enable-sign-ext"],
    simd128: ["--enable-simd"],
    "tail-call": ["--enable-tail-call"],
  };
  const cfg = output("rustc", ["--print", "cfg", "--target", TARGET, ...WASM_FEATURES]) ?? "";
  const features = [...cfg.matchAll(/^target_feature="([^"]+)"$/gm)].flatMap((m) => BINARYEN_FEATURE[m[1]] ?? []);
  run(wasmOpt, ["-O3", "--strip-debug", "--strip-producers", ...new Set(features), file, "-o", file]);
}

if (benchDir) {
  fs.rmSync(benchDir, { recursive: true, force: true });
  run("wasm-bindgen", ["--target", "nodejs", "--out-dir", benchDir, "--out-name", NAME, "--no-typescript", rawWasm]);
  optimise(path.join(benchDir, `${NAME}_bg.wasm`));
  console.log(`bench build ready: ${path.join(benchDir, `${NAME}.js`)}`);
  process.exit(0);
}

// --- 2. wasm-bindgen -------------------------------------------------------

fs.rmSync(pkg, { recursive: true, force: true });
for (const [target, dir] of [
  ["web", "web"],
  ["nodejs", "node"],
  ["bundler", "bundler"],
]) {
  run("wasm-bindgen", ["--target", target, "--out-dir", path.join(pkg, dir), "--out-name", NAME, "--no-typescript", rawWasm]);
}

/** Replaces `from` (which must occur exactly once) in a generated file. */
function patch(file, from, to) {
  const text = fs.readFileSync(file, "utf8");
  if (text.split(from).length !== 2) {
    fail(`${path.relative(root, file)}: expected exactly one ${JSON.stringify(from)} (wasm-bindgen output changed?)`);
  }
  fs.writeFileSync(file, text.replace(from, to));
}

// pkg/node: CommonJS under a `"type": "module"` package needs the .cjs name;
// it reads the web build's .wasm (the same binary) instead of its own copy.
const nodeDir = path.join(pkg, "node");
fs.renameSync(path.join(nodeDir, `${NAME}.js`), path.join(nodeDir, `${NAME}.cjs`));
patch(path.join(nodeDir, `${NAME}.cjs`), "${__dirname}/jianbao_bg.wasm", "${__dirname}/../web/jianbao_bg.wasm");

const same = (a, b) => fs.readFileSync(a).equals(fs.readFileSync(b));
if (!same(path.join(nodeDir, `${NAME}_bg.wasm`), path.join(pkg, "web", `${NAME}_bg.wasm`))) {
  fail("the nodejs and web targets produced different .wasm files; cannot share one");
}
fs.rmSync(path.join(nodeDir, `${NAME}_bg.wasm`));

// The ESM entry points: every one exports the same names, plus `init` (as
// the default export and by name) and `initSync`, which only the web build
// needs (elsewhere they do nothing), so `await init(); parse(text)` runs
// unchanged everywhere.
patch(path.join(pkg, "web", `${NAME}.js`), "export { initSync, __wbg_init as default };", "export { initSync, __wbg_init as default, __wbg_init as init };");
// CommonJS gets `init` / `initSync` too, doing nothing, as every entry has
// them (the ESM wrapper below defines its own).
fs.appendFileSync(
  path.join(nodeDir, `${NAME}.cjs`),
  "\n// Added by scripts/build-wasm.mjs: ready once required; kept for code shared with the web build.\n" +
    "exports.init = async function init() {};\n" +
    "exports.initSync = function initSync() {};\n",
);
// PDF input (parsePdf): js/pdf.mjs beside each target's module; pdf.js
// itself (the dependency pdfjs-dist) is loaded on the first call only.
for (const dir of ["web", "node", "bundler"]) {
  fs.copyFileSync(path.join(root, "js", "pdf.mjs"), path.join(pkg, dir, "pdf.mjs"));
}
fs.appendFileSync(
  path.join(nodeDir, `${NAME}.cjs`),
  "\n// Added by scripts/build-wasm.mjs: PDF input through pdf.js (pdfjs-dist), loaded on the first call.\n" +
    "exports.parsePdf = async function parsePdf(bytes, options) {\n" +
    '  const { makeParsePdf } = await import("./pdf.mjs");\n' +
    "  return makeParsePdf(exports.parseLayout, async () => {\n" +
    '    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");\n' +
    '    const path = require("node:path");\n' +
    '    const cMapUrl = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "cmaps") + path.sep;\n' +
    "    return { lib, cMapUrl };\n" +
    "  })(bytes, options);\n" +
    "};\n",
);
// Browsers and bundlers: pdf.js and its worker code in the same thread
// (pdf.js's "fake worker"), resolved by the bundler; without one, pass
// `{ pdfjs, cMapUrl }` (the web page serves its own copy).
const browserPdf = (from) =>
  `\n// Added by scripts/build-wasm.mjs: PDF input through pdf.js (pdfjs-dist), loaded on the first call.\n` +
  `import { makeParsePdf } from "./pdf.mjs";\n` +
  (from ? `import { parseLayout } from "${from}";\n` : "") +
  "export const parsePdf = makeParsePdf(parseLayout, async () => {\n" +
  '  const [lib, worker] = await Promise.all([import("pdfjs-dist/build/pdf.mjs"), import("pdfjs-dist/build/pdf.worker.mjs")]);\n' +
  "  globalThis.pdfjsWorker ??= worker;\n" +
  "  return { lib };\n" +
  "});\n";
fs.appendFileSync(path.join(pkg, "web", `${NAME}.js`), browserPdf(null));
const exportsOf = (file) => {
  const text = fs.readFileSync(file, "utf8");
  const names = [...text.matchAll(/^exports\.(\w+) = /gm)].map((m) => m[1]);
  if (names.length === 0) fail(`no exports found in ${file}`);
  return names;
};
const names = exportsOf(path.join(nodeDir, `${NAME}.cjs`)).filter((n) => n !== "init" && n !== "initSync");
const header = "// Generated by scripts/build-wasm.mjs.\n";
const noopInit =
  "/** Nothing to do: this build is ready once imported (kept for code shared with the web build). */\n" +
  "export default async function init() {}\n" +
  "export { init };\n" +
  "/** Nothing to do: this build is ready once imported. */\n" +
  "export function initSync() {}\n";
fs.writeFileSync(
  path.join(nodeDir, "index.mjs"),
  header +
    "// Node ESM entry: the CommonJS build's one instance, so `import` and\n" +
    "// `require` share it.\n" +
    'import { createRequire } from "node:module";\n\n' +
    `const wasm = createRequire(import.meta.url)("./${NAME}.cjs");\n\n` +
    `export const { ${names.join(", ")} } = wasm;\n` +
    noopInit,
);
fs.writeFileSync(
  path.join(pkg, "bundler", "index.js"),
  header +
    "// Bundler ESM entry (needs WebAssembly ESM integration, e.g. webpack's\n" +
    "// experiments.asyncWebAssembly or vite-plugin-wasm).\n" +
    `export * from "./${NAME}.js";\n` +
    noopInit +
    browserPdf(`./${NAME}.js`),
);

// --- 3. wasm-opt (see optimise) ----------------------------------------------

const webWasm = path.join(pkg, "web", `${NAME}_bg.wasm`);
const bundlerWasm = path.join(pkg, "bundler", `${NAME}_bg.wasm`);
if (!same(webWasm, bundlerWasm)) fail("the bundler and web targets produced different .wasm files");
const before = fs.statSync(webWasm).size;
optimise(webWasm);
fs.copyFileSync(webWasm, bundlerWasm);

// --- 4. sizes --------------------------------------------------------------

const bytes = fs.readFileSync(webWasm);
const gz = zlib.gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sha = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
console.log(
  `\n${NAME}_bg.wasm: ${kb(bytes.length)} raw (${kb(before)} before wasm-opt), ${kb(gz)} gzipped, sha256 ${sha}…`,
);
console.log(`pkg/ ready: web/ (ESM, await init()), node/ (CJS + ESM wrapper), bundler/ (ESM)`);
