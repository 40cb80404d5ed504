// Customers in the real webview (WebKitGTK) against the mock backend
// (harness/mock-customers.js), with the app's CSP enforced: the list's empty state, search and
// upgrade notice; intake showing the match, why, and the key-customer banner; picking "new
// customer"; the banner on the case page; the customer page (cases, key flag, merge); markup
// shown as text; and the layout at 1366×768 in both languages. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const DEMO = 'state=ready&staff=demo&cases=demo&customers=demo';

describe('customer records in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, waitText, count, press, choose } = page;
  let loads = 0;
  const open = async (query, hash) => {
    loads += 1;
    await page.open(`${query}&load=${loads}`, hash);
  };
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script'), 0, 'markup in user text stays text');
    assert.doesNotMatch(await s.exec("return document.getElementById('view').textContent"), /null|undefined/);
  };

  test('an empty list says what to do; the demo list searches and tells what the upgrade linked', async () => {
    await open('state=ready&lang=en', '#/customers');
    await waitText('#customers-empty-title', 'No customers yet');
    assert.match(await textOf('#customers-empty'), /Record a complaint to start/);
    assert.equal(await s.exec("return document.querySelector('#customers-empty a').getAttribute('href')"), '#/cases/new');

    await open(`${DEMO}&lang=en`, '#/customers');
    await waitFor('.customer-table');
    assert.equal(await textOf('#customers-upgrade'), 'Linked 3 cases to 3 customers at upgrade, by phone and room/tracking number.');
    assert.equal(await count('.customer-table tbody tr'), 3);
    // The key customer comes first, their hostile name shown as text, with the badge.
    assert.equal(await textOf('.customer-table tbody tr:first-child .customer-name'), `赵先生 ${EVIL}`);
    assert.equal(await textOf('.customer-table tbody tr:first-child .customer-key-badge'), 'Key customer');
    await press('#customer-key-only');
    await s.waitFor("return document.querySelectorAll('.customer-table tbody tr').length === 1");
    await press('#customer-key-only');
    await s.waitFor("return document.querySelectorAll('.customer-table tbody tr').length === 3");
    await s.type('#customer-search', '1203');
    await waitText('#customers-total', '1 customers');
    assert.equal(await textOf('.customer-table tbody .customer-name'), 'Li Wei');
    await s.exec("const n = document.querySelector('#customer-search'); n.value = 'nobody-here'; n.dispatchEvent(new Event('input', { bubbles: true }));");
    await waitText('#customers-none-title', 'No customer matches');
    await clean();
  });

  test('intake shows the match and why, warns about a key customer, and "new customer" is honoured', async () => {
    await open(DEMO, '#/cases/new');
    await waitFor('#case-channel');
    await choose('#case-channel', 'phone');
    await choose('#case-categoryId', '1');
    await s.type('#case-description', '又来投诉包裹延误');
    await s.type('#case-phone', '+86 135-1234-5678');
    await s.waitFor("return !document.querySelector('#intake-customer').hidden && document.querySelectorAll('#intake-customer .customer-choice').length > 1");
    assert.equal(await textOf('#intake-customer .customer-choice:first-child .customer-why'), '电话相同');
    assert.equal(await textOf('#intake-customer .customer-choice:first-child .customer-auto'), '将关联');
    assert.equal(await textOf('#intake-key-customer .key-customer-title'), '重点客户');
    assert.equal(await textOf('#intake-key-customer .key-customer-reason'), `扬言找媒体曝光 ${EVIL}`);
    // The other 赵先生 matches on the name only: offered, never linked by itself.
    await s.type('#case-complainantName', '赵先生');
    await s.waitFor("return [...document.querySelectorAll('#intake-customer .customer-why')].some((n) => n.textContent === '仅姓名相同')");
    // Choosing "new customer" takes the banner away and saves a new record.
    await press('#intake-customer-new');
    await s.waitFor("return document.querySelector('#intake-key-customer') === null");
    await press('#case-save');
    await s.waitFor("return /^#\\/cases\\/\\d+$/.test(location.hash) && document.querySelector('#case-description') !== null");
    const linked = await s.exec('const id = Number(location.hash.split("/")[2]); return window.__mock.caseCustomer.get(id)');
    assert.ok(linked > 3, `a new record, not the key customer (got ${linked})`);
    assert.equal(await count('#case-key-customer'), 0);
    await clean();
  });

  test('a new case from a key customer shows the banner on the case page, linked to their record', async () => {
    await open(`${DEMO}&lang=en`, '#/cases/new');
    await waitFor('#case-channel');
    await choose('#case-channel', 'phone');
    await choose('#case-categoryId', '1');
    await s.type('#case-description', 'Parcel late again');
    await s.type('#case-phone', '13512345678');
    await waitText('#intake-key-customer .key-customer-title', 'Key customer');
    await press('#case-save');
    await waitFor('#case-key-customer');
    assert.equal(await textOf('#case-key-customer .key-customer-reason'), `扬言找媒体曝光 ${EVIL}`);
    assert.equal(await s.exec("return document.querySelector('#case-customer-link').getAttribute('href')"), '#/customers/1');
    await press('#case-customer-link');
    await waitFor('#customer-cases');
    assert.equal(await textOf('#customer-cases-title'), 'Cases (2)');
    await clean();
  });

  test('the customer page: the key flag needs a reason, and a duplicate record merges in', async () => {
    await open(`${DEMO}&lang=en`, '#/customers/1');
    await waitFor('#customer-key-form');
    assert.equal(await textOf('#customer-name'), `赵先生 ${EVIL}Key customer`);
    assert.equal(await textOf('#customer-key-banner .key-customer-reason'), `扬言找媒体曝光 ${EVIL}`);
    await s.exec("const n = document.querySelector('#customer-key-reason'); n.value = '';");
    await s.exec("document.querySelector('#customer-key-form').requestSubmit()");
    await waitText('.field-error[data-error-for="keyReason"]', /Why they are watched/);
    await s.type('#customer-key-reason', 'Threatened the press twice');
    await s.exec("document.querySelector('#customer-key-form').requestSubmit()");
    await waitText('#customer-key-banner .key-customer-reason', 'Threatened the press twice');

    await s.type('#customer-merge-search', '021');
    await press('#customer-merge button');
    await waitFor('#customer-merge-results button[data-merge="2"]');
    await press('#customer-merge-results button[data-merge="2"]');
    await waitText('#confirm-title', 'Merge these records?');
    await press('#confirm-ok');
    await waitText('#customer-cases-title', 'Cases (2)');
    assert.match(await textOf('.customer-header .customer-keys'), /021-6234 5678/);
    assert.match(await textOf('#customer-audit'), /Record 2 merged into this record \(1\)/);
    // The merged record says where it went and offers no changes.
    await s.exec("location.hash = '#/customers/2'");
    await waitFor('#customer-merged');
    assert.equal(await count('#customer-merge, #customer-key-form'), 0);
    assert.equal(await s.exec("return document.querySelector('#customer-merged a').getAttribute('href')"), '#/customers/1');
    await clean();
  });

  test('customer screens fit a 1366×768 window in both languages', async () => {
    const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
      return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);
    await s.setWindowSize(1366, 768);
    for (const lang of ['zh-CN', 'en']) {
      for (const hash of ['#/customers', '#/customers/1', '#/cases/new']) {
        await s.go(`${page.url}/?${DEMO}&lang=${lang}&fit=${lang}${hash}`);
        await s.waitFor("return document.querySelector('.page-title') !== null && !document.querySelector('.loading')");
        const px = await overflow();
        assert.ok(px <= 0, `${hash} (${lang}) overflows sideways by ${px}px`);
      }
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
