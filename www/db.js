// Storage that holds a corpus: IndexedDB (database "kamervragen"), with the
// browser asked to keep it (navigator.storage.persist()). Three object
// stores, each keyed by document id except `meta`:
//   meta  "meta" → {docs, currentId, tagSet, variables} (variables: the codebook's, absent before it)
//   texts id → the document's text
//   ann   id → {tags, notes, unplaced}
// What the page saved in localStorage before (keys "kva1:meta",
// "kva1:text:<id>", "kva1:ann:<id>") is moved over on the first load: copied,
// read back and compared, and only then removed from localStorage.
//
// One tab edits a collection at a time: the first tab holds the Web Lock
// "kamervragen-editor"; another tab opens read-only (it says so) and takes
// over, with what the first one saved, when the first one closes.

const DB = 'kamervragen';
const STORES = ['meta', 'texts', 'ann'];
const LEGACY = 'kva1:';
const LOCK = 'kamervragen-editor';

/** A request as a promise. */
const done = (req) => new Promise((ok, fail) => {
  req.onsuccess = () => ok(req.result);
  req.onerror = () => fail(req.error);
});

/** A transaction's end as a promise. */
const finished = (tx) => new Promise((ok, fail) => {
  tx.oncomplete = () => ok();
  tx.onabort = tx.onerror = () => fail(tx.error ?? new DOMException('aborted', 'AbortError'));
});

/** Opens (and on first use creates) the database; null when IndexedDB is unavailable. */
export async function openDb(name = DB) {
  try {
    if (!globalThis.indexedDB) return null;
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
    };
    return await done(req);
  } catch {
    return null; // private mode in some browsers, or storage refused
  }
}

/** Everything in `db`, in the shape the page keeps: {docs, currentId, tagSet, texts, ann}, or null. */
export async function readAll(db) {
  const tx = db.transaction(STORES, 'readonly');
  const [meta, textKeys, texts, annKeys, anns] = await Promise.all([
    done(tx.objectStore('meta').get('meta')),
    done(tx.objectStore('texts').getAllKeys()),
    done(tx.objectStore('texts').getAll()),
    done(tx.objectStore('ann').getAllKeys()),
    done(tx.objectStore('ann').getAll()),
  ]);
  if (!meta || !Array.isArray(meta.docs)) return null;
  const byKey = (keys, values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  const t = byKey(textKeys, texts), a = byKey(annKeys, anns);
  return {
    docs: meta.docs,
    currentId: meta.currentId ?? null,
    tagSet: Array.isArray(meta.tagSet) ? meta.tagSet : [],
    variables: Array.isArray(meta.variables) ? meta.variables : [],
    texts: Object.fromEntries(meta.docs.map((d) => [d.id, typeof t[d.id] === 'string' ? t[d.id] : ''])),
    ann: Object.fromEntries(meta.docs.map((d) => [d.id, a[d.id] ?? null])),
  };
}

/**
 * Writes what changed in one transaction: `what` = {meta: bool, texts: [ids],
 * ann: [ids], forget: [ids]}; `saved` = {docs, currentId, tagSet, texts, ann}.
 */
export async function write(db, saved, what) {
  const tx = db.transaction(STORES, 'readwrite');
  const end = finished(tx);
  for (const id of what.texts ?? []) tx.objectStore('texts').put(saved.texts[id] ?? '', id);
  for (const id of what.ann ?? []) tx.objectStore('ann').put(saved.ann[id] ?? {}, id);
  for (const id of what.forget ?? []) {
    tx.objectStore('texts').delete(id);
    tx.objectStore('ann').delete(id);
  }
  if (what.meta) tx.objectStore('meta').put({ docs: saved.docs, currentId: saved.currentId, tagSet: saved.tagSet, variables: saved.variables ?? [] }, 'meta');
  await end;
}

/** What the page saved in localStorage before IndexedDB, or null. */
export function readLegacy(storage = safeLocalStorage()) {
  if (!storage) return null;
  let meta;
  try {
    meta = JSON.parse(storage.getItem(`${LEGACY}meta`) ?? 'null');
  } catch {
    return null;
  }
  if (!meta || !Array.isArray(meta.docs)) return null;
  const texts = {}, ann = {};
  for (const d of meta.docs) {
    texts[d.id] = storage.getItem(`${LEGACY}text:${d.id}`) ?? '';
    try {
      ann[d.id] = JSON.parse(storage.getItem(`${LEGACY}ann:${d.id}`) ?? 'null');
    } catch {
      ann[d.id] = null;
    }
  }
  return { docs: meta.docs, currentId: meta.currentId ?? null, tagSet: Array.isArray(meta.tagSet) ? meta.tagSet : [], variables: [], texts, ann };
}

function safeLocalStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Moves the localStorage collection into `db` when `db` has none: copied,
 * read back, compared, and only then removed from localStorage. Returns the
 * number of documents moved (0 when there was nothing to move).
 */
export async function migrate(db, storage = safeLocalStorage()) {
  const old = readLegacy(storage);
  if (!old) return 0;
  const have = await readAll(db);
  if (!have) {
    const ids = old.docs.map((d) => d.id);
    await write(db, old, { meta: true, texts: ids, ann: ids.filter((id) => old.ann[id]) });
    const back = await readAll(db);
    const same = back && JSON.stringify({ ...back, ann: pick(back.ann) }) === JSON.stringify({ ...old, ann: pick(old.ann) });
    if (!same) throw new Error('The saved documents could not be moved to the new storage; they stay where they were.');
  }
  // Either moved now, or moved by an earlier load that stopped before this.
  for (const key of Object.keys(storage)) if (key.startsWith(LEGACY)) storage.removeItem(key);
  return have ? 0 : old.docs.length;
}

/** The non-empty entries of `ann` (an empty one is not stored). */
const pick = (ann) => Object.fromEntries(Object.entries(ann).filter(([, v]) => v));

/** Asks the browser to keep this site's storage under storage pressure; resolves to its answer. */
export async function persist() {
  try {
    return (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
  } catch {
    return false;
  }
}

/**
 * Becomes the one tab that edits: `onEditor()` is called at once when no
 * other tab holds the collection, else `onReadOnly()` at once and
 * `onEditor()` when the other tab closes. Without Web Locks every tab edits.
 * (`lock`: another lock name, for tests beside the page's own claim.)
 */
export function claimEditor(onEditor, onReadOnly, lock = LOCK) {
  if (!navigator.locks?.request) {
    onEditor();
    return;
  }
  const hold = () => {
    onEditor();
    return new Promise(() => {}); // held until the tab closes
  };
  navigator.locks.request(lock, { ifAvailable: true }, (held) => {
    if (held) return hold();
    onReadOnly();
    navigator.locks.request(lock, hold);
    return undefined;
  });
}
