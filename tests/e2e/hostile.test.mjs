// Hostile pastes in a real browser: markup, javascript: URLs, bidi and control
// characters, lone surrogates, emoji, binary garbage, a 10 MB text and a text
// with no questions. For each: no script runs (no global set, no dialog, no
// CSP violation), no javascript: link exists, the pasted text is shown as text,
// a clear message appears where something could not be read, and the page
// stays usable (pasting the seed afterwards still gives its six answers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { download, fixture, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/**
 * A fresh page with traps set before any page script runs: dialogs, page
 * errors, CSP violations and requests are recorded.
 */
async function openHostile() {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('dialog', (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/**
 * Sets the textarea's value from inside the page (so lone surrogates and NUL
 * survive the trip) and fires one input event, as a paste does.
 */
async function setText(page, text) {
  await page.evaluate((t) => {
    const el = document.getElementById('doc-text');
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The visible text of every status and alert region on the page. */
async function messages(page) {
  const texts = [];
  for (const role of ['status', 'alert']) {
    for (const el of await page.getByRole(role).all()) {
      if (await el.isVisible()) texts.push((await el.textContent()).trim());
    }
  }
  return texts.filter(Boolean).join(' | ');
}

/** What the view shows, as DOM text. */
const viewText = (page) => page.locator('#doc-view').evaluate((el) => el.textContent);

/** Nothing ran: no injected global, no dialog, no CSP violation, no error. */
async function assertNothingRan(page) {
  await page.waitForTimeout(100); // let onerror/onload handlers fire if any exist
  const state = await page.evaluate(() => ({ pwned: window.__pwned, csp: window.__csp }));
  assert.equal(state.pwned, undefined, 'an injected script ran');
  assert.deepEqual(page.dialogs, [], 'a dialog was opened');
  assert.deepEqual(state.csp, [], 'the page triggered CSP violations');
  assert.deepEqual(page.errors, [], 'the page logged errors');
  const js = await page.locator('a[href^="javascript:" i], [href^=" javascript:" i], [src^="javascript:" i]').count();
  assert.equal(js, 0, 'a javascript: link exists');
  const schemes = await page.locator('[href], [src], [action], [formaction]').evaluateAll((els) =>
    els.flatMap((e) => ['href', 'src', 'action', 'formaction'].map((n) => e.getAttribute(n)).filter((v) => v !== null)),
  );
  for (const v of schemes) assert.doesNotMatch(v, /^[\s\u0000-\u001f]*(javascript|vbscript|data:text\/html)/i, `unsafe URL ${v}`);
  const injected = await page.locator('#doc-view script, #doc-view img, #doc-view svg, #doc-view iframe, #doc-view object, #doc-view embed').count();
  assert.equal(injected, 0, 'pasted markup became elements');
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
  );
  assert.deepEqual(handlers, [], 'an element carries an inline event handler');
  for (const href of await page.locator('#doc-view a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^(https?:\/\/|#)/i, `a link that is neither http(s) nor in-page: ${href}`);
  }
  const foreign = page.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'the page requested something outside its own files');
}

/** The page still works: pasting the seed gives its six answers and exports. */
async function assertUsable(page) {
  const seed = fixture('seed.txt');
  await setText(page, seed);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 6, 'the seed no longer parses after the hostile paste');
  assert.equal(await page.getByRole('region', { name: 'Antwoord 6 en 7' }).count(), 1);
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.document.text, seed);
  assert.deepEqual(page.errors, []);
}

/** A clear message, in a role=status or role=alert element, matching `re`. */
async function assertMessage(page, re, what) {
  const text = await messages(page);
  assert.match(text, re, `no visible role=status/alert message about ${what}; the page shows: "${text}"`);
}

const NOT_RECOGNISED = /no question or answer headings|not recognised|niet herkend|geen vra(ag|gen)|no questions/i;
const UNREADABLE = /could not be read|unreadable|not (a )?text|replaced|onleesba|vervangen|niet gelezen|binary|binair/i;

/** The seed with `inject` appended to its first question and its first answer. */
function seedWith(inject) {
  const seed = fixture('seed.txt');
  return seed
    .replace(/(Vraag 1\n[^\n]*)/, `$1 ${inject}`)
    .replace(/(Antwoord 1\n[^\n]*)/, `$1 ${inject}`);
}

test('pasted <script>, <img onerror>, <svg onload> and friends stay text and never run', async () => {
  const page = await openHostile();
  const inject = [
    '<script>window.__pwned = "script"</script>',
    '<img src=x onerror="window.__pwned=\'img\'">',
    '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned="svg-script"</script></svg>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    '<a href="javascript:window.__pwned=1">klik</a>',
    '<style>*{display:none}</style><object data="x"></object>',
    '"><img src=x onerror=alert(1)>',
    '{{constructor.constructor(\'alert(1)\')()}}',
  ].join(' ');
  const text = seedWith(inject);
  await setText(page, text);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 6, 'the blocks are still found');
  const shown = await viewText(page);
  assert.ok(shown.includes('<script>window.__pwned = "script"</script>'), 'the markup is shown literally');
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=\'img\'">'));
  await assertNothingRan(page);
  assert.ok(!page.requests.some((u) => /\/x$/.test(u)), 'the pasted <img src=x> was requested');
  await assertUsable(page);
});

