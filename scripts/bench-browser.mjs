// Browser benchmark (issue 6): `npm run bench` (after `npm run build`).
// Headless Chromium via playwright-core against www/ served locally; prints JSON:
//   instantiate_ms      fetch + compile + instantiate of the wasm (pkg's init())
//   parse_ms            analyze() inside wasm, median of runs, for the seed and a 1 MB text
//                       (normalize + parse + export + render tree + conversion into JS objects)
//   parse_only_ms       bench_parse(): normalize + parse only, same texts; the difference
//                       to parse_ms is export, render tree and the wasm → JS conversion
//   paste_ms            textarea value set + input event → the next frame after the
//                       view shows marks, for both texts; settled_ms = last DOM change
//   longest_task_ms     the longest main-thread task (PerformanceObserver "longtask")
//                       during each paste, and over the whole run
//   files               size of every file the page loads (raw, zlib gzip level 9, brotli)
//                       and the total; GNU `gzip -9` gives ~4% less on the wasm
// The 1 MB text repeats the ../shared/corpus texts (or the seed when absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fixture, launch, startServer } from '../tests/e2e/harness.mjs';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function megabyteText() {
  const base = existsSync(CORPUS)
    ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()
        .map((f) => readFileSync(new URL(f, CORPUS), 'utf8')).join('\n\n')
    : fixture('seed.txt');
  let text = '';
  while (text.length < 1_000_000) text += base + '\n\n';
  return text.slice(0, text.lastIndexOf('\n', 1_000_000) + 1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

const seed = fixture('seed.txt');
const big = megabyteText();
const browser = await launch();
const server = await startServer();
const result = { chromium: browser.version(), texts: { seed: seed.length, '1MB': big.length } };

try {
  // 1. Instantiate and parse: the page without its main.js, driving the pkg directly.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/main.js', (r) => r.fulfill({ body: '', contentType: 'text/javascript' }));
    await page.goto(server.url);
    result.instantiate_ms = round(await page.evaluate(async () => {
      window.pkg = await import('./pkg/kamervragen.js');
      const t0 = performance.now();
      await window.pkg.default();
      return performance.now() - t0;
    }));
    for (const [key, fn] of [['parse_ms', 'analyze'], ['parse_only_ms', 'bench_parse']]) {
      result[key] = {};
      for (const [name, text] of [['seed', seed], ['1MB', big]]) {
        const times = await page.evaluate(([text, runs, fn]) => {
          const out = [];
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            window.pkg[fn](text);
            out.push(performance.now() - t0);
          }
          return out;
        }, [text, RUNS, fn]);
        result[key][name] = { median: round(median(times)), min: round(Math.min(...times)), runs: times.length };
      }
    }
    await context.close();
  }

  // 2. The real page: sizes of what it loads, paste → highlights, long tasks.
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForLoadState('networkidle');

  result.paste_ms = {};
  result.longest_task_ms = {};
  for (const [name, text] of [['seed', seed], ['1MB', big]]) {
    // Start from an empty view each time.
    await page.evaluate(() => {
      const ta = document.querySelector('textarea');
      ta.value = '';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(300);
    const m = await page.evaluate(async (text) => {
      const view = document.getElementById('doc-view') ?? document.body;
      const hasMarks = () => view.querySelector('[class^="m-"], [class*=" m-"]') !== null;
      const ta = document.querySelector('textarea');
      let last = 0;
      const observer = new MutationObserver(() => { last = performance.now(); });
      observer.observe(view, { childList: true, subtree: true, characterData: true, attributes: true });
      const t0 = performance.now();
      ta.value = text;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      const painted = await new Promise((resolve) => {
        const check = () => (hasMarks() ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check));
        check();
      });
      // Settled: no DOM change in the view for 500 ms (10 s at most).
      await new Promise((resolve) => {
        const tick = () => (performance.now() - Math.max(last, painted) > 500 || performance.now() - t0 > 10000
          ? resolve() : setTimeout(tick, 50));
        tick();
      });
      observer.disconnect();
      const tasks = window.__longtasks.filter((e) => e.start >= t0 - 1);
      return {
        painted: painted - t0,
        settled: Math.max(last, painted) - t0,
        longest: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
        marks: view.querySelectorAll('[class^="m-"], [class*=" m-"]').length,
      };
    }, text);
    result.paste_ms[name] = { painted: round(m.painted), settled_ms: round(m.settled), marks: m.marks };
    result.longest_task_ms[name] = round(m.longest);
  }
  result.longest_task_ms.whole_run = round(await page.evaluate(
    () => window.__longtasks.reduce((m, e) => Math.max(m, e.duration), 0)));

  const files = {};
  for (const r of responses) {
    if (r.request().method() !== 'GET' || r.status() !== 200) continue;
    const body = await r.body().catch(() => null);
    if (!body) continue;
    const path = new URL(r.url()).pathname;
    files[path] = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, br: brotliCompressSync(body).length };
  }
  const total = Object.values(files).reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, br: t.br + f.br }), { raw: 0, gzip: 0, br: 0 });
  result.files = files;
  result.total = total;
  result.budgets = {
    'parse 1MB <= 20 ms': result.parse_only_ms['1MB'].median <= 20,
    'analyze 1MB <= 20 ms': result.parse_ms['1MB'].median <= 20,
    'seed paste <= 50 ms': result.paste_ms.seed.painted <= 50,
    '1MB paste <= 1000 ms': result.paste_ms['1MB'].painted <= 1000,
    'longest task <= 200 ms': result.longest_task_ms['1MB'] <= 200,
    'page <= 200 KB gzip': total.gzip <= 200 * 1024,
  };
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(result, null, 2));
