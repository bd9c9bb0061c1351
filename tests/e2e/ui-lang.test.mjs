// The interface in Dutch and in English (issue 16): the browser's language
// chooses it until the user picks one with the switch "Taal" / "Language",
// which is remembered; no screen mixes the two. The check walks the page
// outside the document's own text (lang="nl") and looks for any message of
// the other language's table (its fixed words, and its templates with their
// {params} as wildcards) in visible text, aria-label, title and placeholder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EN } from '../../www/lang-en.js';
import { NL } from '../../www/lang-nl.js';
import { download, fixture, openPage, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

const open = (locale, options = {}) => openPage(browser, server.url, { locale, ...options });

test('the two message tables have the same keys, kinds and placeholders', () => {
  assert.deepEqual(Object.keys(NL).sort(), Object.keys(EN).sort());
  const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(EN)) {
    assert.equal(typeof NL[key], typeof EN[key], `${key}: a string in one table, a function in the other`);
    if (typeof EN[key] === 'string') assert.deepEqual(params(NL[key]), params(EN[key]), `${key}: the same placeholders`);
    else assert.equal(typeof NL[key]({ n: 2, of: 3, tags: 1, notes: 2, day: 2 }), 'string', key);
  }
  // The switch is named in each language, its options in their own.
  assert.equal(NL['lang.switch'], 'Taal');
  assert.equal(EN['lang.switch'], 'Language');
});

test("every code of the core's diagnostics and refusals has its message in both tables", () => {
  const src = (f) => readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8');
  const diag = [...src('model.rs').matchAll(/^\s*\w+ = "([a-z-]+)",$/gm)].map((m) => m[1]).filter((c) => !['warning', 'info', 'error'].includes(c));
  const enumStart = src('model.rs').indexOf('pub enum DiagnosticCode');
  const codes = diag.filter((c) => src('model.rs').indexOf(`"${c}"`) > enumStart);
  assert.ok(codes.includes('duplicate-question') && codes.includes('weekday-mismatch'), 'the codes are read');
  const refusals = ['anchoring/mod.rs', 'anchoring/file.rs', 'anchoring/tags.rs']
    .flatMap((f) => [...src(f).matchAll(/fail\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1]))
    .concat([...src('corrections/flat.rs').matchAll(/refuse\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1]))
    .concat([...src('codebook.rs').matchAll(/fail\(\s*"([a-z0-9-]+)"|"(codebook-at-[a-z-]+)"/g)].map((m) => m[1] ?? m[2]));
  assert.ok(refusals.includes('codebook-key-twice') && refusals.includes('codebook-at-code'), 'the refusals of a codebook are read');
  assert.ok(refusals.includes('correction-kind'), 'the refusals of a file\'s corrections are read');
  assert.ok(refusals.length >= 20, 'the refusals are read');
  for (const key of [...codes.map((c) => `diag.${c}`), ...refusals.map((c) => `import.${c}`)]) {
    assert.ok(key in EN && key in NL, `${key} in both tables`);
  }
});

/** Messages that name blocks as the document does ("Antwoord 3"), in both languages. */
const DOCUMENT_WORDS = new Set(['unplaced.answer']);

/**
 * The messages of table `other` that differ from `own`, as whole-string
 * patterns: fixed text literally, {params} as wildcards. Templates with
 * fewer than 6 fixed letters ("{at}: {why}") would match anything: left out.
 */
function foreignPatterns(own, other) {
  const out = [];
  for (const [key, value] of Object.entries(other)) {
    if (typeof value !== 'string' || value === own[key] || DOCUMENT_WORDS.has(key)) continue;
    if (value.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length < 6) continue;
    const source = value.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
    out.push({ key, source: `^\\s*${source}\\s*$` });
  }
  return out;
}

/**
 * Every visible interface string (text nodes whose nearest lang is the
 * interface's: the document text has lang="nl") and every aria-label, title
 * and placeholder of an element that is not the document's own text, that
 * matches a foreign pattern: [where, text, key].
 */
async function foreignStrings(page, patterns) {
  return page.evaluate((pats) => {
    const res = pats.map((p) => ({ key: p.key, re: new RegExp(p.source, 'u') }));
    const ui = document.documentElement.lang;
    const found = [];
    const check = (where, text) => {
      const s = (text ?? '').trim();
      if (!s) return;
      for (const p of res) if (p.re.test(s)) found.push([where, s, p.key]);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang]')?.lang !== ui) continue;
      if (!el.checkVisibility() && el.tagName !== 'OPTION') continue;
      check(`text in <${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`, n.data);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        if (el.hasAttribute(attr)) check(`${attr} of <${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`, el.getAttribute(attr));
      }
    }
    check('the error banner', document.getElementById('import-error').textContent);
    return found;
  }, patterns);
}

