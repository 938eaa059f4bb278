// scripts/serve.mjs: MIME types, path safety, port fallback. No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { start } from '../../scripts/serve.mjs';

function get(url, path) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves files with the right MIME types and refuses to leave the root', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-serve-'));
  const root = join(dir, 'site');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'a.js'), 'export {}');
  await writeFile(join(root, 'm.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(join(root, 'sub', 'index.html'), 'sub');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  const srv = await start({ port: 0, root });
  try {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(srv.url, '/');
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.match(index.headers['content-security-policy'], /connect-src 'self'/);
    assert.equal((await get(srv.url, '/m.wasm')).headers['content-type'], 'application/wasm');
    assert.match((await get(srv.url, '/a.js')).headers['content-type'], /^text\/javascript/);
    assert.equal((await get(srv.url, '/sub')).status, 301);
    assert.equal((await get(srv.url, '/sub/')).body, 'sub');
    assert.equal((await get(srv.url, '/nope.txt')).status, 404);
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/%00']) {
      const r = await get(srv.url, evil);
      assert.notEqual(r.status, 200, evil);
      assert.ok(!r.body.includes('secret'), evil);
    }
    // A busy port falls back to a free one.
    const second = await start({ port: srv.port, root });
    assert.notEqual(second.port, srv.port);
    await second.close();
  } finally {
    await srv.close();
    await rm(dir, { recursive: true, force: true });
  }
});
