// What every browser test file needs: one mock server, Xvfb + WebKitWebDriver and one session
// per `describe` block, and small page helpers bound to that session. Each file calls
// `useBrowser()` inside its `describe` and keeps only the helpers particular to its screens.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startDriver, openSession, browserUnavailable } from './webdriver.mjs';
import { startServer } from '../harness/server.mjs';

/// Why browser tests cannot run here (for `describe`'s `skip`), or false when they can.
export const browserSkip = process.env.BRANCHDESK_SKIP_BROWSER === '1'
  ? 'BRANCHDESK_SKIP_BROWSER=1'
  : browserUnavailable() ?? false;

const SHOTS = process.env.BRANCHDESK_UI_SHOTS; // a folder to save screenshots into, if set
const TEXT_OF = 'const n = document.querySelector(arguments[0]); return n ? n.textContent.trim() : null;';

/// Starts the server, the driver and a session before the surrounding `describe` block's tests
/// and stops them after; returns the helpers. `page.s` forwards to the live session, so tests
/// may take it before the session exists.
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.driver = await startDriver();
    env.s = await openSession(env.driver);
  });
  after(async () => {
    await env.s?.close().catch(() => {});
    await env.driver?.stop();
    await env.server?.close();
  });

  const s = new Proxy({}, {
    get(_, key) {
      const value = env.s[key];
      return typeof value === 'function' ? value.bind(env.s) : value;
    },
  });
  const matches = (expected) => (value) => (expected instanceof RegExp ? expected.test(value ?? '') : value === expected);
  // WebKitWebDriver sometimes clicks beside an element it had to scroll to inside #view (the
  // app's scrolling pane); centring it first makes the click land.
  const press = async (css) => {
    await s.exec("document.querySelector(arguments[0])?.scrollIntoView({ block: 'center' })", css);
    await s.click(css);
  };

  return {
    s,
    /// The mock server's address.
    get url() {
      return env.server.url;
    },
    /// Opens the app with the mock's starting data (`query`) at `hash`, and waits for the
    /// first view to be shown.
    async open(query, hash = '') {
      await s.go(`${env.server.url}/?${query}${hash}`);
      await s.waitFor('return document.readyState === "complete" && window.__mock && window.__mock.shown === 1');
    },
    textOf: (css) => s.exec(TEXT_OF, css),
    /// Waits until the element's text equals `expected` (a string) or matches it (a RegExp).
    waitText: (css, expected) => s.waitFor(TEXT_OF, matches(expected), 5000, css),
    waitFor: (css) => s.waitFor('return document.querySelector(arguments[0]) !== null', (found) => found, 5000, css),
    count: (css) => s.exec('return document.querySelectorAll(arguments[0]).length', css),
    waitCount: (css, n) => s.waitFor('return document.querySelectorAll(arguments[0]).length', (count) => count === n, 5000, css),
    attr: (css, name) => s.exec('const n = document.querySelector(arguments[0]); return n ? n.getAttribute(arguments[1]) : null;', css, name),
    visible: (css) => s.exec('const n = document.querySelector(arguments[0]); return Boolean(n && n.offsetParent !== null);', css),
    /// Sets a select or input's value and fires `change`, as a user's choice would.
    choose: (css, value) => s.exec(`const n = document.querySelector(arguments[0]); n.value = arguments[1];
      n.dispatchEvent(new Event('change', { bubbles: true }));`, css, value),
    press,
    /// Saves a screenshot when BRANCHDESK_UI_SHOTS names a folder. Screenshots are for people
    /// reviewing the look; WebKitGTK under Xvfb sometimes cannot take one, which must not fail
    /// the behaviour being tested.
    async shot(name) {
      if (!SHOTS) return;
      mkdirSync(SHOTS, { recursive: true });
      try {
        writeFileSync(`${SHOTS}/${name}.png`, await s.screenshot());
      } catch (err) {
        console.error(`screenshot ${name}: ${err.message}`);
      }
    },
    /// No content-security-policy violation and no uncaught error so far.
    async clean() {
      assert.deepEqual(await s.exec('return window.__cspViolations'), []);
      assert.deepEqual(await s.exec('return window.__errors'), []);
    },
  };
}
