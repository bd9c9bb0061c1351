// The codebook (issue 14) in a real browser: writing one by keyboard only
// (where the focus goes after each edit), keys 1–9 on a one-of variable
// (replace) and an any-of variable (toggle) with undo, codes at the answer,
// question and document levels in the JSON and CSV exports, a code's
// definition on hover and on focus, codebook files (JSON round trip, a
// refused file, Markdown), a tag set of before read as one any-of variable,
// and all of it after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, csvRows, download, fixture, openPage, pasteText, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/** The aria-label (else the text) of the element with the focus. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.getAttribute('aria-label') ?? el?.textContent ?? el?.tagName;
});

async function withPreset() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  return page;
}

test('writing a codebook by keyboard only: the focus goes to the next field after every edit', async () => {
  const page = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'Add variable' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Name of variable variable 1', 'a new variable: focus on its name, selected');
  await page.keyboard.type('Soort antwoord'); // types over the selected name
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Type of variable Soort antwoord', 'renamed, and Tab went on to the type');
  await page.getByRole('combobox', { name: 'Type of variable Soort antwoord' }).selectOption('one-of');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Level of variable Soort antwoord');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Remove variable Soort antwoord and its codes');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Add code to Soort antwoord');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Name of code 1', 'a new code: focus on its name');
  await page.keyboard.type('volledig');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Shortcut key of volledig', 'renamed, Tab went on');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Definition of volledig');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'a real multi-line field');
  await page.keyboard.type('Het antwoord gaat in op de hele vraag.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ook als het kort is.');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Example of volledig', 'Tab after the definition: the example, never the page');
  await page.keyboard.type('Ja, dat klopt.');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Add code to Soort antwoord', 'after the last field: the next control of the editor');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Name of code 1');
  await page.keyboard.type('weigering');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Shortcut key of weigering');
  // Removing a code: the focus on the code before it.
  await page.getByRole('button', { name: 'Remove weigering from the codebook' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Name of volledig');
  // Every edit is one undo step: undo brings the removed code back, redo removes it again.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByLabel('Name of weigering').count(), 1);
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.getByLabel('Name of weigering').count(), 0);
  // Everything is saved at once: after a reload the codebook is there, the definition with its line break.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByLabel('Type of variable Soort antwoord').inputValue(), 'one-of');
  assert.equal(await page.getByLabel('Definition of volledig').inputValue(), 'Het antwoord gaat in op de hele vraag.\nOok als het kort is.');
  assert.equal(await page.getByLabel('Example of volledig').inputValue(), 'Ja, dat klopt.');
  assert.equal(await page.getByLabel('Name of weigering').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('keys 1–9: a one-of code replaces the variable\'s other code, an any-of code toggles; undo restores exactly', async () => {
  const page = await withPreset();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  await page.keyboard.press('5'); // volledig antwoord (Soort antwoord, one of)
  await page.keyboard.press('2'); // weigering: replaces it
  assert.deepEqual(await chips(a1), ['weigering'], 'pressing 5 then 2 leaves one code');
  await page.keyboard.press('3'); // wet of regeling (Verwijst naar, any of)
  await page.keyboard.press('1'); // toezegging (Toezegging, one of)
  assert.deepEqual(await chips(a1), ['weigering', 'wet of regeling', 'toezegging'], 'other variables are not touched');
  await page.keyboard.press('9'); // inspanningsbelofte replaces toezegging
  assert.deepEqual(await chips(a1), ['weigering', 'wet of regeling', 'inspanningsbelofte']);
  await page.keyboard.press('3');
  assert.deepEqual(await chips(a1), ['weigering', 'inspanningsbelofte'], 'an any-of code toggles off');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(a1), ['weigering', 'wet of regeling', 'inspanningsbelofte']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(a1), ['weigering', 'wet of regeling', 'toezegging'], 'undo puts the replaced code back');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(a1), ['volledig antwoord'], 'exactly the codes before the replacement');
  assert.equal(await page.locator('#undo-notice').textContent(), 'Undone: Antwoord 1: weigering instead of volledig antwoord');
  // Typed in the answer's field, a one-of code replaces as well.
  await a1.getByLabel('Add tag').fill('gedeeltelijk antwoord');
  await a1.getByLabel('Add tag').press('Enter');
  assert.deepEqual(await chips(a1), ['gedeeltelijk antwoord']);
  // A code of another level is refused there, with the reason.
  await a1.getByLabel('Add tag').fill('economie');
  await a1.getByLabel('Add tag').press('Enter');
  assert.match(await page.locator('#import-error').textContent(), /“economie” is a code of the document level/);
  assert.deepEqual(await chips(a1), ['gedeeltelijk antwoord']);
  assert.deepEqual(page.errors, []);
});

