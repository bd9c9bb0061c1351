// Reading and tagging in a real browser: by mouse, by keyboard, undo/redo
// that never reaches the browser's own undo, announcements, the tag-set
// editor, legend toggles, tooltips, links and jumps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, fixture, openPage, pasteText, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const announced = (page) => page.locator('#announce').textContent();

async function seeded() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  return page;
}

test('tagging by mouse: type a tag, click +, remove it with its button', async () => {
  const page = await seeded();
  const a3 = page.getByRole('region', { name: 'Antwoord 3' });
  await a3.getByLabel('Add tag').click();
  await a3.getByLabel('Add tag').fill('weigering');
  await a3.getByRole('button', { name: 'Add the typed tag' }).click();
  assert.deepEqual(await chips(a3), ['weigering']);
  await page.waitForFunction(() => document.getElementById('announce').textContent.length > 0);
  assert.equal(await announced(page), 'Antwoord 3: tag weigering added');
  // The new tag joined the tag set and the suggestions.
  assert.equal(await page.getByLabel('Name of weigering').inputValue(), 'weigering');
  assert.equal(await page.locator('#tag-suggestions option[value="weigering"]').count(), 1);
  // Enter adds too; the outline lists the tags of each pair.
  await a3.getByLabel('Add tag').fill('verwijzing');
  await a3.getByLabel('Add tag').press('Enter');
  assert.deepEqual(await chips(a3), ['weigering', 'verwijzing']);
  assert.deepEqual(await page.locator('#pairs li').nth(2).locator('.chip-name').allTextContents(), ['weigering', 'verwijzing']);
  await a3.getByRole('button', { name: 'Remove tag weigering' }).click();
  assert.deepEqual(await chips(a3), ['verwijzing']);
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('removed'));
  assert.equal(await announced(page), 'Antwoord 3: tag weigering removed');
  assert.deepEqual(page.errors, []);
});

