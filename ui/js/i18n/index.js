// Translation: one flat dictionary per language, `{param}` interpolation, and a
// change event so the whole UI can re-render in the new language without a reload.
// Pure at load time (no DOM access) so node --test can import it.

import zhCN from './zh-CN.js';
import en from './en.js';

/// The languages the app ships, in the order they are offered.
export const LANGUAGES = Object.freeze(['zh-CN', 'en']);

const DICTIONARIES = Object.freeze({ 'zh-CN': zhCN, en });

// Most users are Chinese-speaking, so Chinese is the starting point until the backend says otherwise.
let current = 'zh-CN';
const listeners = new Set();
// Parameters every text may use without its caller passing them (the platform's shortcut
// names), so keys filled by translateTree can name them too.
let defaults = {};

/// Maps any language tag (`zh`, `zh-Hans-CN`, `en-GB`…) to one we ship.
export function normalizeLanguage(tag) {
  const value = String(tag ?? '').toLowerCase();
  if (value.startsWith('en')) return 'en';
  return 'zh-CN';
}

/// Whether `key` exists in the current language's dictionary.
export function hasKey(key) {
  return Object.hasOwn(DICTIONARIES[current], key);
}

/// Translates `key`, replacing `{name}` with `params.name`.
/// A key missing from the current language falls back to the other language, then to the
/// key itself, so a gap shows up as a readable key rather than as a blank or a crash.
export function t(key, params) {
  return translate(current, key, params);
}

/// Like t(), in a given language rather than the current one (for pure formatters).
export function translate(lang, key, params) {
  const language = normalizeLanguage(lang);
  const text = lookup(language, key) ?? lookup(language === 'en' ? 'zh-CN' : 'en', key) ?? String(key);
  if (!params && !text.includes('{')) return text;
  const values = { ...defaults, ...params };
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) && values[name] != null ? String(values[name]) : whole,
  );
}

/// Sets the parameters every text may use without being passed them (see `defaults`).
export function setDefaultParams(params) {
  defaults = { ...params };
}

function lookup(lang, key) {
  const dict = DICTIONARIES[lang];
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

/// The current language code (`zh-CN` or `en`).
export function getLanguage() {
  return current;
}

/// Switches the language and tells every listener; does nothing if it is already current.
export function setLanguage(lang) {
  const next = normalizeLanguage(lang);
  if (next === current) return false;
  current = next;
  // The lang attribute makes the webview pick Simplified Chinese glyphs for CJK text.
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  for (const callback of [...listeners]) {
    try {
      callback(current);
    } catch (err) {
      console.error(err);
    }
  }
  return true;
}

/// Calls `callback(lang)` after every language change; returns a function that unsubscribes.
export function onLanguageChange(callback) {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

const ATTRIBUTE_TARGETS = [
  ['i18nPlaceholder', 'data-i18n-placeholder', 'placeholder'],
  ['i18nTitle', 'data-i18n-title', 'title'],
  ['i18nAriaLabel', 'data-i18n-aria-label', 'aria-label'],
];

/// Fills every `data-i18n*` element under `root` (a Document or an Element, root included).
export function translateTree(root) {
  if (typeof document !== 'undefined' && root === document) {
    document.documentElement.lang = current;
  }
  const all = (selector) => {
    const found = [...root.querySelectorAll(selector)];
    if (typeof root.matches === 'function' && root.matches(selector)) found.unshift(root);
    return found;
  };
  for (const node of all('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [prop, attr, target] of ATTRIBUTE_TARGETS) {
    for (const node of all(`[${attr}]`)) node.setAttribute(target, t(node.dataset[prop]));
  }
}
