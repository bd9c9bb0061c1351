// A collection kept in IndexedDB through the real page: the move from
// today's localStorage format at boot, a reload of a collection larger than
// localStorage would hold, and two tabs on the same collection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, fixture, openPage, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const ready = (page) => page.waitForSelector('html[data-ready="true"]');

test('the page moves what today\'s localStorage format saved into IndexedDB at boot, without loss', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // What the page of before saved (store.js of main: "kva1:" keys), written before the page boots.
  const seed = fixture('seed.txt');
  const other = 'Vraag 1\nIs dit een tweede document?\n\nAntwoord 1\nJa, dat is het.\n';
  await context.addInitScript(([seed, other]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const docs = [{ id: 'd1', name: 'Boswijk (CDA) over het onderzoek', named: false, created: '2026-12-01T10:00:00.000Z' },
      { id: 'd2', name: 'Mijn tweede', named: true, created: '2026-12-01T11:00:00.000Z' }];
    localStorage.setItem('kva1:meta', JSON.stringify({ docs, currentId: 'd1', tagSet: [{ name: 'toezegging', color: '#1b7f5b', key: '1', description: 'belofte' }, { name: 'Ëigen “code”', color: '#b3261e', key: null, description: '' }] }));
    localStorage.setItem('kva1:text:d1', seed);
    localStorage.setItem('kva1:ann:d1', JSON.stringify({ tags: { a1: ['toezegging'], 'a6-7': ['Ëigen “code”'] }, notes: { a5: 'regel 1\nregel 2 😀' }, unplaced: [] }));
    localStorage.setItem('kva1:text:d2', other);
    localStorage.setItem('kva1:ann:d2', JSON.stringify({ tags: {}, notes: {}, unplaced: [] }));
  }, [seed, other]);
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2);
  assert.equal(await page.getByLabel('Document text').inputValue(), seed);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 6 en 7' })), ['Ëigen “code”']);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 5' }).getByLabel('Note').inputValue(), 'regel 1\nregel 2 😀');
  assert.equal(await page.getByRole('button', { name: 'Mijn tweede', exact: true }).count(), 1, 'a name the user gave stays');
  // The old keys are gone once copied; the documents get their list summary (progress) in the background.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kva1:'))), []);
  await page.waitForFunction(() => document.querySelector('#doc-list .doc.current .doc-progress')?.textContent === '2/6');
  // And it is all there after a reload, from IndexedDB.
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 6 en 7' })), ['Ëigen “code”']);
  assert.equal(await page.getByLabel('Shortcut key of toezegging').inputValue(), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('reload brings back a 1,600-document collection (~16 MB, more than localStorage holds) within 5 s', async () => {
  const page = await openPage(browser, server.url);
  const seed = fixture('seed.txt');
  const n = 1600;
  const files = Array.from({ length: n }, (_, i) => ({ name: `doc-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(seed.replace('Boswijk', `Boswijk${i}`)) }));
  const bytes = files.reduce((s, f) => s + f.buffer.length, 0);
  assert.ok(bytes > 10 * 1024 * 1024, `${bytes} bytes: more than localStorage's ~5 MB (UTF-16: 10 MB)`);
  await page.getByLabel('Open files…').setInputFiles(files);
  await page.waitForFunction((n) => document.getElementById('doc-count').textContent === `${n} documents`, n, { timeout: 60000 });
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('boswijk1599');
  await page.getByRole('button', { name: /^Boswijk1599 / }).click();
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('');
  await tag(page, 'Antwoord 2', 'toezegging');
  await page.waitForTimeout(300);
  const started = Date.now();
  await page.reload();
  await page.waitForFunction((n) => document.getElementById('doc-count')?.textContent === `${n} documents`, n, { timeout: 20000 });
  const ms = Date.now() - started;
  assert.ok(ms < 5000, `listed after ${ms} ms`);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['toezegging']);
  assert.ok(await page.locator('#doc-list .doc').count() < 200, 'only the rows in sight are in the page');
  // Filtering 1,600 stays quick.
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('boswijk1234 ');
  const t1 = await page.evaluate(() => performance.now());
  assert.equal(await page.locator('#doc-count').textContent(), '1 of 1600 documents');
  assert.ok(t1 - t0 < 1000, `filter took ${t1 - t0} ms`);
  assert.deepEqual(page.errors, []);
});

test('two tabs: the second is read-only with a notice and changes nothing; it edits, with the first one\'s work, once the first closes', async () => {
  const context = await browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(server.url);
    await ready(page);
    return page;
  };
  const first = await open();
  await first.getByLabel('Open files…').setInputFiles([{ name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('seed.txt')) }]);
  await first.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 6);
  await tag(first, 'Antwoord 1', 'toezegging');
  const second = await open();
  const notice = second.locator('#read-only');
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /This collection is open in another tab/);
  assert.equal(await first.locator('#read-only').isVisible(), false);
  assert.deepEqual(await chips(second.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  // Nothing changes in the read-only tab: tags, the text, new documents.
  await tag(second, 'Antwoord 2', 'weigering');
  assert.deepEqual(await chips(second.getByRole('region', { name: 'Antwoord 2' })), []);
  assert.equal(await second.getByLabel('Document text').isEditable(), false);
  // No corrections either (issue 15): no toolbar, no ✎ in the outline, a date's card without "Remove highlight", Delete does nothing.
  assert.equal(await second.getByRole('button', { name: 'Correct the reading' }).isVisible(), false);
  assert.equal(await second.getByRole('button', { name: 'Correct “Asked by”' }).isVisible(), false);
  const date = second.locator('#doc-view .m-date').first();
  const dates = await second.locator('#doc-view .m-date').count();
  await date.focus();
  await second.locator('#mark-card').waitFor();
  assert.equal(await second.getByRole('button', { name: 'Remove highlight' }).isVisible(), false);
  await second.keyboard.press('Delete');
  await second.waitForTimeout(200);
  assert.equal(await second.locator('#doc-view .m-date').count(), dates);
  await second.getByLabel('Open files…').setInputFiles([{ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('Vraag 1\nWat?\n\nAntwoord 1\nDit.\n') }]);
  await second.waitForTimeout(500);
  assert.equal(await second.locator('#doc-list .doc-open').count(), 1);
  // The first goes on; then closes.
  await tag(first, 'Antwoord 3', 'verwijzing');
  await first.waitForTimeout(300); // saved at once; the write takes a moment
  await first.close();
  await second.waitForFunction(() => document.getElementById('read-only').hidden, null, { timeout: 5000 });
  await second.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"] .chip').length === 2);
  assert.deepEqual(await chips(second.getByRole('region', { name: 'Antwoord 3' })), ['verwijzing'], 'the first tab\'s last change');
  await tag(second, 'Antwoord 2', 'weigering');
  assert.deepEqual(await chips(second.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  assert.equal(await second.getByRole('button', { name: 'Correct “Asked by”' }).isVisible(), true, 'the ✎ once it edits');
  assert.equal(await second.getByRole('button', { name: 'Correct the reading' }).isVisible(), true);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});
