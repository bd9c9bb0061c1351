// No keystroke astray: after a real Ctrl+V the focus is on the first block,
// so the shortcuts tag and never type into the document; Esc leaves the box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, fixture, openPage, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

async function ctrlV(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test('a real Ctrl+V paste moves the focus to the first block: j 1 j 2 tag, the text stays as pasted', async () => {
  const page = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const seed = fixture('seed.txt');
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.getByLabel('Document text').focus();
  await ctrlV(page, seed);
  await page.waitForSelector('#doc-view [role="region"]');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region', 'the focus left the text box');
  for (const key of ['j', '1', 'j', '2']) await page.keyboard.press(key);
  assert.equal(await page.getByLabel('Document text').inputValue(), seed, 'nothing typed into the text');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  const json = await page.evaluate(() => document.getElementById('doc-view').textContent);
  assert.ok(!json.includes('j1j2'));
  assert.deepEqual(page.errors, []);
});

test('Esc leaves the text box for the current answer; the next shortcut tags it', async () => {
  const page = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const seed = fixture('seed.txt');
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.getByLabel('Document text').focus();
  await ctrlV(page, seed);
  await page.waitForSelector('#doc-view [role="region"]');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  // Deliberately back in the box (to edit it), then Esc.
  await page.getByLabel('Document text').focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 2');
  await page.keyboard.press('3');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['wet of regeling']);
  assert.equal(await page.getByLabel('Document text').inputValue(), seed);
  assert.deepEqual(page.errors, []);
});

test('j on a long answer shows its top with its question above it, not its middle', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 1400, height: 800 } });
  const filler = 'Dit is een lange zin in een lang antwoord over de nationale veiligheid en de risico’s.\n'.repeat(200);
  const text = fixture('seed.txt').replace('gen.\n\nVraag 4', `gen.\n${filler}\nVraag 4`);
  await page.getByLabel('Document text').fill(text);
  await page.waitForSelector('#doc-view [role="region"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  const a3 = page.getByRole('region', { name: 'Antwoord 3' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 3');
  assert.ok((await a3.boundingBox()).height > 2000, 'a long answer');
  // Wait for the scroll to settle, then measure.
  await page.waitForTimeout(500);
  const pos = await page.evaluate(() => {
    const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
    const a = document.querySelector('[aria-label="Antwoord 3"]').getBoundingClientRect();
    const q = document.querySelector('[aria-label="Vraag 3"]').getBoundingClientRect();
    return { bar, aTop: a.top, qTop: q.top, qBottom: q.bottom, h: innerHeight };
  });
  assert.ok(pos.aTop >= pos.bar && pos.aTop < pos.h / 2 + pos.bar, `the answer's top is on screen, in the upper half: ${JSON.stringify(pos)}`);
  assert.ok(pos.qTop >= pos.bar - 1 && pos.qBottom <= pos.aTop + 1, `its question above it, on screen: ${JSON.stringify(pos)}`);
  // k back and j again: the same place.
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await page.waitForTimeout(500);
  const again = await page.evaluate(() => document.querySelector('[aria-label="Antwoord 3"]').getBoundingClientRect().top);
  assert.ok(Math.abs(again - pos.aTop) < 2);
  assert.deepEqual(page.errors, []);
});

