// Serves ui/ for browser tests, with the mock backend injected before js/main.js and the
// app's real Content-Security-Policy as a header, so CSP mistakes show up as violations.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const UI = new URL('../../../ui/', import.meta.url).pathname;
const HARNESS = new URL('./', import.meta.url).pathname;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The mock backend's parts, loaded before the app's own module: mock-tauri first (the others
// add their commands to it).
const MOCKS = ['mock-tauri', 'mock-access', 'mock-cases', 'mock-casework', 'mock-backups', 'mock-reports', 'mock-import', 'mock-training', 'mock-prevention', 'mock-group', 'mock-group-office', 'mock-lessons', 'mock-surveys', 'mock-print', 'mock-customers'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

/// Starts the server on a free port; resolves to `{url, close()}`.
export function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const inHarness = path.startsWith('/__harness__/');
    const base = inHarness ? HARNESS : UI;
    const relative = normalize(inHarness ? path.slice('/__harness__/'.length) : (path === '/' ? 'index.html' : path.slice(1)));
    if (relative.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(join(base, relative));
      if (!inHarness && relative === 'index.html') {
        body = String(body).replace('<script type="module"', `${MOCKS.map((name) => `<script src="/__harness__/${name}.js"></script>`).join('\n  ')}\n  <script type="module"`);
      }
      res.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