test('javascript:, data: and vbscript: URLs never become links; http(s) ones may', async () => {
  const page = await openHostile();
  const urls = [
    'javascript:window.__pwned=1',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://example.org/"onmouseover="alert(1)',
    'https://example.org/javascript:alert(1)',
    '[link](javascript:alert(1))',
    'www.example.org/<script>alert(1)</script>',
  ];
  await setText(page, seedWith(`Zie ${urls.join(' en ')}.`));
  await assertNothingRan(page);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) assert.doesNotMatch(h, /^\s*(javascript|data|vbscript):/i, `unsafe link ${h}`);
  // Following every link the page made keeps us on safe ground.
  // (Those in sight: the reading view hides the footnotes where they were printed and lists them at the end.)
  for (const a of await page.locator(':is(#doc-view, #doc-notes) a[href^="#"]:visible').all()) await a.click();
  await page.getByRole('button', { name: 'Show as printed' }).click();
  for (const a of await page.locator('#doc-view a[href^="#"]').all()) await a.click();
  await assertNothingRan(page);
  await assertUsable(page);
});

test('bidi controls (U+202E and isolates) are shown as text and do not change block names', async () => {
  const page = await openHostile();
  const text = '\u202EVraag 1 is omgedraaid\n\nVraag 1\nKlopt \u202Egnidlem\u202C dit? \u2066x\u2069 \u200F\u061C\n\nAntwoord 1\nJa \u202E1 droowtnA\u202C.\n';
  await setText(page, text);
  await assertNothingRan(page);
  assert.equal(await viewText(page), text, 'the view shows the text exactly');
  const labels = await page.locator('[role="region"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(labels, ['Vraag 1', 'Antwoord 1'], 'region names carry no bidi controls');
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).textContent(), 'Antwoord 1\nJa \u202E1 droowtnA\u202C.');
  await assertUsable(page);
});

test('NUL and other control characters are kept as text and do not break the page', async () => {
  const page = await openHostile();
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\n' && c !== '\r').join('');
  const text = `Vraag 1\nWat ${controls}\u007F\u0085\u2028\u2029\uFEFF\uFFFE? \u001b[31mrood\u001b[0m\n\nAntwoord 1\n\u0000Ja.\u0000\n`;
  await setText(page, text);
  await assertNothingRan(page);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 1);
  assert.equal(await viewText(page), text, 'the view shows the text exactly (NUL included)');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.document.text, text, 'the export keeps every control character');
  assert.equal(json.document.length, [...text].length);
  await assertUsable(page);
});

test('lone surrogates (possible in JS strings) are replaced, said so, and offsets still line up', async () => {
  const page = await openHostile();
  const text = 'Vraag 1\nLos \uD800 hoog, \uDC00 laag, omgekeerd \uDE00\uD83D, emoji 🚗 heel?\n\nAntwoord 1\nJa \uD83D.\n';
  await setText(page, text);
  await assertNothingRan(page);
  const answer = page.getByRole('region', { name: 'Antwoord 1' });
  assert.equal(await answer.count(), 1, 'the blocks are still found');
  // What the parser read: every lone surrogate as U+FFFD, everything else as is.
  const read = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  assert.equal(await answer.textContent(), 'Antwoord 1\nJa \uFFFD.');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.document.text, read);
  const cps = [...json.document.text];
  assert.equal(json.document.length, cps.length);
  assert.equal(cps.slice(json.answers[0].start, json.answers[0].end).join(''), 'Ja \uFFFD.');
  await assertMessage(page, UNREADABLE, 'characters that could not be read (lone surrogates replaced by U+FFFD)');
  await assertUsable(page);
});