test('codes at the three levels: offered where they belong, in the JSON and CSV exports, after a reload', async () => {
  const page = await withPreset();
  const docBar = page.getByRole('group', { name: 'Codes of the document' });
  await docBar.getByRole('button', { name: 'economie' }).click();
  await docBar.getByRole('button', { name: 'gezondheid' }).click(); // one of: replaces economie
  assert.equal(await docBar.getByRole('button', { name: 'gezondheid' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await docBar.getByRole('button', { name: 'economie' }).getAttribute('aria-pressed'), 'false');
  const q1 = page.getByRole('region', { name: 'Vraag 1' });
  assert.equal(await q1.getByRole('group', { name: 'Soort vraag' }).count(), 1, 'a question offers the question codes');
  assert.equal(await q1.getByRole('button', { name: 'volledig antwoord' }).count(), 0, 'and not the answer codes');
  await q1.getByRole('button', { name: 'verzoek om actie' }).click();
  assert.equal(await q1.getByRole('button', { name: 'verzoek om actie' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await focused(page), 'verzoek om actie', 'the focus stays on the button');
  assert.equal(await page.locator('#unplaced-panel').isVisible(), false, 'codes of a question and the document are not "unplaced"');
  await page.keyboard.press('j');
  await page.keyboard.press('5');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.document.tags, ['gezondheid']);
  assert.deepEqual(json.questions[0].tags, ['verzoek om actie']);
  assert.equal(json.questions[1].tags, undefined, 'absent when none');
  assert.deepEqual(json.answers[0].tags, ['volledig antwoord']);
  assert.deepEqual(json.codebook.variables.map((v) => [v.name, v.kind, v.level]), [
    ['Soort antwoord', 'one-of', 'answer'], ['Verwijst naar', 'any-of', 'answer'], ['Toezegging', 'one-of', 'answer'],
    ['Soort vraag', 'one-of', 'question'], ['Beleidsterrein', 'one-of', 'document']]);
  assert.equal(json.tag_set.length, 22, 'every code in tag_set too');
  assert.equal(json.tag_set.find((t) => t.name === 'weigering').description, json.codebook.variables[0].codes[2].definition);
  const rows = csvRows((await download(page, 'Export CSV')).text);
  const col = (name) => rows[0].indexOf(name);
  assert.equal(rows[1][col('answer')], 'a1');
  assert.equal(rows[1][col('tags')], 'volledig antwoord;verzoek om actie;gezondheid', 'the row of answer 1: its, its question\'s, the document\'s');
  assert.deepEqual([rows[1][col('tag_gezondheid')], rows[1][col('tag_economie')], rows[2][col('tag_gezondheid')]], ['1', '0', '1']);
  assert.equal(rows[2][col('tag_verzoek om actie')], '0', 'answer 2 answers another question');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByRole('group', { name: 'Codes of the document' }).getByRole('button', { name: 'gezondheid' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('region', { name: 'Vraag 1' }).getByRole('button', { name: 'verzoek om actie' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByLabel('Level of variable Beleidsterrein').inputValue(), 'document');
  // Import annotations into a fresh browser: the codebook and the codes of every level come along.
  const file = (await download(page, 'Export JSON')).text;
  const fresh = await openPage(browser, server.url);
  await fresh.getByLabel('Import annotations').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await fresh.getByRole('region', { name: 'Vraag 1' }).getByRole('button', { name: 'verzoek om actie', pressed: true }).waitFor();
  assert.equal(await fresh.getByLabel('Type of variable Beleidsterrein').inputValue(), 'one-of');
  assert.equal((await download(fresh, 'Export JSON')).text, file, 'export → import → export gives the same file');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(fresh.errors, []);
});

test('a code\'s definition shows on hover and on focus of its chip and button, and in the shortcut list', async () => {
  const page = await withPreset();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  const chip = page.getByRole('region', { name: 'Antwoord 1' }).locator('.chip', { hasText: 'weigering' });
  const tip = chip.getByRole('tooltip');
  const definition = 'Het antwoord zegt uitdrukkelijk geen inhoudelijk antwoord te geven, bijvoorbeeld wegens vertrouwelijkheid of een lopende procedure.';
  assert.equal(await tip.isVisible(), false, 'hidden until wanted');
  await chip.hover();
  assert.equal(await tip.isVisible(), true, 'on hover');
  assert.equal(await tip.textContent(), definition);
  await page.mouse.move(0, 0);
  assert.equal(await tip.isVisible(), false);
  const remove = page.getByRole('button', { name: 'Remove tag weigering' });
  await remove.focus();
  assert.equal(await tip.isVisible(), true, 'on focus');
  assert.equal(await remove.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent), definition, 'and read out as its description');
  const btn = page.getByRole('group', { name: 'Codes of the document' }).getByRole('button', { name: 'migratie' });
  await btn.focus();
  const btnTip = page.locator('#doc-codes .code-wrap', { hasText: 'migratie' }).getByRole('tooltip');
  assert.equal(await btnTip.isVisible(), true);
  assert.equal(await btnTip.textContent(), 'CAP 9: asiel, immigratie en integratie.');
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const keys = help.locator('#help-codes');
  assert.equal(await keys.locator('dt').count(), 9, 'the nine codes on keys');
  assert.match(await keys.textContent(), /weigering \(Soort antwoord, one of\)Het antwoord zegt uitdrukkelijk/);
  assert.deepEqual(page.errors, []);
});

test('codebook files: JSON export and import round trip, a bad file refused with nothing changed, Markdown', async () => {
  const page = await withPreset();
  await page.getByLabel('Definition of toezegging').fill('Regel een\nRegel twee');
  await page.getByLabel('Definition of toezegging').blur();
  const { name, text } = await download(page, 'Export codebook');
  assert.equal(name, 'codebook.json');
  const file = JSON.parse(text);
  assert.equal(file.format, 'kamervragen-codebook');
  assert.equal(file.codebook.variables.length, 5);
  const other = await openPage(browser, server.url);
  await other.getByLabel('Import codebook').setInputFiles({ name: 'codebook.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await other.getByLabel('Definition of toezegging').waitFor();
  assert.equal(await other.getByLabel('Definition of toezegging').inputValue(), 'Regel een\nRegel twee');
  assert.equal((await download(other, 'Export codebook')).text, text, 'import → export gives the same file');
  // Refused: not a codebook; two codes on one key; HTML. Each says why; the codebook stays as it was.
  const refuse = async (body, says) => {
    await other.getByLabel('Import codebook').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await other.locator('#import-error').getByText(says).waitFor();
    assert.match(await other.locator('#import-error').textContent(), /^Codebook not imported from bad\.json: .*Nothing was changed\.\s*$/);
    assert.equal((await download(other, 'Export codebook')).text, text, `nothing changed by ${body.slice(0, 40)}`);
  };
  await refuse('{"format":"x"}', 'This is not a codebook file');
  const twice = structuredClone(file);
  twice.codebook.variables[1].codes[1].key = '1';
  await refuse(JSON.stringify(twice), 'are both on key 1');
  const html = structuredClone(file);
  html.codebook.variables[0].codes[0].example = '<img src=x onerror=alert(1)>';
  await refuse(JSON.stringify(html), 'contains HTML');
  await refuse('{"format":"kamervragen-codebook","version":1,"codebook":{"variables":[{"name":"x","kind":"single","codes":[]}]}}', 'is not “one-of” or “any-of”');
  await refuse('{"format":"kamervragen-codebook", "version": 1, "codebook": {', 'not complete JSON');
  // In Dutch, the core's refusals are Dutch too (worded from their codes), also where a refused name is.
  await other.getByLabel('Language').selectOption('nl');
  const unnamed = structuredClone(file);
  unnamed.codebook.variables[1].codes[0].name = '';
  for (const [body, says] of [[twice, 'zitten allebei op toets 1'], [unnamed, 'Variabele “Verwijst naar”, code 1: De tag heeft']]) {
    await other.getByLabel('Codeboek importeren').setInputFiles({ name: 'fout.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
    await other.locator('#import-error').getByText(says).waitFor();
  }
  assert.match(await other.locator('#import-error').textContent(), /^Codeboek uit fout\.json niet geïmporteerd: Variabele “Verwijst naar”, code 1: De tag heeft een lege/);
  assert.doesNotMatch(await other.locator('#import-error').textContent(), /Variable|The tag|Codes/);
  await other.getByLabel('Taal').selectOption('en');
  // Undo takes the import back.
  await other.locator('h1').click();
  await other.keyboard.press('Control+z');
  assert.equal(await other.getByLabel('Name of toezegging').count(), 0);
  const md = (await download(page, 'Export as Markdown')).text;
  assert.ok(md.startsWith('# Codebook\n\n5 variables, 22 codes.\n'), md.slice(0, 80));
  assert.ok(md.includes('## 1. Soort antwoord\n\n- Level: answer\n- Type: one of'), 'variables with level and type');
  assert.ok(md.includes('## 5. Beleidsterrein\n\n- Level: document'));
  assert.ok(md.includes('### toezegging (key 1)\n\n**Definition:** Regel een\\\nRegel twee\n\n**Example:** Ik zal de Kamer voor 1 juli over de uitkomsten informeren.'), 'codes with key, definition (line break kept) and example');
  assert.deepEqual(page.errors, []);
});

test('a tag set of before is one any-of variable: a saved collection and a tag-set file', async () => {
  const page = await openPage(browser, server.url);
  await page.evaluate(() => {
    localStorage.setItem('kva1:meta', JSON.stringify({ docs: [{ id: 'd1', name: 'oud', named: true, created: '2024-01-01T00:00:00Z' }], currentId: 'd1',
      tagSet: [{ name: 'toezegging', color: '#1b7f5b', key: '1', description: 'Belooft iets' }, { name: 'weigering', color: '#b3261e', key: '2', description: '' }] }));
    localStorage.setItem('kva1:text:d1', 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n');
    localStorage.setItem('kva1:ann:d1', JSON.stringify({ tags: { a1: ['toezegging', 'weigering'] }, notes: {}, unplaced: [] }));
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByLabel('Type of variable tags').inputValue(), 'any-of');
  assert.equal(await page.getByLabel('Level of variable tags').inputValue(), 'answer');
  assert.equal(await page.getByLabel('Definition of toezegging').inputValue(), 'Belooft iets');
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  assert.deepEqual(await chips(a1), ['toezegging', 'weigering'], 'both codes kept');
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  assert.deepEqual(await chips(a1), ['weigering'], 'any of: key 1 toggles');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.codebook, undefined, 'a tag set of before is written as it was: a reader takes it as one any-of variable');
  assert.deepEqual(json.tag_set.map((t) => t.name), ['toezegging', 'weigering']);
  const fresh = await openPage(browser, server.url);
  const tagSet = { format: 'kamervragen-tag-set', version: 1, tag_set: [{ name: 'rood', color: '#aa0000', key: '4', description: 'Een kleur' }] };
  await fresh.getByLabel('Import codebook').setInputFiles({ name: 'tag-set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tagSet)) });
  await fresh.getByLabel('Name of rood').waitFor();
  assert.equal(await fresh.getByLabel('Type of variable tags').inputValue(), 'any-of');
  assert.equal(await fresh.getByLabel('Definition of rood').inputValue(), 'Een kleur');
  assert.deepEqual(page.errors, []);
});

// ---- a kind or level changed under codes already on units ----

/**
 * Two documents coded with the preset: A (seed) has Antwoord 1 "volledig
 * antwoord" + "wet of regeling", Antwoord 2 "weigering"; B (header_letter,
 * on screen) has Antwoord 1 "uitstel". Returns {page, a1, a2, docs}.
 */
async function codedTwice() {
  const page = await withPreset();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('5'); // volledig antwoord
  await page.keyboard.press('3'); // wet of regeling (Verwijst naar)
  await page.keyboard.press('j');
  await page.keyboard.press('2'); // weigering
  await page.getByRole('button', { name: 'New document' }).click();
  await page.getByLabel('Document text').fill(fixture('header_letter.txt'));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('7'); // uitstel
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel']);
  return page;
}

/** Opens the other document of the list and waits for its view. */
async function otherDocument(page, text) {
  await page.locator('#doc-list .doc-open:not([aria-current="true"])').click();
  await page.waitForFunction((t) => document.getElementById('doc-view').textContent.includes(t), text);
}

test('a level changed under codes: asked first with the count in every document; cancel changes nothing; go ahead removes them in one undo step; undo restores exactly; reload keeps it', async () => {
  const page = await codedTwice();
  const level = page.getByLabel('Level of variable Soort antwoord');
  await level.selectOption('question');
  const ask = page.getByRole('alertdialog', { name: 'Move Soort antwoord to the question level?' });
  await ask.waitFor();
  assert.equal(await ask.locator('#codebook-change-text').textContent(),
    'Codes of Soort antwoord are on 3 answers in 2 documents. Moving it to the question level removes those codes. Undo brings them back.');
  const perDoc = await ask.getByRole('listitem').allTextContents();
  assert.equal(perDoc.length, 2, 'each document and its count');
  assert.ok(perDoc.some((x) => x.endsWith(': 2 answers')) && perDoc.some((x) => x.endsWith(': 1 answer')), perDoc.join(' | '));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'the safe choice has the focus');
  // Cancel: nothing changes, the level is still answer, the focus back on it.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await ask.isVisible(), false);
  assert.equal(await level.inputValue(), 'answer');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Level of variable Soort antwoord');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel']);
  // Escape is a cancel too.
  await level.selectOption('document');
  await page.getByRole('alertdialog', { name: 'Move Soort antwoord to the document level?' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await level.inputValue(), 'answer');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel']);
  // Go ahead: the codes go in both documents, other variables' codes stay; a visible notice says what happened.
  await level.selectOption('question');
  await ask.getByRole('button', { name: 'Move and remove the codes' }).click();
  assert.equal(await level.inputValue(), 'question');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), []);
  assert.equal(await page.locator('#undo-notice').textContent(), 'variable Soort antwoord moved to the question level; its codes removed from 3 answers in 2 documents');
  assert.equal(await page.getByRole('region', { name: 'Vraag 1' }).getByRole('button', { name: 'weigering' }).count(), 1, 'its codes are offered on the questions now');
  // One undo step brings everything back, exactly.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.equal(await level.inputValue(), 'answer');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel']);
  assert.match(await page.locator('#undo-notice').textContent(), /^Undone: variable Soort antwoord moved to the question level; its codes removed from 3 answers in 2 documents \(also in /);
  await otherDocument(page, 'Boswijk');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['volledig antwoord', 'wet of regeling'], 'the codes back, in their order');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  // Redo (from the document it was made in) removes them again; a reload keeps that.
  await otherDocument(page, 'Teunissen');
  await page.locator('h1').click();
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await level.inputValue(), 'question');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getByLabel('Level of variable Soort antwoord').inputValue(), 'question');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), []);
  await otherDocument(page, 'Boswijk');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['wet of regeling'], 'only the moved variable\'s codes went');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), []);
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.answers.map((a) => a.tags), [['wet of regeling'], [], [], [], [], []], 'the export carries no code at a level it does not belong');
  assert.deepEqual(page.errors, []);
});

