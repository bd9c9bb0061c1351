// Two coders: the coder's name in every export, imports onto a coded
// document that ask first (replace, undoable; merge; cancel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/** Sets the coder's name as a user does: type, then leave the field. */
async function setCoder(page, name) {
  const field = page.getByLabel('Your name as coder');
  await field.fill(name);
  await field.press('Tab');
}

async function importFile(page, name, body) {
  await page.getByLabel('Import annotations').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
}

test("the coder's name is asked once, remembered, and written into every JSON export", async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'toezegging');
  assert.equal(JSON.parse((await download(page, 'Export JSON')).text).coder, undefined, 'no name: no coder field');
  await setCoder(page, '  Anna de Vries ');
  assert.equal(JSON.parse((await download(page, 'Export JSON')).text).coder, 'Anna de Vries');
  const collection = JSON.parse((await download(page, 'Export all as JSON')).text);
  assert.equal(collection.coder, 'Anna de Vries');
  assert.equal(collection.documents[0].coder, 'Anna de Vries');
  const lines = (await download(page, 'Export all as JSONL')).text.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.every((l) => l.coder === 'Anna de Vries'));
  // Remembered: after a reload the field and the exports have it.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByLabel('Your name as coder').inputValue(), 'Anna de Vries');
  assert.equal(JSON.parse((await download(page, 'Export JSON')).text).coder, 'Anna de Vries');
  // Cleared: absent again.
  await setCoder(page, '');
  assert.equal(JSON.parse((await download(page, 'Export JSON')).text).coder, undefined);
  assert.deepEqual(page.errors, []);
});

/** The seed with Anna's tags (answer 1: toezegging, verwijzing; 6+7: weigering and a note); returns [page, her file]. */
async function annasFile() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'toezegging');
  await tag(page, 'Antwoord 1', 'verwijzing');
  await tag(page, 'Antwoord 6 en 7', 'weigering');
  const note = page.getByRole('region', { name: 'Antwoord 6 en 7' }).getByLabel('Note');
  await note.fill('Annas notitie');
  await note.blur();
  return (await download(page, 'Export JSON')).text;
}

/** A page with the seed and Bert's own tags on answers 1 and 2 and a note on 6+7. */
async function bertsPage() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'volledig');
  await tag(page, 'Antwoord 2', 'ontwijkend');
  const note = page.getByRole('region', { name: 'Antwoord 6 en 7' }).getByLabel('Note');
  await note.fill('Berts notitie');
  await note.blur();
  return page;
}

const region = (page, name) => page.getByRole('region', { name });

/** The chips of region `r` are `want`, waiting (up to 5 s) for the view drawn after an import's choice (placed after the parse with the file's corrections). */
async function expectChips(r, want) {
  for (let i = 0; i < 50 && JSON.stringify(await chips(r)) !== JSON.stringify(want); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.deepEqual(await chips(r), want);
}

test('an import onto a document with tags asks: the dialog, keyboard, Escape cancels, focus returns', async () => {
  const file = await annasFile();
  const page = await bertsPage();
  const before = (await download(page, 'Export JSON')).text;
  await page.getByRole('button', { name: 'Export JSON' }).focus();
  await importFile(page, 'anna.json', file);
  const dialog = page.getByRole('alertdialog', { name: 'This document already has tags or notes' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /anna\.json has tags for “.+”, which already has 2 tags and 1 note/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'focus in the dialog, on the harmless choice');
  // Shortcut keys do not reach the page behind it.
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'export-json', 'focus back where it was');
  assert.equal((await download(page, 'Export JSON')).text, before, 'cancelled: nothing changed');
  // Keyboard only: from Cancel (past Compare as another coder), Shift+Tab twice reaches Merge.
  await importFile(page, 'anna.json', file);
  await dialog.waitFor();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Merge');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await expectChips(region(page, 'Antwoord 1'), ['volledig', 'toezegging', 'verwijzing']);
  assert.deepEqual(page.errors, []);
});

test('merge keeps both codings; replace is one undoable step', async () => {
  const file = await annasFile();
  const page = await bertsPage();
  await importFile(page, 'anna.json', file);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
  await expectChips(region(page, 'Antwoord 1'), ['volledig', 'toezegging', 'verwijzing']);
  assert.deepEqual(await chips(region(page, 'Antwoord 2')), ['ontwijkend']);
  assert.deepEqual(await chips(region(page, 'Antwoord 6 en 7')), ['weigering']);
  assert.equal(await region(page, 'Antwoord 6 en 7').getByLabel('Note').inputValue(), 'Berts notitie\nAnnas notitie');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await chips(region(page, 'Antwoord 1')), ['volledig']);

  const mine = (await download(page, 'Export JSON')).text;
  await importFile(page, 'anna.json', file);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await expectChips(region(page, 'Antwoord 1'), ['toezegging', 'verwijzing']);
  assert.deepEqual(await chips(region(page, 'Antwoord 2')), []);
  assert.equal(await region(page, 'Antwoord 6 en 7').getByLabel('Note').inputValue(), 'Annas notitie');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal((await download(page, 'Export JSON')).text, mine, 'undo brings back exactly what was there');
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.deepEqual(await chips(region(page, 'Antwoord 1')), ['toezegging', 'verwijzing']);
  assert.deepEqual(page.errors, []);
});

test('an import onto a document without tags or notes does not ask', async () => {
  const file = await annasFile();
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await importFile(page, 'anna.json', file);
  await page.waitForFunction(() => document.querySelectorAll('.m-answer .chip').length === 3);
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.deepEqual(await chips(region(page, 'Antwoord 1')), ['toezegging', 'verwijzing']);
});
