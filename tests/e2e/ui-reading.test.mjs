// The reading view (issue 16, the default) and "Show as printed": paragraphs
// of running text (lines joined, line-end hyphenation undone, page furniture
// and footnotes hidden where they were printed), footnotes at their marker
// and in a list at the end, readable copies; the same tags and exports in
// both views; the choice remembered; print; 800 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const FIXTURE = 'reading_page_break.txt';
const A1_READING = 'Antwoord 1\n'
  + 'Ja. Het rapport noemt drie oorzaken van de achteruitgang van wilde bijen. Wij hebben het rapport besproken met de '
  + 'onderzoekers; de uitkomsten van die besprekingen staan in de brief.2 Het onderzoek naar de oorzaken loopt nog en de '
  + 'resultaten van dat onderzoek worden in de loop van dit jaar verwacht.\n'
  + 'Over de maatregelen informeer ik uw Kamer voor de zomer.';

async function open(options = {}) {
  const page = await openPage(browser, server.url, { viewport: { width: 1400, height: 900 }, ...options });
  await pasteText(page, fixture(FIXTURE));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  return page;
}

/** The text an answer shows on screen (innerText: what CSS hides is left out, white space folded). */
const shownText = (page, name) => page.getByRole('region', { name }).locator('.answer-text').evaluate((el) => el.innerText.replace(/\n+/g, '\n').trim());
const printedButton = (page) => page.getByRole('button', { name: 'Show as printed' });

test('the reading view: paragraphs joined, the hyphen undone, furniture and footnotes hidden in the answer', async () => {
  const page = await open();
  assert.equal(await printedButton(page).getAttribute('aria-pressed'), 'false', 'the reading view is the default');
  assert.equal(await shownText(page, 'Antwoord 1'), A1_READING);
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  assert.equal(await a1.locator('.m-furniture').isVisible(), false, 'the page footer is hidden');
  assert.equal(await a1.locator('.m-footnote').first().isVisible(), false, 'the footnotes are hidden where they were printed');
  // Still the whole text in the DOM, as pasted: spans and offsets are those of the printed text.
  assert.match(await a1.textContent(), /besprekin-\ngen staan in de brief\.2/);
  assert.match(await a1.textContent(), /ISSN 0921 - 7398/);
  // The footnotes in a list at the end.
  const notes = page.getByRole('region', { name: 'Footnotes' });
  assert.deepEqual(await notes.locator('li').allInnerTexts(), ['1 Wageningen, 1 maart 2024, «Bijen in nood»', '2 Kamerstuk 21 501-32, nr. 1500']);
  assert.deepEqual(page.errors, []);
});

test('a footnote at its marker: shown on focus, described by it, and the marker jumps to it in the list and back', async () => {
  const page = await open();
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  await a1.focus();
  // → reaches the highlights of the block, the hidden ones (in the footnotes, the footer) skipped.
  const seen = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
    const now = await page.evaluate(() => document.activeElement.textContent);
    seen.push(now);
    if (now === '2') break;
  }
  assert.equal(seen.at(-1), '2', `the footnote marker is reached with →: ${seen.join(' | ')}`);
  const pop = page.locator('#mark-card').getByRole('tooltip');
  assert.equal(await pop.textContent(), '2 Kamerstuk 21 501-32, nr. 1500');
  assert.equal(await pop.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'note-fn-2');
  await page.keyboard.press('Escape');
  assert.equal(await pop.isVisible(), false, 'Esc closes the popover');
  await page.getByRole('region', { name: 'Antwoord 1' }).locator('a[href="#fn-2"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'note-fn-2', 'the marker jumps to the footnote in the list');
  await page.locator('#note-fn-2 .fn-back').press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#fn-2', 'and back to the marker');
  assert.deepEqual(page.errors, []);
});

test('copying from the reading view gives readable text: no broken words, no line breaks in a paragraph, no furniture', async () => {
  const page = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('region', { name: 'Antwoord 1' }).locator('.answer-text').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('Control+C');
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trim();
  assert.doesNotMatch(copied, /besprekin-|besprekin\s|ISSN|Wageningen|Gravenhage/, copied);
  const [heading, ...paras] = copied.split(/\n+/);
  assert.equal(heading, 'Antwoord 1');
  assert.deepEqual(paras, A1_READING.replace('brief.2 ', 'brief. ').split('\n').slice(1), 'one line a paragraph, the marker left out');
  assert.deepEqual(page.errors, []);
});

