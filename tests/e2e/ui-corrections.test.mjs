// Corrections of the parse (issue 15): remove a highlight (Delete, or
// "Remove highlight" in its card), mark a selection as a date, split a block
// at the caret (the dialog asks what the new part is), merge, set numbers,
// turn a question into an answer, correct the header in place in the
// outline; each undoable, kept over a reload, exported (the
// JSON carries `corrections` and the corrected structure) and imported again
// (re-anchored; what cannot be placed is listed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const TEXT = 'Vragen van het lid Jansen (D66) aan de Minister van Financiën (ingezonden 8 augustus 2024).\n\n'
  + 'Vraag 1\nKent u het bericht van 1 mei 2024 over de kosten?\n\n'
  + 'Antwoord 1\nJa. Zie https://www.rijksoverheid.nl/a.\n\n'
  + 'Vraag 2\nWat kost het?\n\n'
  + 'Antwoord 2\nTien euro. Antwoord 3 Dat weet ik niet.\n\n'
  + 'Vraag 3\nWanneer?\n';

/** Selects `quote` (its first occurrence) in the view, or puts the caret at its start (`caret`). */
async function select(page, quote, caret = false) {
  await page.evaluate(([q, c]) => {
    const walker = document.createTreeWalker(document.getElementById('doc-view'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(q);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, c ? i : i + q.length);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(r);
      return;
    }
    throw new Error(`${q} is not in the view`);
  }, [quote, caret]);
  await page.waitForTimeout(50); // selectionchange
}

