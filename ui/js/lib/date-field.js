// Date fields that follow the app's language rather than the machine's. WebKit draws
// <input type=date> in the operating system's locale ("mm/dd/yyyy" on an English Windows,
// even when the app is in Chinese) and shows that mask in an empty optional field. So every
// date input the views create is turned into a text field holding `YYYY-MM-DD` (the compact
// form Chinese users write, and what the backend reads), with the date written out in the
// app's language beside it ("2026年12月3日" / "3 Dec 2026") and a small calendar of our own.
// A `datetime-local` input (a complaint's received time) gets the same, holding
// `YYYY-MM-DD HH:MM` in 24-hour time, which the backend also reads.
// Views keep writing `type: 'date'`; one observer upgrades them wherever they appear.

import { el } from './dom.js';
import { t, translate, getLanguage, onLanguageChange } from '../i18n/index.js';
import { formatDate } from './format.js';
import { parseDateText, parseDateTimeText, monthGrid, shiftMonth, withinBounds } from './date-text.js';

let openPicker = null;

/// Upgrades every date input under `root` now and whenever one is added later.
export function installDateFields(root = document.body) {
  upgradeAll(root);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) upgradeAll(node);
  }).observe(root, { childList: true, subtree: true });
  onLanguageChange(() => {
    for (const input of document.querySelectorAll('input[data-date-field]')) echo(input);
    closePicker();
  });
  // Typed text such as 2026/12/3 is tidied before any form reads it, even on Ctrl+Enter.
  document.addEventListener('submit', (event) => {
    for (const input of event.target.querySelectorAll?.('input[data-date-field]') ?? []) tidy(input);
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openPicker) {
      event.stopPropagation();
      const { input } = openPicker;
      closePicker();
      input.focus();
    }
  }, true);
  document.addEventListener('pointerdown', (event) => {
    if (openPicker && !openPicker.panel.contains(event.target) && event.target !== openPicker.button) closePicker();
  });
}

function upgradeAll(node) {
  if (node.nodeType !== 1) return;
  const selector = 'input[type="date"], input[type="datetime-local"]';
  const inputs = node.matches(selector) ? [node] : node.querySelectorAll(selector);
  for (const input of inputs) upgrade(input);
}

function upgrade(input) {
  const withTime = input.type === 'datetime-local';
  input.type = 'text';
  input.dataset.dateField = withTime ? 'datetime' : 'date';
  input.value = input.value.replace('T', ' ');
  input.setAttribute('inputmode', 'numeric');
  input.setAttribute('maxlength', withTime ? '20' : '12');
  input.classList.add('input-date');
  const button = el('button', {
    type: 'button', class: ['button', 'date-button'], i18nAriaLabel: 'date.pick', i18nTitle: 'date.pick',
    on: { click: () => togglePicker(input, button) },
  }, el('span', { class: 'date-button-icon', attrs: { 'aria-hidden': 'true' } }));
  const wrapper = el('span', { class: 'date-control' });
  input.replaceWith(wrapper);
  wrapper.append(input, button, el('span', { class: 'date-echo', id: `${input.id || input.name}-echo`, attrs: { 'aria-live': 'polite' } }));
  input.addEventListener('input', () => echo(input));
  input.addEventListener('change', () => { tidy(input); echo(input); });
  echo(input);
}

const hasTime = (input) => input.dataset.dateField === 'datetime';
const parse = (input) => (hasTime(input) ? parseDateTimeText : parseDateText)(input.value);

// Rewrites a readable typed date as YYYY-MM-DD (HH:MM); leaves anything else for the form
// to refuse.
function tidy(input) {
  const value = parse(input);
  if (value && value !== input.value) input.value = value;
}

function echo(input) {
  const slot = input.parentElement?.querySelector('.date-echo');
  if (!slot) return;
  const value = parse(input);
  const lang = getLanguage();
  const date = value ? formatDate(value.slice(0, 10), lang) : '';
  slot.textContent = value && hasTime(input) ? translate(lang, 'format.dateTime', { date, time: value.slice(11) }) : date;
}

function togglePicker(input, button) {
  const wasOpen = openPicker?.input === input;
  closePicker();
  if (wasOpen) return;
  const start = parse(input) || input.getAttribute('max') || todayLocal();
  const [year, month] = start.split('-').map(Number);
  const panel = el('div', { class: 'date-picker', attrs: { role: 'dialog', 'aria-label': t('date.pick') } });
  openPicker = { input, button, panel, shown: { year, month } };
  input.parentElement.append(panel);
  drawPicker();
  panel.querySelector('[aria-current="date"], .date-day:not([disabled])')?.focus();
}

function closePicker() {
  openPicker?.panel.remove();
  openPicker = null;
}

function drawPicker() {
  const { input, panel, shown } = openPicker;
  const lang = getLanguage();
  const min = input.getAttribute('min')?.slice(0, 10);
  const max = input.getAttribute('max')?.slice(0, 10);
  const chosen = parse(input)?.slice(0, 10);
  const move = (step) => () => {
    openPicker.shown = shiftMonth(openPicker.shown, step);
    drawPicker();
  };
  const title = translate(lang, 'format.yearMonth', { year: shown.year, month: translate(lang, `format.month.${shown.month}`) });
  const head = el('div', { class: 'date-picker-head' },
    el('button', { type: 'button', class: ['button', 'button-small', 'date-prev'], i18nAriaLabel: 'date.previousMonth', on: { click: move(-1) } }, '‹'),
    el('span', { class: 'date-picker-title' }, title),
    el('button', { type: 'button', class: ['button', 'button-small', 'date-next'], i18nAriaLabel: 'date.nextMonth', on: { click: move(1) } }, '›'));
  const weekdays = el('tr', null, [1, 2, 3, 4, 5, 6, 7].map((d) => el('th', { scope: 'col', i18n: `date.weekday.${d}` })));
  const weeks = monthGrid(shown.year, shown.month).map((week) => el('tr', null, week.map((iso) => el('td', null, iso
    ? el('button', {
      type: 'button', class: 'date-day', disabled: !withinBounds(iso, min, max),
      dataset: { date: iso }, attrs: { 'aria-current': iso === chosen ? 'date' : null, 'aria-label': formatDate(iso, lang) },
      on: { click: () => choose(iso) },
    }, String(Number(iso.slice(8))))
    : null))));
  panel.replaceChildren(head, el('table', { class: 'date-grid' }, el('thead', null, weekdays), el('tbody', null, weeks)));
}

function choose(iso) {
  const { input } = openPicker;
  closePicker();
  // Choosing a day keeps the time already there.
  input.value = hasTime(input) ? `${iso} ${parse(input)?.slice(11) || '00:00'}` : iso;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.focus();
}

function todayLocal() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
}