test('"Show as printed" shows the exact text and is remembered across a reload', async () => {
  const page = await open();
  await printedButton(page).click();
  assert.equal(await printedButton(page).getAttribute('aria-pressed'), 'true');
  const printed = await shownText(page, 'Antwoord 1');
  assert.match(printed, /besprekin-\ngen staan in de brief\.2/);
  assert.match(printed, /1 Wageningen, 1 maart 2024/);
  assert.match(printed, /ISSN 0921 - 7398/);
  assert.equal(await page.getByRole('region', { name: 'Footnotes' }).count(), 0, 'no list of footnotes: they are in the text');
  await page.reload();
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  assert.equal(await printedButton(page).getAttribute('aria-pressed'), 'true', 'remembered');
  assert.equal(await shownText(page, 'Antwoord 1'), printed);
  await printedButton(page).click();
  await page.reload();
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  assert.equal(await printedButton(page).getAttribute('aria-pressed'), 'false');
  assert.equal(await shownText(page, 'Antwoord 1'), A1_READING);
  assert.deepEqual(page.errors, []);
});

test('tagging works the same in both views, and the exports are identical', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  await page.getByRole('region', { name: 'Antwoord 2' }).focus();
  await page.keyboard.press('2');
  const reading = { json: (await download(page, 'Export JSON')).text, csv: (await download(page, 'Export CSV')).text, w3c: (await download(page, 'Export W3C')).text };
  await printedButton(page).click();
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging']);
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 2' })), ['weigering']);
  for (const [name, text] of [['JSON', reading.json], ['CSV', reading.csv], ['W3C', reading.w3c]]) {
    assert.equal((await download(page, `Export ${name}`)).text, text, `Export ${name} is the same in both views`);
  }
  const json = JSON.parse(reading.json);
  assert.equal(json.document.text, fixture(FIXTURE));
  assert.deepEqual(json.answers.map((a) => a.tags), [['toezegging'], ['weigering']]);
  // And in the printed view: k (from Antwoord 2), then a key, tags the first answer.
  await page.getByRole('region', { name: 'Vraag 1' }).focus();
  await page.keyboard.press('k');
  await page.keyboard.press('3');
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging', 'wet of regeling']);
  await printedButton(page).click();
  assert.deepEqual(await chips(page.getByRole('region', { name: 'Antwoord 1' })), ['toezegging', 'wet of regeling'], 'the same chips in the reading view');
  assert.deepEqual(page.errors, []);
});

test('print: the questions, answers and their tags; no panels, top bar, fields or buttons', async () => {
  const page = await open();
  await tag(page, 'Antwoord 1', 'toezegging');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.topbar', '#side-pane', '#tags-pane', '#doc-text', '#legend', '#fix-bar', '#show-printed', '.tag-input', '.note', '.tag-add']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
  }
  assert.equal(await page.getByRole('region', { name: 'Vraag 1' }).isVisible(), true);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).locator('.chip-name').isVisible(), true, 'the tags are printed');
  assert.equal(await shownText(page, 'Antwoord 1'), A1_READING, 'the reading view is printed');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.topbar').isVisible(), true);
  assert.deepEqual(page.errors, []);
});

test('the tag bar is beside the answer at 1400 px, under it at 800 px; about 70 characters a line', async () => {
  for (const width of [1400, 800]) {
    const page = await open({ viewport: { width, height: 900 } });
    const a1 = page.getByRole('region', { name: 'Antwoord 1' });
    const text = await a1.locator('.answer-text').boundingBox();
    const bar = await a1.locator('.tagbar').boundingBox();
    if (width > 900) assert.ok(bar.x >= text.x + text.width, `${width} px: beside (${JSON.stringify({ text, bar })})`);
    else assert.ok(bar.y >= text.y + text.height, `${width} px: below (${JSON.stringify({ text, bar })})`);
    // No line of the answer's text is longer than about 70 characters.
    const longest = await a1.locator('.answer-text').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Map();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.length; i++) {
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getClientRects()[0];
          if (r) tops.set(Math.round(r.top), (tops.get(Math.round(r.top)) ?? 0) + 1);
        }
      }
      return Math.max(...tops.values());
    });
    assert.ok(longest <= 90 && longest >= 50, `${width} px: ${longest} characters on the longest line`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/reading-${width}.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