const dates = (page) => page.locator('#doc-view .m-date').allTextContents();
const regions = (page) => page.locator('#doc-view [role="region"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
/** Clicks button `name` of the corrections toolbar, opening it first ("Correct the reading", remembered). */
async function fix(page, name) {
  const toggle = page.getByRole('button', { name: 'Correct the reading' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('toolbar', { name: 'Correct the reading' }).getByRole('button', { name, exact: true }).click();
}

test('each correction with undo, reload, export and import', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, TEXT);
  await page.waitForSelector('#doc-view .m-date');
  assert.ok((await dates(page)).includes('1 mei 2024'));

  // Remove a highlight: Delete on the focused date; undo brings it back, the notice names it.
  await page.locator('#doc-view .m-date', { hasText: '1 mei 2024' }).focus();
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => ![...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => [...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));
  assert.match(await page.locator('#undo-notice').textContent(), /date highlight “1 mei 2024” removed/);
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => ![...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));

  // Remove a reference with the mouse: resting on it shows its card, with the link and "Remove highlight".
  await page.locator('#doc-view .m-reference--url').hover();
  const card = page.locator('#mark-card');
  await card.waitFor();
  assert.equal(await card.getByRole('tooltip').textContent(), 'Link: https://www.rijksoverheid.nl/a');
  assert.equal(await card.getByRole('link', { name: 'Open link' }).getAttribute('href'), 'https://www.rijksoverheid.nl/a');
  await page.mouse.move(0, 0);
  await card.waitFor({ state: 'hidden' });
  await page.locator('#doc-view .m-reference--url').hover();
  await card.getByRole('button', { name: 'Remove highlight' }).hover(); // the card stays while the pointer goes to it
  await card.getByRole('button', { name: 'Remove highlight' }).click();
  await page.waitForFunction(() => !document.querySelector('#doc-view .m-reference--url'));
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Antwoord 1', null, { timeout: 3000 });
  assert.equal(await card.isVisible(), false);

  // Mark a selection as a date: the dialog asks for the ISO date.
  // (with the mouse: the buttons beside the selection)
  await select(page, 'Tien euro');
  await page.getByRole('group', { name: 'Mark the selection' }).getByRole('button', { name: 'Mark as date' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as date' });
  await dialog.getByLabel(/^Date/).fill('31 mei');
  await dialog.getByRole('button', { name: 'OK' }).click();
  assert.match(await dialog.getByRole('alert').textContent(), /2024-05-01/, 'a date that is not ISO is refused in the dialog');
  await dialog.getByLabel(/^Date/).fill('2024-02-29');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === 'Tien euro'));
  assert.equal(await page.locator('#doc-view .m-date', { hasText: 'Tien euro' }).getAttribute('data-tip'), '2024-02-29');

  // Split Antwoord 2 at the caret before the lost heading "Antwoord 3"; tags stay on the first part.
  await tag(page, 'Antwoord 2', 'kosten');
  assert.ok(!(await regions(page)).includes('Antwoord 3'));
  await select(page, 'Antwoord 3 Dat', true);
  await fix(page, 'Split block here');
  const split = page.getByRole('dialog', { name: 'Split Antwoord 2' });
  assert.equal(await split.getByRole('radio', { name: 'an answer' }).isChecked(), true, 'the heading at the caret says: an answer');
  assert.equal(await split.getByLabel(/^Numbers/).inputValue(), '3');
  await split.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 3' }).waitFor();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Antwoord 3', null, { timeout: 3000 });
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['kosten']);

  // Set numbers, then merge back: the tags of the second block join the first.
  await tag(page, 'Antwoord 3', 'onbekend');
  await page.getByRole('region', { name: 'Antwoord 3' }).focus();
  await fix(page, 'Set numbers…');
  const numbers = page.getByRole('dialog', { name: 'Numbers of Antwoord 3' });
  await numbers.getByLabel(/^Numbers/).fill('3, 4');
  await numbers.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 3 en 4' }).waitFor();
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 3 en 4' })), ['onbekend'], 'the tags follow the new id');
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await fix(page, 'Merge with next block');
  await page.waitForFunction(() => !document.querySelector('[aria-label="Antwoord 3 en 4"]'));
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['kosten', 'onbekend']);
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('Control+z');
  await page.getByRole('region', { name: 'Antwoord 3 en 4' }).waitFor();
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['kosten'], 'undoing the merge gives the tags back');
  assert.match(await page.locator('#undo-notice').textContent(), /Antwoord 2 merged with the next block/);

  // Vraag 3 becomes an answer.
  await page.getByRole('region', { name: 'Vraag 3' }).focus();
  await fix(page, 'Question ↔ answer');
  await page.waitForFunction(() => !document.querySelector('[aria-label="Vraag 3"]'));
  assert.equal((await regions(page)).filter((r) => r === 'Antwoord 3').length, 1);

  // The header, corrected in place in the outline: an asker added (Enter), the received date set (Save), the letter's date added.
  const meta = page.locator('#meta');
  await meta.getByRole('button', { name: 'Correct “Asked by”' }).click();
  assert.equal(await meta.getByLabel('Asked by').inputValue(), 'Jansen (D66)');
  await meta.getByLabel('Asked by').fill('Jansen (D66), De Jong (PVV)');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('meta').textContent.includes('De Jong (PVV)'));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Correct “Asked by”', 'the focus is back on the field’s ✎');
  assert.match(await meta.textContent(), /PartiesD66, PVV/);
  await meta.getByRole('button', { name: 'Correct “Received”' }).click();
  await meta.getByLabel('Received').fill('3 september');
  await meta.getByRole('button', { name: 'Save' }).click();
  assert.match(await meta.getByRole('alert').textContent(), /2024-09-03/, 'a date that is not ISO is refused in place');
  await meta.getByLabel('Received').fill('2024-09-03');
  await meta.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => document.getElementById('meta').textContent.includes('2024-09-03'));
  assert.equal(await meta.locator('dd[data-field="dated"]').textContent(), '—✎', 'no letter date in this text: shown as —');
  await meta.getByRole('button', { name: 'Correct “Dated”' }).click();
  await meta.getByLabel('Dated').fill('2024-09-02');
  await page.keyboard.press('Escape');
  assert.equal(await meta.locator('dd[data-field="dated"]').textContent(), '—✎', 'Esc leaves the field as it was');
  await meta.getByRole('button', { name: 'Correct “Dated”' }).click();
  await meta.getByLabel('Dated').fill('2024-09-02');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#meta dd[data-field="dated"]').textContent.startsWith('2024-09-02'));

  // Reload: every correction is still there.
  const before = await regions(page);
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('#doc-view .m-date');
  assert.deepEqual(await regions(page), before);
  assert.equal(await page.getByRole('toolbar', { name: 'Correct the reading' }).isVisible(), true, 'the toolbar stays open over a reload');
  assert.ok((await dates(page)).includes('Tien euro') && !(await dates(page)).includes('1 mei 2024'));

  // Export: the corrections and the corrected structure.
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.corrections.map((c) => c.kind), ['remove-date', 'remove-reference', 'add-date', 'split', 'set-numbers', 'set-kind', 'header', 'header', 'header']);
  assert.equal(json.document.dated, '2024-09-02');
  assert.deepEqual(json.document.askers.map((a) => [a.name, a.party]), [['Jansen', 'D66'], ['De Jong', 'PVV']]);
  assert.equal(json.document.received, '2024-09-03');
  assert.equal(json.corrections[0].quote, '1 mei 2024');
  assert.deepEqual(json.answers.map((a) => a.id), ['a1', 'a2', 'a3-4', 'a3']);
  assert.deepEqual(json.answers[1].tags, ['kosten']);
  assert.ok(!json.dates.some((d) => d.text === '1 mei 2024'));
  const csv = (await download(page, 'Export CSV')).text;
  assert.match(csv.split('\r\n')[0], /,note,corrections$/);
  assert.match(csv.split('\r\n')[1], /,9$/);
  assert.match(csv.split('\r\n')[1], /Jansen;De Jong,D66;PVV/);
  const w3c = JSON.parse((await download(page, 'Export W3C')).text);
  assert.ok(JSON.stringify(w3c).includes('"exact":"Tien euro."'), 'the W3C export targets Antwoord 2 as corrected (split)');
  assert.deepEqual(page.errors, []);

  // Import onto a changed text (a line added, "Wanneer?" gone): re-anchored; the set-kind is not placed.
  const changed = `Aanhangsel bij de Handelingen\n\n${TEXT.replace('Vraag 3\nWanneer?\n', 'Tot slot.\n')}`;
  const other = await openPage(browser, server.url);
  await pasteText(other, changed);
  await other.waitForSelector('#doc-view .m-date');
  await other.getByLabel('Import annotations').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await other.getByRole('region', { name: 'Antwoord 3 en 4' }).waitFor();
  assert.deepEqual(await chips(other.getByRole('region', { name: 'Antwoord 2' })), ['kosten']);
  assert.ok((await dates(other)).includes('Tien euro'));
  const unplaced = other.locator('#fix-unplaced-panel');
  await unplaced.waitFor();
  assert.match(await unplaced.textContent(), /Question or answer.*there is nothing to correct there|Question or answer.*its text is not in this document/s);
  assert.deepEqual(other.errors, []);
});