const NOT_DUTCH = foreignPatterns(NL, EN);
const NOT_ENGLISH = foreignPatterns(EN, NL);

test('a Dutch browser gets Dutch, an English one English; the document text stays lang="nl"', async () => {
  const nl = await open('nl-NL');
  assert.equal(await nl.evaluate(() => document.documentElement.lang), 'nl');
  await nl.getByRole('button', { name: 'Nieuw document' }).waitFor();
  assert.equal(await nl.getByRole('combobox', { name: 'Taal' }).inputValue(), 'nl');
  assert.equal(await nl.locator('#doc-view').getAttribute('lang'), 'nl');
  assert.equal(await nl.locator('#summary').textContent(), 'Plak de tekst van Kamervragen om te beginnen.');

  const en = await open('en-US');
  assert.equal(await en.evaluate(() => document.documentElement.lang), 'en');
  await en.getByRole('button', { name: 'New document' }).waitFor();
  assert.equal(await en.getByRole('combobox', { name: 'Language' }).inputValue(), 'en');
  assert.equal(await en.locator('#doc-view').getAttribute('lang'), 'nl');
  assert.equal(await en.locator('#summary').textContent(), 'Paste the text of Kamervragen to begin.');
  assert.deepEqual([...nl.errors, ...en.errors], []);
  await nl.context().close();
  await en.context().close();
});

/** Puts `text` in the text box as a paste does (whatever its label's language). */
const pasteText = (page, text) => page.locator('#doc-text').fill(text);

/** Pastes the seed, loads the preset scheme (the tag set is drawn) and tags an answer with key 1. */
async function fill(page, presetButton) {
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  await page.getByRole('button', { name: presetButton }).click();
  await page.getByRole('region', { name: 'Antwoord 1' }).focus();
  await page.keyboard.press('1');
  await page.getByRole('region', { name: 'Antwoord 1' }).locator('.chip-name').waitFor();
}

