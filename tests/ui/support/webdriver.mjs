// Just enough of a W3C WebDriver client (fetch + JSON) to drive WebKitGTK's MiniBrowser
// through WebKitWebDriver under Xvfb. No npm packages: the test suite installs nothing.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

const which = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();

/// Why a browser session cannot be had here (missing tool), or null if it can.
export function browserUnavailable() {
  if (process.platform !== 'linux') return 'browser tests run on Linux only';
  if (!which('Xvfb')) return 'Xvfb is not installed';
  if (!which('WebKitWebDriver')) return 'WebKitWebDriver (webkit2gtk-driver) is not installed';
  if (!MINIBROWSER_PATHS.some(existsSync)) return 'MiniBrowser is not installed';
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Starts Xvfb and WebKitWebDriver (both ended by `stop()`, by their own pids, SIGTERM).
export async function startDriver() {
  // -displayfd: Xvfb picks a free display itself and writes its number to fd 3 when ready.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 10000);
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.once('exit', () => reject(new Error('Xvfb exited')));
  });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  // If this process is ended early (a runner timeout, Ctrl+C), take the display and the
  // driver with it rather than leaving them running.
  const children = [driver, xvfb];
  const killChildren = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  const onSignal = (signal) => {
    killChildren();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', killChildren);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) break;
    } catch {
      await sleep(100);
    }
  }
  return {
    base,
    display,
    async stop() {
      killChildren();
      process.removeListener('exit', killChildren);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      await Promise.all(children.map((child) => (child.exitCode === null
        ? new Promise((resolve) => { child.once('exit', resolve); setTimeout(resolve, 3000); })
        : null)));
    },
  };
}

async function request(base, method, path, body) {
  if (process.env.WD_DEBUG) console.error('wd', method, path, JSON.stringify(body ?? '').slice(0, 120));
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A stuck driver must fail the test, not hang the whole run.
    signal: AbortSignal.timeout(20000),
  }).catch((err) => {
    throw new Error(`WebDriver ${method} ${path}: ${err.message}`);
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json?.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json?.value?.error ?? res.status} ${json?.value?.message ?? ''}`);
  }
  return json.value;
}

/// Opens a MiniBrowser session on a driver from startDriver(); returns a page-driving API.
export async function openSession({ base, display }) {
  const binary = MINIBROWSER_PATHS.find(existsSync);
  const created = await request(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } },
  });
  const id = created.sessionId;
  const call = (method, path, body) => request(base, method, `/session/${id}${path}`, body);

  const session = {
    go: (url) => call('POST', '/url', { url }),
    exec: (script, ...args) => call('POST', '/execute/sync', { script, args }),
    execAsync: (script, ...args) => call('POST', '/execute/async', { script, args }),
    async find(css) {
      const value = await call('POST', '/element', { using: 'css selector', value: css });
      return value[ELEMENT];
    },
    async click(css) {
      await call('POST', `/element/${await session.find(css)}/click`, {});
    },
    async type(css, text) {
      await call('POST', `/element/${await session.find(css)}/value`, { text });
    },
    async clearInput(css) {
      await call('POST', `/element/${await session.find(css)}/clear`, {});
    },
    async text(css) {
      return call('GET', `/element/${await session.find(css)}/text`);
    },
    /// Presses a key chord, e.g. keys(['\uE009', 's']) for Ctrl+S.
    async keys(chord) {
      const down = chord.map((value) => ({ type: 'keyDown', value }));
      const up = [...chord].reverse().map((value) => ({ type: 'keyUp', value }));
      await call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
      await call('DELETE', '/actions');
    },
    /// Polls `script` (returning a value) until `predicate(value)` holds; invoke is async.
    async waitFor(script, predicate = Boolean, timeout = 5000, ...args) {
      const until = Date.now() + timeout;
      let value;
      while (Date.now() < until) {
        value = await session.exec(script, ...args);
        if (predicate(value)) return value;
        await sleep(50);
      }
      throw new Error(`timed out waiting: ${script} (last value ${JSON.stringify(value)})`);
    },
    /// A PNG of the screen, as a Buffer. ImageMagick's `import` grabs the Xvfb screen when it
    /// is installed; WebDriver's own screenshot hangs now and then under Xvfb.
    async screenshot() {
      if (display && which('import')) {
        return spawnSync('import', ['-display', display, '-window', 'root', 'png:-'], { maxBuffer: 64 << 20 }).stdout;
      }
      const res = await fetch(`${base}/session/${id}/screenshot`, { signal: AbortSignal.timeout(5000) });
      return Buffer.from((await res.json()).value, 'base64');
    },
    setWindowSize: (width, height) => call('POST', '/window/rect', { width, height }),
    close: () => request(base, 'DELETE', `/session/${id}`),
  };
  return session;
}