test('"one of" under units with several codes of the variable: refused, the units listed to go to; once settled, no question', async () => {
  const page = await codedTwice();
  await otherDocument(page, 'Boswijk');
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  await a1.getByLabel('Add tag').fill('eerder antwoord');
  await a1.getByLabel('Add tag').press('Enter');
  assert.deepEqual(await chips(a1), ['volledig antwoord', 'wet of regeling', 'eerder antwoord']);
  const kind = page.getByLabel('Type of variable Verwijst naar');
  await kind.selectOption('one-of');
  const refusal = page.getByRole('alertdialog', { name: 'Verwijst naar stays “any of”' });
  await refusal.waitFor();
  assert.match(await refusal.locator('#codebook-change-text').textContent(), /^More than one code of Verwijst naar is on 1 answer\. .* keep one code on each unit below, then change the type again\. Nothing was changed\.$/);
  assert.match(await refusal.getByRole('listitem').textContent(), /· Antwoord 1: wet of regeling, eerder antwoord/);
  assert.equal(await refusal.getByRole('button', { name: 'Move and remove the codes' }).isVisible(), false, 'no way to go ahead: which code stays is the coder\'s call');
  await refusal.getByRole('button', { name: 'Close' }).click();
  assert.equal(await kind.inputValue(), 'any-of', 'nothing changed');
  assert.deepEqual(await chips(a1), ['volledig antwoord', 'wet of regeling', 'eerder antwoord']);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(a1), ['volledig antwoord', 'wet of regeling'], 'the refusal made no undo step: undo takes back the typed code');
  await page.keyboard.press('Control+Shift+z');
  // From the list to the unit, in whichever document it is.
  await otherDocument(page, 'Teunissen');
  await kind.selectOption('one-of');
  await refusal.getByRole('button', { name: /^Go to Antwoord 1 in / }).click();
  await page.waitForFunction(() => document.getElementById('doc-view').textContent.includes('Boswijk'));
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Antwoord 1');
  assert.equal(await kind.inputValue(), 'any-of');
  // Settled by the coder: one code left; now the change needs no question.
  await page.getByRole('button', { name: 'Remove tag eerder antwoord' }).click();
  await kind.selectOption('one-of');
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('Verwijst naar: one of'));
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no question');
  assert.equal(await kind.inputValue(), 'one-of');
  assert.deepEqual(await chips(a1), ['volledig antwoord', 'wet of regeling']);
  assert.deepEqual(page.errors, []);
});

