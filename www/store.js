// Autosave in IndexedDB (db.js: meta, texts, ann), the browser asked to keep
// it (persist()). What the page saved in localStorage before is moved over on
// the first load (db.migrate: copied, read back, compared, then removed).
// Saves are queued: what changes while a write is running is written, all of
// it in one transaction, when it ends. A write that fails (quota exceeded,
// storage refused) shows a warning; the work goes on in memory, what failed is
// written again with the next save, and every export still works.
import { claimEditor, migrate, openDb, persist, readAll, readLegacy, write } from './db.js';
import { t } from './i18n.js';

/** The warnings, worded in the language of the moment (messages.js words them again on a switch). */
const MESSAGES = {
  full: () => t('msg.storageFull'),
  refused: () => t('msg.storageRefused'),
  migrate: () => t('msg.storageMigrate'),
};

let db = null;
let source = null;
let onStorageProblem = () => {};
let problem = null;
/** What waits to be written: {meta, texts, ann, forget} (Sets of ids). */
let pending = empty();
let writing = null;

function empty() {
  return { meta: false, texts: new Set(), ann: new Set(), forget: new Set() };
}

function report(message) {
  if (message === problem) return;
  problem = message;
  onStorageProblem(message);
}

/** `fn(message or null)` is called when saving starts or stops failing. */
export function watchStorage(fn) {
  onStorageProblem = fn;
}

/**
 * Everything saved ({docs, currentId, tagSet, texts, ann}), or null when
 * nothing was. `editor`: this tab edits (it moves the old localStorage
 * collection over and asks for persistent storage); a read-only tab only reads.
 */
export async function loadSaved(editor = true) {
  db ??= await openDb();
  if (!db) {
    report(MESSAGES.refused);
    return readLegacy();
  }
  if (editor) {
    try {
      await migrate(db);
    } catch {
      db = null; // never write over what could not be moved
      report(MESSAGES.migrate);
      return readLegacy();
    }
    persist();
  }
  try {
    return (await readAll(db)) ?? (editor ? null : readLegacy());
  } catch {
    report(MESSAGES.refused);
    return null;
  }
}

/** Saves what changed: `what` has `meta`, `texts` and `ann` (doc ids). */
export function save(current, what) {
  source = current;
  if (what.meta) pending.meta = true;
  for (const id of what.texts ?? []) pending.texts.add(id);
  for (const id of what.ann ?? []) pending.ann.add(id);
  if (!writing) writing = Promise.resolve().then(drain);
}

/** Forgets a deleted document (with the next write). */
export function forget(id) {
  pending.forget.add(id);
  pending.texts.delete(id);
  pending.ann.delete(id);
  pending.meta = true;
}

/** Starts writing what is waiting now (the page is being left). */
export function flush() {
  if (pending.meta || pending.texts.size || pending.ann.size || pending.forget.size) {
    const what = take();
    writeNow(what).catch(() => {});
  }
}

function take() {
  const what = pending;
  pending = empty();
  return what;
}

/** Writes `what` from the state as it is now (the transaction copies it at once). */
function writeNow(what) {
  if (!db) {
    if (!problem) report(MESSAGES.refused);
    return Promise.reject(new Error('no storage'));
  }
  const ids = (set) => [...set].filter((id) => id in source.texts);
  return write(db, source, { meta: what.meta, texts: ids(what.texts), ann: ids(what.ann), forget: [...what.forget] });
}

async function drain() {
  while (pending.meta || pending.texts.size || pending.ann.size || pending.forget.size) {
    const what = take();
    try {
      await writeNow(what);
      if (problem && db) report(null);
    } catch (e) {
      // Kept for the next save; the user is told once.
      pending.meta ||= what.meta;
      for (const k of ['texts', 'ann', 'forget']) for (const id of what[k]) pending[k].add(id);
      if (db) report(e?.name === 'QuotaExceededError' || /quota/i.test(String(e?.message)) ? MESSAGES.full : MESSAGES.refused);
      break;
    }
  }
  writing = null;
}
