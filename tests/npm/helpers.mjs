// Shared set-up for the npm package tests: pack the package as `npm publish`
// would, install the tarball into a throw-away project, and find the pages
// and the native CLI to compare with.
//
// Assumes `npm run build` (pkg/) has been done; scripts/test-npm.sh does the
// whole sequence (wasm build, native CLI build, these tests).

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const pkgJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** The raw pages: `../shared/pages/*.txt` beside the repository (or JIANBAO_PAGES). */
export function pages() {
  const dir = process.env.JIANBAO_PAGES || path.join(root, "..", "shared", "pages");
  if (!fs.existsSync(dir)) throw new Error(`no pages directory at ${dir} (set JIANBAO_PAGES)`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`no *.txt pages in ${dir}`);
  return files;
}

/** The native CLI (`cargo build --release`), or null when it has not been built. */
export function cli() {
  if (process.env.JIANBAO_CLI) return process.env.JIANBAO_CLI;
  const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || "target");
  const exe = path.join(targetDir, "release", process.platform === "win32" ? "jianbao.exe" : "jianbao");
  return fs.existsSync(exe) ? exe : null;
}

/** Runs the CLI; returns its stdout (throws with its stderr on failure). */
export function runCli(args) {
  const r = spawnSync(cli(), args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`jianbao ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let installedDir = null;

/**
 * Packs the package and installs the tarball into a new temporary project;
 * returns that project's directory (once per process).
 */
export function install() {
  if (installedDir) return installedDir;
  for (const f of ["pkg/web/jianbao_bg.wasm", "pkg/node/jianbao.cjs", "pkg/bundler/index.js"]) {
    if (!fs.existsSync(path.join(root, f))) {
      throw new Error(`${f} is missing: build the package first with \`npm run build\``);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jianbao-npm-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const quiet = { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" };
  const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", dir], { cwd: root, ...quiet }));
  const tgz = path.join(dir, packed[0].filename);
  const project = path.join(dir, "consumer");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", tgz], {
    cwd: project,
    ...quiet,
  });
  installedDir = project;
  return project;
}

/** The files the tarball holds, as `npm pack --dry-run` lists them. */
export function packedFiles() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const out = execFileSync(npm, ["pack", "--dry-run", "--json"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  return JSON.parse(out)[0].files.map((f) => f.path).sort();
}

/** Runs `node [nodeArgs] script args` inside the installed project; returns stdout. */
export function nodeIn(project, nodeArgs, script, args = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`node ${script} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

/** The page text encoded as GBK, by Python (which every CI image here has). */
export function gbk(text) {
  const r = spawnSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gbk'))"], {
    input: text,
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`python3 could not encode GBK: ${r.stderr}`);
  return r.stdout;
}
