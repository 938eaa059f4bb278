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
    assert.deepEqual(jianbao.decodeBytes(bytes), { text, encoding: "Big5" });
    assert.equal(JSON.stringify(jianbao.parseBytes(bytes)), JSON.stringify(jianbao.parse(text)));
    assert.equal(JSON.stringify(jianbao.parseBytes(new Uint8Array(bytes).buffer)), JSON.stringify(jianbao.parse(text)));
  }
});

test("Big5 bytes: the wasm build gives the native CLI's page", () => {
  if (!cli()) throw new Error("the native CLI is not built: run `cargo build --release` (or set JIANBAO_CLI)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jianbao-big5-"));
  try {
    const file = path.join(dir, "page-big5.txt");
    const bytes = encode(PAGE, "big5");
    fs.writeFileSync(file, bytes);
    assert.equal(JSON.stringify(jianbao.parseBytes(bytes)), runCli(["--format", "json", file]).replace(/\n$/, ""));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("GB18030 four-byte sequences decode", () => {
  const text = "𠀀字与café，本报讯。\n".repeat(3);
  assert.deepEqual(jianbao.decodeBytes(encode(text, "gb18030")), { text, encoding: "GB18030" });
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
