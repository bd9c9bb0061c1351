// Writes dist/kamervragen-annotator.html: the whole page in one file that
// works from disk (file://) with no network request. The wasm (bound with
// `wasm-bindgen --target no-modules`, dir given as argv[2]) is embedded as
// base64; the page's ES modules are joined in dependency order with their
// import/export lines removed (module-level names are unique across www/;
// checked here); core.js is replaced by a loader for the embedded wasm. The
// CSP allows the one inline script and style by their sha256 hashes.
//   node scripts/build-single.mjs <no-modules pkg dir>
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = (f) => readFileSync(join(root, 'www', f), 'utf8');
const pkg = process.argv[2];
if (!pkg) throw new Error('usage: node scripts/build-single.mjs <no-modules pkg dir>');

// Dependency order, read from the import lines: each module after the ones
// it imports, starting from main.js (a new module needs no list here).
// core.js is replaced by the loader below.
function importsOf(name) {
  return [...www(name).matchAll(/^import\s+(?:[^;'"]*?\sfrom\s+)?['"]\.\/([^'"]+)['"];/gm)].map((m) => m[1]);
}
const MODULES = [];
const visiting = new Set();
(function visit(name) {
  if (name === 'core.js' || visiting.has(name) || MODULES.includes(name)) return;
  visiting.add(name);
  for (const dep of importsOf(name)) visit(dep);
  MODULES.push(name);
})('main.js');

function strip(name, src) {
  const out = src
    .replace(/^import\s[\s\S]*?\sfrom\s+['"][^'"]+['"];[ \t]*$/gm, '')
    .replace(/^import\s+['"][^'"]+['"];[ \t]*$/gm, '')
    .replace(/^export\s+(?=(async\s+)?function|const|let|class)/gm, '');
  if (/^\s*(import|export)\s/m.test(out)) throw new Error(`${name}: an import/export the bundler does not understand`);
  return `// ---- ${name} ----\n${out}`;
}

const seen = new Map();
function checkNames(name, src) {
  for (const m of src.matchAll(/^(?:async\s+)?(?:function\*?|const|let|class)\s+(\w+)|^(?:const|let)\s+\{([^}]*)\}\s*=/gm)) {
    const names = m[1] ? [m[1]] : m[2].split(',').map((s) => s.split(':').pop().trim()).filter(Boolean);
    for (const n of names) {
      if (seen.has(n)) throw new Error(`module-level name ${n} is in both ${seen.get(n)} and ${name}: rename one`);
      seen.set(n, name);
    }
  }
}

const wasm = readFileSync(join(pkg, 'kamervragen_bg.wasm')).toString('base64');
const glue = readFileSync(join(pkg, 'kamervragen.js'), 'utf8');
// The worker: the same glue in a blob, given the compiled module, with
// reader.js for the collection jobs (as www/worker.js).
const workerSrc = `${glue}
${strip('reader.js (worker)', www('reader.js'))}
let ready;
self.onmessage = async (e) => {
  if (e.data.module) {
    ready = wasm_bindgen({ module_or_path: e.data.module });
    return;
  }
  await ready;
  try {
    if (e.data.mode) await collectionJob(e.data, wasm_bindgen, (m) => self.postMessage(m));
    else self.postMessage({ id: e.data.id, analysis: wasm_bindgen.analyze(e.data.text) });
  } catch (err) {
    self.postMessage({ id: e.data.id, error: String(err?.message ?? err), done: true });
  }
};
`;
const loader = `// ---- core.js (single file: the wasm is embedded) ----
const core = {};
let wasmModule = null;
async function loadCore() {
  const bin = atob(WASM_BASE64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  wasmModule = await WebAssembly.compile(bytes);
  await wasm_bindgen({ module_or_path: wasmModule });
  Object.assign(core, wasm_bindgen);
}
function newParserWorker() {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.postMessage({ module: wasmModule });
  return worker;
}`;
const parts = MODULES.map((m) => {
  const s = strip(m, www(m));
  checkNames(m, s);
  return s;
});
checkNames('core.js', loader);
let script = `${glue}\nconst WASM_BASE64 = "${wasm}";\nconst WORKER_SOURCE = ${JSON.stringify(workerSrc)};\n(async () => {\n${loader}\n${parts.join('\n')}\n})().catch((e) => {
  document.getElementById('summary').textContent = 'The page could not start: ' + e.message;
});\n`;
script = script.replace(/<\/(script)/gi, '<\\/$1');
const style = www('style.css');
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// worker-src blob: only for the parser worker of long texts (made from this page's own script).
const csp = `default-src 'none'; script-src ${hash(script)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${hash(style)}; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
const icon = `data:image/svg+xml;base64,${Buffer.from(www('favicon.svg')).toString('base64')}`;

let html = www('index.html');
const swap = (re, to) => {
  if (!re.test(html)) throw new Error(`index.html: ${re} not found`);
  html = html.replace(re, () => to);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
swap(/<link rel="stylesheet"[^>]*>/, `<style>${style}</style>`);
swap(/\s*<script type="module" src="main.js"><\/script>/, '');
swap(/<\/body>/, `<script>${script}</script>\n</body>`);

mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist', 'kamervragen-annotator.html');
writeFileSync(out, html);
console.error(`build: ${out} ${html.length} bytes`);
