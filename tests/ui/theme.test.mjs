// The palettes are readable: every text colour reaches 4.5:1 (WCAG AA for body text) on the
// backgrounds it is drawn on, in the light palette (app.css, cases/common.css) and the dark one
// (theme.css), including the dark twins of the badges that name their own colours. The
// colours are read from the CSS files themselves, so a changed colour is checked as it ships.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveTheme, THEMES } from '../../ui/js/lib/theme.js';

const css = (name) => readFileSync(new URL(`../../ui/css/${name}`, import.meta.url), 'utf8');

function tokens(text, selector) {
  const start = text.indexOf(`${selector} {`);
  assert.notEqual(start, -1, `${selector} block`);
  const body = text.slice(start, text.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const light = { ...tokens(css('app.css'), ':root'), ...tokens(css('cases/common.css'), ':root'), 'on-accent': '#ffffff' };
const dark = tokens(css('theme.css'), ':root[data-theme="dark"]');

// [text, background] token pairs the pages draw.
const PAIRS = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-muted'],
  ['text-muted', 'bg'], ['text-muted', 'surface'],
  ['primary', 'surface'], ['primary', 'primary-soft'],
  ['danger', 'surface'], ['danger', 'danger-soft'],
  ['ok', 'surface'], ['ok', 'ok-soft'],
  ['warn', 'surface'], ['warn', 'warn-soft'],
  ['on-accent', 'primary'], ['on-accent', 'danger'],
];

test('the contrast formula matches WCAG on known pairs', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
});

for (const [name, palette] of [['light', light], ['dark', dark]]) {
  test(`${name} palette: every text/background pair reaches 4.5:1`, () => {
    const weak = [];
    for (const [fg, bg] of PAIRS) {
      assert.ok(palette[fg] && palette[bg], `${name} defines --${fg} and --${bg}`);
      const ratio = contrast(palette[fg], palette[bg]);
      if (ratio < 4.5) weak.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
    }
    assert.deepEqual(weak, []);
  });
}

test('dark badges and cells that name their own colours are readable', () => {
  const rules = [...css('theme.css').matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  let checked = 0;
  for (const rule of rules) {
    const bg = /background:\s*(#[0-9a-f]{6})\s*;/i.exec(rule)?.[1];
    const fgRaw = /(?:^|[\s;])color:\s*([^;]+);/i.exec(rule)?.[1]?.trim();
    if (!bg || !fgRaw) continue;
    const fg = fgRaw.startsWith('var(--') ? dark[fgRaw.slice(6, -1)] : fgRaw;
    assert.ok(contrast(fg, bg) >= 4.5, `${fgRaw} on ${bg}: ${contrast(fg, bg).toFixed(2)}`);
    checked += 1;
  }
  assert.ok(checked >= 8, `checked ${checked} rules`);
});

test('the theme follows the OS unless Light or Dark is chosen', () => {
  assert.deepEqual(THEMES, ['system', 'light', 'dark']);
  assert.equal(resolveTheme('system', true), 'dark');
  assert.equal(resolveTheme('system', false), 'light');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('dark', false), 'dark');
  assert.equal(resolveTheme(undefined, true), 'dark', 'no choice yet follows the OS');
  assert.equal(resolveTheme('neon', false), 'light');
});
