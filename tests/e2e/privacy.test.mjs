// Privacy: nothing leaves the browser. The page requests only its own files
// (served, and as the single file from disk), carries a strict
// Content-Security-Policy in a meta tag that the browser really enforces, needs
// no inline script or style, loads no fonts, CDNs or analytics, and a whole
// session triggers zero CSP violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { download, fixture, shareBrowser } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = join(ROOT, 'www');
const SINGLE = join(ROOT, 'dist', 'kamervragen-annotator.html');

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The CSP of an HTML text's meta tag, as {directive: [sources]}; null if none. */
function cspOf(html) {
  const tag = html.match(/<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i);
  if (!tag) return null;
  const content = tag[0].match(/content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i);
  const policy = {};
  for (const part of (content?.[1] ?? content?.[2] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy[name.toLowerCase()] = sources;
  }
  return { policy, index: tag.index };
}

/** The directive that governs `kind` (falls back to default-src). */
const effective = (policy, kind) => policy[kind] ?? policy['default-src'];

/** Checks the policy the issue asks for; `scriptExtra` allows hashes (single file). */
function assertStrictCsp(html, where, { hashes = false } = {}) {
  const csp = cspOf(html);
  assert.ok(csp, `${where}: no <meta http-equiv="Content-Security-Policy">`);
  const { policy } = csp;
  // 'none' (what a single file from disk can use) is stricter still.
  assert.ok(
    ["'self'", "'none'"].includes(policy['default-src']?.join(' ')),
    `${where}: default-src must be 'self' (or 'none'), not ${policy['default-src']}`,
  );
  const script = policy['script-src'];
  assert.ok(script, `${where}: script-src missing`);
  assert.ok(script.includes("'wasm-unsafe-eval'"), `${where}: script-src needs 'wasm-unsafe-eval' for the parser`);
  for (const s of script) {
    const ok = s === "'self'" || s === "'wasm-unsafe-eval'" || (hashes && /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s));
    assert.ok(ok, `${where}: script-src allows ${s}`);
  }
  if (!hashes) assert.ok(script.includes("'self'"), `${where}: script-src must be 'self'`);
  assert.deepEqual(policy['object-src'], ["'none'"], `${where}: object-src must be 'none'`);
  assert.ok(['none', 'self'].some((v) => policy['base-uri']?.[0] === `'${v}'`), `${where}: base-uri must be 'none' or 'self'`);
  for (const [name, sources] of Object.entries(policy)) {
    for (const s of sources) {
      assert.ok(!["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"].includes(s), `${where}: ${name} allows ${s}`);
      assert.ok(!/^(\*|https?:|wss?:|ftp:|[\w.-]*\*[\w.-]*|(https?:\/\/)?[\w-]+(\.[\w-]+)+(:\d+)?(\/.*)?)$/i.test(s), `${where}: ${name} allows the outside source ${s}`);
    }
  }
  // Requests can only go to the page's own origin.
  for (const kind of ['connect-src', 'font-src', 'img-src', 'style-src', 'frame-src', 'media-src', 'worker-src', 'manifest-src']) {
    for (const s of effective(policy, kind) ?? []) {
      assert.ok(["'self'", "'none'", 'data:', 'blob:'].includes(s) || (kind === 'style-src' && hashes && /^'sha/.test(s)), `${where}: ${kind} allows ${s}`);
    }
  }
  // A meta CSP only governs what comes after it: it must precede every script and stylesheet.
  const first = html.search(/<(script|link|style)\b/i);
  assert.ok(first === -1 || csp.index < first, `${where}: the CSP meta must come before any script or stylesheet`);
}

/** No inline handlers, no style attributes, no inline style blocks, no javascript: URLs. */
function assertNoInlineCode(page, where, { inlineScripts = false } = {}) {
  // The markup only: inlined script and style bodies (the single file) are code, not attributes.
  const html = page.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, `${where}: inline event handler attribute`);
  assert.doesNotMatch(html, /<[^>]+\sstyle\s*=/i, `${where}: inline style attribute`);
  assert.doesNotMatch(html, /(href|src|action)\s*=\s*["']?\s*javascript:/i, `${where}: javascript: URL`);
  if (!inlineScripts) {
    assert.doesNotMatch(html, /<style\b/i, `${where}: inline <style> block`);
    for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\ssrc\s*=/i, `${where}: inline <script> without src`);
      assert.equal(m[2].trim(), '', `${where}: a <script src> with inline content`);
    }
  }
}

/** Fonts, CDNs, analytics: no reference to anything outside the page's own files. */
function assertNoOutsideReferences(text, where) {
  const outside = [
    /<(link|script|img|iframe|source|audio|video|embed|object)\b[^>]*(href|src|data)\s*=\s*["']?\s*(https?:)?\/\//i,
    /@import\s+(url\()?\s*["']?\s*(https?:)?\/\//i,
    /url\(\s*["']?\s*(https?:)?\/\//i,
    /@font-face/i,
    /fonts\.(googleapis|gstatic)\.com|use\.typekit|cdn\.jsdelivr|unpkg\.com|cdnjs|googletagmanager|google-analytics|plausible\.io|matomo|hotjar|sentry\.io|segment\.(io|com)/i,
    /navigator\.sendBeacon|new\s+WebSocket|EventSource\s*\(/,
    /\bimport\s*(\(\s*)?["']https?:/,
    /\bfrom\s+["']https?:/,
  ];
  for (const re of outside) assert.doesNotMatch(text, re, `${where}: refers to something outside the page (${re})`);
}

/** A page with traps set before any page script runs. */
async function open(url, { allowFile } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
    );
  });
  const page = await context.newPage();
  page.requests = [];
  page.failed = [];
  page.outside = []; // requests that got past the CSP to the network layer (and were refused there)
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  context.on('request', (r) => page.requests.push(r.url()));
  context.on('response', (r) => r.status() >= 400 && page.failed.push(`${r.status()} ${r.url()}`));
  // Anything that is not the page's own files is refused (and recorded above).
  await context.route('**/*', (route) => {
    const u = route.request().url();
    const own = u.startsWith(server.url) || (allowFile && u === allowFile) || u.startsWith('blob:') || u.startsWith('data:');
    if (own) return route.continue();
    page.outside.push(u);
    return route.abort('blockedbyclient');
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
  return page;
}

/** A whole session: paste the seed, follow in-page links, export, paste again. */
async function session(page) {
  const text = fixture('seed.txt');
  await page.getByLabel('Document text').fill(text);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 6);
  for (const a of (await page.locator(':is(#doc-view, #doc-notes) a[href^="#"]:visible').all()).slice(0, 10)) await a.click();
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  assert.equal(json.document.text, text);
  await page.getByLabel('Document text').fill(`${text}\nVraag 7\nNog een?\n\nAntwoord 7\nJa, zie https://www.tweedekamer.nl/.\n`);
  assert.equal(await page.locator('.m-answer[role="region"]').count(), 7);
  await page.waitForTimeout(200);
}

/** Zero CSP violations, no errors. */
async function assertClean(page, where) {
  assert.deepEqual(await page.evaluate(() => window.__csp), [], `${where}: CSP violations during the session`);
  assert.deepEqual(page.errors, [], `${where}: page errors`);
  assert.deepEqual(page.failed, [], `${where}: failed requests`);
  assert.deepEqual(page.outside, [], `${where}: requests outside the page's own files`);
}

test('index.html carries a strict CSP meta: default-src self, script-src self + wasm-unsafe-eval, object-src none', () => {
  assertStrictCsp(readFileSync(join(WWW, 'index.html'), 'utf8'), 'www/index.html');
});

test('index.html needs no inline script or style, and no page file refers to fonts, CDNs or analytics', () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  assertNoInlineCode(html, 'www/index.html');
  for (const file of files(WWW).filter((f) => /\.(html|css|js|mjs|svg|json|webmanifest)$/.test(f))) {
    const where = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    assertNoOutsideReferences(text, where);
    if (/\.(js|mjs)$/.test(file)) {
      // No eval in any form (the CSP forbids it; a rewrite must not need it).
      assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*["'`]/, `${where}: eval-like code`);
      // Pasted text reaches the DOM as text nodes only.
      assert.doesNotMatch(text, /\.(insertAdjacentHTML|outerHTML\s*=)|document\.write|\.innerHTML\s*=\s*(?!\s*["'`]["'`])/, `${where}: builds HTML from strings`);
      assert.doesNotMatch(text, /setAttribute\(\s*["'](style|on\w+)["']/, `${where}: sets an inline style or handler attribute`);
      const imports = [
        ...text.matchAll(/^\s*(?:import|export)\s+(?:[\w{}\s,*$]+\s+from\s+)?["']([^"']+)["']/gm),
        ...text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]/g),
      ];
      for (const m of imports) {
        assert.match(m[1], /^\.{1,2}\//, `${where}: imports ${m[1]}, not one of the page's own files`);
      }
    }
    if (/\.svg$/.test(file)) assert.doesNotMatch(text, /<script|\son\w+\s*=/i, `${where}: script in an SVG`);
  }
});

test('the browser enforces the CSP: injected inline script, inline style and outside loads are refused', async () => {
  // (eval cannot be probed from here: DevTools evaluation bypasses CSP. The
  // policy check above forbids 'unsafe-eval' and the source check any eval.)
  const page = await open(server.url);
  const result = await page.evaluate(async () => {
    const out = {};
    const s = document.createElement('script');
    s.textContent = 'window.__inline = "ran"';
    document.head.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(d);
    const img = document.createElement('img');
    img.src = 'https://example.org/pixel.gif';
    document.body.append(img);
    out.fetch = await fetch('https://example.org/beacon').then(() => 'sent', (e) => e.name);
    out.inline = window.__inline ?? 'blocked';
    out.inlineStyle = getComputedStyle(d).color;
    return out;
  });
  assert.equal(result.inline, 'blocked', 'an injected inline script must not run');
  assert.notEqual(result.inlineStyle, 'rgb(255, 0, 0)', 'an inline style attribute must not apply');
  assert.equal(result.fetch, 'TypeError', 'a fetch to another origin must be refused');
  await page.waitForTimeout(200);
  const violations = await page.evaluate(() => window.__csp);
  for (const d of ['script-src', 'style-src', 'img-src', 'connect-src']) {
    assert.ok(violations.some((v) => v.startsWith(d)), `no ${d} violation reported: ${violations.join(' | ')}`);
  }
  // DevTools lists CSP-blocked loads as requests too; none reached the network.
  assert.deepEqual(page.outside, [], 'an outside request got past the CSP');
});

test('served: the page requests only its own files, and a whole session has zero CSP violations', async () => {
  const page = await open(server.url);
  await session(page);
  await assertClean(page, 'served');
  const own = new Set(files(WWW).map((f) => '/' + relative(WWW, f).split('\\').join('/')));
  own.add('/');
  assert.ok(page.requests.length > 0);
  for (const u of page.requests) {
    if (u.startsWith('blob:')) continue; // the export download
    const url = new URL(u);
    assert.equal(url.origin, new URL(server.url).origin, `request outside the page's origin: ${u}`);
    assert.ok(own.has(decodeURIComponent(url.pathname)), `request for something not in www/: ${u}`);
    assert.equal(url.search, '', `request with a query string (tracking?): ${u}`);
  }
});

test('single file from disk (dist/kamervragen-annotator.html): strict CSP with hashes, no requests, zero violations', async (t) => {
  if (!existsSync(SINGLE)) {
    const why = `${relative(ROOT, SINGLE)} does not exist (built by the single-file build, issue 5)`;
    if (process.env.CI) assert.fail(`${why}; CI must build it before the browser tests`);
    t.skip(`${why}; skipped outside CI`);
    return;
  }
  const html = readFileSync(SINGLE, 'utf8');
  assertStrictCsp(html, 'dist single file', { hashes: true });
  assertNoInlineCode(html, 'dist single file', { inlineScripts: true });
  assertNoOutsideReferences(html, 'dist single file');
  // Every inline script is allowed by its hash, never by 'unsafe-inline'.
  const allowed = new Set(cspOf(html).policy['script-src']);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1])) {
      assert.match(m[1], /src\s*=\s*["']?data:/i, 'the single file loads no script from outside itself');
      continue;
    }
    const hash = `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`;
    assert.ok(allowed.has(hash), `inline script not allowed by hash ${hash}`);
  }
  const styles = new Set(effective(cspOf(html).policy, 'style-src'));
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const hash = `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`;
    assert.ok(styles.has(hash), `inline style not allowed by hash ${hash}`);
  }
  const url = pathToFileURL(SINGLE).href;
  const page = await open(url, { allowFile: url });
  await session(page);
  await assertClean(page, 'single file');
  const other = page.requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, [], 'the single file requested something besides itself');
});