test('Ctrl+Z in the empty "Add tag" field undoes the tag just added; with text in it, Ctrl+Z undoes the typing', async () => {
  const page = await openPage(browser, server.url);
  await page.getByLabel('Document text').fill(fixture('seed.txt'));
  const a3 = page.getByRole('region', { name: 'Antwoord 3' });
  const field = a3.getByLabel('Add tag');
  await field.fill('weigering');
  await field.press('Enter');
  assert.deepEqual(await chips(a3), ['weigering']);
  assert.equal(await field.inputValue(), '');
  await field.press('Control+z');
  assert.deepEqual(await chips(a3), []);
  const notice = page.locator('#undo-notice');
  assert.equal(await notice.isVisible(), true, 'a visible notice');
  assert.equal(await notice.textContent(), 'Undone: Antwoord 3: tag weigering added');
  await page.waitForFunction(() => document.getElementById('announce').textContent.startsWith('Undone'));
  assert.equal(await page.locator('#announce').textContent(), 'Undone: Antwoord 3: tag weigering added');
  // Redo from the same empty field.
  await a3.getByLabel('Add tag').press('Control+Shift+z');
  assert.deepEqual(await chips(a3), ['weigering']);
  assert.equal(await notice.textContent(), 'Redone: Antwoord 3: tag weigering added');
  // Text in the field: the browser's own undo of the typing, no tag undone.
  await a3.getByLabel('Add tag').focus();
  await page.keyboard.type('abc');
  await page.keyboard.press('Control+z');
  assert.equal(await a3.getByLabel('Add tag').inputValue(), '');
  assert.deepEqual(await chips(a3), ['weigering']);
  assert.deepEqual(page.errors, []);
});

/**
 * Document A (the seed, preset scheme loaded, Antwoord 1: toezegging), then a
 * new document B (the seed a little edited) where `keysInB` are pressed.
 */
async function twoDocuments(keysInB) {
  const page = await openPage(browser, server.url);
  const seed = fixture('seed.txt');
  await page.getByLabel('Document text').fill(seed);
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'New document' }).click();
  await page.getByLabel('Document text').fill(seed.replace('Ja.', 'Ja, zeker.'));
  await page.waitForSelector('#doc-view [role="region"]');
  for (const key of keysInB) await page.keyboard.press(key);
  return page;
}

test('undo acts on the document on screen: each document has its own history', async () => {
  const page = await twoDocuments(['j', 'j', '2']); // document B, Antwoord 2: weigering
  assert.equal(await page.locator('#doc-list .doc-open').count(), 2);
  // Back to document A: Ctrl+Z undoes A's tag, B keeps its own.
  await page.locator('#doc-list .doc-open:not([aria-current="true"])').click();
  await page.waitForFunction(() => !document.getElementById('doc-view').textContent.includes('Ja, zeker.'));
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), []);
  assert.equal(await page.locator('#undo-notice').textContent(), 'Undone: Antwoord 1: tag toezegging added');
  await page.keyboard.press('Control+z');
  // The preset (a tag-set change made on A) is A's too; nothing more after it.
  assert.equal(await page.locator('#undo-notice').textContent(), 'Undone: preset coding scheme loaded');
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('#undo-notice').textContent(), 'Nothing to undo in this document');
  // Document B is untouched: its tag is still there (and back in the set).
  await page.locator('#doc-list .doc-open:not([aria-current="true"])').click();
  await page.waitForFunction(() => document.getElementById('doc-view').textContent.includes('Ja, zeker.'));
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), []);
  assert.equal(await page.locator('#undo-notice').textContent(), 'Undone: Antwoord 2: tag weigering added');
  assert.deepEqual(page.errors, []);
});

test('Tab: one stop per question and answer, its tag bar right after it; ← → reach the dates and references inside', async () => {
  const page = await openPage(browser, server.url);
  await page.getByLabel('Document text').fill(fixture('seed.txt'));
  await page.waitForSelector('#doc-view [role="region"]');
  await page.locator('#doc-view [role="region"]').first().focus();
  const stops = [];
  for (let i = 0; i < 200; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!document.getElementById('doc-view').contains(el)) return null;
      if (el.getAttribute('role') === 'region') return el.getAttribute('aria-label');
      return `${el.closest('[role="region"]')?.getAttribute('aria-label')} › ${el.getAttribute('aria-label') ?? el.className}`;
    });
    if (here === null) break;
    stops.push(here);
    await page.keyboard.press('Tab');
  }
  const blocks = stops.filter((s) => !s.includes('›'));
  assert.deepEqual(blocks, await page.locator('#doc-view [role="region"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), 'every question and answer once, in order');
  // Nothing but the blocks and their tag bars (add field, add button, note): no date or reference.
  for (const s of stops.filter((x) => x.includes('›'))) assert.match(s, /› (Add tag|Add the typed tag|Note)$/, s);
  // The tag bar right after its answer.
  const a1 = stops.indexOf('Antwoord 1');
  assert.deepEqual(stops.slice(a1, a1 + 4), ['Antwoord 1', 'Antwoord 1 › Add tag', 'Antwoord 1 › Add the typed tag', 'Antwoord 1 › Note']);
  assert.ok(stops.length <= blocks.length + 3 * (await page.locator('.tagbar').count()));
  // ← → move through the highlights of the block; Esc back to the block.
  const q1 = page.getByRole('region', { name: 'Vraag 1' });
  await q1.focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => document.activeElement);
  assert.ok(await page.evaluate(() => document.activeElement.matches('[data-tip], a[href]') && document.activeElement.closest('[aria-label="Vraag 1"]') !== null), 'a highlight of Vraag 1');
  assert.ok(first !== undefined);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Vraag 1');
  assert.deepEqual(page.errors, []);
});

