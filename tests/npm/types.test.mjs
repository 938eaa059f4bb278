// The hand-written TypeScript types, as a consumer's compiler sees them: small
// TS programs are type-checked (`tsc --noEmit`) against the installed package,
// for Node (nodenext: import and require) and for browsers / bundlers. Each
// program has lines marked @ts-expect-error, so types that were too loose
// (say, `any`) fail the test.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { install, root } from "./helpers.mjs";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "types");
const tsc = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tsc.cmd" : "tsc");

function typecheck(config) {
  const project = install();
  const dir = path.join(project, "ts");
  fs.cpSync(fixtures, dir, { recursive: true });
  const r = spawnSync(tsc, ["-p", path.join(dir, config), "--noEmit", "--pretty", "false"], { cwd: dir, encoding: "utf8" });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `tsc -p ${config} failed:\n${r.stdout}${r.stderr}`);
}

test("TypeScript is available", () => {
  assert.ok(fs.existsSync(tsc), "node_modules/.bin/tsc is missing: run `npm install`");
});

test("types check for Node (ESM import and CommonJS require)", () => typecheck("tsconfig.node.json"));

test("types check for browsers and bundlers (jianbao/web, lib dom)", () => typecheck("tsconfig.browser.json"));

test("a wrong line does fail to type-check", () => {
  const project = install();
  const dir = path.join(project, "ts-fail");
  fs.cpSync(fixtures, dir, { recursive: true });
  fs.appendFileSync(path.join(dir, "consumer.mts"), '\nconst n: number = parse("x").schema;\nvoid n;\n');
  const r = spawnSync(tsc, ["-p", path.join(dir, "tsconfig.node.json"), "--noEmit", "--pretty", "false"], { cwd: dir, encoding: "utf8" });
  assert.notEqual(r.status, 0, "tsc accepted a string assigned to a number");
  assert.match(r.stdout + r.stderr, /consumer\.mts.*TS2322/);
});
