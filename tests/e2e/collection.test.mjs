// A collection in a real browser: many files at once (bad ones among them),
// the list's count, filter, sort and progress, the keys through the
// collection, the three "Export all" files and the round trip through
// Import annotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, csvRows, download, fixture, openPage, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const txt = (name, body = fixture(name)) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
const FIXTURES = ['seed.txt', 'header_flat.txt', 'header_letter.txt', 'structure_numbered.txt', 'structure_postponement.txt'];

/** A page with the five fixtures opened at once. */
async function collection() {
  const page = await openPage(browser, server.url);
  await page.getByLabel('Open files…').setInputFiles(FIXTURES.map((n) => txt(n)));
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 5);
  return page;
}


test('many files at once: good ones open, bad ones are named in one alert with why, a duplicate is not added twice', async () => {
  const page = await openPage(browser, server.url);
  await page.getByLabel('Open files…').setInputFiles([
    ...FIXTURES.map((n) => txt(n)),
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x56, 0x72, 0x61, 0x61, 0x67, 0x20, 0xe9, 0x0a]) },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(26 * 1024 * 1024, 0x61) },
    { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else", "version": 1}') },
    txt('copy of seed.txt', fixture('seed.txt')),
  ]);
  await page.waitForFunction(() => !document.getElementById('open-status').hidden);
  assert.equal(await page.locator('#doc-list .doc-open').count(), 5);
  assert.equal(await page.locator('#doc-count').textContent(), '5 documents');
  const alerts = page.getByRole('alert').filter({ hasText: 'not opened' });
  assert.equal(await alerts.count(), 1, 'one alert');
  const alert = await alerts.textContent();
  assert.match(alert, /4 files were not opened/);
  assert.match(alert, /scan\.pdf: a binary file/);
  assert.match(alert, /latin1\.txt: not UTF-8/);
  assert.match(alert, /huge\.txt: over the size limit/);
  assert.match(alert, /other\.json: a JSON file that is not a Kamervragen annotation or collection file/);
  assert.doesNotMatch(alert, /seed|header_flat/);
  assert.match(await page.locator('#open-status').textContent(), /Opened 5 documents\. One text was already in the collection and not added again: copy of seed\.txt/);
  // Opening the same files again adds nothing.
  await page.getByLabel('Open files…').setInputFiles([txt('seed.txt')]);
  await page.waitForFunction(() => /already in the collection/.test(document.getElementById('open-status').textContent) && /No document/.test(document.getElementById('open-status').textContent));
  assert.equal(await page.locator('#doc-list .doc-open').count(), 5);
  assert.deepEqual(page.errors, []);
});

test('a progress bar ("n of N") while many files open; the list counts them', async () => {
  const page = await openPage(browser, server.url);
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"], progress');
      if (bar && !bar.closest('[hidden]')) window.progressSeen.push(bar.getAttribute('aria-valuetext'));
    }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const seed = fixture('seed.txt');
  const files = Array.from({ length: 150 }, (_, i) => txt(`doc-${String(i).padStart(3, '0')}.txt`, seed.replace('Boswijk', `Boswijk${i}`).replace('2024Z12345', `2024Z1${String(i).padStart(4, '0')}`)));
  await page.getByLabel('Open files…').setInputFiles(files);
  await page.waitForFunction(() => document.getElementById('doc-count').textContent === '150 documents', null, { timeout: 30000 });
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some((s) => /^\d+ of 150$/.test(s ?? '')), `progress seen: ${seen.slice(0, 5)}`);
  assert.equal(await page.getByRole('progressbar').count(), 0, 'gone when done');
  assert.deepEqual(page.errors, []);
});

