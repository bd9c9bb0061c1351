// Two coders (issue 14): "Compare with another coder…" and the import
// dialog's "Compare as another coder": the agreement report (the core's
// figures, checked against the release CLI's `kamervragen agreement` on the
// same two files; "undefined" in words; its CSV; what could not be compared),
// and adjudication (Keep A, Keep B, other codes; undo; reload).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chips, csvRows, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const CLI = fileURLToPath(new URL('../../target/release/kamervragen', import.meta.url));

/** `kamervragen agreement a b` of the two texts (files in a temporary folder), as JSON or CSV text. */
function cliAgreement(a, b, format = 'json') {
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --release --bin kamervragen`);
  const dir = mkdtempSync(join(tmpdir(), 'compare-agree-'));
  try {
    writeFileSync(join(dir, 'a.json'), a);
    writeFileSync(join(dir, 'b.json'), b);
    const out = execFileSync(CLI, ['agreement', join(dir, 'a.json'), join(dir, 'b.json'), '--format', format], { encoding: 'utf8' });
    return format === 'json' ? JSON.parse(out) : out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setCoder(page, name) {
  const field = page.getByLabel('Your name as coder');
  await field.fill(name);
  await field.press('Tab');
}

/** A page with the seed coded by `coder` with `tags` ({answer region: [tags]}); the tag set also has an unused tag. */
async function coded(coder, tags) {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await setCoder(page, coder);
  await page.getByLabel('New tag name').fill('nooit gebruikt');
  await page.getByLabel('New tag name').press('Enter');
  for (const [answer, names] of Object.entries(tags)) for (const name of names) await tag(page, answer, name);
  return page;
}

const ANNA = { 'Antwoord 1': ['toezegging', 'verwijzing'], 'Antwoord 2': ['weigering'], 'Antwoord 3': ['toezegging'], 'Antwoord 6 en 7': ['weigering'] };
const BERT = { 'Antwoord 1': ['toezegging'], 'Antwoord 2': ['weigering'], 'Antwoord 4': ['toezegging'], 'Antwoord 6 en 7': ['weigering', 'verwijzing'] };

async function compare(page, name, text) {
  await page.getByLabel('Compare with another coder…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The report table's rows as text cells. */
const reportRows = (page) => page.locator('#report-rows tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

const pct = (x) => `${(x * 100).toFixed(1)} %`;
const fix = (x) => x.toFixed(3);
/** The page's cells for a CLI row: figures as the page shows them, "undefined (why)" where null. */
function expected(row, name, code) {
  const why = row.units ? row.undefined : 'no unit was coded by both coders';
  return [name, code, String(row.units),
    row.percent_agreement == null ? `undefined (${why})` : pct(row.percent_agreement),
    row.cohen_kappa == null ? `undefined (${why})` : fix(row.cohen_kappa),
    row.krippendorff_alpha == null ? `undefined (${why})` : fix(row.krippendorff_alpha)];
}

test('Compare with another coder…: the figures are the CLI\'s on the same two files, undefined in words, the CSV is the CLI\'s, nothing changes', async () => {
  const anna = await coded('Anna', ANNA);
  const annaFile = (await download(anna, 'Export JSON')).text;
  const bert = await coded('Bert', BERT);
  const bertFile = (await download(bert, 'Export JSON')).text;

  await bert.getByRole('button', { name: 'Export JSON' }).focus();
  await compare(bert, 'anna.json', annaFile);
  const report = bert.getByRole('dialog', { name: 'Agreement report' });
  await report.waitFor();
  assert.equal(await bert.evaluate(() => document.activeElement.id), 'report-h', 'focus on the report');
  assert.match(await bert.locator('#report-about').textContent(), /^Bert and Anna: 1 document compared\.$/);
  // A real table with column and row headers.
  assert.deepEqual(await report.getByRole('columnheader').allTextContents(),
    ['Variable', 'Code', 'Units coded by both', 'Percent agreement', "Cohen's κ", "Krippendorff's α"]);
  assert.ok(await report.getByRole('rowheader').count() > 3);

  const cli = cliAgreement(bertFile, annaFile);
  const rows = await reportRows(bert);
  const want = [];
  for (const v of cli.variables) {
    want.push(expected(v, v.variable, '(all codes)'));
    for (const c of cli.codes.filter((c) => c.variable === v.variable)) want.push(expected(c, c.variable, c.code));
  }
  assert.deepEqual(rows, want);
  const row = (code) => rows.find((r) => r[1] === code);
  // By hand: both coded answers 1, 2 and 6+7 (3 and 4 by one coder only: missing for the other).
  assert.equal(row('(all codes)')[2], '3');
  assert.equal(row('weigering')[3], '100.0 %');
  assert.equal(row('toezegging')[3], '100.0 %');
  assert.equal(row('verwijzing')[3], '33.3 %');
  assert.equal(row('nooit gebruikt')[4], 'undefined (both coders gave every unit the same value (absent): with no variation there is nothing to agree on beyond chance)',
    'an unused code: undefined and why, never 1.0');
  assert.ok(!rows.flat().some((t) => /NaN|Infinity/.test(t)));
  // The CSV: the core's, byte for byte the CLI's.
  const csv = await download(bert, 'Export report as CSV');
  assert.equal(csv.name, 'agreement-report.csv');
  assert.equal(csv.text, cliAgreement(bertFile, annaFile, 'csv'));
  assert.deepEqual(csvRows(csv.text)[0].slice(0, 3), ['row', 'variable', 'code']);
  assert.deepEqual(await bert.locator('#report-unmatched li').allTextContents(), ['Every coded unit of both files was compared.']);
  await bert.keyboard.press('Escape');
  await report.waitFor({ state: 'hidden' });
  assert.equal(await bert.evaluate(() => document.activeElement.id), 'export-json', 'focus back');
  assert.equal((await download(bert, 'Export JSON')).text, bertFile, 'comparing changes nothing');
  assert.deepEqual(bert.errors, []);
  assert.deepEqual(anna.errors, []);
});

test('what cannot be matched is listed, not dropped: a document only one file has, an answer the text does not have', async () => {
  const anna = await coded('Anna', { 'Antwoord 1': ['toezegging'], 'Antwoord 2': ['weigering'] });
  await pasteText(anna, 'Vraag 1\nAlleen bij Anna?\n\nAntwoord 1\nJa.\n');
  await tag(anna, 'Antwoord 1', 'toezegging');
  const annaAll = JSON.parse((await download(anna, 'Export all as JSON')).text);
  // An answer no version of the text has (a file edited by hand, or of another parser).
  const seedDoc = annaAll.documents.find((d) => d.answers.length > 1);
  seedDoc.answers.push({ ...seedDoc.answers[0], id: 'a99', text: 'Nergens in de tekst.', tags: ['verwijzing'] });
  const annaText = JSON.stringify(annaAll);
  const bert = await coded('Bert', { 'Antwoord 1': ['toezegging'], 'Antwoord 2': ['toezegging'] });
  const bertAll = (await download(bert, 'Export all as JSON')).text;
  await compare(bert, 'anna-all.json', annaText);
  await bert.getByRole('dialog', { name: 'Agreement report' }).waitFor();
  const cli = cliAgreement(bertAll, annaText);
  assert.deepEqual((await reportRows(bert))[0], expected(cli.variables[0], 'tags', '(all codes)'));
  const listed = await bert.locator('#report-unmatched li').allTextContents();
  assert.equal(listed.length, cli.unmatched.length, JSON.stringify(listed));
  assert.ok(listed.some((l) => /^File B \(anna-all\.json\): .*a99/.test(l)), JSON.stringify(listed));
  assert.ok(listed.some((l) => /^File B \(anna-all\.json\): .*no document with this text/.test(l)), JSON.stringify(listed));
  // The page words each reason from its code: in English as the CLI says it, in Dutch in Dutch.
  const noDocument = cli.unmatched.find((u) => u.reason.includes('no document with this text'));
  assert.ok(listed.some((l) => l.endsWith(`: ${noDocument.reason}`)), noDocument.reason);
  await bert.getByRole('dialog', { name: 'Agreement report' }).getByRole('button', { name: 'Close' }).click();
  await bert.getByLabel('Language').selectOption('nl');
  await bert.locator('#compare-file').setInputFiles({ name: 'anna-all.json', mimeType: 'application/json', buffer: Buffer.from(annaText) });
  await bert.getByRole('dialog', { name: 'Overeenstemmingsrapport' }).waitFor();
  const dutch = await bert.locator('#report-unmatched li').allTextContents();
  assert.ok(dutch.some((l) => l.includes('heeft geen document met deze tekst (sha256) of dit id (1 gecodeerde eenheid niet vergeleken)')), JSON.stringify(dutch));
  assert.ok(dutch.some((l) => /a99: dit antwoord staat niet in het document/.test(l)), JSON.stringify(dutch));
  assert.deepEqual(bert.errors, []);
});

test('a file that is not an export: a clear alert, nothing changed', async () => {
  const page = await coded('Bert', { 'Antwoord 1': ['toezegging'] });
  const before = (await download(page, 'Export JSON')).text;
  await compare(page, 'x.json', '{"format":"x"}');
  await page.locator('#import-error').waitFor(); // the file is read asynchronously
  assert.match(await page.locator('#import-error').textContent(), /Compare failed: the file is not a Kamervragen Annotator export/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await compare(page, 'y.json', '{"format":');
  await page.locator('#import-error').waitFor();
  assert.match(await page.locator('#import-error').textContent(), /Compare failed: The file is not complete JSON/);
  assert.equal(await page.getByRole('dialog', { name: 'Agreement report' }).count(), 0);
  assert.equal((await download(page, 'Export JSON')).text, before);
  assert.deepEqual(page.errors, []);
});

test('the import dialog offers "Compare as another coder": the report, nothing imported', async () => {
  const anna = await coded('Anna', ANNA);
  const annaFile = (await download(anna, 'Export JSON')).text;
  const bert = await coded('Bert', BERT);
  const before = (await download(bert, 'Export JSON')).text;
  await bert.getByLabel('Import annotations').setInputFiles({ name: 'anna.json', mimeType: 'application/json', buffer: Buffer.from(annaFile) });
  await bert.getByRole('alertdialog').getByRole('button', { name: 'Compare as another coder' }).click();
  await bert.getByRole('dialog', { name: 'Agreement report' }).waitFor();
  assert.deepEqual((await reportRows(bert))[0], expected(cliAgreement(before, annaFile).variables[0], 'tags', '(all codes)'));
  await bert.getByRole('button', { name: 'Close', exact: true }).click();
  assert.equal((await download(bert, 'Export JSON')).text, before, 'nothing imported');
  assert.deepEqual(bert.errors, []);
});

/** The adjudication list's items: [heading, A's coding, B's coding]. */
const items = (page) => page.locator('#adjudicate-list > li').evaluateAll((lis) => lis.map((li) => [li.querySelector('h3').textContent, ...[...li.querySelectorAll('dd')].map((d) => d.textContent)]));

test('adjudication: Keep A, Keep B, other codes; the list shrinks; undo brings an answer back; saved over a reload', async () => {
  const anna = await coded('Anna', ANNA);
  const annaFile = (await download(anna, 'Export JSON')).text;
  const bert = await coded('Bert', BERT);
  await compare(bert, 'anna.json', annaFile);
  await bert.getByRole('button', { name: 'Settle the differences (4)' }).click();
  const panel = bert.getByRole('region', { name: 'Settle the differences' });
  await panel.waitFor();
  assert.equal(await bert.evaluate(() => document.activeElement.id), 'adjudicate-h');
  const doc = (await bert.locator('#adjudicate-list h3').first().textContent()).split(' · ')[0];
  assert.ok(doc.startsWith('Boswijk (CDA)'), doc);
  const item = (answer, a, b) => [`${doc} · ${answer}`, a, b];
  assert.deepEqual(await items(bert), [
    item('Antwoord 1', 'toezegging', 'toezegging, verwijzing'),
    item('Antwoord 3', 'not coded', 'toezegging'),
    item('Antwoord 4', 'toezegging', 'not coded'),
    item('Antwoord 6 en 7', 'weigering, verwijzing', 'weigering'),
  ]);
  // Each answer's text is shown with its codings.
  assert.match(await bert.locator('#adjudicate-list blockquote').first().textContent(), /\S{20}/);
  const focused = () => bert.evaluate(() => `${document.activeElement.closest('li')?.querySelector('h3').textContent.split(' · ')[1]}: ${document.activeElement.textContent}`);
  const answerChips = async (answer) => (await chips(bert.getByRole('region', { name: answer }))).sort();

  // Keyboard: Tab from the heading to the first answer's Keep A; Enter keeps A (nothing changes) and the list shrinks.
  await bert.keyboard.press('Tab');
  assert.equal(await focused(), 'Antwoord 1: Keep A');
  await bert.keyboard.press('Enter');
  assert.equal((await items(bert)).length, 3);
  assert.equal(await focused(), 'Antwoord 3: Keep A', 'focus on the next answer');
  assert.deepEqual(await answerChips('Antwoord 1'), ['toezegging']);
  // Up and down move between the answers; a letter key does not reach the page's shortcuts.
  await bert.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Antwoord 4: Keep A');
  await bert.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'Antwoord 3: Keep A');
  await bert.keyboard.press('1');
  assert.deepEqual(await answerChips('Antwoord 3'), []);

  // Keep B: B's codes written into the collection.
  await bert.keyboard.press('Tab');
  assert.equal(await focused(), 'Antwoord 3: Keep B');
  await bert.keyboard.press('Enter');
  assert.deepEqual(await answerChips('Antwoord 3'), ['toezegging']);
  assert.deepEqual((await items(bert)).map((x) => x[0]), [`${doc} · Antwoord 4`, `${doc} · Antwoord 6 en 7`]);
  assert.match(await bert.locator('#adjudicate-status').textContent(), /Antwoord 3: B's codes taken\. Undo: Ctrl\+Z/);
  // Undone (Ctrl+Z, the document's own undo): the tags go back, the notice says so, the answer is back in the list.
  await bert.keyboard.press('Control+z');
  assert.deepEqual(await answerChips('Antwoord 3'), []);
  assert.match(await bert.locator('#undo-notice').textContent(), /^Undone: .*Antwoord 3: B's codes taken/);
  assert.ok(await bert.locator('#undo-notice').isVisible());
  assert.deepEqual((await items(bert)).map((x) => x[0].split(' · ')[1]), ['Antwoord 3', 'Antwoord 4', 'Antwoord 6 en 7']);
  await bert.locator('#adjudicate-list > li').first().getByRole('button', { name: 'Keep B' }).click();
  assert.deepEqual(await answerChips('Antwoord 3'), ['toezegging']);

  // Other codes: the checkboxes start from the current codes.
  const last = bert.locator('#adjudicate-list > li').last();
  const other = last.getByRole('group', { name: 'Other codes' });
  assert.equal(await other.getByRole('checkbox', { name: 'verwijzing' }).isChecked(), true);
  await other.getByRole('checkbox', { name: 'verwijzing' }).uncheck();
  await other.getByRole('checkbox', { name: 'toezegging' }).check();
  await other.getByRole('button', { name: 'Use these codes' }).click();
  assert.deepEqual(await answerChips('Antwoord 6 en 7'), ['toezegging', 'weigering']);
  await bert.locator('#adjudicate-list > li').first().getByRole('button', { name: 'Keep A' }).click();
  assert.equal((await items(bert)).length, 0);
  assert.equal(await bert.locator('#adjudicate-count').textContent(), 'Every difference with Anna is settled.');

  // Saved: a reload keeps every choice.
  const exported = JSON.parse((await download(bert, 'Export JSON')).text);
  await bert.reload();
  await bert.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await answerChips('Antwoord 1'), ['toezegging']);
  assert.deepEqual(await answerChips('Antwoord 3'), ['toezegging']);
  assert.deepEqual(await answerChips('Antwoord 4'), ['toezegging']);
  assert.deepEqual(await answerChips('Antwoord 6 en 7'), ['toezegging', 'weigering']);
  assert.deepEqual(JSON.parse((await download(bert, 'Export JSON')).text).answers, exported.answers);
  assert.deepEqual(bert.errors, []);
});

test('adjudication across a collection: a choice in another document shows that document, and its undo takes the choice back', async () => {
  const other = 'Vraag 1\nIs er een tweede document?\n\nAntwoord 1\nJa, dit is het tweede.\n\nVraag 2\nEn nog een vraag?\n\nAntwoord 2\nNee.\n';
  const anna = await coded('Anna', { 'Antwoord 1': ['toezegging'] });
  await pasteText(anna, other);
  await tag(anna, 'Antwoord 2', 'weigering');
  const annaAll = (await download(anna, 'Export all as JSON')).text;
  const bert = await coded('Bert', { 'Antwoord 1': ['toezegging'] });
  await pasteText(bert, other);
  // Back on the seed: the difference is in the other document.
  await bert.getByRole('button', { name: /^Boswijk/ }).first().click();
  await bert.getByRole('region', { name: 'Antwoord 6 en 7' }).waitFor();
  await compare(bert, 'anna-all.json', annaAll);
  await bert.getByRole('button', { name: 'Settle the differences (1)' }).click();
  const [[heading, a, b]] = await items(bert);
  assert.match(heading, / · Antwoord 2$/);
  assert.deepEqual([a, b], ['not coded', 'weigering']);
  assert.doesNotMatch(heading, /^Boswijk/);
  await bert.getByRole('button', { name: 'Keep B' }).click();
  // That document is on screen, with B's code.
  await bert.getByRole('region', { name: 'Antwoord 2' }).waitFor();
  assert.equal(await bert.getByRole('region', { name: 'Antwoord 6 en 7' }).count(), 0);
  assert.deepEqual(await chips(bert.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  assert.equal((await items(bert)).length, 0);
  await bert.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await chips(bert.getByRole('region', { name: 'Antwoord 2' })), []);
  assert.equal((await items(bert)).length, 1, 'undone: back in the list');
  assert.deepEqual(bert.errors, []);
});

test('in Dutch: the report and the list speak Dutch ("ongedefinieerd", "B overnemen")', async () => {
  const anna = await coded('Anna', ANNA);
  const annaFile = (await download(anna, 'Export JSON')).text;
  const page = await coded('Bert', { 'Antwoord 1': ['toezegging'], 'Antwoord 2': ['weigering'] });
  await page.locator('#lang-switch').selectOption('nl');
  await page.locator('#compare-file').setInputFiles({ name: 'anna.json', mimeType: 'application/json', buffer: Buffer.from(annaFile) });
  await page.locator('#report').waitFor();
  const rows = await reportRows(page);
  assert.equal(rows[0][1], '(alle codes)');
  assert.equal(rows.find((r) => r[1] === 'nooit gebruikt')[4], 'ongedefinieerd (beide codeurs gaven elke eenheid dezelfde waarde (afwezig): zonder variatie valt er boven toeval niets te meten)');
  assert.match(await page.locator('#report-about').textContent(), /^Bert en Anna: 1 document vergeleken\.$/);
  assert.equal(await page.locator('#report-h').textContent(), 'Overeenstemmingsrapport');
  assert.equal(await page.getByRole('columnheader').nth(4).textContent(), 'Cohens κ');
  await page.locator('#report-settle').click();
  assert.match(await page.locator('#adjudicate-count').textContent(), /^3 plaatsen waar jij en Anna verschillen\.$/);
  assert.deepEqual(await page.locator('#adjudicate-list > li').first().getByRole('button').allTextContents(), ['A aanhouden', 'B overnemen', 'Deze codes gebruiken']);
  assert.deepEqual(page.errors, []);
});

test('adjudication of a question\'s and the document\'s codes: listed by their names, Keep B writes them, the other codes are those of their level', async () => {
  /** The seed with the preset codebook; `question` on Vraag 1 (Soort vraag) and `topic` on the document (Beleidsterrein). */
  async function withCodes(coder, question, topic) {
    const page = await openPage(browser, server.url);
    await pasteText(page, fixture('seed.txt'));
    await setCoder(page, coder);
    await page.getByRole('button', { name: 'Load preset scheme' }).click();
    await page.getByRole('region', { name: 'Vraag 1' }).getByRole('group', { name: 'Soort vraag' }).getByRole('button', { name: question }).click();
    await page.getByRole('group', { name: 'Beleidsterrein' }).getByRole('button', { name: topic }).click();
    return page;
  }
  const anna = await withCodes('Anna', 'feitenvraag', 'migratie');
  const annaFile = (await download(anna, 'Export JSON')).text;
  const bert = await withCodes('Bert', 'opinievraag', 'economie');
  await compare(bert, 'anna.json', annaFile);
  await bert.getByRole('button', { name: 'Settle the differences (2)' }).click();
  const names = (await items(bert)).map((x) => [x[0].split(' · ')[1], x[1], x[2]]);
  assert.deepEqual(names.sort(), [['The document', 'economie', 'migratie'], ['Vraag 1', 'opinievraag', 'feitenvraag']].sort());
  const question = bert.locator('#adjudicate-list > li', { hasText: 'Vraag 1' });
  // Other codes: only those of the question's level (no answer codes such as "toezegging").
  const offered = await question.getByRole('group', { name: 'Other codes' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.ok(offered.includes('verzoek om actie') && !offered.includes('toezegging'), offered.join(', '));
  await question.getByRole('button', { name: 'Keep B' }).click();
  const pressed = (page, where) => where.locator('button[aria-pressed="true"]').allTextContents();
  assert.deepEqual(await pressed(bert, bert.getByRole('region', { name: 'Vraag 1' }).getByRole('group', { name: 'Soort vraag' })), ['feitenvraag']);
  assert.equal((await items(bert)).length, 1);
  await bert.locator('#adjudicate-list > li').first().getByRole('button', { name: 'Keep B' }).click();
  assert.deepEqual(await pressed(bert, bert.getByRole('group', { name: 'Beleidsterrein' })), ['migratie']);
  assert.equal(await bert.locator('#adjudicate-count').textContent(), 'Every difference with Anna is settled.');
  const json = JSON.parse((await download(bert, 'Export JSON')).text);
  assert.deepEqual(json.document.tags, ['migratie']);
  assert.deepEqual(json.questions[0].tags, ['feitenvraag']);
  // Undo takes the document's choice back, and it is listed again.
  await bert.keyboard.press('Control+z');
  assert.deepEqual(await pressed(bert, bert.getByRole('group', { name: 'Beleidsterrein' })), ['economie']);
  assert.deepEqual((await items(bert)).map((x) => x[0].split(' · ')[1]), ['The document']);
  assert.deepEqual(bert.errors, []);
});
