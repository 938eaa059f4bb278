// The npm package as a consumer gets it: packed, installed into a fresh
// project, loaded through its `exports` map as ESM, as CommonJS, as the
// browser build and as the bundler build; every page must come out exactly as
// the native CLI's `--format json` prints it.
//
// Needs `npm run build` first and the native CLI (`cargo build --release`);
// scripts/test-npm.sh runs everything.

import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { cli, gbk, install, nodeIn, packedFiles, pages, pkgJson, runCli } from "./helpers.mjs";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const project = install();
const files = pages();
const jianbao = createRequire(path.join(project, "package.json"))("jianbao");

/** A page JSON without its trailing `source` key (the CLI names the file and
 * encoding there; `parse(text)` knows neither). */
const withoutSource = (json) => json.replace(/,"source":\{[^{}]*\}\}$/, "}");

/** The native CLI's page JSON for each file, compact, without the final newline or the source. */
const expected = (() => {
  if (!cli()) {
    throw new Error("the native CLI is not built: run `cargo build --release` (or set JIANBAO_CLI)");
  }
  return Object.fromEntries(files.map((f) => [f, withoutSource(runCli(["--format", "json", f]).replace(/\n$/, ""))]));
})();

function assertSamePages(actual, label) {
  assert.deepEqual(Object.keys(actual).sort(), [...files].sort());
  for (const f of files) {
    assert.ok(actual[f] === expected[f], `${label}: ${path.basename(f)} differs from the CLI's JSON`);
  }
}

const API = ["Document", "decodeBytes", "fileName", "formats", "init", "initSync", "layoutPageParts", "parse", "parseBytes", "parseLayout", "parseMany", "parseMarkup", "parsePdf", "readMarkup", "render", "toCsv", "toDolma", "toJsonl", "toMarkdown", "toTei", "toText", "version"];

test("the tarball holds only what ships", () => {
  const shipped = packedFiles();
  const allowed = new Set([...pkgJson.files.filter((f) => !f.includes("*")), "package.json", "README.md"]);
  for (const f of shipped) {
    assert.ok(allowed.has(f) || /^LICEN[CS]E/i.test(f), `unexpected file in the tarball: ${f}`);
  }
  for (const f of pkgJson.files.filter((f) => !f.includes("*"))) {
    assert.ok(shipped.includes(f), `missing from the tarball: ${f}`);
  }
});

test("import (ESM, auto-initialised) matches the CLI byte for byte", () => {
  const out = JSON.parse(nodeIn(project, [], path.join(fixtures, "consumer.mjs"), files));
  assert.equal(out.version, pkgJson.version);
  assert.deepEqual(out.exports, [...API, "default"].sort());
  assertSamePages(out.pages, "import");
});

test("require (CommonJS) matches the CLI byte for byte", () => {
  const out = JSON.parse(nodeIn(project, [], path.join(fixtures, "consumer.cjs"), files));
  assert.equal(out.version, pkgJson.version);
  assert.deepEqual(out.exports, API);
  assertSamePages(out.pages, "require");
});

test("jianbao/web (browser build, explicit init) matches the CLI", () => {
  const out = JSON.parse(nodeIn(project, [], path.join(fixtures, "web.mjs"), files));
  assert.equal(out.threwBeforeInit, true, "parse() before init() should throw");
  assertSamePages(out.pages, "web");
});

test("the bundler build (wasm ESM integration) matches the CLI", () => {
  const out = JSON.parse(nodeIn(project, ["--experimental-wasm-modules", "--no-warnings"], path.join(fixtures, "bundler.mjs"), files));
  assertSamePages(out.pages, "bundler");
});

test("version() is the package.json version", () => {
  assert.equal(jianbao.version(), pkgJson.version);
});

