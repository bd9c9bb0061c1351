// Autosave in localStorage: one key for the list of documents and the tag
// set, one per document text, one per document's tags and notes. A write that
// fails (quota exceeded, storage unavailable) shows a warning; the work goes
// on in memory and every export still works.

const PREFIX = 'kva1:';
let storageFailed = false;
let onStorageProblem = () => {};

/** `fn(message or null)` is called when saving starts or stops failing. */
export function watchStorage(fn) {
  onStorageProblem = fn;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function put(key, value) {
  const s = storage();
  try {
    if (!s) throw new DOMException('no storage', 'SecurityError');
    s.setItem(PREFIX + key, value);
    return true;
  } catch (e) {
    storageFailed = true;
    const full = e && (e.name === 'QuotaExceededError' || e.code === 22);
    onStorageProblem(full
      ? 'Your browser’s storage is full: changes are kept in this tab only. Export JSON to keep your work.'
      : 'Your browser does not allow saving here (private mode?): changes are kept in this tab only. Export JSON to keep your work.');
    return false;
  }
}

function get(key) {
  try {
    return storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

function drop(key) {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch { /* nothing to do */ }
}

/** Everything saved, or null when nothing was (or storage is unavailable). */
export function loadSaved() {
  let meta;
  try {
    meta = JSON.parse(get('meta') ?? 'null');
  } catch {
    meta = null;
  }
  if (!meta || !Array.isArray(meta.docs)) {
    if (!storage()) put('probe', '1');
    return null;
  }
  const texts = {}, ann = {};
  for (const d of meta.docs) {
    texts[d.id] = get('text:' + d.id) ?? '';
    try {
      ann[d.id] = JSON.parse(get('ann:' + d.id) ?? 'null');
    } catch {
      ann[d.id] = null;
    }
  }
  return { docs: meta.docs, currentId: meta.currentId, tagSet: Array.isArray(meta.tagSet) ? meta.tagSet : [], texts, ann };
}

/** Saves what changed: `what` has `meta`, `texts` (doc ids) and `ann` (doc ids). */
export function save(state, what) {
  if (storageFailed) what = { meta: true, texts: state.docs.map((d) => d.id), ann: state.docs.map((d) => d.id) };
  let ok = true;
  for (const id of what.texts ?? []) ok = put('text:' + id, state.texts[id] ?? '') && ok;
  for (const id of what.ann ?? []) ok = put('ann:' + id, JSON.stringify(state.ann[id] ?? {})) && ok;
  if (what.meta) ok = put('meta', JSON.stringify({ docs: state.docs, currentId: state.currentId, tagSet: state.tagSet })) && ok;
  if (ok && storageFailed) {
    storageFailed = false;
    onStorageProblem(null);
  }
}

/** Forgets a deleted document. */
export function forget(id) {
  drop('text:' + id);
  drop('ann:' + id);
}
