// Every warning code the parser can emit has a description in both
// interface languages (the page shows them instead of the parser's English
// message), and the plural forms are chosen by number.
//   node --test tests/e2e/i18n.test.mjs   (no browser needed)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { STRINGS, translate, warningText } from '../../www/i18n.js';

async function rustFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await rustFiles(path)));
    else if (entry.name.endsWith('.rs')) out.push(path);
  }
  return out;
}

test('every warning code in the core is described in Chinese and English', async () => {
  const codes = new Set();
  for (const file of await rustFiles(join(ROOT, 'src'))) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/\bcode: "([a-z_]+)"/g)) codes.add(m[1]);
  }
  for (const code of ['unplaced_text', 'invalid_bytes']) assert.ok(codes.has(code), `found ${code} in the core`);
  for (const code of codes) {
    for (const lang of ['zh', 'en']) assert.ok(warningText(lang, code), `${code} has no ${lang} description`);
  }
  assert.deepEqual(Object.keys(STRINGS.zh.warningCodes).sort(), Object.keys(STRINGS.en.warningCodes).sort());
  assert.equal(warningText('zh', 'no_such_code'), null, 'an unknown code falls back to the parser\'s message');
});

test('plurals and placeholders', () => {
  assert.equal(translate('en', 'batchDone', 1), '1 file parsed');
  assert.equal(translate('en', 'batchDone', 2), '2 files parsed');
  assert.equal(translate('en', 'batchPartly', 1, 1, 0), '1 of 1 file parsed, 0 failed');
  assert.equal(translate('en', 'batchPartly', 3, 4, 1), '3 of 4 files parsed, 1 failed');
  assert.equal(translate('en', 'parsedFile', 'a.txt', 'UTF-8', 3, 1), 'a.txt (UTF-8): 3 pages, 1 article');
  assert.equal(translate('zh', 'batchPartly', 3, 4, 1), '3 / 4 个文件解析完成，1 个失败');
  // Every key of one language is in the other.
  assert.deepEqual(Object.keys(STRINGS.zh).sort(), Object.keys(STRINGS.en).sort());
});