test('a correction whose words are gone is listed, dismissed, and the dismissal undone', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, TEXT);
  await page.locator('#doc-view .m-date', { hasText: '1 mei 2024' }).focus();
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => ![...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));
  // Vraag 1 merged with Antwoord 1, and undone.
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await fix(page, 'Merge with next block');
  const kinds = page.getByRole('dialog', { name: 'Merge a question and an answer?' });
  assert.match(await kinds.textContent(), /Antwoord 1 becomes part of Vraag 1/);
  await kinds.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  // The date's words typed over: the correction no longer places and is listed.
  await page.getByLabel('Document text').evaluate((t) => {
    t.focus();
    const i = t.value.indexOf('1 mei 2024');
    t.setSelectionRange(i, i + 10);
  });
  await page.keyboard.type('mei');
  const panel = page.locator('#fix-unplaced-panel');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Removed date.*1 mei 2024.*its text is not in this document/s);
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await panel.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await page.keyboard.press('Control+z');
  await panel.waitFor();
  assert.match(await page.locator('#undo-notice').textContent(), /correction dismissed \(Removed date\)/);
  // Mark as date on words the parser reads as a date: pre-filled with its reading; Cancel changes nothing.
  await select(page, 'augustus 2024');
  await fix(page, 'Mark as date');
  const dialog = page.getByRole('dialog', { name: 'Mark as date' });
  assert.equal(await dialog.getByLabel(/^Date/).inputValue(), '2024-08-08');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // Split Vraag 1 where no heading is: the dialog proposes an answer numbered as the question; the coder makes it a question, Vraag 7.
  await select(page, 'over de kosten', true);
  await fix(page, 'Split block here');
  const split = page.getByRole('dialog', { name: 'Split Vraag 1' });
  assert.equal(await split.getByRole('radio', { name: 'an answer' }).isChecked(), true);
  assert.equal(await split.getByLabel(/^Numbers/).inputValue(), '', 'Antwoord 1 exists: its number is not proposed');
  await split.getByLabel(/^Numbers/).fill('1');
  await split.getByRole('button', { name: 'OK' }).click();
  assert.match(await split.getByRole('alert').textContent(), /Antwoord 1 has that number already/);
  await split.getByRole('radio', { name: 'a question' }).check();
  await split.getByLabel(/^Numbers/).fill('7');
  await split.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Vraag 7' }).waitFor();
  assert.deepEqual((await regions(page)).slice(0, 2), ['Vraag 1', 'Vraag 7']);
  assert.equal(await page.getByRole('region', { name: 'Vraag 7' }).textContent(), 'over de kosten?');
  await page.keyboard.press('Control+z');
  await page.getByRole('region', { name: 'Vraag 7' }).waitFor({ state: 'detached' });
  // Without a mouse: no selection, so the coder types the words, found in the block the toolbar names.
  await page.evaluate(() => document.getSelection().removeAllRanges());
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Mark as date' }).click();
  const words = page.getByRole('dialog', { name: 'Which words in Antwoord 2?' });
  await words.getByLabel('Words as printed').fill('nergens');
  await page.keyboard.press('Enter');
  assert.match(await words.getByRole('alert').textContent(), /These words are not in Antwoord 2/);
  await words.getByLabel('Words as printed').fill('tien   euro');
  await page.keyboard.press('Enter');
  const date = page.getByRole('dialog', { name: 'Mark as date' });
  assert.match(await date.textContent(), /“Tien euro”/, 'found whatever the case and spacing, and selected');
  await date.getByRole('button', { name: 'Cancel' }).click();
  await page.evaluate(() => document.getSelection().removeAllRanges());
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Split block here' }).click();
  await page.getByRole('dialog', { name: 'Split Antwoord 2 before which words?' }).getByLabel('Words as printed').fill('Antwoord 3 Dat');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Split Antwoord 2' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 3' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the keyboard alone: ← to a date, its card, Tab to "Remove highlight", Shift+Tab back, Enter removes', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 800, height: 900 } });
  await pasteText(page, TEXT);
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '1 mei 2024');
  const card = page.locator('#mark-card');
  await card.waitFor();
  assert.equal(await card.getByRole('tooltip').textContent(), 'Date: 2024-05-01');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Remove highlight');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '1 mei 2024', 'Shift+Tab goes back to the date');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '1 mei 2024', 'Esc goes back to the date');
  assert.equal(await card.isVisible(), false, 'and closes the card');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#doc-view .m-date[data-s]') || ![...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Vraag 1');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => [...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === '1 mei 2024'));
  assert.deepEqual(page.errors, []);
});

