// Encoding detection in the WebAssembly build, which decodes the legacy
// encodings through the JavaScript engine's TextDecoder (not encoding_rs and
// chardetng as the native CLI does): Big5, Japanese and Korean refusals, and
// bytes that are no text at all. The sample bytes are made by Python's codecs.
//
// Needs `npm run build` first and the native CLI (`cargo build --release`);
// scripts/test-npm.sh runs everything.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";

import { cli, install, runCli } from "./helpers.mjs";

const jianbao = createRequire(path.join(install(), "package.json"))("jianbao");

/** `text` encoded by Python's codec `codec` (e.g. "big5", "shift_jis"). */
function encode(text, codec) {
  const r = spawnSync("python3", ["-c", `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('${codec}'))`], {
    input: text,
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`python3 could not encode ${codec}: ${r.stderr}`);
  return r.stdout;
}

/** A fixed pseudo-random byte string (xorshift32), the same on every run. */
function garbage(length, seed) {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

const SHORT = "本報訊（記者 王小明）";
const PAGE =
  "臺北市政府舉行記者會\n\n" +
  "本報訊（記者 王小明）臺北市政府今日舉行記者會，說明颱風過後的災情與復原進度。\n" +
  "市長表示，各區的清理工作將在本週內完成，學校也將於下週一恢復上課。\n";

test("decodeBytes and parseBytes read Big5 (Traditional Chinese)", () => {
  for (const text of [SHORT, PAGE]) {
    const bytes = encode(text, "big5");
    assert.ok(!Buffer.from(text, "utf8").equals(bytes));
    assert.deepEqual(jianbao.decodeBytes(bytes), { text, encoding: "Big5", invalid: [] });
    const want = { ...jianbao.parse(text), source: { encoding: "Big5" } };
    assert.deepEqual(jianbao.parseBytes(bytes), want);
    assert.deepEqual(jianbao.parseBytes(new Uint8Array(bytes).buffer), want);
  }
});

test("Big5 bytes: the wasm build gives the native CLI's page", () => {
  if (!cli()) throw new Error("the native CLI is not built: run `cargo build --release` (or set JIANBAO_CLI)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jianbao-big5-"));
  try {
    const file = path.join(dir, "page-big5.txt");
    const bytes = encode(PAGE, "big5");
    fs.writeFileSync(file, bytes);
    assert.equal(jianbao.render("json", [{ file, page: jianbao.parseBytes(bytes) }]), runCli(["--format", "json", file]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("GB18030 four-byte sequences decode", () => {
  const text = "𠀀字与café，本报讯。\n".repeat(3);
  assert.deepEqual(jianbao.decodeBytes(encode(text, "gb18030")), { text, encoding: "GB18030", invalid: [] });
});

test("garbage bytes throw an Error that names the problem", () => {
  const prefix = "not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): ";
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const length of [200, 5000]) {
      const bytes = garbage(length, seed);
      for (const [name, f] of [
        ["decodeBytes", () => jianbao.decodeBytes(bytes)],
        ["parseBytes", () => jianbao.parseBytes(bytes)],
      ]) {
        assert.throws(
          f,
          (e) => {
            assert.ok(e instanceof Error, `${name}: not an Error: ${e}`);
            assert.ok(e.message.startsWith(`jianbao: ${name}: ${prefix}read as `), e.message);
            assert.match(e.message, /read as (GB18030|Big5), \d+ of \d+ characters are (undecodable|control characters)$/);
            return true;
          },
          `${name} seed ${seed} length ${length}`,
        );
      }
    }
  }
  // Still usable afterwards.
  assert.equal(jianbao.decodeBytes(encode(SHORT, "big5")).text, SHORT);
});

test("Japanese and Korean legacy encodings are refused by name", () => {
  const japanese = "東京都は今日、新しい計画を発表しました。これは重要なニュースです。";
  const korean = "서울시는 오늘 새로운 계획을 발표했습니다. 이것은 중요한 뉴스입니다.";
  for (const [text, codec, reason] of [
    [japanese, "shift_jis", "looks like Shift_JIS (Japanese)"],
    [japanese, "euc_jp", "looks like EUC-JP (Japanese)"],
    [korean, "euc_kr", "looks like EUC-KR (Korean)"],
  ]) {
    assert.throws(
      () => jianbao.decodeBytes(encode(text, codec)),
      (e) => e instanceof Error && e.message.endsWith(`: ${reason}`) && e.message.startsWith("jianbao: decodeBytes: "),
      codec,
    );
    // The same texts as UTF-8 are text like any other.
    assert.equal(jianbao.decodeBytes(Buffer.from(text, "utf8")).text, text);
  }
});

// The decoding cases of the issue on bounded time and decoding, in the
// WebAssembly build: each read as the CLI reads it.
const LONG =
  "一版一日。南理工工会营造温馨舒心返岗复工氛围\n本报讯（记者 韦晴 通讯员 陆晓川）调配物资、设立防汛专项资金。\n一一得一，一二得二。\n";

/** The CLI's page JSON for `bytes` read from standard input (no file name). */
function cliOf(bytes, args = []) {
  const r = spawnSync(cli(), ["--format", "json", ...args], { input: bytes, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`jianbao exited ${r.status}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, "");
}

test("UTF-16 without a byte-order mark: many 一, and CJK text only", () => {
  const text = LONG.repeat(5);
  const cjk = [...text].filter((c) => c.charCodeAt(0) > 0x7f).join("");
  for (const [input, encoding] of [
    [Buffer.from(text, "utf16le"), "UTF-16LE"],
    [Buffer.from(text, "utf16le").swap16(), "UTF-16BE"],
    [Buffer.from(cjk, "utf16le"), "UTF-16LE"],
    [Buffer.from(cjk, "utf16le").swap16(), "UTF-16BE"],
  ]) {
    const decoded = jianbao.decodeBytes(input);
    assert.equal(decoded.encoding, encoding);
    assert.ok(decoded.text === text || decoded.text === cjk);
    assert.equal(JSON.stringify(jianbao.parseBytes(input)), cliOf(input));
  }
});

test("UTF-8 but for a few bytes: U+FFFD and a warning invalid_bytes", () => {
  const good = Buffer.from(LONG.repeat(5), "utf8");
  const bytes = Buffer.concat([good.subarray(0, 12), Buffer.from([0xff]), good.subarray(12), Buffer.from("报", "utf8").subarray(0, 2)]);
  const decoded = jianbao.decodeBytes(bytes);
  assert.equal(decoded.encoding, "UTF-8");
  assert.deepEqual(decoded.invalid, [{ byte: 12, len: 1 }, { byte: bytes.length - 2, len: 2 }]);
  const page = jianbao.parseBytes(bytes);
  const warning = page.warnings.find((w) => w.code === "invalid_bytes");
  assert.ok(warning, "an invalid_bytes warning");
  assert.equal(warning.message, `3 bytes not valid UTF-8, replaced by U+FFFD in 2 places, at byte offsets 12, ${bytes.length - 2}`);
  for (const [s, e] of warning.spans) assert.equal(decoded.text.slice(s, e), "\ufffd");
  assert.equal(JSON.stringify(page), cliOf(bytes));
});

test("a byte-order mark and U+FFFD in the text: read as without the mark", () => {
  const text = "本报讯\ufffd\ufffd记者 张三\n".repeat(10);
  const plain = jianbao.decodeBytes(Buffer.from(text, "utf8"));
  const marked = jianbao.decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
  assert.deepEqual(marked, plain);
  assert.deepEqual(marked.invalid, []);
});

test("Latin-1 is named in the error", () => {
  const bytes = encode("Café crème brûlée à Genève, naïve résumé. ".repeat(5), "cp1252");
  for (const f of [() => jianbao.decodeBytes(bytes), () => jianbao.parseBytes(bytes)]) {
    assert.throws(f, (e) => e instanceof Error && /^jianbao: \w+: not text in any supported encoding .*looks like windows-1252/.test(e.message));
  }
});

test("an encoding named instead of detected", () => {
  const bytes = encode(LONG, "gbk");
  assert.equal(jianbao.decodeBytes(bytes, { encoding: "gb2312" }).text, LONG);
  // Forced wrongly: read as told, nothing refused, the bad bytes listed.
  const wrong = jianbao.parseBytes(bytes, { encoding: "UTF-8" });
  assert.equal(wrong.source.encoding, "UTF-8");
  assert.ok(wrong.warnings.some((w) => w.code === "invalid_bytes"));
  assert.equal(JSON.stringify(wrong), cliOf(bytes, ["--encoding", "UTF-8"]));
  assert.throws(() => jianbao.parseBytes(bytes, { encoding: "koi8-r" }), /jianbao: parseBytes: .*unknown encoding "koi8-r"/);
  assert.throws(() => jianbao.parseBytes(bytes, { encoding: 7 }), /jianbao: parseBytes: invalid options: encoding must be a string/);
  assert.throws(() => jianbao.parseBytes(bytes, { encodings: "gbk" }), /unknown field `encodings`/);
});