test('800 px: the top bar is one line; documents, outline and tag set are one key or tap away (drawers)', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 800, height: 900 } });
  await page.getByLabel('Document text').fill(fixture('seed.txt'));
  await page.waitForSelector('#doc-view [role="region"]');
  const bar = await page.locator('.topbar').boundingBox();
  assert.ok(bar.height < 60, `one line: ${bar.height}px`);
  assert.equal(await page.locator('.side').isVisible(), false, 'the panels are not below the document');
  assert.equal(await page.locator('.tags-pane').isVisible(), false);
  // The actions that do not fit scroll sideways; the row fades at its right edge until scrolled to its end.
  const more = () => page.locator('.actions').evaluate((el) => ({ fade: getComputedStyle(el).getPropertyValue('--more'), overflows: el.scrollWidth > el.clientWidth }));
  assert.deepEqual(await more(), { fade: '40px', overflows: true });
  await page.locator('#help-open').focus();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.actions')).getPropertyValue('--more') === '0px');
  await page.locator('.actions').evaluate((el) => el.scrollTo({ left: 0 }));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.actions')).getPropertyValue('--more') === '40px');
  // A key: d opens the documents and the outline over the document, at the top of the screen.
  await page.locator('#doc-view [role="region"]').first().focus();
  await page.keyboard.press('d');
  assert.equal(await page.locator('.side').isVisible(), true);
  const side = await page.locator('.side').boundingBox();
  assert.ok(side.y < 100 && side.y + side.height <= 900, JSON.stringify(side));
  assert.equal(await page.evaluate(() => document.querySelector('.side').contains(document.activeElement)), true);
  assert.equal(await page.getByRole('button', { name: 'Documents', exact: true }).getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.side').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.drawer), 'side');
  // A tap: the tag set; the preset loads from there, another tap closes it.
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  assert.equal(await page.locator('.tags-pane').isVisible(), true);
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  assert.equal(await page.locator('.tags-pane').isVisible(), false);
  // The outline jumps to an answer and makes way.
  await page.getByRole('button', { name: 'Documents', exact: true }).click();
  await page.locator('#pairs [data-jump]').nth(2).click();
  assert.equal(await page.locator('.side').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Antwoord 3');
  await page.keyboard.press('1');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 3' })), ['toezegging']);
  assert.deepEqual(page.errors, []);
});

test('an opened file: the focus is on its first block, the shortcuts tag at once', async () => {
  const page = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.getByLabel('Open files…').setInputFiles([{ name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('seed.txt')) }]);
  await page.waitForFunction(() => document.activeElement?.closest?.('#doc-view [role="region"]'), null, { timeout: 10000 });
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.equal(await page.getByLabel('Document text').inputValue(), fixture('seed.txt'));
  assert.deepEqual(page.errors, []);
});

test('undoing a tag rename on screen says which other document it changes too', async () => {
  const page = await twoDocuments(['j', '1']); // B: toezegging
  const name = page.getByLabel('Name of toezegging');
  await name.fill('belofte');
  await name.press('Enter');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['belofte']);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.match(await page.locator('#undo-notice').textContent(), /^Undone: tag toezegging renamed to belofte \(also in .+\)$/);
  assert.deepEqual(page.errors, []);
});