test('the list: name, id, date and progress "tagged/answers"; filter by words; sort', async () => {
  const page = await collection();
  const seedRow = page.locator('#doc-list .doc').filter({ hasText: 'Boswijk' });
  assert.match(await seedRow.textContent(), /seed\.txt · 2024-08-08/);
  assert.equal(await seedRow.locator('.doc-progress').textContent(), '0/6');
  await seedRow.getByRole('button', { name: /^Boswijk/ }).click();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  await tag(page, 'Antwoord 2', 'weigering');
  await tag(page, 'Antwoord 2', 'verwijzing');
  assert.equal(await seedRow.locator('.doc-progress').textContent(), '2/6', 'answers tagged, not tags');
  assert.equal(await seedRow.locator('.doc-progress').getAttribute('aria-label'), '2 of 6 answers tagged');
  const filter = page.getByRole('searchbox', { name: 'Filter documents' });
  await filter.fill('bouwmeester');
  assert.equal(await page.locator('#doc-count').textContent(), '1 of 5 documents');
  assert.match(await page.locator('#doc-list').textContent(), /Bouwmeester \(PvdA\)/);
  await filter.fill('PvdA');
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1, 'by party');
  await filter.fill('ah-tk-20142015-698');
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1, 'by id');
  await filter.fill('chinese auto');
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1, 'by words of the subject');
  await filter.fill('geen-document-heet-zo');
  assert.match(await page.locator('#doc-list').textContent(), /No document matches/);
  await filter.press('Escape');
  assert.equal(await page.locator('#doc-count').textContent(), '5 documents', 'Escape empties the filter');
  await filter.fill('kok');
  await filter.press('Enter');
  assert.match(await page.locator('#doc-list .doc.current').textContent(), /Kok \(D66\)/, 'Enter opens the first match');
  await filter.fill('');
  assert.equal(await page.locator('#doc-count').textContent(), '5 documents');
  await page.getByLabel('Sort documents').selectOption('date');
  const dates = await page.locator('#doc-list .doc-meta').allTextContents();
  const ds = dates.map((d) => /\d{4}-\d\d-\d\d/.exec(d)?.[0] ?? '');
  assert.deepEqual(ds, [...ds].sort());
  await page.getByLabel('Sort documents').selectOption('progress');
  assert.match(await page.locator('#doc-list .doc').last().textContent(), /2\/6|0\/0/);
  assert.deepEqual(page.errors, []);
});

test('keys: ] and [ move through the documents, u goes to the next untagged answer anywhere', async () => {
  const page = await collection();
  await page.getByRole('button', { name: /^Boswijk/ }).click();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const current = () => page.locator('#doc-list .doc.current .doc-open').textContent();
  const first = await current();
  await page.keyboard.press(']');
  assert.notEqual(await current(), first);
  await page.keyboard.press('[');
  assert.equal(await current(), first);
  // Tag every answer of the seed with the key 1 after u: u then goes to another document.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.querySelector('.m-answer.current'));
    await page.keyboard.press('1');
  }
  assert.equal(await page.locator('#doc-list .doc.current .doc-progress').textContent(), '6/6');
  await page.keyboard.press('u');
  await page.waitForFunction((f) => document.querySelector('#doc-list .doc.current .doc-open')?.textContent !== f, first);
  await page.waitForFunction(() => document.querySelector('.m-answer.current'));
  assert.equal(await page.locator('.m-answer.current .chip').count(), 0, 'an untagged answer of the next document');
  const help = await page.getByRole('button', { name: 'Shortcuts' }).click().then(() => page.locator('#help').textContent());
  assert.match(help, /Next \/ previous document/);
  assert.match(help, /Next answer without a tag/);
  assert.deepEqual(page.errors, []);
});

