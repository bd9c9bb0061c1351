// Never losing work: autosave and reload, several documents, and storage
// that is full or unavailable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

test('reload brings back the document, tags, notes and tag set', async () => {
  const page = await openPage(browser, server.url);
  const text = fixture('seed.txt');
  await pasteText(page, text);
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 2', 'toezegging');
  await tag(page, 'Antwoord 6 en 7', 'eigen tag');
  const a5 = page.getByRole('region', { name: 'Antwoord 5' });
  await a5.getByLabel('Note').fill('Nog navragen, “R155”'); // saved while typing, no blur needed
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByLabel('Document text').inputValue(), text);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['toezegging']);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 6 en 7' })), ['eigen tag']);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 5' }).getByLabel('Note').inputValue(), 'Nog navragen, “R155”');
  assert.equal(await page.getByRole('textbox', { name: /^Name of (?!variable )/ }).count(), 23, 'the preset\'s 22 codes and the typed one');
  assert.equal(await page.getByLabel('Shortcut key of eigen tag').inputValue(), '', 'the preset holds keys 1–9');
  assert.equal(await page.getByLabel('Type of variable Soort antwoord').inputValue(), 'one-of', 'the variables too');
  assert.deepEqual(page.errors, []);
});

test('a new paste starts a new document; the list switches, renames and deletes with confirmation', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'toezegging');
  const second = 'Vraag 1\nIs dit een tweede document?\n\nAntwoord 1\nJa, dat is het.\n';
  await pasteText(page, second);
  const docs = page.locator('#doc-list .doc-open');
  assert.equal(await docs.count(), 2);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), [], 'the new document has no tags');
  await tag(page, 'Antwoord 1', 'volledig antwoord');
  // Typing in a document edits it, not a new one.
  await page.getByLabel('Document text').press('End');
  await page.getByLabel('Document text').type('Extra regel.');
  assert.equal(await docs.count(), 2);
  // Switch back: the first document with its tag.
  // Named from the header: askers and subject.
  await page.getByRole('button', { name: /^Boswijk \(CDA\) over het onderzoek in hoeverre Chinese auto’s/ }).click();
  assert.equal(await page.getByLabel('Document text').inputValue(), fixture('seed.txt'));
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  // Rename the second.
  const other = page.locator('#doc-list .doc').filter({ hasText: 'Vraag 1' });
  await other.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel('Document name').fill('Tweede');
  await page.getByLabel('Document name').press('Enter');
  assert.equal(await page.getByRole('button', { name: 'Tweede', exact: true }).count(), 1);
  // Delete asks first: dismissing keeps it, accepting deletes it.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Delete Tweede' }).click();
  assert.equal(await docs.count(), 2);
  page.once('dialog', (d) => {
    assert.match(d.message(), /Delete “Tweede”/);
    d.accept();
  });
  await page.getByRole('button', { name: 'Delete Tweede' }).click();
  assert.equal(await docs.count(), 1);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await docs.count(), 1);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.deepEqual(page.errors, []);
});

test('New document and Open files… keep the old document', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('button', { name: 'New document' }).click();
  assert.equal(await page.getByLabel('Document text').inputValue(), '');
  await page.locator('#open-file').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('Vraag 1\nWat?\n\nAntwoord 1\nDit.\n') });
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 2);
  assert.equal(await page.getByRole('region', { name: /^Antwoord/ }).count(), 1);
  // Opening again while a document is shown makes a third.
  await page.getByLabel('Open files…').setInputFiles({ name: 'y.txt', mimeType: 'text/plain', buffer: Buffer.from('Vraag 1\nEn nu?\n\nAntwoord 1\nDat.\n') });
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 3);
});

