import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import zh from '../../ui/js/i18n/zh-CN.js';
import en from '../../ui/js/i18n/en.js';
import { UI, listFiles, read, rel, checkJs, checkHtml, checkAnyFile } from './support/ui-rules.mjs';

const KEYS = new Set([...Object.keys(zh), ...Object.keys(en)]);
// The dictionaries: the two flat files and the parts merged into them (ui/js/i18n/<lang>/*.js).
const isDictionary = (path) => /^ui\/js\/i18n\/(?:zh-CN|en)(?:\.js|\/[\w-]+\.js)$/.test(path);
const jsFiles = listFiles(join(UI, 'js'), ['.js']).filter((file) => !isDictionary(rel(file)));

test('the scan covers the whole UI', () => {
  const names = jsFiles.map(rel);
  for (const expected of ['ui/js/main.js', 'ui/js/api.js', 'ui/js/views/staff/staff.js', 'ui/js/views/settings/settings.js', 'ui/js/lib/dom.js',
    'ui/js/lib/charts.js', 'ui/js/views/reports/reports.js', 'ui/js/i18n/index.js']) {
    assert.ok(names.includes(expected), `${expected} not scanned`);
  }
  assert.ok(!names.some((name) => name.startsWith('ui/js/i18n/en/') || name.startsWith('ui/js/i18n/zh-CN/')), 'dictionary parts are text, not code');
});

test('index.html: text only through data-i18n, known keys, no inline script/handlers/styles', () => {
  assert.deepEqual(checkHtml(read(join(UI, 'index.html')), KEYS), []);
});

test('ui/js: no CJK literals, no hard-coded sentences in the page, only known keys, no markup APIs', () => {
  const problems = jsFiles.flatMap((file) => checkJs(read(file), KEYS, rel(file)));
  assert.deepEqual(problems, []);
});

test('ui/**: no remote URLs and no markup-injection APIs in any file', () => {
  const files = listFiles(UI, ['.html', '.css', '.js']);
  assert.ok(files.length > 10);
  assert.deepEqual(files.flatMap((file) => checkAnyFile(read(file), rel(file))), []);
});

test('every nav link in index.html has a route, a key and a matching href', () => {
  const html = read(join(UI, 'index.html'));
  const main = read(join(UI, 'js', 'main.js'));
  const links = [...html.matchAll(/<a href="#\/(\w+)" data-nav="(\w+)" data-i18n="nav\.(\w+)">/g)];
  assert.deepEqual(links.map((m) => m[2]), ['dashboard', 'cases', 'customers', 'training', 'prevention', 'reports', 'group', 'staff', 'settings']);
  for (const [, href, nav, key] of links) {
    assert.equal(href, nav);
    assert.equal(key, nav);
    assert.match(main, new RegExp(`import \\* as ${nav} from './views/${nav}/${nav}\\.js'`));
  }
});

// The checks above are only worth something if they fail on a violation. These feed each
// rule a known-bad snippet (and a known-good twin) so a broken checker cannot pass silently.
test('the checker catches each kind of violation', () => {
  const bad = {
    cjkLiteral: "node.textContent = '保存';",
    cjkInTemplate: 'const x = `已保存 ${n} 条`;',
    sentenceToTextContent: "node.textContent = 'Save changes';",
    sentenceToPlaceholder: "input.placeholder = 'Type a name';",
    sentenceAsElChild: "el('p', null, 'Nothing here yet');",
    sentenceInElArrayChild: "el('p', { class: 'x' }, ['Nothing here yet']);",
    sentenceInElProps: "el('button', { title: 'Add a person' });",
    sentenceInConditionalChild: "el('td', null, member.phone || 'No phone');",
    sentenceToAppend: "list.append('No staff yet');",
    sentenceToToast: "toast('Saved it all');",
    sentenceToSetAttribute: "b.setAttribute('aria-label', 'Close panel');",
    unknownKeyInT: "t('nav.nowhere');",
    unknownKeyInProp: "el('h2', { i18n: 'staff.empty.nope' });",
    unknownComputedPrefix: 'el("p", null, t(`nosuch.${x}`));',
    unknownConcatPrefix: "t('staff.nothing.' + x);",
    innerHtml: 'node.innerHTML = html;',
    insertAdjacent: "node.insertAdjacentHTML('beforeend', x);",
    docWrite: 'document.write(x);',
    styleAttribute: "node.setAttribute('style', 'color: red');",
    handlerAttribute: "node.setAttribute('onclick', 'go()');",
  };
  for (const [name, snippet] of Object.entries(bad)) {
    assert.notDeepEqual(checkJs(snippet, KEYS, name), [], `${name} was not caught: ${snippet}`);
  }
  const good = [
    "node.textContent = t('common.saved');",
    "el('p', null, member.name);",
    "el('button', { type: 'button', class: 'button staff-edit', i18n: 'common.edit' });",
    "el('p', null, t('staff.editNamed', { name }));",
    "const sel = 'tr[data-staff-id] .staff-edit';",
    "t(`grade.${n}`); t('category.' + key);",
    "const re = /^[A-Za-z0-9]{2,12}$/; const s = 'a b'.split(' ');",
    "console.error('this is a developer message');",
    "// a comment with 中文 and innerHTML is not code\nconst x = 1;",
  ];
  for (const snippet of good) {
    assert.deepEqual(checkJs(snippet, KEYS, 'good'), [], `false alarm on: ${snippet}`);
  }
});

test('the HTML checker catches stray text, unknown keys and inline code', () => {
  const cases = [
    '<p>Hello</p>',
    '<p>你好</p>',
    '<p data-i18n="nav.nowhere"></p>',
    '<script>alert(1)</script>',
    '<button onclick="go()"></button>',
    '<div style="color:red"></div>',
    '<style>p{}</style>',
  ];
  for (const html of cases) assert.notDeepEqual(checkHtml(html, KEYS), [], `not caught: ${html}`);
  assert.deepEqual(checkHtml('<!-- note --><p data-i18n="nav.staff">  </p><script type="module" src="js/main.js"></script>', KEYS), []);
  assert.notDeepEqual(checkAnyFile('a { background: url(https://example.org/x.png) }', 'x.css'), []);
  // The SVG namespace name is an identifier, never fetched; any other address still counts.
  assert.deepEqual(checkAnyFile("const SVG_NS = 'http://www.w3.org/2000/svg';", 'x.js'), []);
  assert.notDeepEqual(checkAnyFile("const SVG_NS = 'http://www.w3.org/2000/svg'; fetch('http://www.w3.org/x');", 'x.js'), []);
  assert.notDeepEqual(checkAnyFile("const u = 'http://www.w3.org/2000/svg-evil';", 'x.js'), []);
  assert.notDeepEqual(checkAnyFile('// uses innerHTML here', 'x.js'), []);
});
