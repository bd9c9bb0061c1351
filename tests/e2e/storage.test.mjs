// The IndexedDB storage (www/db.js) in a real browser: the move from the
// localStorage format of before, without loss; a 2,000-document collection
// (~20 MB, four times what localStorage holds) written and read back; one
// editing tab at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

test('the localStorage collection of before moves to IndexedDB without loss, then leaves localStorage', async () => {
  const page = await openPage(browser, server.url);
  const result = await page.evaluate(async () => {
    const db = await import('./db.js');
    const docs = [{ id: 'd1', name: 'Vragen Boswijk', named: false, created: 1 }, { id: 'd2', name: 'Leeg', named: true, created: 2 }];
    const ann = { tags: { a1: ['toezegging', 'Ëigen “code”'] }, notes: { a1: 'regel 1\nregel 2 😀' }, unplaced: [] };
    localStorage.setItem('kva1:meta', JSON.stringify({ docs, currentId: 'd1', tagSet: [{ name: 'toezegging', color: '#1b7f5b', key: '1', description: '' }] }));
    localStorage.setItem('kva1:text:d1', 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom, ’t is zo.\n');
    localStorage.setItem('kva1:ann:d1', JSON.stringify(ann));
    localStorage.setItem('kva1:text:d2', '');
    localStorage.setItem('other-site-key', 'stays');
    const before = db.readLegacy();
    const handle = await db.openDb('kamervragen-test-migrate');
    const moved = await db.migrate(handle);
    const after = await db.readAll(handle);
    const movedAgain = await db.migrate(handle);
    return { before, after, moved, movedAgain, left: Object.keys(localStorage).sort() };
  });
  assert.equal(result.moved, 2);
  assert.equal(result.movedAgain, 0, 'a second load moves nothing');
  assert.deepEqual(result.after, result.before, 'every document, text, tag and note, exactly');
  assert.equal(result.after.texts.d1, 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom, ’t is zo.\n');
  assert.deepEqual(result.left, ['other-site-key'], 'only our old keys are removed');
  assert.deepEqual(page.errors, []);
});

test('a 2,000-document collection (~20 MB) is written and read back whole', async () => {
  const page = await openPage(browser, server.url);
  const result = await page.evaluate(async () => {
    const db = await import('./db.js');
    const handle = await db.openDb('kamervragen-test-big');
    const n = 2000;
    const body = 'Antwoord 1\n' + 'De minister zegt toe dat het kabinet de Kamer informeert. '.repeat(170);
    const saved = { docs: [], currentId: 'd0', tagSet: [], variables: [], texts: {}, ann: {} };
    for (let i = 0; i < n; i++) {
      saved.docs.push({ id: `d${i}`, name: `Document ${i}`, named: false, created: i });
      saved.texts[`d${i}`] = `Vraag 1\nDocument ${i}?\n\n${body}`;
      saved.ann[`d${i}`] = { tags: { a1: [`t${i % 7}`] }, notes: {}, unplaced: [] };
    }
    const ids = saved.docs.map((d) => d.id);
    await db.write(handle, saved, { meta: true, texts: ids, ann: ids });
    const back = await db.readAll(handle);
    const bytes = Object.values(back.texts).reduce((s, t) => s + t.length, 0);
    return {
      docs: back.docs.length,
      bytes,
      same: JSON.stringify(back) === JSON.stringify(saved),
      fitsLocalStorage: bytes * 2 < 5 * 1024 * 1024,
    };
  });
  assert.equal(result.docs, 2000);
  assert.ok(result.bytes > 19e6, `${result.bytes} characters`);
  assert.equal(result.fitsLocalStorage, false, 'more than localStorage would hold');
  assert.equal(result.same, true);
});

test('a second tab on the collection is read-only until the first one closes', async () => {
  const context = await browser.newContext();
  const events = [];
  const open = async (name) => {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.exposeFunction('report', (what) => events.push(`${name}: ${what}`));
    await page.evaluate(async () => {
      const db = await import('./db.js');
      // A lock of its own: the page itself already holds (or waits for) the collection's.
      db.claimEditor(() => window.report('editor'), () => window.report('read-only'), 'kamervragen-editor-test');
    });
    return page;
  };
  // Waits (up to 10 s, polling) until `n` events have come: no fixed sleeps, which fail on a busy machine.
  const until = async (n) => {
    for (let i = 0; i < 100 && events.length < n; i++) await new Promise((ok) => setTimeout(ok, 100));
  };
  const first = await open('first');
  await until(1);
  assert.deepEqual(events, ['first: editor']);
  const second = await open('second');
  await until(2);
  assert.deepEqual(events, ['first: editor', 'second: read-only']);
  await first.close();
  await until(3);
  assert.deepEqual(events, ['first: editor', 'second: read-only', 'second: editor']);
  await second.close();
  await context.close();
});
