// Parses long texts off the main thread: {id, text} → {id, analysis} or {id, error}.
import init, { analyze } from './pkg/kamervragen.js';

const ready = init();

self.onmessage = async (e) => {
  await ready;
  try {
    self.postMessage({ id: e.data.id, analysis: analyze(e.data.text) });
  } catch (err) {
    self.postMessage({ id: e.data.id, error: String(err?.message ?? err) });
  }
};
