#!/usr/bin/env node
// Zero-dependency static file server for the built site (dist/).
//
//   node scripts/serve.mjs            # serves dist/ on http://127.0.0.1:8080/
//   PORT=9000 node scripts/serve.mjs  # another port; a busy port falls back to a free one
//
// Also importable: `const srv = await start({ port: 0, root })` returns
// `{ url, port, server, close() }` (used by the end-to-end tests).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_ROOT = resolve(HERE, '..', 'dist');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

// The same policy as the page's <meta> tag, also sent as a header so that it
// covers the Web Worker too (a worker does not inherit the page's meta CSP).
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function handler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad Request\n');
    }
    if (pathname.includes('\0')) return send(res, 400, 'Bad Request\n');
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const headers = {
        'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': CSP,
      };
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      send(res, 404, 'Not Found\n');
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    const onError = (err) => { server.off('listening', onListening); reject(err); };
    const onListening = () => { server.off('error', onError); resolveListen(); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server. `port` 0 picks a free port; a busy port falls back to a
 * free one unless `strictPort` is set.
 */
export async function start({ port = 8080, root = DEFAULT_ROOT, host = '127.0.0.1', strictPort = false } = {}) {
  const absRoot = resolve(root);
  const server = createServer(handler(absRoot));
  try {
    await listen(server, port, host);
  } catch (err) {
    if (err.code !== 'EADDRINUSE' || strictPort) throw err;
    await listen(server, 0, host);
  }
  const actual = server.address().port;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}/`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  const root = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_ROOT;
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`No index.html in ${root}: run \`npm run build:site\` first.`);
    process.exit(1);
  }
  const srv = await start({ port, root });
  if (srv.port !== port) console.log(`Port ${port} is busy; using ${srv.port} instead.`);
  console.log(`jianbao (剪报) is being served at ${srv.url}  (Ctrl+C to stop)`);
}