test('emoji (ZWJ sequences, flags, skin tones, astral digits) keep every block exact', async () => {
  const page = await openHostile();
  const text = '👨‍👩‍👧‍👦🇳🇱👍🏽 𝟏𝟐\nVraag 1\nIs 🏳️‍🌈 of 🇪🇺 een 🚗?\n\nAntwoord 1\nJa: 👍🏽👍🏽 en 𝟏.\n\nVraag 2\n🤨\n\nAntwoord 2\n🙂\n';
  await setText(page, text);
  await assertNothingRan(page);
  assert.equal(await viewText(page), text);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 1' }).textContent(), 'Antwoord 1\nJa: 👍🏽👍🏽 en 𝟏.');
  assert.equal(await page.getByRole('region', { name: 'Vraag 2' }).textContent(), 'Vraag 2\n🤨');
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  const cps = [...json.document.text];
  const a = json.answers[1];
  assert.equal(cps.slice(a.start, a.end).join(''), '🙂');
  await assertUsable(page);
});

test('a text with no questions at all says so in a status message', async () => {
  const page = await openHostile();
  await setText(page, 'Geachte voorzitter,\n\nHierbij zend ik u een brief over het weer.\n\nHoogachtend,\nDe minister\n');
  await assertNothingRan(page);
  assert.equal(await page.locator('[role="region"].m-question, [role="region"].m-answer').count(), 0);
  await assertMessage(page, NOT_RECOGNISED, 'no question or answer headings being recognised');
  await assertUsable(page);
});

test('binary garbage is survived and reported as unreadable', async () => {
  const page = await openHostile();
  // What a browser makes of a PDF or ZIP read as UTF-8: U+FFFD, controls, noise.
  let seed = 7;
  const bytes = new Uint8Array(64 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  const header = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nstream\n');
  const text = new TextDecoder().decode(new Uint8Array([...header, ...bytes]));
  await setText(page, text);
  await assertNothingRan(page);
  // The view shows what was pasted, with \r\n and \r read as \n (document.text).
  assert.equal(await viewText(page), text.replace(/\r\n?/g, '\n'), 'the view shows what was pasted');
  await assertMessage(page, UNREADABLE, 'binary garbage that could not be read as text');
  await assertUsable(page);
});

test('a 10 MB paste is parsed, shown and exported without freezing the page', async () => {
  const page = await openHostile();
  const seed = fixture('seed.txt');
  const started = Date.now();
  const size = await page.evaluate((s) => {
    const filler = 'Dit is een lange alinea over beleid, met data als 31 juli 2024 en een url https://example.org/a-b. ';
    let text = s + '\n';
    const para = (filler.repeat(10) + '\n\n');
    text += para.repeat(Math.ceil((10 * 1024 * 1024 - text.length) / para.length));
    const el = document.getElementById('doc-text');
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return text.length;
  }, seed);
  assert.ok(size >= 10 * 1024 * 1024, `the text is ${size} chars`);
  // Progress is shown at once, and the view is marked busy until it is complete.
  assert.match(await page.locator('#summary').textContent(), /Reading the text/);
  assert.equal(await page.locator('#doc-view').getAttribute('aria-busy'), 'true');
  // While it is read the page's script answers (the parse runs off the main thread).
  let slowest = 0;
  while (await page.locator('#doc-view[aria-busy="true"]').count()) {
    const t = Date.now();
    await page.evaluate(() => 1 + 1);
    slowest = Math.max(slowest, Date.now() - t);
    assert.ok(Date.now() - started < 60_000, 'a 10 MB paste is still not shown after 60 s');
    await page.waitForTimeout(100);
  }
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 30_000, `a 10 MB paste took ${elapsed} ms to be shown`);
  assert.ok(slowest < 5_000, `the page did not answer for ${slowest} ms while reading`);
  await assertNothingRan(page);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 6, 'the seed inside the big text is still found');
  assert.match(await page.locator('#summary').textContent(), /^6 questions, 6 answers/);
  // The page answers input again (not frozen), then works as before.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await assertUsable(page);
});

test('an empty or blank paste clears the view and disables export', async () => {
  const page = await openHostile();
  await setText(page, fixture('seed.txt'));
  for (const blank of ['', '   ', '\n\n\t\u000c\n', '\u00a0\u2003']) {
    await setText(page, blank);
    await assertNothingRan(page);
    assert.equal(await page.locator('[role="region"].m-answer').count(), 0);
  }
  await assertUsable(page);
});
