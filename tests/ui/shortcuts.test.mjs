import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isMac, shortcutLabel, ariaShortcut, shortcutParams } from '../../ui/js/lib/shortcuts.js';
import { translate, setDefaultParams } from '../../ui/js/i18n/index.js';

const MAC = { platform: 'MacIntel', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15' };
const WINDOWS = { platform: 'Win32', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/120.0' };
const LINUX = { platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15' };

test('the platform is told from the webview: only a Mac uses Command', () => {
  assert.equal(isMac(MAC), true);
  assert.equal(isMac({ userAgentData: { platform: 'macOS' } }), true);
  assert.equal(isMac({ platform: '', userAgent: MAC.userAgent }), true);
  assert.equal(isMac(WINDOWS), false);
  assert.equal(isMac(LINUX), false);
  assert.equal(isMac(undefined), false);
});

test('shortcut labels: Ctrl+key on Windows and Linux, the Command sign on a Mac', () => {
  assert.equal(shortcutLabel('S', false), 'Ctrl+S');
  assert.equal(shortcutLabel('N', false), 'Ctrl+N');
  assert.equal(shortcutLabel('S', true), '\u2318S');
  assert.equal(shortcutLabel('N', true), '\u2318N');
});

test('aria-keyshortcuts: Control+key, or Meta+key on a Mac', () => {
  assert.equal(ariaShortcut('S', false), 'Control+S');
  assert.equal(ariaShortcut('N', true), 'Meta+N');
});

test('the texts that name a shortcut show the platform\'s own, in both languages', () => {
  try {
    for (const [mac, newCase, save] of [[false, 'Ctrl+N', 'Ctrl+S'], [true, '\u2318N', '\u2318S']]) {
      setDefaultParams(shortcutParams(mac));
      for (const lang of ['en', 'zh-CN']) {
        const first = translate(lang, 'cases.first.shortcut');
        const hint = translate(lang, 'intake.saveShortcut');
        assert.ok(first.includes(newCase), `${lang}: ${first}`);
        assert.ok(hint.includes(save), `${lang}: ${hint}`);
        assert.doesNotMatch(first + hint, /[{}]/);
        // The other platform's key never shows.
        assert.ok(!(first + hint).includes(mac ? 'Ctrl' : '\u2318'), `${lang}: ${first} ${hint}`);
      }
    }
    // A caller's own parameter still wins over a default.
    setDefaultParams({ saveKeys: 'X' });
    assert.equal(translate('en', 'intake.saveShortcut', { saveKeys: 'Y' }), 'Y also saves');
  } finally {
    setDefaultParams({});
  }
});

test('no UI file writes a shortcut by hand: every "Ctrl" or "Control+" goes through the helper', () => {
  const files = ['main.js', 'views/cases/cases-list.js', 'views/dashboard/dashboard.js', 'views/cases/case-form.js', 'views/prevention/prevention-plan-form.js',
    'i18n/en/cases.js', 'i18n/zh-CN/cases.js', 'i18n/en.js', 'i18n/zh-CN.js'];
  for (const file of files) {
    const code = readFileSync(new URL(`../../ui/js/${file}`, import.meta.url), 'utf8')
      .split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
    assert.doesNotMatch(code, /'Control\+|'Meta\+|Ctrl\+[A-Z]|⌘/, file);
  }
});
