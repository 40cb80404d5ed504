// The UI's house rules as checks that return a list of violations (empty = fine). Kept apart
// from the test file so the tests can also prove each check catches what it should.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lexJs, enclosing, calleeName } from './js-lexer.mjs';

/// Repository paths used by the tests.
export const ROOT = new URL('../../../', import.meta.url).pathname;
export const UI = join(ROOT, 'ui');

/// Every file under `dir` (recursively) whose name ends with one of `exts`.
export function listFiles(dir, exts) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, exts));
    else if (exts.some((ext) => name.endsWith(ext))) out.push(path);
  }
  return out.sort();
}

export const rel = (path) => relative(ROOT, path);
export const read = (path) => readFileSync(path, 'utf8');

const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const WORDS = /[A-Za-z]+\s+[A-Za-z]+/;
const KEY_LIKE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)*\.?$/;
// Property/attribute names whose value is shown to people.
const TEXT_PROPS = /(?:\.|\b)(?:textContent|innerText|placeholder|title|ariaLabel|label|message|confirmLabel)\s*(?:=|:|\+=)\s*$/;
const TEXT_ATTRS = /setAttribute\(\s*(['"])(?:title|placeholder|aria-label|alt|value)\1\s*,\s*$/;
// Calls every argument of which ends up as visible text.
const TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'after', 'before', 'createTextNode', 'toast', 'alert', 'confirm', 'prompt']);
const BANNED_APIS = [
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdocument\s*\.\s*write(?:ln)?\b/, 'document.write'],
  [/\beval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
];

/// The key namespaces (first segments) of a dictionary.
export function namespaces(keys) {
  return new Set([...keys].map((key) => key.split('.')[0]));
}

function lineOf(source, index) {
  return source.slice(0, index).split('\n').length;
}

/// Checks one JS source text: CJK in literals, English sentences going into the page,
/// unknown dictionary keys, banned APIs. `keys` is the set of dictionary keys.
export function checkJs(source, keys, file = '<source>') {
  const problems = [];
  const where = (index) => `${file}:${lineOf(source, index)}`;
  const { literals, code } = lexJs(source);
  const spaces = namespaces(keys);

  for (const literal of literals) {
    const { value, start, kind, beforeExpr } = literal;
    const before = source.slice(Math.max(0, start - 80), start - (kind === 'string' ? 1 : 0));
    if (CJK.test(value)) problems.push(`${where(start)}: CJK text in a string literal: ${JSON.stringify(value)}`);

    if (WORDS.test(value) && isTextSink(code, before, start)) {
      problems.push(`${where(start)}: hard-coded text shown to users: ${JSON.stringify(value)}`);
    }

    if (KEY_LIKE.test(value) && value.includes('.') && spaces.has(value.split('.')[0])) {
      const computed = value.endsWith('.') || beforeExpr || /^\s*\+/.test(source.slice(literal.end + 1, literal.end + 6));
      const known = computed ? [...keys].some((key) => key.startsWith(value)) : keys.has(value);
      if (!known) problems.push(`${where(start)}: unknown dictionary key ${JSON.stringify(value)}`);
    }
  }

  // t(...) with a plain literal must name an existing key, whatever its namespace.
  for (const literal of literals) {
    const open = enclosing(code, literal.start - 1, 1)[0];
    if (open?.open === '(' && open.argIndex === 0 && calleeName(code, open.at) === 't'
      && /^\(\s*['"`]$/.test(code.slice(open.at, literal.start))) {
      const concatenated = literal.beforeExpr || /^\s*\+/.test(source.slice(literal.end + 1, literal.end + 6));
      const known = concatenated ? [...keys].some((key) => key.startsWith(literal.value)) : keys.has(literal.value);
      if (!known && !problems.some((p) => p.includes(JSON.stringify(literal.value)))) {
        problems.push(`${where(literal.start)}: t() with unknown key ${JSON.stringify(literal.value)}`);
      }
    }
  }

  for (const [pattern, name] of BANNED_APIS) {
    const match = pattern.exec(code);
    if (match) problems.push(`${where(match.index)}: ${name} is not allowed`);
  }
  const styleAttr = /setAttribute\(\s*(['"])(style|on\w+)\1/i.exec(source);
  if (styleAttr) problems.push(`${where(styleAttr.index)}: setAttribute('${styleAttr[2]}') breaks the CSP rules`);
  return problems;
}

function isTextSink(code, before, start) {
  if (TEXT_PROPS.test(before) || TEXT_ATTRS.test(before)) return true;
  const levels = enclosing(code, start - 1, 3);
  // Walk outwards through arrays and conditional expressions to the call that receives it.
  for (const level of levels) {
    if (level.open === '{') return false; // an object: only its property name matters (above)
    if (level.open !== '(') continue;
    const name = calleeName(code, level.at);
    if (name === 'el') return level.argIndex >= 2;
    if (TEXT_CALLS.has(name)) return true;
    return false;
  }
  return false;
}

/// Checks index.html: no text outside data-i18n, known keys, no inline script, handlers or styles.
export function checkHtml(source, keys) {
  const problems = [];
  const html = source.replace(/<!--[\s\S]*?-->/g, '');
  for (const text of html.split(/<[^>]*>/)) {
    if (text.trim() !== '') problems.push(`index.html: text outside data-i18n: ${JSON.stringify(text.trim())}`);
  }
  for (const match of html.matchAll(/\sdata-i18n(?:-placeholder|-title|-aria-label)?="([^"]*)"/g)) {
    if (!keys.has(match[1])) problems.push(`index.html: unknown dictionary key ${JSON.stringify(match[1])}`);
  }
  for (const tag of html.match(/<[^>]+>/g) ?? []) {
    if (/^<script\b/i.test(tag) && !/\ssrc=/i.test(tag)) problems.push(`index.html: inline script ${tag}`);
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`index.html: inline event handler ${tag}`);
    if (/\sstyle\s*=/i.test(tag)) problems.push(`index.html: style attribute ${tag}`);
  }
  if (/<style\b/i.test(html)) problems.push('index.html: <style> element (use css/app.css)');
  return problems;
}

/// Checks any UI file's raw text for remote URLs and markup-injection APIs.
export function checkAnyFile(source, file) {
  const problems = [];
  // XML namespace names look like addresses but are never fetched (createElementNS needs SVG's).
  const url = /https?:\/\/(?!www\.w3\.org\/2000\/svg['"`])/i.exec(source);
  if (url) problems.push(`${file}:${lineOf(source, url.index)}: remote URL (the app is offline)`);
  for (const [pattern, name] of BANNED_APIS.slice(0, 4)) {
    const match = pattern.exec(source);
    if (match) problems.push(`${file}:${lineOf(source, match.index)}: ${name} is not allowed`);
  }
  return problems;
}
