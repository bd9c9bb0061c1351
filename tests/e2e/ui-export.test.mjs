// Export JSON / W3C / CSV contents, the tag set on its own, the import round
// trip, re-anchoring by quote, and bad imports (a clear alert, nothing touched).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chips, csvRows, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/** The seed with tags on answers 1 and 6+7 and a note with quotes, comma and newline on 6+7. */
async function tagged() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  await tag(page, 'Antwoord 1', 'verwijzing');
  await tag(page, 'Antwoord 6 en 7', 'weigering');
  const note = page.getByRole('region', { name: 'Antwoord 6 en 7' }).getByLabel('Note');
  await note.fill('Zie “motie”, "citaat"\ntweede regel');
  await note.blur();
  return page;
}

async function importFile(page, name, body) {
  await page.getByLabel('Import annotations').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
}

test('Export JSON carries tags, notes and the tag set', async () => {
  const page = await tagged();
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.answers[0].tags, ['toezegging', 'verwijzing']);
  assert.deepEqual(json.answers[5].tags, ['weigering']);
  assert.equal(json.answers[5].note, 'Zie “motie”, "citaat"\ntweede regel');
  assert.equal(json.answers[1].note, '');
  const keys = Object.fromEntries(json.tag_set.map((t) => [t.name, t.key]));
  assert.deepEqual([keys.toezegging, keys.weigering, keys.verwijzing], ['1', '2', null], 'every code of the codebook, with its key');
  // The codebook: the preset's variables, and the typed tag in the any-of variable "tags".
  assert.deepEqual(json.codebook.variables.map((v) => v.name), ['Soort antwoord', 'Verwijst naar', 'Toezegging', 'Soort vraag', 'Beleidsterrein', 'tags']);
  assert.deepEqual(json.codebook.variables[5].codes.map((c) => c.name), ['verwijzing']);
  assert.match(json.tag_set[0].color, /^#[0-9a-f]{6}$/);
});

