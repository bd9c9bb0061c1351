// The contract (docs/annotation-format.md) checked against its JSON Schema
// (docs/annotation.schema.json): the CLI's output for every fixture, the
// page's Export JSON, and broken documents that the schema must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { download, fixture, openPage, pasteText, shareBrowser, tag } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${root}docs/annotation.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const validateCollection = ajv.compile(JSON.parse(readFileSync(`${root}docs/collection.schema.json`, 'utf8')));
const CLI = `${root}target/release/kamervragen`;

/** The schema's complaints about `json`, as readable lines (empty when valid). */
function problems(json) {
  return validate(json) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The collection schema's complaints about `json` (empty when valid). */
function collectionProblems(json) {
  return validateCollection(json) ? [] : validateCollection.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The CLI's JSON for each of `files` (JSON Lines when given several). */
function annotate(files) {
  assert.ok(existsSync(CLI), `${CLI} is missing: npm test builds it (npm run check-regex)`);
  const out = execFileSync(CLI, ['annotate', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return files.length === 1 ? [JSON.parse(out)] : out.trim().split('\n').map((l) => JSON.parse(l));
}

const fixtureDir = `${root}tests/fixtures/`;
const fixtures = [
  ...readdirSync(fixtureDir).filter((f) => f.endsWith('.txt')).map((f) => fixtureDir + f),
  ...readdirSync(`${fixtureDir}regressions/`).filter((f) => f.endsWith('.txt')).map((f) => `${fixtureDir}regressions/${f}`),
];

test('the CLI output of every fixture is valid against the schema', () => {
  assert.ok(fixtures.length > 20, `only ${fixtures.length} fixtures found`);
  annotate(fixtures).forEach((json, i) => {
    assert.deepEqual(problems(json), [], fixtures[i]);
  });
});

test('the CLI output of the shared corpus is valid against the schema (when ../shared is there)', (t) => {
  const dir = `${root}../shared/corpus/`;
  if (!existsSync(dir)) return t.skip('no ../shared/corpus beside the checkout');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => dir + f);
  annotate(files).forEach((json, i) => assert.deepEqual(problems(json), [], files[i]));
});

test('the schema refuses broken documents', () => {
  const [good] = annotate([`${fixtureDir}seed.txt`]);
  assert.deepEqual(problems(good), []);
  assert.ok(good.dates.length && good.references.length && good.answers.length, 'the seed has dates, references, answers');
  const broken = {
    'an offset that is a string': (j) => { j.answers[0].start = String(j.answers[0].start); },
    'a negative offset': (j) => { j.questions[0].end = -1; },
    'a fractional offset': (j) => { j.references[0].start += 0.5; },
    'tags that are not a list': (j) => { j.answers[0].tags = 'toezegging'; },
    'a date without iso': (j) => { delete j.dates[0].iso; },
    'a date whose iso is not a date': (j) => { j.dates[0].iso = '31 juli'; },
    'an unknown reference kind': (j) => { j.references[0].kind = 'tweet'; },
    'a diagnostic without code': (j) => { j.diagnostics = [{ severity: 'warning', message: 'x', start: 0, end: 0 }]; },
    'a part that is not a pair': (j) => { j.answers[0].parts = [[1, 2, 3]]; },
    'another format': (j) => { j.format = 'kamervragen'; },
    'version 2': (j) => { j.version = 2; },
    'no document text': (j) => { delete j.document.text; },
    'an upper-case colour': (j) => { j.tag_set = [{ name: 'x', color: '#ABCDEF', key: null, description: '' }]; },
    'a shortcut 0': (j) => { j.tag_set = [{ name: 'x', color: '#abcdef', key: '0', description: '' }]; },
  };
  for (const [what, breakIt] of Object.entries(broken)) {
    const json = structuredClone(good);
    breakIt(json);
    assert.notDeepEqual(problems(json), [], `${what} passed the schema`);
  }
});

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

test("the page's Export JSON, with tags, notes and the tag set, is valid against the schema", async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  await tag(page, 'Antwoord 6 en 7', 'eigen code');
  const note = page.getByRole('region', { name: 'Antwoord 1' }).getByLabel('Note');
  await note.fill('Zie “motie”');
  await note.blur();
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(problems(json), []);
  assert.deepEqual(json.answers[0].tags, ['toezegging']);
  assert.ok(json.tag_set.some((t) => t.name === 'eigen code'), 'a typed tag is in the tag set');
  assert.deepEqual(page.errors, []);
});

test("the page's Export JSON with corrections (issue 15) is valid against the schema; a broken correction is not", async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await page.locator('#doc-view .m-date').first().focus();
  await page.keyboard.press('Delete');
  // Antwoord 1 split before words typed (the keyboard's way), the new part Vraag 9.
  await page.getByRole('region', { name: 'Antwoord 1' }).focus();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Split block here' }).click();
  await page.getByLabel('Words as printed').fill('Na afronding van de');
  await page.keyboard.press('Enter');
  const split = page.getByRole('dialog', { name: 'Split Antwoord 1' });
  await split.getByRole('radio', { name: 'a question' }).check();
  await split.getByLabel(/^Numbers/).fill('9');
  await split.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('region', { name: 'Vraag 9' }).waitFor();
  await page.getByRole('button', { name: 'Correct “Received”' }).click();
  await page.locator('#meta').getByLabel('Received').fill('2024-09-04');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('meta').textContent.includes('2024-09-04'));
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.corrections.map((c) => c.kind), ['remove-date', 'split', 'header']);
  assert.deepEqual(problems(json), []);
  const broken = structuredClone(json);
  broken.corrections[1].block = 'statement';
  assert.ok(problems(broken).length > 0, 'an unknown block kind is refused');
  assert.deepEqual(page.errors, []);
});

