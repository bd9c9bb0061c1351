// Long texts are parsed in a worker so the page stays responsive; when no
// worker can run, on the main thread. The collection jobs (reader.js:
// opening files, texts for export, the CSV table) run there too and answer
// in parts.
import { core, newParserWorker } from './core.js';
import { collectionJob, coreCorrections } from './reader.js';

let parser = null;
const jobs = new Map();
let lastJob = 0;

function mainThread(text, corrections) {
  return new Promise((done) => setTimeout(() => done(core.analyze(text, coreCorrections(core, corrections)))));
}

/** A collection job on the main thread (no worker): same parts, same end. */
function mainThreadJob(data, onPart) {
  return new Promise((done, fail) => setTimeout(() => collectionJob(data, core, (m) => {
    if (m.error) fail(new Error(m.error));
    else if (m.done) done();
    else onPart(m);
  }).catch(fail)));
}

/** The worker, started on first use; null when none can run. */
function worker() {
  if (parser === false) return null;
  try {
    if (!parser) {
      parser = newParserWorker();
      parser.onmessage = (e) => {
        const job = jobs.get(e.data.id);
        if (!job) return;
        if (job.onPart && !e.data.done && !e.data.error) return job.onPart(e.data);
        jobs.delete(e.data.id);
        if (e.data.error) job.fail(new Error(e.data.error));
        else job.done(e.data.analysis);
      };
      parser.onerror = (e) => {
        e.preventDefault?.();
        parser.terminate();
        parser = false;
        for (const job of jobs.values()) {
          const again = job.onPart ? mainThreadJob(job.data, job.onPart) : mainThread(job.data.text, job.data.corrections);
          again.then(job.done, job.fail);
        }
        jobs.clear();
      };
    }
  } catch {
    parser = false;
    return null;
  }
  return parser;
}

/** `core.analyze(text)` with the user's `corrections`, off the main thread when possible. */
export function analyzeAsync(text, corrections) {
  const w = worker();
  if (!w) return mainThread(text, corrections);
  const id = ++lastJob;
  return new Promise((done, fail) => {
    jobs.set(id, { data: { id, text, corrections }, done, fail });
    w.postMessage({ id, text, corrections });
  });
}

/**
 * A collection job (`data.mode`: open, export, csv; see reader.js): every
 * part of the answer goes to `onPart`; resolves when the job is over.
 */
export function runJob(data, onPart) {
  const w = worker();
  const id = ++lastJob;
  const message = { ...data, id };
  if (!w) return mainThreadJob(message, onPart);
  return new Promise((done, fail) => {
    jobs.set(id, { data: message, onPart, done, fail });
    w.postMessage(message);
  });
}
