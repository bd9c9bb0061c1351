// Accessibility, tested: axe-core (run inside the page) reports no violation
// on the page's main states, at a desktop width and at 800 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/** axe-core's violations on the page as it is now, one readable line each. */
async function violations(page) {
  // Through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

for (const width of [1280, 800]) {
  test(`no axe violation at ${width} px: empty page, parsed text, tags, shortcut help`, async () => {
    const page = await openPage(browser, server.url, { viewport: { width, height: 900 } });
    assert.deepEqual(await violations(page), [], 'empty page');

    await pasteText(page, fixture('seed.txt'));
    await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
    assert.deepEqual(await violations(page), [], 'after a paste');

    // At 800 px the codebook is a drawer (issue 16): opened from the top bar, checked open, closed again.
    if (width <= 800) await page.getByRole('button', { name: 'Codebook', exact: true }).click();
    await page.getByRole('button', { name: 'Load preset scheme' }).click();
    // The codebook panel with a new variable and code being written (issue 14).
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('button', { name: 'Add code to variable 1' }).click();
    await page.getByLabel('Definition of code 1').fill('Een definitie\nover twee regels');
    assert.deepEqual(await violations(page), [], 'the codebook panel');
    if (width <= 800) {
      assert.deepEqual(await violations(page), [], 'the codebook drawer open');
      await page.getByRole('button', { name: 'Codebook', exact: true }).click();
    }
    // Codes on the document and a question (their bars), a definition shown on focus.
    await page.getByRole('group', { name: 'Codes of the document' }).getByRole('button', { name: 'economie' }).click();
    await page.getByRole('region', { name: 'Vraag 1' }).getByRole('button', { name: 'feitenvraag' }).click();
    assert.deepEqual(await violations(page), [], 'codes of the document and a question, a definition shown');
    await tag(page, 'Antwoord 1', 'toezegging');
    await tag(page, 'Antwoord 2', 'eigen code');
    assert.deepEqual(await violations(page), [], 'with tags and the tag set');
    // Both views of the text (issue 16): the reading view (the default, its footnote popover open) and "Show as printed".
    // The pointer off the text first: left where a code button was clicked, it may hover another one after the
    // scrolling (its definition a second tooltip, depending on how tall the panels are).
    await page.mouse.move(0, 0);
    await page.getByRole('region', { name: 'Antwoord 1' }).locator('a[href="#fn-2"]').focus();
    await page.locator('#mark-card').getByRole('tooltip').waitFor();
    assert.deepEqual(await violations(page), [], 'the reading view, a footnote at its marker');
    await page.getByRole('button', { name: 'Show as printed' }).click();
    assert.deepEqual(await violations(page), [], 'shown as printed');
    await page.getByRole('button', { name: 'Show as printed' }).click();

    await page.locator('body').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    assert.deepEqual(await violations(page), [], 'with the shortcut help open');

    await pasteText(page, 'Dit is geen Kamervraag.');
    assert.deepEqual(await violations(page), [], 'a text without headings');
    assert.deepEqual(page.errors, []);
  });

  test(`no axe violation at ${width} px: a collection (many files, refused files, filter, progress bar, a read-only second tab)`, async () => {
    const page = await openPage(browser, server.url, { viewport: { width, height: 900 } });
    const seed = fixture('seed.txt');
    const files = Array.from({ length: 120 }, (_, i) => ({ name: `doc-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(seed.replace('Boswijk', `Boswijk${i}`)) }));
    files.push({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x25, 0x50, 0, 1]) });
    await page.getByLabel('Open files…').setInputFiles(files);
    await page.getByRole('progressbar').waitFor();
    assert.deepEqual(await violations(page), [], 'while files open (progress bar)');
    await page.waitForFunction(() => document.getElementById('doc-count').textContent === '120 documents', null, { timeout: 30000 });
    assert.deepEqual(await violations(page), [], 'a long list, the refused-files alert, the status');
    // At 800 px the documents are a drawer (issue 16): opened from the top bar.
    if (width <= 800) await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('boswijk11');
    assert.deepEqual(await violations(page), [], 'filtered');
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('niets');
    assert.deepEqual(await violations(page), [], 'nothing matches');
    const second = await page.context().newPage();
    await second.goto(server.url);
    await second.waitForSelector('html[data-ready="true"]');
    await second.locator('#read-only').waitFor();
    assert.deepEqual(await violations(second), [], 'the read-only second tab');
    assert.deepEqual(page.errors, []);
  });

  test(`no axe violation at ${width} px: the coder's name, the import choice dialog, the agreement report, adjudication`, async () => {
    const page = await openPage(browser, server.url, { viewport: { width, height: 900 } });
    await pasteText(page, fixture('seed.txt'));
    await tag(page, 'Antwoord 1', 'toezegging');
    await page.getByLabel('Your name as coder').fill('Anna');
    await page.getByLabel('Your name as coder').press('Tab');
    const file = (await download(page, 'Export JSON')).text;
    await page.getByLabel('Import annotations').setInputFiles({ name: 'anna.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('alertdialog').waitFor();
    assert.deepEqual(await violations(page), [], 'with the import choice open');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/import-choice-${width}.png` });
    await page.keyboard.press('Escape');
    // Another coder's file with other codes: the report (with an undefined figure), then adjudication.
    const other = JSON.parse(file);
    other.coder = 'Bert';
    other.answers[0].tags = [];
    other.answers[1].tags = ['weigering'];
    await page.getByLabel('Compare with another coder…').setInputFiles({ name: 'bert.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await page.getByRole('dialog', { name: 'Agreement report' }).waitFor();
    assert.deepEqual(await violations(page), [], 'with the agreement report open');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/report-${width}.png` });
    await page.getByRole('button', { name: /^Settle the differences/ }).click();
    await page.getByRole('region', { name: 'Settle the differences' }).waitFor();
    assert.deepEqual(await violations(page), [], 'with the adjudication list');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/adjudicate-${width}.png` });
    await page.getByRole('button', { name: 'Keep B' }).first().click();
    assert.deepEqual(await violations(page), [], 'after a choice');
    assert.deepEqual(page.errors, []);
  });
}

// The Dutch interface (issue 16): the same states in Dutch, the switch included.
for (const width of [1280, 800]) {
  test(`no axe violation at ${width} px in Dutch: empty page, parsed text, tags, a drawer, an error, an undo, the help, the read-only tab`, async () => {
    const page = await openPage(browser, server.url, { locale: 'nl-NL', viewport: { width, height: 900 } });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    assert.deepEqual(await violations(page), [], 'empty page');
    await page.locator('#doc-text').fill(fixture('seed.txt'));
    await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
    assert.deepEqual(await violations(page), [], 'after a paste');
    if (width <= 800) await page.getByRole('button', { name: 'Codeboek', exact: true }).click();
    await page.getByRole('button', { name: 'Voorbeeldschema laden' }).click();
    if (width <= 800) {
      assert.deepEqual(await violations(page), [], 'the tag-set drawer open');
      await page.getByRole('button', { name: 'Codeboek', exact: true }).click();
      await page.getByRole('button', { name: 'Documenten', exact: true }).click();
      assert.deepEqual(await violations(page), [], 'the documents drawer open');
      await page.getByRole('button', { name: 'Documenten', exact: true }).click();
    }
    const add = page.getByRole('region', { name: 'Antwoord 2' }).getByRole('combobox', { name: 'Tag toevoegen' });
    await add.fill('toezegging');
    await add.press('Enter');
    await add.fill('<b>x</b>');
    await add.press('Enter');
    await page.locator('#import-error').waitFor();
    assert.deepEqual(await violations(page), [], 'with a tag and an error banner');
    await add.fill('');
    await add.press('Control+z');
    await page.locator('#undo-notice').waitFor();
    assert.deepEqual(await violations(page), [], 'the undo notice');
    await page.locator('body').focus();
    await page.keyboard.press('?');
    assert.deepEqual(await violations(page), [], 'with the shortcut help open');
    await page.keyboard.press('Escape');
    const second = await page.context().newPage();
    await second.goto(server.url);
    await second.waitForSelector('html[data-ready="true"]');
    await second.locator('#read-only').waitFor();
    assert.deepEqual(await violations(second), [], 'the read-only second tab');
    assert.deepEqual(page.errors, []);
  });
}

// The codebook's question before a kind or level changes under codes on units, and its refusal, in both languages.
const CHANGE_WORDS = {
  en: { preset: 'Load preset scheme', drawer: 'Codebook', level: 'Level of variable Soort antwoord', kind: 'Type of variable Verwijst naar', go: 'Move and remove the codes' },
  nl: { preset: 'Voorbeeldschema laden', drawer: 'Codeboek', level: 'Niveau van variabele Soort antwoord', kind: 'Soort variabele Verwijst naar', go: 'Verplaatsen en codes verwijderen' },
};
for (const [lang, w] of Object.entries(CHANGE_WORDS)) {
  for (const width of [1280, 800]) {
    test(`no axe violation at ${width} px in ${lang}: a level change asked, a kind change refused with its units, the notice after`, async () => {
      const page = await openPage(browser, server.url, { locale: lang, viewport: { width, height: 900 } });
      await page.locator('#doc-text').fill(fixture('seed.txt'));
      await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
      if (width <= 800) await page.getByRole('button', { name: w.drawer, exact: true }).click();
      await page.getByRole('button', { name: w.preset }).click();
      if (width <= 800) await page.getByRole('button', { name: w.drawer, exact: true }).click();
      await page.locator('h1').click();
      for (const key of ['j', '5', '3', 'j', '3']) await page.keyboard.press(key);
      await page.evaluate(() => document.querySelector('#doc-view [role="region"]').focus());
      await page.getByRole('region', { name: 'Antwoord 2' }).locator('.tag-input').fill('eerder antwoord');
      await page.getByRole('region', { name: 'Antwoord 2' }).locator('.tag-input').press('Enter');
      if (width <= 800) await page.getByRole('button', { name: w.drawer, exact: true }).click();
      await page.getByLabel(w.level).selectOption('question');
      await page.getByRole('alertdialog').waitFor();
      assert.deepEqual(await violations(page), [], 'the question before a level change');
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/codebook-move-${lang}-${width}.png` });
      await page.keyboard.press('Escape');
      await page.getByLabel(w.kind).selectOption('one-of');
      await page.getByRole('alertdialog').waitFor();
      assert.deepEqual(await violations(page), [], 'a kind change refused, its units listed');
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/codebook-clash-${lang}-${width}.png` });
      await page.keyboard.press('Escape');
      await page.getByLabel(w.level).selectOption('question');
      await page.getByRole('alertdialog').getByRole('button', { name: w.go }).click();
      await page.locator('#undo-notice').waitFor();
      assert.deepEqual(await violations(page), [], 'the notice after the move');
      assert.deepEqual(page.errors, []);
    });
  }
}

test('no axe violation: the correction toolbar, its dialogs and the corrections not placed (issue 15)', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  const bar = page.getByRole('toolbar', { name: 'Correct the reading' });
  assert.equal(await bar.isVisible(), false, 'closed until asked for');
  await page.getByRole('button', { name: 'Correct the reading' }).click();
  assert.ok(await bar.isVisible());
  assert.deepEqual(await violations(page), [], 'the toolbar');
  await page.getByRole('region', { name: 'Antwoord 1' }).focus();
  await bar.getByRole('button', { name: 'Set numbers…' }).click();
  await page.getByRole('dialog', { name: 'Numbers of Antwoord 1' }).waitFor();
  assert.deepEqual(await violations(page), [], 'the numbers dialog');
  await page.keyboard.press('Escape');
  // Split: the dialog asks what the new part is.
  await page.getByRole('region', { name: 'Antwoord 1' }).focus();
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('[aria-label="Antwoord 1"] .answer-text'), NodeFilter.SHOW_TEXT);
    let last = null;
    for (let x = walker.nextNode(); x; x = walker.nextNode()) if (x.data.trim().length > 10) last = x;
    document.getSelection().collapse(last, 5); // the caret in the answer's last line
  });
  await bar.getByRole('button', { name: 'Split block here' }).click();
  await page.getByRole('dialog', { name: 'Split Antwoord 1' }).waitFor();
  assert.deepEqual(await violations(page), [], 'the split dialog');
  await page.keyboard.press('Escape');
  // The header corrected in place in the outline, with a refused date.
  await page.getByRole('button', { name: 'Correct “Received”' }).click();
  assert.deepEqual(await violations(page), [], 'a header field being corrected');
  await page.locator('#meta').getByLabel('Received').fill('2024-13-01');
  await page.locator('#meta').getByRole('button', { name: 'Save' }).click();
  assert.deepEqual(await violations(page), [], 'a header field with an error');
  await page.keyboard.press('Escape');
  // The card of a date (focus) and of a link (hover).
  await page.locator('#doc-view .m-date').first().focus();
  await page.locator('#mark-card').waitFor();
  assert.deepEqual(await violations(page), [], 'the card of a date');
  await page.locator('#doc-view a.m-reference[target="_blank"]:visible').first().hover();
  await page.getByRole('link', { name: 'Open link' }).waitFor();
  assert.deepEqual(await violations(page), [], 'the card of a link');
  // A correction that no longer places (its words edited away): listed to dismiss.
  await page.locator('#doc-view .m-date').first().focus();
  const quote = await page.locator('#doc-view .m-date').first().textContent();
  await page.keyboard.press('Delete');
  await page.waitForFunction((q) => ![...document.querySelectorAll('#doc-view .m-date')].some((e) => e.textContent === q), quote);
  // The date's words typed over in the text box (an edit, not a new document).
  await page.getByLabel('Document text').evaluate((t, q) => {
    t.focus();
    const i = t.value.indexOf(q);
    t.setSelectionRange(i, i + q.length);
  }, quote);
  await page.keyboard.type('onlangs');
  await page.locator('#fix-unplaced-panel').waitFor();
  assert.match(await page.locator('#fix-unplaced-panel').textContent(), /Removed date.*its text is not in this document/s);
  assert.deepEqual(await violations(page), [], 'the corrections not placed');
  assert.deepEqual(page.errors, []);
});