test('correcting one respondent in place leaves the others as they were (the one on whose behalf too)', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  const before = JSON.parse((await download(page, 'Export JSON')).text).document.respondents;
  await page.getByRole('button', { name: 'Correct “Answered by”' }).click();
  const field = page.locator('#meta').getByLabel('Answered by');
  assert.equal(await field.inputValue(), 'Minister Klever (Buitenlandse Handel en Ontwikkelingshulp); Minister Veldkamp (Buitenlandse Zaken); Minister (Infrastructuur en Waterstaat)');
  await field.fill((await field.inputValue()).replace('Klever', 'Klever-de Vries'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('meta').textContent.includes('Klever-de Vries'));
  const after = JSON.parse((await download(page, 'Export JSON')).text).document.respondents;
  const plain = (list) => list.map(({ role, name, portfolio, on_behalf: behalf }) => ({ role, name, portfolio, behalf }));
  assert.deepEqual(plain(after), plain(before).map((r, i) => (i === 0 ? { ...r, name: 'Klever-de Vries' } : r)));
  assert.deepEqual(page.errors, []);
});

test('the toolbar acts on the block the coder was at, not on those Shift+Tab crossed; c goes there; both kinds of a pair merged only when asked; two blocks of one name refused; corrections that cancel out leave none', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 5' }).waitFor();
  await page.getByRole('button', { name: 'Correct the reading' }).click();
  await page.getByRole('region', { name: 'Antwoord 5' }).focus();
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement.textContent)) !== 'Set numbers…'; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.locator('#fix-target').textContent(), 'For Antwoord 5:');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Numbers of Antwoord 5' }).waitFor();
  await page.keyboard.press('Escape');
  // c from a block: the toolbar, for that block; Esc back to it.
  await page.getByRole('region', { name: 'Vraag 2' }).focus();
  await page.keyboard.press('c');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[role="toolbar"]') !== null), true);
  assert.equal(await page.locator('#fix-target').textContent(), 'For Vraag 2:');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Vraag 2');
  // Vraag 2 merged with its answer, which has a tag: asked first; Cancel changes nothing; OK removes the tag (undo brings it back).
  await tag(page, 'Antwoord 2', 'bevestigend');
  await page.getByRole('region', { name: 'Vraag 2' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Merge with next block' }).click();
  const ask = page.getByRole('dialog', { name: 'Codes of another kind of block' });
  assert.match(await ask.textContent(), /Antwoord 2 has codes \(bevestigend\)/);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.ok((await regions(page)).includes('Antwoord 2'), 'Cancel: not merged');
  await page.getByRole('region', { name: 'Vraag 2' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Merge with next block' }).click();
  await ask.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 2' }).waitFor({ state: 'detached' });
  let json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.ok(!JSON.stringify(json.questions).includes('bevestigend') && !JSON.stringify(json.answers).includes('bevestigend'), 'the tag is not carried to the question');
  await page.getByRole('region', { name: 'Vraag 2' }).focus();
  await page.keyboard.press('Control+z');
  await page.getByRole('region', { name: 'Antwoord 2' }).waitFor();
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['bevestigend']);
  assert.ok(await page.evaluate(() => document.getElementById('doc-view').contains(document.activeElement)), 'the focus stays in the view after an undo');
  // Question ↔ answer on Vraag 6 en 7, while Antwoord 6 en 7 exists: refused (two blocks of one name), said on screen.
  await page.getByRole('region', { name: 'Vraag 6 en 7' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Question ↔ answer' }).click();
  await page.waitForFunction(() => /Antwoord 6 en 7 has its number/.test(document.getElementById('undo-notice').textContent));
  // Numbers set twice on Antwoord 5, the second time back to 5: back as read, no correction left.
  for (const n of ['8', '5']) {
    await page.locator('#doc-view [role="region"][aria-label^="Antwoord"]').nth(4).focus();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Set numbers…' }).click();
    await page.locator('#fix-dialog').getByLabel(/^Numbers/).fill(n);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: `Antwoord ${n}` }).waitFor();
  }
  json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.corrections, undefined, 'the two cancel out');
  assert.deepEqual(page.errors, []);
});