test('storage full: a visible warning, tagging goes on in memory, export still works', async () => {
  const page = await openPage(browser, server.url);
  await page.context().addInitScript(() => {
    // Every write refused for quota, in IndexedDB (where the page saves) and localStorage.
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    Storage.prototype.setItem = full;
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await pasteText(page, fixture('seed.txt'));
  const warning = page.locator('#storage-warning');
  assert.equal(await warning.isVisible(), true);
  assert.equal(await warning.getAttribute('role'), 'alert');
  assert.match(await warning.textContent(), /storage is full/);
  await tag(page, 'Antwoord 3', 'weigering');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 3' })), ['weigering']);
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.answers[2].tags, ['weigering']);
  assert.deepEqual(page.errors, []);
});

test('storage unavailable (private mode): a visible warning, the page still works', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    // Storage refused: IndexedDB (where the page saves) and localStorage.
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.match(await page.locator('#storage-warning').textContent(), /does not allow saving/);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'toezegging');
  const csv = (await download(page, 'Export CSV')).text;
  assert.match(csv, /toezegging/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping a .txt file opens it as a document; dropping our JSON imports it', async () => {
  const page = await openPage(browser, server.url);
  const drop = (name, type, body) => page.evaluate(([name, type, body]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], name, { type }));
    document.querySelector('#doc-view').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, type, body]);
  await drop('seed.txt', 'text/plain', fixture('seed.txt'));
  await page.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 6);
  await tag(page, 'Antwoord 4', 'verwijzing');
  const json = (await download(page, 'Export JSON')).text;
  // Into a fresh browser: the dropped JSON becomes the document with its tags.
  const other = await openPage(browser, server.url);
  await other.evaluate(([name, type, body]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], name, { type }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, ['seed.json', 'application/json', json]);
  await other.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 6);
  assert.deepEqual(await chips(other.getByRole('region', { name: 'Antwoord 4' })), ['verwijzing']);
  assert.equal(await other.locator('#doc-list .doc-open').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('pasted HTML stays text: no element, no script, no javascript: link', async () => {
  const page = await openPage(browser, server.url);
  await page.evaluate(() => { window.__ran = 0; });
  const evil = 'Vraag 1\n<script>window.__ran=1</script><img src=x onerror="window.__ran=2"> javascript:window.__ran=3\n\nAntwoord 1\n<svg onload="window.__ran=4"></svg> \u202Eabc\n';
  await pasteText(page, evil);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).count(), 1);
  assert.equal(await page.locator('#doc-view img, #doc-view script, #doc-view svg').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
  assert.match(await page.locator('#doc-view').textContent(), /<script>window.__ran=1<\/script>/);
  assert.equal(await page.evaluate(() => window.__ran), 0);
});

test('tags whose answer is edited away are listed, not lost, and come back with it', async () => {
  const page = await openPage(browser, server.url);
  const text = 'Vraag 1\nWat?\n\nAntwoord 1\nDit.\n\nVraag 2\nEn?\n\nAntwoord 2\nDat.\n';
  await pasteText(page, text);
  await tag(page, 'Antwoord 2', 'weigering');
  // Edit (not replace) the text so that answer 2 disappears: its heading
  // becomes a question's (a statement after an unanswered question would be
  // read as its answer without a heading).
  await page.getByLabel('Document text').evaluate((ta) => {
    ta.focus();
    ta.setSelectionRange(ta.value.indexOf('Antwoord 2'), ta.value.indexOf('Antwoord 2') + 10);
  });
  await page.keyboard.type('Vraag 3');
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1, 'an edit, not a new document');
  assert.equal(await page.getByRole('region', { name: 'Antwoord 2' }).count(), 0);
  assert.match(await page.locator('#unplaced-panel').textContent(), /a2.*no longer in the text.*weigering/s);
  // Typing the heading back brings the answer, and its tag, back.
  await page.getByLabel('Document text').evaluate((ta) => {
    ta.setSelectionRange(ta.value.indexOf('Vraag 3'), ta.value.indexOf('Vraag 3') + 7);
  });
  await page.keyboard.type('Antwoord 2');
  await page.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 2);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  assert.equal(await page.locator('#unplaced-panel').isHidden(), true);
});
