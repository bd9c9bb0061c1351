// The parser (wasm). Every module uses `core.analyze(…)` etc. once
// loadCore() has resolved; newParserWorker() starts worker.js for long texts.
// The single-file build replaces this module (scripts/build-single.mjs).
import init, * as wasm from './pkg/kamervragen.js';

export const core = {};

export async function loadCore() {
  await init();
  Object.assign(core, wasm);
}

export function newParserWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}