test('Export W3C: one tagging annotation per tag with quote and code-point position selectors', async () => {
  const page = await tagged();
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  const { name, text } = await download(page, 'Export W3C');
  assert.match(name, /\.jsonld$/);
  const w3c = JSON.parse(text);
  assert.equal(w3c['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(w3c.type, 'AnnotationCollection');
  const items = w3c.first.items;
  const tagging = items.filter((a) => a.motivation === 'tagging');
  assert.deepEqual(tagging.map((a) => a.body.value), ['toezegging', 'verwijzing', 'weigering']);
  assert.equal(tagging[0].body.purpose, 'tagging');
  assert.equal(items.filter((a) => a.motivation === 'commenting').length, 1);
  const [quote, pos] = tagging[0].target.selector;
  assert.equal(quote.type, 'TextQuoteSelector');
  assert.equal(pos.type, 'TextPositionSelector');
  const cps = [...json.document.text];
  assert.equal(pos.start, json.answers[0].start);
  assert.equal(pos.end, json.answers[0].end);
  assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
  assert.equal(cps.slice(pos.start - [...quote.prefix].length, pos.start).join(''), quote.prefix);
  assert.equal(cps.slice(pos.end, pos.end + [...quote.suffix].length).join(''), quote.suffix);
  assert.equal(tagging[0].target.source, `urn:sha256:${json.document.sha256}`);
});

test('Export CSV: the core table (the collection columns), one row per answer, RFC 4180 quoting, BOM, CRLF, values exactly the data', async () => {
  const page = await tagged();
  const { name, text } = await download(page, 'Export CSV');
  assert.match(name, /\.csv$/);
  assert.notEqual(name, 'kamervragen.csv', 'named after the document');
  assert.equal(text[0], '\uFEFF', 'a UTF-8 BOM for Excel');
  assert.ok(text.endsWith('\r\n'));
  const body = text.slice(1);
  assert.ok(body.startsWith('document,sha256,document_name,kind,submitted,received,askers,parties,addressees,respondents,answer,answer_numbers,question_numbers,question_text,answer_text,tags,'));
  const rows = csvRows(text);
  const head = rows[0];
  const col = (n) => head.indexOf(n);
  assert.deepEqual(head.slice(-2), ['note', 'corrections'], 'the page\'s table ends with the count of corrections (issue 15)');
  assert.equal(rows.length, 7, 'a header and six answers');
  assert.ok(rows.every((r) => r.length === head.length));
  assert.equal(rows[1][col('answer_numbers')], '1');
  assert.equal(rows[1][col('tags')], 'toezegging;verwijzing');
  assert.equal(rows[1][col('tag_toezegging')], '1');
  assert.equal(rows[1][col('tag_weigering')], '0');
  assert.match(rows[1][col('question_text')], /^Kunt u aangeven wat de stand van zaken is/);
  assert.match(rows[1][col('answer_text')], /^De analyse van de technische risico’s/);
  assert.equal(rows[1][col('askers')], 'Boswijk');
  assert.equal(rows[1][col('parties')], 'CDA');
  assert.equal(rows[1][col('document_name')], await page.locator('#doc-list .doc.current .doc-open').textContent());
  assert.equal(rows[1][col('document')], rows[1][col('document_name')], 'a pasted text without an id: its name is the key');
  assert.equal(rows[6][col('answer_numbers')], '6;7');
  assert.equal(rows[6][col('tags')], 'weigering');
  assert.equal(rows[6][col('note')], 'Zie “motie”, "citaat"\ntweede regel');
  assert.match(text, /"Zie “motie”, ""citaat""\ntweede regel"/);
});

test('import round trip: export → import in a fresh browser → export gives the same file', async () => {
  const page = await tagged();
  const first = (await download(page, 'Export JSON')).text;
  const fresh = await openPage(browser, server.url);
  await importFile(fresh, 'seed.json', first);
  await fresh.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 6);
  assert.deepEqual(await chips(fresh.getByRole('region', { name: 'Antwoord 1' })), ['toezegging', 'verwijzing']);
  const second = (await download(fresh, 'Export JSON')).text;
  assert.equal(second, first);
  // And into the same document again: nothing changes, nothing is doubled
  // (it has tags now, so the page asks first: merge).
  await importFile(fresh, 'seed.json', first);
  await fresh.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
  assert.equal((await download(fresh, 'Export JSON')).text, first);
  assert.deepEqual(fresh.errors, []);
});

test('re-anchoring: tags follow their quote into an edited text; what is gone is listed', async () => {
  const page = await tagged();
  await tag(page, 'Antwoord 2', 'volledig antwoord');
  const file = (await download(page, 'Export JSON')).text;
  // A colleague's copy: a line added at the top, answer 2 deleted.
  const edited = `Kopie van collega\n${fixture('seed.txt').replace('Antwoord 2\nJa.\n', '')}`;
  const other = await openPage(browser, server.url);
  await pasteText(other, edited);
  await importFile(other, 'seed.json', file);
  await other.waitForFunction(() => document.querySelectorAll('.m-answer .chip').length >= 3);
  assert.deepEqual(await chips(other.getByRole('region', { name: 'Antwoord 1' })), ['toezegging', 'verwijzing']);
  assert.deepEqual(await chips(other.getByRole('region', { name: 'Antwoord 6 en 7' })), ['weigering']);
  assert.equal(await other.getByRole('region', { name: 'Antwoord 6 en 7' }).getByLabel('Note').inputValue(), 'Zie “motie”, "citaat"\ntweede regel');
  const unplaced = other.locator('#unplaced-panel');
  assert.equal(await unplaced.isVisible(), true);
  assert.match(await unplaced.textContent(), /Antwoord 2.*Ja\..*volledig antwoord/s);
  assert.match(await other.locator('#summary').textContent(), /re-anchored by quote.*1 could not be placed/);
  // Unplaced tags survive a reload.
  await other.reload();
  await other.waitForSelector('html[data-ready="true"]');
  assert.match(await other.locator('#unplaced').textContent(), /volledig antwoord/);
  assert.deepEqual(other.errors, []);
});

test('bad imports: a clear alert, the document and its tags untouched', async () => {
  const page = await tagged();
  const good = (await download(page, 'Export JSON')).text;
  const before = good;
  const edit = (f) => {
    const j = JSON.parse(good);
    f(j);
    return JSON.stringify(j);
  };
  const cases = [
    ['not JSON', 'hello, world', /not JSON/],
    ['truncated', good.slice(0, good.length / 2), /ends too early/],
    ['other format', '{"format":"something-else","version":1}', /“something-else” file/],
    ['W3C', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}', /W3C/],
    ['newer version', edit((j) => { j.version = 2; }), /version 2/],
    ['out of range', edit((j) => { j.answers[0].end = 10 ** 7; }), /past the end/],
    ['negative', edit((j) => { j.dates[0].start = -1; }), /negative/],
    ['not an integer', edit((j) => { j.answers[1].start = 3.5; }), /not a whole number/],
    ['overlapping', edit((j) => { j.answers[2].start = j.answers[1].start; }), /overlap/],
    ['HTML in a tag', edit((j) => { j.answers[0].tags = ['<img src=x onerror=alert(1)>']; }), /HTML/],
    ['HTML in a note', edit((j) => { j.answers[0].note = '<script>alert(1)</script>'; }), /HTML/],
    ['different text', edit((j) => {
      j.document.text = 'Vraag 1\nIets heel anders?\n\nAntwoord 1\nJa.\n';
      delete j.document.sha256;
      delete j.document.length;
      // A well-formed file for that text: no span of the tagged text left
      // (every list of spans, whatever the parser now fills, emptied).
      for (const [k, v] of Object.entries(j)) if (Array.isArray(v) && k !== 'tag_set') j[k] = [];
      for (const [k, v] of Object.entries(j.document)) if (Array.isArray(v)) j.document[k] = [];
    }), /different text/],
    ['array', '[1,2,3]', /not an annotation file/],
  ];
  for (const [what, body, message] of cases) {
    await importFile(page, `${what}.json`, body);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 5000 }).catch(() => assert.fail(`no alert for ${what}`));
    assert.match(await alert.textContent(), message, what);
    assert.match(await alert.textContent(), /Nothing was changed/, what);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  // 50 MB: refused by size before reading.
  const dir = mkdtempSync(join(tmpdir(), 'kva-'));
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.getByLabel('Import annotations').setInputFiles(huge);
  rmSync(dir, { recursive: true });
  assert.match(await page.getByRole('alert').textContent(), /too large \(50 MB\)/);
  // Nothing changed: same text, same tags, same export.
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1);
  assert.equal((await download(page, 'Export JSON')).text, before);
  assert.equal(await page.locator('img, script:not([src])').count(), 0, 'no HTML from the files entered the page');
  assert.deepEqual(page.errors, []);
});