test("the page's exports with a coder's name are valid against both schemas", async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  await tag(page, 'Antwoord 1', 'toezegging');
  await page.getByLabel('Your name as coder').fill('Anna');
  await page.getByLabel('Your name as coder').press('Tab');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.coder, 'Anna');
  assert.deepEqual(problems(json), []);
  const collection = JSON.parse((await download(page, 'Export all as JSON')).text);
  assert.equal(collection.coder, 'Anna');
  assert.deepEqual(collectionProblems(collection), []);
  assert.deepEqual(page.errors, []);
});

test("the page's Export all as JSON is a collection file valid against docs/collection.schema.json", async () => {
  const page = await openPage(browser, server.url);
  const files = ['seed.txt', 'header_flat.txt', 'structure_postponement.txt'].map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(fixture(name)) }));
  await page.getByLabel('Open files…').setInputFiles(files);
  await page.waitForFunction(() => document.querySelectorAll('#doc-list .doc-open').length === 3);
  await page.getByRole('button', { name: /^Boswijk/ }).click();
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await tag(page, 'Antwoord 1', 'toezegging');
  const json = JSON.parse((await download(page, 'Export all as JSON')).text);
  assert.deepEqual(collectionProblems(json), []);
  assert.equal(json.format, 'kamervragen-collection');
  assert.equal(json.documents.length, 3);
  json.documents.forEach((d) => assert.deepEqual(problems(d), []));
  assert.deepEqual(json.documents.find((d) => d.document.text === fixture('seed.txt')).answers[0].tags, ['toezegging']);
  assert.equal(json.tag_set.length, 22, 'the preset codebook\'s codes');
  assert.equal(json.codebook.variables.length, 5, 'and its variables');
  // Not a collection: refused.
  assert.notDeepEqual(collectionProblems({ ...json, format: 'kamervragen-annotations' }), []);
  assert.notDeepEqual(collectionProblems({ ...json, documents: [{ format: 'kamervragen-annotations' }] }), []);
  assert.deepEqual(page.errors, []);
});

test('the CLI collection (--format json, several files) is valid against docs/collection.schema.json', () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: npm test builds it (npm run check-regex)`);
  const out = execFileSync(CLI, ['annotate', '--format', 'json', `${fixtureDir}seed.txt`, `${fixtureDir}header_flat.txt`], { encoding: 'utf8' });
  assert.deepEqual(collectionProblems(JSON.parse(out)), []);
});