test("options: camelCase and snake_case, defaults, and spans: false", () => {
  const text = readFileSync(files[0], "utf8");
  const plain = JSON.stringify(jianbao.parse(text));
  assert.equal(JSON.stringify(jianbao.parse(text, {})), plain);
  assert.equal(JSON.stringify(jianbao.parse(text, null)), plain);
  assert.equal(JSON.stringify(jianbao.parse(text, { keepAds: true, spans: true })), plain);
  assert.deepEqual(jianbao.parse(text, { keepAds: false }), jianbao.parse(text, { keep_ads: false }));
  const noSpans = jianbao.parse(text, { spans: false });
  for (const a of noSpans.articles) {
    assert.deepEqual(a.spans, []);
    for (const b of a.blocks) assert.deepEqual(b.spans, []);
  }
  assert.ok(!jianbao.parse(text, { keepAds: false }).articles.some((a) => a.kind === "ad"));
});

test("bad options, bad arguments and malformed pages throw Errors", () => {
  const bad = [
    [() => jianbao.parse("x", { keepads: false }), /unknown field `keepads`/],
    [() => jianbao.parse("x", { spans: "no" }), /invalid type/],
    [() => jianbao.parse("x", { keepAds: true, keep_ads: true }), /duplicate field/],
    [() => jianbao.parse("x", [true]), /options must be an object/],
    [() => jianbao.parse("x", "spans"), /options must be an object/],
    [() => jianbao.parse(42), /text must be a string/],
    [() => jianbao.parse(), /text must be a string/],
  ];
  {
    bad.push([() => jianbao.parseBytes("not bytes"), /bytes must be a Uint8Array/]);
    bad.push([() => jianbao.parseBytes(new Uint8Array([0x41]), { nope: 1 }), /unknown field `nope`/]);
    bad.push([() => jianbao.decodeBytes(null), /bytes must be a Uint8Array/]);
    const notText = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    bad.push([() => jianbao.decodeBytes(notText), /decodeBytes: not text in any supported encoding/]);
    bad.push([() => jianbao.parseBytes(notText), /parseBytes: not text in any supported encoding/]);
  }
  {
    const page = jianbao.parse(readFileSync(files[0], "utf8"));
    bad.push([() => jianbao.toMarkdown({}), /not a jianbao page: missing field `schema`/]);
    bad.push([() => jianbao.toText("page"), /page must be a page object/]);
    bad.push([() => jianbao.toMarkdown({ ...page, schema: "other/9" }), /unsupported page schema/]);
    bad.push([() => jianbao.toJsonl({ ...page, articles: [{ kind: "poem" }] }), /not a jianbao page/]);
    bad.push([() => jianbao.toJsonl(page, 7), /source must be a string/]);
    bad.push([() => jianbao.toCsv(page), /not a jianbao page|must be an array/]);
    bad.push([() => jianbao.toCsv([{ source: "a" }]), /missing field `page`/]);
    bad.push([() => jianbao.toDolma(page), /toDolma: source must be a string \(the input's name\), got undefined/]);
    bad.push([() => jianbao.toDolma(page, "a", 5), /toDolma: added must be a string, got number/]);
    bad.push([() => jianbao.toTei(page, ["a"]), /toTei: source must be a string, got an array/]);
    bad.push([() => jianbao.toTei({}), /toTei: not a jianbao page/]);
  }
  for (const [f, message] of bad) {
    assert.throws(f, (e) => e instanceof Error && message.test(e.message) && e.message.startsWith("jianbao: "), String(f));
  }
  // The module still works after every error above.
  assert.equal(jianbao.parse("").schema, "jianbao/1");
});

test("parseBytes: UTF-8, UTF-16LE with BOM and GBK give the same page", () => {
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    const want = JSON.stringify(jianbao.parse(text));
    const utf8 = readFileSync(f);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const gbkBytes = gbk(text);
    const sourced = (encoding) => `${want.slice(0, -1)},"source":{"encoding":"${encoding}"}}`;
    for (const [name, bytes, encoding] of [
      ["UTF-8", utf8, "UTF-8"],
      ["UTF-16LE", utf16, "UTF-16LE"],
      ["GBK", gbkBytes, "GB18030"],
    ]) {
      assert.equal(JSON.stringify(jianbao.parseBytes(bytes)), sourced(encoding), `${path.basename(f)} as ${name}`);
      assert.equal(jianbao.decodeBytes(bytes).text, text, `${path.basename(f)} as ${name}: decoded text`);
    }
    // Named instead of detected.
    assert.equal(JSON.stringify(jianbao.parseBytes(gbkBytes, { encoding: "GBK" })), sourced("GB18030"));
    // ArrayBuffer and a view with an offset work too.
    const copy = new Uint8Array(gbkBytes.length + 3);
    copy.set(gbkBytes, 3);
    assert.equal(JSON.stringify(jianbao.parseBytes(copy.subarray(3))), sourced("GB18030"));
    assert.equal(JSON.stringify(jianbao.parseBytes(new Uint8Array(gbkBytes).buffer)), sourced("GB18030"));
    assert.equal(jianbao.decodeBytes(utf8).encoding, "UTF-8");
    assert.equal(jianbao.decodeBytes(utf16).encoding, "UTF-16LE");
    assert.equal(jianbao.decodeBytes(gbkBytes).encoding, "GB18030");
  }
});

test("render helpers take the page object back", () => {
  const all = files.map((f) => ({ source: path.basename(f), page: jianbao.parse(readFileSync(f, "utf8")) }));
  for (const { source, page } of all) {
    // A page that went through JSON (e.g. stored and read back) works the same.
    const copy = JSON.parse(JSON.stringify(page));
    for (const render of [jianbao.toMarkdown, jianbao.toText]) {
      assert.equal(typeof render(page), "string");
      assert.equal(render(copy), render(page));
    }
    const jsonl = jianbao.toJsonl(page, source);
    assert.equal(jianbao.toJsonl(copy, source), jsonl);
    for (const line of jsonl.split("\n").filter(Boolean)) JSON.parse(line);
    assert.equal(typeof jianbao.toJsonl(page), "string");
  }
  assert.equal(typeof jianbao.toCsv(all), "string");
  // The same renderers as the CLI's formats.
  for (const f of files) {
    const page = jianbao.parse(readFileSync(f, "utf8"));
    const name = path.basename(f);
    assert.equal(jianbao.toMarkdown(page), runCli(["--format", "markdown", f]), `${name}: markdown`);
    assert.equal(jianbao.toText(page), runCli(["--format", "text", f]), `${name}: text`);
    assert.equal(jianbao.toCsv([{ source: f, page }]), runCli(["--format", "csv", f]), `${name}: csv`);
    const added = "2024-01-02T03:04:05Z";
    assert.equal(jianbao.toDolma(page, f, added), runCli(["--format", "dolma", "--added", added, f]), `${name}: dolma`);
    assert.equal(jianbao.toTei(page, f), runCli(["--format", "tei", f]), `${name}: tei`);
  }
  // Without `added`, dolma documents carry the time of the call.
  const page = all[0].page;
  const before = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const doc = JSON.parse(jianbao.toDolma(page, "a.txt").split("\n")[0]);
  const after = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  assert.ok(doc.added >= before && doc.added <= after, `${before} <= ${doc.added} <= ${after}`);
  assert.equal(doc.id, "a.txt#0");
  assert.equal(jianbao.toCsv(all.map(({ page }) => ({ page }))).length > 0, true);
});

test("render: every format of the registry is the CLI's output, byte for byte", () => {
  const names = jianbao.formats().map((f) => f.name);
  assert.deepEqual(names, ["json", "jsonl", "articles", "markdown", "text", "csv", "dolma", "tei"]);
  const items = files.map((f) => ({ file: f, page: jianbao.parseBytes(readFileSync(f)) }));
  const added = "2024-01-02T03:04:05Z";
  for (const { name, extension } of jianbao.formats()) {
    const cli = ["--format", name, "--added", added];
    for (const f of files) {
      const one = [{ file: f, page: jianbao.parseBytes(readFileSync(f)) }];
      assert.equal(jianbao.render(name, one, { added }), runCli([...cli, f]), `${name}: ${path.basename(f)}`);
    }
    assert.equal(jianbao.render(name, items, { added }), runCli([...cli, ...files]), `${name}: all files`);
    // A page's JSON text renders as the page object does.
    assert.equal(jianbao.render(name, items.map(({ file, page }) => ({ file, page: JSON.stringify(page) })), { added }), jianbao.render(name, items, { added }));
    assert.equal(jianbao.fileName(name, "g005", 3), `g005.p3.${extension}`);
  }
  assert.equal(jianbao.render("csv", items, { bom: true }), runCli(["--format", "csv", "--bom", ...files]));
  assert.equal(jianbao.render("json", items.slice(0, 1), { pretty: true }), runCli(["--pretty", files[0]]));
  assert.throws(() => jianbao.render("yaml", items), /jianbao: render: unknown format "yaml"/);
});

test("parseMany and Document: a pdftotext file of several pages, as the CLI parses it", () => {
  const corpus = path.join(path.dirname(files[0]), "..", "corpus");
  const parts = readdirSync(corpus).filter((n) => n.endsWith("_pdftotext.txt")).sort().slice(0, 3).map((n) => readFileSync(path.join(corpus, n)));
  const bytes = Buffer.concat(parts);
  const dir = mkdtempSync(path.join(tmpdir(), "jianbao-issue-"));
  try {
    const file = path.join(dir, "issue.txt");
    writeFileSync(file, bytes);
    const pages = jianbao.parseMany(bytes);
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.map((p) => p.source), [1, 2, 3].map((page) => ({ page, encoding: "UTF-8" })));
    const lines = runCli([file]).split("\n").filter(Boolean);
    assert.equal(jianbao.render("jsonl", pages.map((page) => ({ file, page }))), runCli(["--format", "jsonl", file]));
    assert.equal(lines.length, 3);
    // Spans index the whole file.
    const text = bytes.toString("utf8");
    const last = pages[2].articles.find((a) => a.title && a.title_spans.length);
    const [s, e] = last.title_spans[0];
    assert.ok(text.slice(s, e).replace(/\s/g, "").includes(last.title.slice(0, 2)), text.slice(s, e));
    // The same page by page, and from the text.
    const doc = new jianbao.Document(bytes);
    try {
      assert.equal(doc.encoding(), "UTF-8");
      assert.equal(doc.text(), text);
      assert.deepEqual(doc.pages().map((p) => p.number), [1, 2, 3]);
      assert.equal(JSON.stringify(doc.parsePage(1)), JSON.stringify(pages[1]));
      const { head, articles, at } = doc.parsePageParts(1);
      assert.equal(head.slice(0, at) + articles.join(",") + head.slice(at), JSON.stringify(pages[1]));
      assert.deepEqual(articles.map((a) => JSON.parse(a)), pages[1].articles);
      assert.deepEqual(JSON.parse(head), { ...pages[1], articles: [] });
      assert.throws(() => doc.parsePage(3), /jianbao: Document.parsePage: no page 3/);
    } finally {
      doc.free();
    }
    assert.deepEqual(jianbao.parseMany(text).map((p) => p.source), [{ page: 1 }, { page: 2 }, { page: 3 }]);
    assert.equal(jianbao.parseMany("本报讯 一页。").length, 1);
    assert.equal(jianbao.parseMany("本报讯 一页。")[0].source, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("CommonJS exports init and initSync (no-ops), as the docs say", () => {
  const out = JSON.parse(nodeIn(project, [], path.join(fixtures, "consumer.cjs"), files.slice(0, 1)));
  assert.ok(out.exports.includes("init") && out.exports.includes("initSync"));
});

test("an input too large for WebAssembly's memory is a jianbao: Error, not a trap", () => {
  // 120 M characters may take 12 times their UTF-8 size to parse: more than
  // a 32-bit WebAssembly memory can ever hold.
  const huge = "文".repeat(120_000_000);
  for (const f of [() => jianbao.parse(huge), () => jianbao.parseMany(huge), () => new jianbao.Document(huge)]) {
    assert.throws(f, (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && /^jianbao: \w+(\.\w+)?: not enough memory to parse 360\.0 MB of text/.test(e.message), String(f));
  }
  // And the module goes on.
  assert.equal(jianbao.parse("本报讯 近日。").schema, "jianbao/1");
});