test('the switch changes every string at once, without touching the work, and is remembered after a reload', async () => {
  const page = await open('en-US');
  await fill(page, 'Load preset scheme');
  const summary = await page.locator('#summary').textContent();
  assert.match(summary, /^\d+ questions, \d+ answers/);
  // An error banner in English: a tag the core refuses (with its code).
  const add = page.getByRole('region', { name: 'Antwoord 2' }).getByRole('combobox', { name: 'Add tag' });
  await add.fill('<b>x</b>');
  await add.press('Enter');
  await page.locator('#import-error').waitFor();
  assert.match(await page.locator('#import-error').textContent(), /^The tag contains HTML/);

  const saved = await page.evaluate(() => localStorage.getItem('kamervragen-lang'));
  assert.equal(saved, null, 'no choice yet: the browser decides');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');

  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.match(await page.locator('#summary').textContent(), /^\d+ vragen, \d+ antwoorden/);
  assert.match(await page.locator('#import-error').textContent(), /^De tag bevat HTML/, 'the banner on screen is worded again');
  await page.getByRole('button', { name: 'Nieuw document' }).waitFor();
  await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
  await page.getByRole('region', { name: 'Antwoord 1' }).getByRole('combobox', { name: 'Tag toevoegen' }).waitFor();
  await page.getByRole('button', { name: 'Tag toezegging verwijderen' }).waitFor();
  await page.getByRole('textbox', { name: 'Naam van toezegging' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Taal' }).inputValue(), 'nl');
  assert.deepEqual(await foreignStrings(page, NOT_DUTCH), []);
  // Nothing of the work changed: the tag is there, nothing to undo but the tag.
  assert.deepEqual(await page.getByRole('region', { name: 'Antwoord 1' }).locator('.chip-name').allTextContents(), ['toezegging']);

  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl', 'the choice is remembered');
  assert.equal(await page.evaluate(() => localStorage.getItem('kamervragen-lang')), 'nl');
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  assert.match(await page.locator('#summary').textContent(), /^\d+ vragen/);
  assert.deepEqual(await foreignStrings(page, NOT_DUTCH), []);

  // And back: English everywhere again.
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  assert.equal(await page.locator('#summary').textContent(), summary);
  assert.deepEqual(await foreignStrings(page, NOT_ENGLISH), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [locale, presetButton, patterns, words] of [
  ['nl-NL', 'Voorbeeldschema laden', NOT_DUTCH, { help: 'Sneltoetsen', tags: 'Codeboek', undone: /^Ongedaan gemaakt: Antwoord 1: tag toezegging toegevoegd$/, close: 'Sluiten' }],
  ['en-US', 'Load preset scheme', NOT_ENGLISH, { help: 'Shortcuts', tags: 'Codebook', undone: /^Undone: Antwoord 1: tag toezegging added$/, close: 'Close' }],
]) {
  test(`${locale}: no string of the other language, after a paste, with the help open, in a drawer at 800 px, after an undo, with an error`, async () => {
    const page = await open(locale, { viewport: { width: 1400, height: 900 } });
    assert.deepEqual(await foreignStrings(page, patterns), [], 'the empty page');
    await fill(page, presetButton);
    assert.deepEqual(await foreignStrings(page, patterns), [], 'after a paste and a tag');

    await page.getByRole('button', { name: words.help, exact: true }).click();
    await page.locator('#help').waitFor();
    assert.deepEqual(await foreignStrings(page, patterns), [], 'the help dialog open');
    await page.getByRole('button', { name: words.close }).click();

    // The undo notice.
    await page.getByRole('region', { name: 'Antwoord 1' }).focus();
    await page.keyboard.press('Control+z');
    await page.locator('#undo-notice').waitFor();
    assert.match(await page.locator('#undo-notice').textContent(), words.undone);
    assert.deepEqual(await foreignStrings(page, patterns), [], 'the undo notice');

    // An error banner: a codebook file that is not one.
    await page.locator('#tagset-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "other"}') });
    await page.locator('#import-error').waitFor();
    assert.deepEqual(await foreignStrings(page, patterns), [], 'the error banner');

    // A drawer at 800 px.
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByRole('button', { name: words.tags, exact: true }).click();
    assert.deepEqual(await foreignStrings(page, patterns), [], 'the tag-set drawer at 800 px');
    const bar = await page.locator('.topbar').evaluate((el) => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().height]);
    assert.ok(bar[0] <= bar[1] + 1, `the top bar fits at 800 px (${bar[0]} > ${bar[1]})`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('diagnostics and file refusals are worded in the interface language (by their codes)', async () => {
  const page = await open('nl-NL');
  await pasteText(page, 'Vraag 1\nKent u het bericht?\n\nVraag 1\nNog eens?\n\nAntwoord 1\nJa.\n');
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  assert.match(await page.locator('#diagnostics').textContent(), /Vraagnummer 1 staat er twee keer/);
  assert.equal(await page.locator('#diagnostics [data-code="duplicate-question"]').count(), 1, 'the code stays the same');
  await page.locator('#open-file').setInputFiles({ name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
  await page.locator('#open-refused').waitFor();
  assert.match(await page.locator('#open-refused').textContent(), /Eén bestand is niet geopend:\s*leeg\.txt: een leeg bestand/);
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  assert.match(await page.locator('#diagnostics').textContent(), /Question number 1 is printed twice/);
  assert.match(await page.locator('#open-refused').textContent(), /One file was not opened:\s*leeg\.txt: an empty file/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the exports do not change with the language; their file names are the interface\'s', async () => {
  const texts = {};
  for (const [locale, exportJson] of [['nl-NL', 'JSON exporteren'], ['en-US', 'Export JSON']]) {
    const page = await open(locale);
    await pasteText(page, 'Vraag 1\nKent u het bericht?\n\nVraag 1\nNog eens?\n\nAntwoord 1\nJa.\n');
    await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
    texts[locale] = (await download(page, exportJson)).text;
    if (locale === 'nl-NL') {
      assert.equal((await download(page, 'Codeboek exporteren')).name, 'codeboek.json');
      assert.equal((await download(page, 'Exporteren als Markdown')).name, 'codeboek.md');
      assert.equal((await download(page, 'Alles als JSON exporteren')).name, 'kamervragen-verzameling.json');
    }
    await page.context().close();
  }
  const nl = JSON.parse(texts['nl-NL']);
  assert.deepEqual(nl.diagnostics.map((d) => [d.code, d.message]), [['duplicate-question', 'Question number 1 is printed twice']]);
  assert.ok(!('params' in nl.diagnostics[0]), 'the params are the page\'s, not the export\'s');
  const strip = (t) => t.replace(/"(generated|exported)[^"]*": "[^"]*"/g, '');
  assert.equal(strip(texts['nl-NL']), strip(texts['en-US']));
});

test('the outline reads as a sentence: "mede namens de Minister van …"', async () => {
  const page = await open('nl-NL');
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('region', { name: 'Antwoord 1' }).waitFor();
  const answered = await page.locator('#meta dt', { hasText: 'Beantwoord door' }).locator('xpath=following-sibling::dd[1]').locator('.meta-value').textContent();
  assert.match(answered, /^Minister Klever \(Buitenlandse Handel en Ontwikkelingshulp\); Minister Veldkamp \(Buitenlandse Zaken\), mede namens de Minister van Infrastructuur en Waterstaat$/);
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  const english = await page.locator('#meta dt', { hasText: 'Answered by' }).locator('xpath=following-sibling::dd[1]').locator('.meta-value').textContent();
  assert.match(english, /, also on behalf of the Minister \(Infrastructuur en Waterstaat\)$/);
  await page.context().close();
});

test('the codebook\'s question before a level change and its refusal of a kind change are in one language', async () => {
  const words = {
    'nl-NL': { preset: 'Voorbeeldschema laden', level: 'Niveau van variabele Toezegging', kind: 'Soort variabele Verwijst naar', add: 'Tag toevoegen', patterns: NOT_DUTCH,
      move: /^Op 1 antwoord staan codes van Toezegging\. Bij verplaatsen naar het documentniveau worden die codes verwijderd\./,
      clash: /^Op 1 antwoord staat meer dan één code van Verwijst naar\. Bij ‘één van’ krijgt elke eenheid één code/ },
    'en-US': { preset: 'Load preset scheme', level: 'Level of variable Toezegging', kind: 'Type of variable Verwijst naar', add: 'Add tag', patterns: NOT_ENGLISH,
      move: /^Codes of Toezegging are on 1 answer\. Moving it to the document level removes those codes\./,
      clash: /^More than one code of Verwijst naar is on 1 answer\. A “one of” variable allows one code per unit/ },
  };
  for (const [locale, w] of Object.entries(words)) {
    const page = await open(locale);
    await fill(page, w.preset); // toezegging on Antwoord 1
    const add = page.getByRole('region', { name: 'Antwoord 1' }).getByRole('combobox', { name: w.add });
    for (const code of ['wet of regeling', 'eerder antwoord']) {
      await add.fill(code);
      await add.press('Enter');
    }
    await page.getByLabel(w.level).selectOption('document');
    await page.getByRole('alertdialog').waitFor();
    assert.match(await page.locator('#codebook-change-text').textContent(), w.move, locale);
    assert.deepEqual(await foreignStrings(page, w.patterns), [], `${locale}: the question`);
    await page.keyboard.press('Escape');
    await page.getByLabel(w.kind).selectOption('one-of');
    await page.getByRole('alertdialog').waitFor();
    assert.match(await page.locator('#codebook-change-text').textContent(), w.clash, locale);
    assert.deepEqual(await foreignStrings(page, w.patterns), [], `${locale}: the refusal`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