test('tagging by keyboard: preset, j/k between answers, 1–9 toggle, ? lists the shortcuts', async () => {
  const page = await seeded();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  assert.equal(await page.getByRole('textbox', { name: /^Name of (?!variable )/ }).count(), 22, 'the preset codebook: 22 codes');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const a2 = page.getByRole('region', { name: 'Antwoord 2' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 2');
  await page.keyboard.press('1');
  await page.keyboard.press('5');
  assert.deepEqual(await chips(a2), ['toezegging', 'volledig antwoord']);
  await page.keyboard.press('1');
  assert.deepEqual(await chips(a2), ['volledig antwoord']);
  await page.waitForFunction(() => document.getElementById('announce').textContent.includes('removed'));
  assert.equal(await announced(page), 'Antwoord 2: tag toezegging removed');
  // t focuses the tag field of the current answer; Escape goes back to the answer.
  await page.keyboard.press('t');
  await page.keyboard.type('geen antwoord');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // "Soort antwoord" is a one-of variable: its new code replaces the old one.
  assert.deepEqual(await chips(a2), ['geen antwoord']);
  await page.keyboard.press('j');
  await page.keyboard.press('6');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 3' })), ['geen antwoord']);
  await page.keyboard.press('?');
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('Ctrl+Z / Ctrl+Shift+Z undo and redo tagging and never revert the pasted text', async () => {
  const page = await seeded();
  const text = fixture('seed.txt');
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  for (const t of ['toezegging', 'verwijzing']) {
    await a1.getByLabel('Add tag').fill(t);
    await a1.getByLabel('Add tag').press('Enter');
  }
  await a1.getByLabel('Note').fill('Zie motie Boswijk');
  await a1.getByLabel('Note').blur();
  await page.locator('h1').click(); // focus outside any text field
  await page.keyboard.press('Control+z');
  assert.equal(await a1.getByLabel('Note').inputValue(), '', 'the note is undone first');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(a1), ['toezegging']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z'); // nothing left: must not reach the browser
  assert.deepEqual(await chips(a1), []);
  assert.equal(await page.getByLabel('Document text').inputValue(), text, 'the pasted text is untouched');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Meta+Shift+z');
  assert.deepEqual(await chips(a1), ['toezegging', 'verwijzing']);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await a1.getByLabel('Note').inputValue(), 'Zie motie Boswijk');
  await page.keyboard.press('Meta+z');
  assert.equal(await a1.getByLabel('Note').inputValue(), '');
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await a1.getByLabel('Note').inputValue(), 'Zie motie Boswijk');
  assert.equal(await page.getByRole('region', { name: /^Antwoord/ }).count(), 6);
  assert.deepEqual(page.errors, []);
});

test('the tag-set editor renames everywhere, recolours, rebinds keys; description kept', async () => {
  const page = await seeded();
  await page.getByLabel('New tag name').fill('toezegging');
  await page.getByRole('button', { name: 'Add to set' }).click();
  const a4 = page.getByRole('region', { name: 'Antwoord 4' });
  await a4.getByLabel('Add tag').fill('toezegging');
  await a4.getByLabel('Add tag').press('Enter');
  const name = page.getByLabel('Name of toezegging');
  await name.fill('belofte');
  await name.press('Enter');
  await page.getByLabel('Definition of belofte').fill('Het kabinet belooft iets');
  await page.getByLabel('Definition of belofte').press('Tab');
  await page.getByLabel('Shortcut key of belofte').selectOption('7');
  await page.getByLabel('Colour of belofte').fill('#aa0000');
  assert.deepEqual(await chips(a4), ['belofte']);
  const color = await a4.locator('.chip').evaluate((el) => el.style.getPropertyValue('--tag'));
  assert.equal(color, '#aa0000');
  await page.locator('h1').click();
  await page.keyboard.press('Control+z'); // colour
  await page.keyboard.press('Control+z'); // key
  assert.equal(await page.getByLabel('Shortcut key of belofte').inputValue(), '1');
  assert.equal(await page.getByLabel('Definition of belofte').inputValue(), 'Het kabinet belooft iets');
  assert.deepEqual(page.errors, []);
});

test('legend toggles, date tooltips, external links in a new tab without opener', async () => {
  const page = await seeded();
  const date = page.locator('.doc-view .m-date').first();
  assert.equal(await date.getAttribute('data-tip'), '2024-08-08');
  assert.equal(await date.getAttribute('tabindex'), '-1', 'dates are focusable (by ← → from their block, issue 16: no Tab stop) so the ISO value shows on focus');
  await date.focus();
  // The date's card (markcard.js) shows its reading and describes it.
  assert.equal(await page.locator('#mark-card').getByRole('tooltip').textContent(), 'Date: 2024-08-08');
  assert.equal(await date.getAttribute('aria-describedby'), 'card-text');
  const links = page.locator('.doc-view a[href^="http"]');
  assert.ok((await links.count()) > 0);
  for (const link of await links.all()) {
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  }
  const bg = () => page.locator('.doc-view .m-question').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const on = await bg();
  await page.getByRole('checkbox', { name: 'Question' }).uncheck();
  assert.notEqual(await bg(), on);
  await page.getByRole('checkbox', { name: 'Question' }).check();
  assert.equal(await bg(), on);
  assert.deepEqual(page.errors, []);
});

test('footnote markers jump to their footnote and back; cross-references jump to the answer', async () => {
  const page = await seeded();
  const marker = page.locator('.doc-view a.m-reference--footnote-marker').first();
  assert.ok((await marker.count()) > 0, 'the seed has footnote markers');
  const href = await marker.getAttribute('href');
  // The reading view (the default) lists the footnotes at the end; shown as printed, they are where the PDF had them.
  for (const [view, target] of [['reading', `note-${href.slice(1)}`], ['printed', href.slice(1)]]) {
    if (view === 'printed') await page.getByRole('button', { name: 'Show as printed' }).click();
    await marker.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), target, view);
    await page.locator(`#${target} .fn-back`).click();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), href, view);
  }
  // "Zoals aangegeven in antwoord op vraag 3" jumps to Antwoord 3.
  const cross = page.locator('.doc-view a.m-reference--cross-reference').first();
  assert.ok((await cross.count()) > 0, 'the seed has cross-references');
  const to = (await cross.getAttribute('href')).slice(1);
  await cross.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), to);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 3');
});

test('the outline shows header metadata, the pairs and the diagnostics', async () => {
  const page = await seeded();
  const meta = await page.locator('#meta').textContent();
  assert.match(meta, /Boswijk \(CDA\)/);
  assert.match(meta, /2024-09-03/);
  assert.equal(await page.locator('#pairs li').count(), 6);
  await page.locator('#pairs').getByRole('link', { name: 'Antwoord 6 en 7' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 6 en 7');
  await pasteText(page, 'Geen vragen hier.\n');
  // Diagnostics are found by their stable code, never by their English text.
  assert.equal(await page.locator('#diagnostics li[data-code="no-headings"]').count(), 1);
});