test('a change that leaves no code inconsistent asks nothing: a level with no codes on units, "one of" with one code per unit, back to "any of"', async () => {
  const page = await codedTwice();
  await page.getByLabel('Level of variable Toezegging').selectOption('question');
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('Toezegging'));
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.equal(await page.getByLabel('Level of variable Toezegging').inputValue(), 'question');
  await page.getByLabel('Type of variable Verwijst naar').selectOption('one-of');
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('Verwijst naar'));
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.equal(await page.getByLabel('Type of variable Verwijst naar').inputValue(), 'one-of');
  await page.getByLabel('Type of variable Soort antwoord').selectOption('any-of');
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('Soort antwoord: any of'));
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel']);
  assert.deepEqual(page.errors, []);
});

test('a codebook file that moves a variable in use: asked first, in Dutch too; cancel imports nothing, go ahead imports and removes in one step; one that makes a variable "one of" under several codes is refused', async () => {
  const page = await codedTwice();
  await page.getByLabel('Language').selectOption('nl');
  const book = { format: 'kamervragen-codebook', version: 1, codebook: { variables: [{ name: 'Soort antwoord', kind: 'one-of', level: 'document',
    codes: [{ name: 'uitstel', definition: 'Later.', example: '', color: '#6e3fa3', key: '7' }] }] } };
  const file = { name: 'boek.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(book)) };
  await page.getByLabel('Codeboek importeren').setInputFiles(file);
  const ask = page.getByRole('alertdialog', { name: 'Codeboek uit boek.json importeren?' });
  await ask.waitFor();
  assert.equal(await ask.locator('#codebook-change-text').textContent(),
    'boek.json zet Soort antwoord op een ander niveau. Op 3 antwoorden in 2 documenten staan codes van Soort antwoord die daar dan niet horen: bij importeren worden die codes verwijderd. Met Ongedaan maken komen ze terug.');
  await ask.getByRole('button', { name: 'Annuleren' }).click();
  assert.equal(await page.getByLabel('Niveau van variabele Soort antwoord').inputValue(), 'answer');
  assert.equal(await page.getByLabel('Definitie van uitstel').inputValue(), 'Het antwoord zegt dat het antwoord later volgt.', 'nothing imported');
  await page.getByLabel('Codeboek importeren').setInputFiles(file);
  await ask.getByRole('button', { name: 'Importeren en codes verwijderen' }).click();
  assert.equal(await page.getByLabel('Niveau van variabele Soort antwoord').inputValue(), 'document');
  assert.equal(await page.getByLabel('Definitie van uitstel').inputValue(), 'Later.');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), []);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByLabel('Niveau van variabele Soort antwoord').inputValue(), 'answer');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['uitstel'], 'one undo step: import and removal');
  // A file that makes a variable "one of" under units with several of its codes: refused, nothing imported.
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  for (const code of ['wet of regeling', 'eerder antwoord']) {
    await a1.getByRole('combobox', { name: 'Tag toevoegen' }).fill(code);
    await a1.getByRole('combobox', { name: 'Tag toevoegen' }).press('Enter');
  }
  const strict = { format: 'kamervragen-codebook', version: 1, codebook: { variables: [{ name: 'Verwijst naar', kind: 'one-of', level: 'answer',
    codes: [{ name: 'eerder antwoord', definition: 'Nieuw.', example: '', color: '#1f5fbf', key: null }] }] } };
  await page.getByLabel('Codeboek importeren').setInputFiles({ name: 'streng.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(strict)) });
  const refusal = page.getByRole('alertdialog', { name: 'Codeboek uit streng.json niet geïmporteerd' });
  await refusal.waitFor();
  assert.match(await refusal.locator('#codebook-change-text').textContent(), /importeer het bestand daarna opnieuw\. Er is niets veranderd\.$/);
  await refusal.getByRole('button', { name: 'Sluiten' }).click();
  assert.equal(await page.getByLabel('Soort variabele Verwijst naar').inputValue(), 'any-of');
  assert.equal(await page.getByLabel('Definitie van eerder antwoord').inputValue(), 'Het antwoord verwijst naar een eerder antwoord of een eerdere brief aan de Kamer.');
  assert.deepEqual(await chips(a1), ['uitstel', 'wet of regeling', 'eerder antwoord']);
  assert.deepEqual(page.errors, []);
});
