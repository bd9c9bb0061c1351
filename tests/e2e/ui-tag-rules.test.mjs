// One validation for tags: a typed tag (in an answer's tag bar or the tag-set
// panel), a tag-set file and an annotation file's tag set all pass the core's
// check_tag: the same refusals with the same message, names counted in
// characters, and one fallback colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chips, download, fixture, openPage, pasteText, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

async function seeded() {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  return page;
}

const banner = (page) => page.getByRole('alert').locator('span').textContent();

async function dismiss(page) {
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
}

/** Types `name` in the tag bar of Antwoord 1 and presses Enter; returns the message shown, or null. */
async function typeTag(page, name) {
  const input = page.getByRole('region', { name: 'Antwoord 1' }).getByLabel('Add tag');
  await input.fill(name);
  await input.press('Enter');
  return (await page.getByRole('alert').count()) ? banner(page) : null;
}

/** Imports a tag-set file with `tags`; returns the message shown, or null. */
async function importSet(page, tags) {
  const body = JSON.stringify({ format: 'kamervragen-tag-set', version: 1, tag_set: tags });
  await page.getByLabel('Import codebook').setInputFiles({ name: 'tag-set.json', mimeType: 'application/json', buffer: Buffer.from(body) });
  // Done when the banner shows or the file's last tag is in the set.
  const last = tags.at(-1).name;
  await page.waitForFunction((n) => !document.getElementById('import-error').hidden || document.querySelector(`#tagset .tagrow[data-tag="${CSS.escape(n)}"]`), last);
  return (await page.getByRole('alert').count()) ? banner(page) : null;
}

const rowColour = (page, name) => page.locator(`#tagset .tagrow[data-tag="${name}"]`).evaluate((el) => el.style.getPropertyValue('--tag'));

test('a typed tag and a tag-set file are refused by the same rule, with the same message', async () => {
  const page = await seeded();
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  for (const name of ['<b>vet</b>', '<img src=x onerror=alert(1)>', 'x'.repeat(81)]) {
    const typed = await typeTag(page, name);
    assert.ok(typed, `typed tag ${name.slice(0, 20)} was not refused`);
    // Marked on the field too (the banner may be scrolled away), until it is changed.
    const field = a1.getByLabel('Add tag');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.evaluate((el) => el.validationMessage), typed);
    assert.deepEqual(await chips(a1), [], 'a refused tag is not on the answer');
    assert.equal(await page.locator('#tagset .tagrow').count(), 0, 'a refused tag is not in the set');
    await dismiss(page);
    // The same name in the tag-set panel's "New tag" field.
    await page.getByLabel('New tag name').fill(name);
    await page.getByLabel('New tag name').press('Enter');
    assert.equal(await banner(page), typed);
    await dismiss(page);
    // And in a tag-set file: refused as a whole, with the core's message after the place in the file.
    const imported = await importSet(page, [{ name: 'goed', color: '#1b7f5b', key: '1', description: '' }, { name, color: '#1b7f5b' }]);
    assert.equal(imported, `Codebook not imported from tag-set.json: tag_set[1]: ${typed} Nothing was changed.`);
    assert.equal(await page.locator('#tagset .tagrow').count(), 0, 'nothing of a refused file is imported');
    await dismiss(page);
  }
  assert.match(await typeTag(page, 'a <b>'), /HTML/);
  await dismiss(page);
  // "a < b" is not HTML, and a name's length is counted in characters (80 emoji are 160 UTF-16 units): both accepted.
  const emoji = '🙂'.repeat(80);
  assert.equal(await typeTag(page, 'a < b'), null);
  assert.equal(await a1.getByLabel('Add tag').getAttribute('aria-invalid'), null);
  assert.equal(await typeTag(page, emoji), null);
  assert.deepEqual(await chips(a1), ['a < b', emoji]);
  assert.equal(await importSet(page, [{ name: 'c < d' }, { name: '🙃'.repeat(80) }]), null);
  assert.equal(await page.locator('#tagset .tagrow').count(), 4);
  // A description with HTML: refused in the panel as in a file.
  const desc = page.getByLabel('Definition of a < b');
  await desc.fill('<i>schuin</i>');
  await desc.press('Tab');
  const typedDesc = await banner(page);
  assert.match(typedDesc, /HTML/);
  assert.equal(await desc.inputValue(), '');
  await dismiss(page);
  assert.equal(await importSet(page, [{ name: 'e', description: '<i>schuin</i>' }]), `Codebook not imported from tag-set.json: tag_set[0]: ${typedDesc.replace('a < b', 'e')} Nothing was changed.`);
  assert.deepEqual(page.errors, []);
});

test('one fallback colour: a tag-set file, an annotation file and a typed tag without a colour of their own', async () => {
  const page = await seeded();
  // A tag-set file whose colour is not #rrggbb.
  assert.equal(await importSet(page, [{ name: 'rood', color: 'red' }]), null);
  const fromSetFile = await rowColour(page, 'rood');
  assert.match(fromSetFile, /^#[0-9a-f]{6}$/);
  // An annotation file's tag set (checked by the core's import).
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  json.tag_set = [{ name: 'blauw', color: 'blue', key: null, description: '' }];
  await page.getByLabel('Import annotations').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.locator('#tagset .tagrow[data-tag="blauw"]').waitFor();
  assert.equal(await rowColour(page, 'blauw'), fromSetFile);
  // A typed tag taken out of the set stays on its answer in the fallback colour.
  assert.equal(await typeTag(page, 'getypt'), null);
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  await page.getByRole('button', { name: 'Remove getypt from the codebook' }).click();
  assert.deepEqual(await chips(a1), ['getypt']);
  assert.equal(await a1.locator('.chip').evaluate((el) => el.style.getPropertyValue('--tag')), fromSetFile);
  // A typed tag in the set gets the next colour of the palette, as before.
  assert.equal(await typeTag(page, 'nieuw'), null);
  assert.match(await rowColour(page, 'nieuw'), /^#[0-9a-f]{6}$/);
  assert.deepEqual(page.errors, []);
});
