import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSearchKey } from '../../ui/js/lib/search-shortcut.js';

const key = (key, more = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: { tagName: 'DIV' }, ...more });

test('Ctrl+F and Cmd+F go to the search from anywhere, even from a field', () => {
  assert.equal(isSearchKey(key('f', { ctrlKey: true })), true);
  assert.equal(isSearchKey(key('F', { metaKey: true })), true);
  assert.equal(isSearchKey(key('f', { ctrlKey: true, target: { tagName: 'TEXTAREA' } })), true);
  assert.equal(isSearchKey(key('f', { ctrlKey: true, shiftKey: true })), false);
  assert.equal(isSearchKey(key('f', { ctrlKey: true, altKey: true })), false);
  assert.equal(isSearchKey(key('f')), false, 'a plain f is typing');
});

test('/ goes to the search only when the user is not typing', () => {
  assert.equal(isSearchKey(key('/')), true);
  assert.equal(isSearchKey(key('/', { target: { tagName: 'BUTTON' } })), true);
  assert.equal(isSearchKey(key('/', { target: { tagName: 'INPUT', type: 'checkbox' } })), true);
  for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'INPUT', type: 'search' }, { tagName: 'TEXTAREA' },
    { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
    assert.equal(isSearchKey(key('/', { target })), false, JSON.stringify(target));
  }
});
