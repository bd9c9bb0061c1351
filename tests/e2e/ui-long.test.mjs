// Long texts (over 100 KB): pasted with Ctrl+V they never go through the
// browser's own paste into the text box (which lays the whole text out in one
// long task); the box stays closed until "Edit the text"; the end of the
// document is reachable, selectable and taggable by keyboard; edits and reloads
// keep the tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const COPIES = 20; // 20 × the seed: ~130 KB, 120 answers
const LAST_LINE = 'eventuele maatregelen in Europees verband te bepleiten.';

/** Puts `text` on the clipboard and pastes it into the focused text box with Ctrl+V. */
async function ctrlV(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test('a long Ctrl+V paste closes the text box; the last answer is reachable, selectable and taggable by keyboard', async () => {
  const page = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'weigering');
  const long = fixture('seed.txt').repeat(COPIES);
  // Paste over the whole text: a new document, the seed stays in the list.
  const box = page.getByLabel('Document text');
  await box.focus();
  await box.press('Control+A');
  await ctrlV(page, long);
  await page.waitForFunction((n) => document.getElementById('summary').textContent.startsWith(`${n} questions, ${n} answers`), COPIES * 6, { timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('doc-view').hasAttribute('aria-busy'));
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2, 'a new document; the seed is kept');
  // The box is closed (never laid out); a button opens it; the focus moved to the first block (issue 16: shortcuts work at once).
  assert.equal(await box.isHidden(), true);
  assert.match(await page.locator('#big-text').textContent(), /This text \(130 KB\)/);
  assert.equal(await page.evaluate(() => document.activeElement.closest('#doc-view [role="region"]') !== null), true);
  // The whole text is in the view, to its very end.
  assert.equal(await page.locator('#doc-view').evaluate((el) => el.textContent), long);
  // Keyboard: k goes to the last answer, 1 toggles the tag on key 1 (weigering, the first tag made).
  await page.getByRole('button', { name: 'Edit the text' }).focus();
  await page.keyboard.press('k');
  const last = page.getByRole('region', { name: 'Antwoord 6 en 7' }).last();
  await page.waitForFunction(() => document.activeElement?.matches('.m-answer[role="region"]'));
  assert.equal(await last.evaluate((el) => el === document.activeElement), true, 'k focuses the last answer');
  // On screen, and still there once the blocks around it are laid out (they are laid out on demand).
  const onScreen = () => last.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  assert.ok(await onScreen(), 'the last answer is scrolled into view');
  await page.waitForTimeout(500);
  assert.ok(await onScreen(), 'the last answer stays in view');
  await page.keyboard.press('1');
  assert.deepEqual(await chips(last), ['weigering']);
  // Its text can be selected like any other (laid out on demand).
  const selected = await last.locator('.answer-text').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  assert.ok(selected.trimEnd().endsWith(LAST_LINE), `selected: …${selected.slice(-80)}`);
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.answers.length, COPIES * 6);
  assert.deepEqual(json.answers.at(-1).tags, ['weigering']);
  assert.equal(json.document.text, long);
  assert.deepEqual(page.errors, []);
});

test('a long text can be edited in the opened box; edits and reloads keep its tags, the box starts closed again', async () => {
  const page = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const long = fixture('seed.txt').repeat(COPIES);
  await page.getByLabel('Document text').focus();
  await ctrlV(page, long);
  await page.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 120 && !document.getElementById('doc-view').hasAttribute('aria-busy'), null, { timeout: 20000 });
  const last = page.getByRole('region', { name: 'Antwoord 6 en 7' }).last();
  await last.getByLabel('Add tag').fill('toezegging');
  await last.getByLabel('Add tag').press('Enter');
  // Open the box and type at its end: an edit of the same document.
  await page.getByRole('button', { name: 'Edit the text' }).click();
  const box = page.getByLabel('Document text');
  assert.equal(await box.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'doc-text');
  assert.equal(await box.inputValue(), long);
  await box.press('Control+End');
  await page.keyboard.type('\nEinde.');
  await page.waitForFunction(() => document.getElementById('doc-view').textContent.includes('Einde.'), null, { timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('doc-view').hasAttribute('aria-busy'));
  assert.equal(await page.locator('#doc-list .doc-open').count(), 1, 'an edit, not a new document');
  assert.deepEqual(await chips(last), ['toezegging']);
  assert.equal(await box.isVisible(), true, 'the box stays open while editing');
  // Reload: the edited text and the tag are back, the box closed.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForFunction(() => document.querySelectorAll('.m-answer[role="region"]').length === 120 && !document.getElementById('doc-view').hasAttribute('aria-busy'), null, { timeout: 20000 });
  assert.equal(await page.getByLabel('Document text').isHidden(), true);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 6 en 7' }).last()), ['toezegging']);
  assert.equal(await page.getByLabel('Document text').inputValue(), `${long}\nEinde.`);
  // New document: an empty, open box to paste into.
  await page.getByRole('button', { name: 'New document' }).click();
  assert.equal(await page.getByLabel('Document text').isVisible(), true);
  assert.equal(await page.getByLabel('Document text').inputValue(), '');
  assert.deepEqual(page.errors, []);
});
