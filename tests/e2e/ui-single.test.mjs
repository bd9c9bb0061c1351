// The offline single file (dist/kamervragen-annotator.html, written by
// `npm run build`): opened from disk, it parses, tags, saves and exports with
// no request besides itself; its CSP allows the inline script by hash only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { download, fixture, launch, pasteText, startServer } from './harness.mjs';

const FILE = fileURLToPath(new URL('../../dist/kamervragen-annotator.html', import.meta.url));
const URL_ = pathToFileURL(FILE).href;

let browser;
before(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run npm run build (scripts/build.sh) first`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A page on `url` recording every request and error. */
async function open(url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

test('the single file inlines everything and allows its script by hash, not unsafe-inline', () => {
  const html = readFileSync(FILE, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1];
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'sha256-/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link rel="stylesheet"|https?:\/\/(?!www\.w3\.org\/ns\/anno)[^"' ]*\.(js|css|wasm)/);
  assert.equal((html.match(/<script>/g) ?? []).length, 1);
});

test('the single file holds every page module (the bundler reads the order from the imports)', () => {
  const html = readFileSync(FILE, 'utf8');
  const www = fileURLToPath(new URL('../../www/', import.meta.url));
  const modules = readdirSync(www).filter((f) => f.endsWith('.js') && f !== 'core.js' && f !== 'worker.js');
  assert.ok(modules.length > 15);
  for (const m of modules) assert.ok(html.includes(`// ---- ${m} ----`), `${m} is missing from the single file`);
});

test('from file:// at 800 px: d opens the documents drawer, Esc closes it', async () => {
  const page = await open(URL_);
  await page.setViewportSize({ width: 800, height: 900 });
  await pasteText(page, fixture('seed.txt'));
  assert.equal(await page.locator('.side').isVisible(), false);
  await page.locator('#doc-view [role="region"]').first().focus();
  await page.keyboard.press('d');
  assert.equal(await page.locator('.side').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.side').isVisible(), false);
  assert.deepEqual(page.errors, []);
});

test('from file://: paste, tag by keyboard, export JSON and W3C, reload keeps the tags; no network', async () => {
  const page = await open(URL_);
  await pasteText(page, fixture('seed.txt'));
  assert.equal(await page.getByRole('region', { name: /^Antwoord/ }).count(), 6);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 6 en 7' }).count(), 1);
  await page.getByRole('button', { name: 'Load preset scheme' }).click();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  const a1 = page.getByRole('region', { name: 'Antwoord 1' });
  assert.deepEqual(await a1.locator('.chip-name').allTextContents(), ['weigering']);
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.deepEqual(json.answers[0].tags, ['weigering']);
  assert.equal(json.document.text, fixture('seed.txt'));
  const w3c = JSON.parse((await download(page, 'Export W3C')).text);
  assert.equal(w3c.first.items[0].body.value, 'weigering');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await a1.locator('.chip-name').allTextContents(), ['weigering']);
  // blob: is the parser worker, started while idle from the page's own script: not the network.
  assert.deepEqual(page.requests.filter((u) => u !== URL_ && !u.startsWith('blob:')), [], 'no request besides the file itself');
  assert.deepEqual(page.errors, []);
});

/** Puts a long text (over the worker threshold) into the text box, as one input event. */
async function pasteLong(page, copies) {
  const text = fixture('seed.txt').repeat(copies);
  await page.getByLabel('Document text').evaluate((ta, t) => {
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  return text;
}

for (const where of ['served', 'file']) {
  test(`a long text is parsed in a worker (${where}) and can be tagged`, async () => {
    const server = where === 'served' ? await startServer() : null;
    try {
      const page = await open(server ? server.url : URL_);
      await pasteLong(page, 40); // ~290 KB
      await page.waitForFunction(() => /^240 questions, 240 answers/.test(document.getElementById('summary').textContent), null, { timeout: 20000 });
      await page.waitForFunction(() => document.querySelectorAll('#doc-view .m-answer[role="region"]').length === 240);
      const last = page.getByRole('region', { name: 'Antwoord 6 en 7' }).last();
      await last.getByLabel('Add tag').fill('toezegging');
      await last.getByLabel('Add tag').press('Enter');
      const json = JSON.parse((await download(page, 'Export JSON')).text);
      assert.deepEqual(json.answers.at(-1).tags, ['toezegging']);
      assert.equal(page.workers().length, 1, 'the parser worker runs');
      const own = (u) => u === URL_ || u.startsWith('blob:') || (server && u.startsWith(server.url));
      assert.deepEqual(page.requests.filter((u) => !own(u)), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await server?.close();
    }
  });
}

test('the served page requests only its own files', async () => {
  const server = await startServer();
  try {
    const page = await open(server.url);
    await pasteText(page, fixture('seed.txt'));
    await download(page, 'Export CSV');
    assert.ok(page.requests.length > 0);
    assert.deepEqual(page.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:')), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});
