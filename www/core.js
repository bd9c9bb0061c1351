// The parser (wasm). Every module uses `core.analyze(…)` etc. once
// loadCore() has resolved. The single-file build replaces this module.
import init, * as wasm from './pkg/kamervragen.js';

export const core = {};

export async function loadCore() {
  await init();
  Object.assign(core, wasm);
}
