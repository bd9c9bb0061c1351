// The parser off the main thread: {id, text} → {id, analysis} or {id, error}
// for a long text; {id, mode, …} → the collection jobs of reader.js (opening
// files, texts for export, the CSV table), one message per part.
import init, * as wasm from './pkg/kamervragen.js';
import { collectionJob, coreCorrections } from './reader.js';

const ready = init();

self.onmessage = async (e) => {
  await ready;
  try {
    if (e.data.mode) await collectionJob(e.data, wasm, (m) => self.postMessage(m));
    else self.postMessage({ id: e.data.id, analysis: wasm.analyze(e.data.text, coreCorrections(wasm, e.data.corrections)) });
  } catch (err) {
    self.postMessage({ id: e.data.id, error: String(err?.message ?? err), done: true });
  }
};
