// Tiny DOM helpers. Everything user-supplied enters the page as a text node or a property,
// never as markup, so a staff member called `<img onerror=…>` is shown as exactly that text.

import { t } from '../i18n/index.js';

// Props that translate a dictionary key and remember it, so translateTree can refresh them.
const I18N_PROPS = {
  i18n: ['data-i18n', (node, text) => { node.textContent = text; }],
  i18nPlaceholder: ['data-i18n-placeholder', (node, text) => node.setAttribute('placeholder', text)],
  i18nTitle: ['data-i18n-title', (node, text) => node.setAttribute('title', text)],
  i18nAriaLabel: ['data-i18n-aria-label', (node, text) => node.setAttribute('aria-label', text)],
};

/// Creates `<tag>` with `props` and appends `children` (strings become text nodes; null,
/// undefined and false are skipped; arrays are flattened).
/// Props: `class` (string or array), `dataset`, `attrs` (plain attributes such as aria-*),
/// `on` (event listeners), `i18n`/`i18nPlaceholder`/`i18nTitle`/`i18nAriaLabel` (dictionary
/// keys), anything else is assigned as a DOM property (id, type, name, value, htmlFor…).
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  const deferred = [];
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null) continue;
    if (key === 'class') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) {
        if (attr == null || attr === false) continue;
        assertSafeAttribute(name);
        node.setAttribute(name, attr === true ? '' : String(attr));
      }
    } else if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    } else if (Object.hasOwn(I18N_PROPS, key)) {
      const [attr, apply] = I18N_PROPS[key];
      node.setAttribute(attr, value);
      apply(node, t(value));
    } else if (key === 'value' || key === 'checked') {
      // A select's value can only be set once its options exist.
      deferred.push([key, value]);
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error(`el(): use classes and addEventListener, not ${key}`);
    } else {
      node[key] = value;
    }
  }
  append(node, children);
  for (const [key, value] of deferred) node[key] = value;
  return node;
}

function assertSafeAttribute(name) {
  const lower = name.toLowerCase();
  if (lower === 'style' || lower.startsWith('on')) {
    throw new Error(`el(): attribute ${name} is not allowed (CSP)`);
  }
}

function append(node, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (typeof child === 'string' || typeof child === 'number') node.append(String(child));
    else node.append(child);
  }
}

/// Removes every child of `node` and returns it.
export function clear(node) {
  node.replaceChildren();
  return node;
}

/// Shorthand for `root.querySelector(selector)`.
export function $(selector, root = document) {
  return root.querySelector(selector);
}

/// Whether `node` is attached and neither it nor an ancestor is `hidden`.
export function isShown(node) {
  return Boolean(node && node.isConnected && !node.closest('[hidden]'));
}