test('the codebook alone: export, import into another browser, bad file refused', async () => {
  const page = await tagged();
  const { name, text } = await download(page, 'Export codebook');
  assert.equal(name, 'codebook.json');
  const book = JSON.parse(text);
  assert.equal(book.format, 'kamervragen-codebook');
  assert.equal(book.codebook.variables.flatMap((v) => v.codes).length, 23, 'the preset\'s 22 codes and the typed one');
  const other = await openPage(browser, server.url);
  await other.getByLabel('Import codebook').setInputFiles({ name: 'codebook.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await other.getByLabel('Name of toezegging').waitFor();
  assert.equal(await other.getByRole('textbox', { name: /^Name of (?!variable )/ }).count(), 23);
  assert.equal(await other.getByLabel('Shortcut key of weigering').inputValue(), '2');
  assert.equal((await download(other, 'Export codebook')).text, text);
  await other.getByLabel('Import codebook').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
  assert.match(await other.getByRole('alert').textContent(), /not a codebook file/);
});

test('a file for another stored document is imported into that document', async () => {
  const page = await tagged();
  const file = (await download(page, 'Export JSON')).text;
  await pasteText(page, 'Vraag 1\nIets anders?\n\nAntwoord 1\nJa.\n');
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2);
  await importFile(page, 'seed.json', file);
  // That document has its tags: the page asks first.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 6);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging', 'verwijzing']);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2);
});