test('refusals are seen and keep what was typed; a cross-reference\'s card names the answer; a half-typed tag survives a correction', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 4' }).waitFor();
  // A correction the core refuses (nothing after the last block to merge with): a notice on screen.
  const last = page.locator('#doc-view [role="region"]').last();
  await last.focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Merge with next block' }).click();
  await page.waitForFunction(() => /Not corrected/.test(document.getElementById('undo-notice').textContent));
  assert.equal(await page.locator('#undo-notice').isVisible(), true);
  // A day that does not exist: refused in the dialog, which stays open with what was typed.
  await select(page, 'Nederland was aanwezig');
  await fix(page, 'Mark as date');
  const dialog = page.getByRole('dialog', { name: 'Mark as date' });
  await dialog.getByLabel(/^Date/).fill('2024-02-30');
  await dialog.getByRole('button', { name: 'OK' }).click();
  assert.match(await dialog.getByRole('alert').textContent(), /not valid/);
  assert.equal(await dialog.getByLabel(/^Date/).inputValue(), '2024-02-30');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // A selection across two blocks is refused.
  await page.evaluate(() => {
    const text = (sel, word) => {
      const walker = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.includes(word)) return [n, n.data.indexOf(word)];
      throw new Error(word);
    };
    const r = document.createRange();
    r.setStart(...text('[aria-label="Antwoord 2"] .answer-text', 'Ja.'));
    r.setEnd(...text('[aria-label="Vraag 3"]', 'Nederland'));
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(r);
  });
  await page.waitForTimeout(50);
  await fix(page, 'Mark as reference');
  assert.equal(await page.getByRole('dialog', { name: 'Mark as reference' }).count(), 0);
  await page.waitForFunction(() => /within one question, answer or paragraph/.test(document.getElementById('undo-notice').textContent));
  // The header: a day that does not exist refused in place; what is typed in one field is kept when another is opened.
  const meta = page.locator('#meta');
  await meta.getByRole('button', { name: 'Correct “Received”' }).click();
  await meta.getByLabel('Received').fill('2024-02-30');
  await page.keyboard.press('Enter');
  assert.match(await meta.getByRole('alert').textContent(), /2024-09-03/);
  await meta.getByLabel('Received').fill('2024-09-04');
  await meta.getByRole('button', { name: 'Correct “Dated”' }).click();
  await page.waitForFunction(() => document.querySelector('#meta dd[data-field="received"]').textContent.startsWith('2024-09-04'));
  assert.equal(await meta.getByLabel('Dated').isVisible(), true);
  await page.keyboard.press('Escape');
  // A cross-reference's card: the answer's name, not its id.
  await page.getByRole('region', { name: 'Antwoord 4' }).focus();
  for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement.classList.contains('m-reference--cross-reference'))); i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#mark-card').getByRole('tooltip').textContent(), 'Refers to: Antwoord 3');
  // Tab from the card's last button goes on in the text, not to the codebook.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('doc-view').contains(document.activeElement)), 'after the card: on in the document');
  // Words typed in an "Add tag" field survive a correction elsewhere.
  await page.getByRole('region', { name: 'Antwoord 1' }).getByLabel('Add tag').fill('half getypt');
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Vraag 1');
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).getByLabel('Add tag').inputValue(), 'half getypt');
  // A block whose numbers were corrected shows what it is now.
  await page.getByRole('region', { name: 'Antwoord 6 en 7' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Set numbers…' }).click();
  await page.getByRole('dialog', { name: 'Numbers of Antwoord 6 en 7' }).getByLabel(/^Numbers/).fill('6');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Antwoord 6' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Antwoord 6' }).getAttribute('data-label'), 'Antwoord 6');
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).getAttribute('data-label'), null);
  assert.deepEqual(page.errors, []);
});

