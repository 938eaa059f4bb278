// PDF and positioned text through the installed npm package in Node:
// parsePdf (pdf.js, the dependency pdfjs-dist) as ESM and as CommonJS,
// parseLayout and parseMarkup. Needs `npm run build` first and the corpus
// beside the repository (../shared/corpus).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { install, root } from "./helpers.mjs";

const project = install();
const corpus = path.resolve(root, "..", "shared", "corpus");
const jianbao = createRequire(path.join(project, "package.json"))("jianbao");
const norm = (s) => (s ?? "").replace(/\s+/g, "");

/** The share of the gold's titles found among the page's. */
function titleRecall(page, gold) {
  const titles = new Set(page.articles.map((a) => norm(a.title)));
  const want = gold.articles.map((a) => norm(a.title)).filter(Boolean);
  return want.filter((t) => titles.has(t)).length / want.length;
}

/**
 * A text in match form: no white space, compatibility forms, one quote of
 * each kind. Cleaning turns a glyph into another of the same match form
 * (`,` → `，`; on OCR text `”` → `“` and `，` → `,`).
 */
const fold = (s) => norm(s).normalize("NFKC").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

/** Every span of every block lies in `text` and holds the block's glyphs. */
function assertSpansIndex(text, page) {
  for (const a of page.articles) {
    for (const b of a.blocks) {
      const raw = fold(b.spans.map(([s, e]) => text.slice(s, e)).join(""));
      const first = fold(b.text).slice(0, 4);
      assert.ok(raw.length > 0, "a block has spans");
      assert.ok(first.length === 0 || raw.includes(first[0]), `spans of "${b.text.slice(0, 12)}" hold its text`);
    }
  }
}

test("parsePdf (CommonJS): a corpus PDF, one result per page, its headlines found, spans into the rebuilt text", async () => {
  const name = "g001_pdf";
  const bytes = readFileSync(path.join(corpus, "pdf", `${name}.pdf`));
  const gold = JSON.parse(readFileSync(path.join(corpus, "pdf", `${name}.gold.json`), "utf8"));
  const seen = [];
  const results = await jianbao.parsePdf(bytes, { onPage: (r, n, count) => seen.push([n, count]) });
  assert.equal(results.length, 1);
  assert.deepEqual(seen, [[1, 1]]);
  const [{ number, text, page }] = results;
  assert.equal(number, 1);
  assert.equal(page.schema, "jianbao/1");
  assert.equal(page.articles.length, gold.articles.length);
  assert.ok(titleRecall(page, gold) >= 0.8, `titles found: ${titleRecall(page, gold)}`);
  assertSpansIndex(text, page);
  // Fake bold (each glyph drawn twice) is undone: no title holds a doubled glyph pair run.
  for (const a of page.articles) assert.doesNotMatch(a.title ?? "", /(.)\1(.)\2(.)\3/u);
});

test("parsePdf (ESM): a PDF of several pages gives one result per page", async () => {
  const { parsePdf } = await import(pathToFileURL(createRequire(path.join(project, "package.json")).resolve("jianbao")).href.replace(/jianbao\.cjs$/, "index.mjs"));
  // The same page twice: two results, alike.
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(path.join(tmpdir(), "jianbao-pdf-"));
  const two = path.join(dir, "two.pdf");
  execFileSync("pdfunite", [path.join(corpus, "pdf", "g002_pdf.pdf"), path.join(corpus, "pdf", "g003_pdf.pdf"), two]);
  const results = await parsePdf(new Uint8Array(readFileSync(two)));
  assert.deepEqual(results.map((r) => r.number), [1, 2]);
  for (const [k, name] of ["g002_pdf", "g003_pdf"].entries()) {
    const gold = JSON.parse(readFileSync(path.join(corpus, "pdf", `${name}.gold.json`), "utf8"));
    assert.ok(titleRecall(results[k].page, gold) >= 0.8, `${name}: titles found: ${titleRecall(results[k].page, gold)}`);
  }
  await assert.rejects(parsePdf("not bytes"), /bytes must be/);
});

test("parseMarkup: tesseract hOCR is told by content and parsed from its lines", () => {
  const hocr = readFileSync(path.join(corpus, "hocr", "g002_hocr.hocr"));
  const out = jianbao.parseMarkup(hocr);
  assert.equal(out.format, "hocr");
  assert.equal(out.pages.length, 1);
  assert.ok(out.pages[0].page.articles.length > 0);
  assertSpansIndex(out.pages[0].text, out.pages[0].page);
  assert.equal(jianbao.parseMarkup("本报讯 一页。"), null);
});

test("parseLayout: positioned lines in, the page and its rebuilt text out", () => {
  const line = (text, x, y, size) => ({ text, x, y, w: text.length * size, h: size, size });
  const lines = [
    line("地铁职工学剪纸", 10, 10, 20),
    line("本报讯 （记者 张三） 近日，某车站职工", 10, 40, 10),
    line("自发完成了大幅剪纸画。", 10, 54, 10),
  ];
  const { text, page } = jianbao.parseLayout(lines);
  assert.equal(text.split("\n")[0], "地铁职工学剪纸");
  assert.equal(page.articles.length, 1);
  assert.equal(page.articles[0].title, "地铁职工学剪纸");
  assert.deepEqual(page.articles[0].byline.reporters, ["张三"]);
  assert.throws(() => jianbao.parseLayout("no"), /lines must be an array/);
});
