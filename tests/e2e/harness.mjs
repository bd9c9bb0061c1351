// Shared set-up for the real-browser tests: Debian's chromium driven by
// playwright-core, against www/ served by scripts/serve.mjs on a free port.
import { existsSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fixture text from tests/fixtures. */
export function fixture(name) {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** Launches the browser once per test file. */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    // Never a silent skip: `npm test` installs it first (scripts/setup.sh --browser).
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh --browser or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Serves www/ on a free port; returns {url, close}. */
export async function startServer() {
  const { server, url } = await serve(0);
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * A fresh page (own context: empty storage) on `url`, with the parser loaded.
 * Page errors and console errors are collected in `page.errors`.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Puts `text` into the textarea as a paste would (one input event). */
export async function pasteText(page, text) {
  await page.getByLabel('Document text').fill(text);
}

/** Clicks a button that downloads a file; resolves to the file's text. */
export async function download(page, buttonName) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  const stream = await dl.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * One browser and one server for the whole test file: launched before the
 * first test, closed after the last; `use(browser, server)` receives them.
 */
export function shareBrowser(use) {
  let browser, server;
  before(async () => {
    browser = await launch();
    server = await startServer();
    use(browser, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The names of the tag chips in an answer region. */
export const chips = (region) => region.locator('.chip-name').allTextContents();

/** Adds tag `name` to the answer region named `answer` by typing it. */
export async function tag(page, answer, name) {
  const r = page.getByRole('region', { name: answer });
  await r.getByLabel('Add tag').fill(name);
  await r.getByLabel('Add tag').press('Enter');
}

/** The rows of an RFC 4180 CSV text (its BOM dropped): quoted fields, "" inside them, CRLF records. */
export function csvRows(text) {
  const body = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && body[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}