test('Export all as JSON, JSONL and CSV; the collection file round-trips through Import annotations', async () => {
  const page = await collection();
  await page.getByRole('button', { name: /^Boswijk/ }).click();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  await tag(page, 'Antwoord 6 en 7', 'eigen, "code"');
  const note = page.getByRole('region', { name: 'Antwoord 1' }).getByLabel('Note');
  await note.fill('-1 begin, “motie”\ntweede regel');
  await note.blur();
  const all = await download(page, 'Export all as JSON');
  assert.equal(all.name, 'kamervragen-collection.json');
  const json = JSON.parse(all.text);
  assert.equal(all.text, `${JSON.stringify(json, null, 2)}\n`, 'pretty-printed as a single export is');
  assert.equal(json.format, 'kamervragen-collection');
  assert.equal(json.version, 1);
  assert.equal(json.documents.length, 5);
  assert.deepEqual(json.documents.map((d) => d.document.text), FIXTURES.map((n) => fixture(n)), 'every text, in the order opened');
  const seed = json.documents[0];
  assert.deepEqual(seed.answers[0].tags, ['toezegging']);
  assert.equal(seed.answers[0].note, '-1 begin, “motie”\ntweede regel');
  // The per-document export of today, document by document.
  const one = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(seed, one);

  const lines = await download(page, 'Export all as JSONL');
  assert.equal(lines.name, 'kamervragen-collection.jsonl');
  const objects = lines.text.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(objects, json.documents);

  const csv = await download(page, 'Export all as CSV');
  assert.equal(csv.name, 'kamervragen-collection.csv');
  assert.equal(csv.text[0], '\uFEFF');
  const rows = csvRows(csv.text);
  const head = rows[0];
  assert.deepEqual(head.slice(0, 16), ['document', 'sha256', 'document_name', 'kind', 'submitted', 'received', 'askers', 'parties', 'addressees', 'respondents', 'answer', 'answer_numbers', 'question_numbers', 'question_text', 'answer_text', 'tags']);
  assert.deepEqual(head.slice(-2), ['note', 'corrections'], 'the page\'s table ends with the count of corrections (issue 15)');
  assert.ok(rows.slice(1).every((r) => r.at(-1) === '0'), 'no document here was corrected');
  assert.ok(head.includes('tag_toezegging') && head.includes('tag_eigen, "code"'));
  assert.ok(rows.every((r) => r.length === head.length));
  const col = (name) => head.indexOf(name);
  const docsInCsv = new Set(rows.slice(1).map((r) => r[col('sha256')]));
  assert.equal(docsInCsv.size, 5, 'every document is in the table');
  const a1 = rows.find((r) => r[col('document')] === 'seed.txt' && r[col('answer')] === 'a1');
  assert.equal(a1[col('note')], '-1 begin, “motie”\ntweede regel', 'exactly the data: no apostrophe');
  assert.equal(a1[col('tags')], 'toezegging');
  assert.equal(a1[col('tag_toezegging')], '1');
  assert.equal(a1[col('document_name')], await page.locator('#doc-list .doc.current .doc-open').textContent());
  assert.match(csv.text, /"-1 begin, “motie”\ntweede regel"/);
  const bouwmeester = rows.find((r) => r[col('document')] === 'ah-tk-20142015-698');
  assert.equal(bouwmeester[col('parties')], 'PvdA', 'the official id is the key');

  // Into a fresh browser and out again: the same file.
  const fresh = await openPage(browser, server.url);
  await fresh.getByLabel('Import annotations').setInputFiles({ name: 'kamervragen-collection.json', mimeType: 'application/json', buffer: Buffer.from(all.text) });
  await fresh.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 5);
  const again = await download(fresh, 'Export all as JSON');
  assert.equal(again.text, all.text);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(fresh.errors, []);
});

test('per-document exports are named after the id or the file, never all the same', async () => {
  const page = await openPage(browser, server.url);
  const plain = (n) => `Brief ${n}\n\nVraag 1\nWat is ${n}?\n\nAntwoord 1\nDat is ${n}.\n`;
  await page.getByLabel('Open files…').setInputFiles([txt('brief-a.txt', plain('a')), txt('brief-b.txt', plain('b')), txt('seed.txt')]);
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 3);
  const names = [];
  for (const doc of ['Brief a', 'Brief b']) {
    await page.getByRole('button', { name: doc, exact: true }).click();
    names.push((await download(page, 'Export CSV')).name, (await download(page, 'Export JSON')).name);
  }
  assert.deepEqual(names, ['brief-a.csv', 'brief-a.json', 'brief-b.csv', 'brief-b.json']);
  assert.deepEqual(page.errors, []);
});

test('a pasted text opens the same way, and its JSON opened with Open files… brings its tags', async () => {
  const page = await collection();
  await page.getByRole('button', { name: /^Boswijk/ }).click();
  await tag(page, 'Antwoord 3', 'weigering');
  const json = (await download(page, 'Export JSON')).text;
  const fresh = await openPage(browser, server.url);
  await fresh.getByLabel('Open files…').setInputFiles([{ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(json) }, txt('header_flat.txt')]);
  await fresh.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 2);
  await fresh.getByRole('button', { name: /^Boswijk/ }).click();
  assert.deepEqual(await chips(fresh.getByRole('region', { name: 'Antwoord 3' })), ['weigering']);
  assert.equal(await fresh.locator('#doc-list .doc.current .doc-progress').textContent(), '1/6');
  assert.deepEqual(fresh.errors, []);
});
