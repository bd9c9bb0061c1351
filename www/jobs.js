// Long texts are parsed in a worker so the page stays responsive; when no
// worker can run, on the main thread.
import { core, newParserWorker } from './core.js';

let parser = null;
const jobs = new Map();
let lastJob = 0;

function mainThread(text) {
  return new Promise((done) => setTimeout(() => done(core.analyze(text))));
}

/** `core.analyze(text)`, off the main thread when possible. */
export function analyzeAsync(text) {
  if (parser === false) return mainThread(text);
  try {
    if (!parser) {
      parser = newParserWorker();
      parser.onmessage = (e) => {
        const job = jobs.get(e.data.id);
        jobs.delete(e.data.id);
        if (e.data.error) job?.fail(new Error(e.data.error));
        else job?.done(e.data.analysis);
      };
      parser.onerror = (e) => {
        e.preventDefault?.();
        parser.terminate();
        parser = false;
        for (const job of jobs.values()) mainThread(job.text).then(job.done, job.fail);
        jobs.clear();
      };
    }
  } catch {
    parser = false;
    return mainThread(text);
  }
  const id = ++lastJob;
  return new Promise((done, fail) => {
    jobs.set(id, { text, done, fail });
    parser.postMessage({ id, text });
  });
}