test('a merge keeps one code of a one-of variable (asked first); numbers another block has are refused; a header needs closed parentheses; the focus survives undo in the outline and on the Undo button', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, TEXT);
  await page.getByRole('region', { name: 'Antwoord 2' }).waitFor();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  // Antwoord 2 split, each part coded under "Soort antwoord" (one of): 5 = volledig antwoord, 2 = weigering.
  await select(page, 'Antwoord 3 Dat', true);
  await fix(page, 'Split block here');
  await page.getByRole('dialog', { name: 'Split Antwoord 2' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 3' }).waitFor();
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('5');
  await page.getByRole('region', { name: 'Antwoord 3' }).focus();
  await page.keyboard.press('2');
  await page.getByRole('region', { name: 'Antwoord 3' }).locator('.chip', { hasText: 'weigering' }).waitFor();
  // Numbers Antwoord 1 has already: refused in the dialog.
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Set numbers…' }).click();
  const numbers = page.getByRole('dialog', { name: 'Numbers of Antwoord 3' });
  await numbers.getByLabel(/^Numbers/).fill('1');
  await numbers.getByRole('button', { name: 'OK' }).click();
  assert.match(await numbers.getByRole('alert').textContent(), /Antwoord 1 has that number already/);
  await numbers.getByRole('button', { name: 'Cancel' }).click();
  // Merge: asked (Cancel first), then weigering is dropped and volledig antwoord kept.
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Merge with next block' }).click();
  const ask = page.getByRole('dialog', { name: 'Two codes where one is allowed' });
  assert.match(await ask.textContent(), /Antwoord 2 has a code .*\(weigering\)/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'the question starts on Cancel');
  await ask.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Antwoord 3' }).waitFor({ state: 'detached' });
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['volledig antwoord']);
  assert.equal(JSON.parse((await download(page, 'Export JSON')).text).corrections, undefined, 'the merge undoes the split: neither is kept');
  // The Undo button: the last undo hands the focus to Redo.
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  for (let i = 0; i < 10 && !(await undoButton.isDisabled()); i++) await undoButton.click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Redo');
  // A header with an open parenthesis is refused in place; an undo in the outline keeps the focus on the ✎.
  const meta = page.locator('#meta');
  await meta.getByRole('button', { name: 'Correct “Asked by”' }).click();
  await meta.getByLabel('Asked by').fill('Jansen (D66');
  await page.keyboard.press('Enter');
  assert.match(await meta.getByRole('alert').textContent(), /Close every/);
  assert.equal(await meta.getByLabel('Asked by').getAttribute('aria-invalid'), 'true');
  await meta.getByLabel('Asked by').fill('Jansen (D66), Bos (CDA)');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('meta').textContent.includes('Bos (CDA)'));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.getElementById('meta').textContent.includes('Bos (CDA)'));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Correct “Asked by”');
  // A card opened by the pointer goes when the pointer leaves for plain text.
  await page.locator('#doc-view .m-date').first().hover();
  await page.locator('#mark-card').waitFor();
  const box = await page.getByRole('region', { name: 'Vraag 2' }).boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height - 8);
  await page.locator('#mark-card').waitFor({ state: 'hidden', timeout: 2000 });
  assert.deepEqual(page.errors, []);
});
