// The one state object and every change to it. A tagging change goes
// through commit(): it snapshots what it touches, so undo and redo restore
// exactly; then onChange() re-renders and autosaves.

export const state = {
  docs: [], // [{id, name, named, created}]
  texts: {}, // id → text
  ann: {}, // id → {tags: {answerId: [names]}, notes: {answerId: text}, unplaced: []}
  tagSet: [], // [{name, color, key, description}]
  currentId: null,
  analysis: null, // {annotations, view} of the current document
  labels: new Map(), // answer id → "Antwoord 6 en 7"
  currentAnswer: null, // answer id
};

const undoStack = [];
const redoStack = [];
let onChange = () => {};

/** `fn(change)` re-renders and saves; change = {docs: [ids], tagSet, label}. */
export function setOnChange(fn) {
  onChange = fn;
}

export const PALETTE = ['#1b7f5b', '#b3261e', '#1f5fbf', '#8a5a00', '#6e3fa3', '#00777a', '#a3366e', '#4d6b00', '#5b5b66'];

export const PRESET = [
  ['toezegging', 'Het antwoord belooft een concrete actie of informatie'],
  ['weigering', 'De vraag wordt (deels) niet beantwoord of een verzoek wordt afgewezen'],
  ['verwijzing', 'Het antwoord verwijst naar een ander antwoord of document'],
  ['gedeeltelijk antwoord', 'Slechts een deel van de vraag wordt beantwoord'],
  ['volledig antwoord', 'De vraag wordt volledig beantwoord'],
  ['geen antwoord', 'Het antwoord gaat niet in op de vraag'],
];

export function newAnn() {
  return { tags: {}, notes: {}, unplaced: [] };
}

export function currentAnn() {
  const id = state.currentId;
  if (!id) return null;
  return (state.ann[id] ??= newAnn());
}

export function tagsOf(answerId) {
  return currentAnn()?.tags[answerId] ?? [];
}

export function findTag(name) {
  return state.tagSet.find((t) => t.name === name);
}

/** A tag-set entry for a new name: the next colour, the next free key. */
export function makeTag(name) {
  const used = new Set(state.tagSet.map((t) => t.key));
  const key = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !used.has(k)) ?? null;
  return { name, color: PALETTE[state.tagSet.length % PALETTE.length], key, description: '' };
}

function snapshot(docIds) {
  return JSON.stringify({ tagSet: state.tagSet, ann: Object.fromEntries(docIds.map((id) => [id, state.ann[id] ?? newAnn()])) });
}

function restore(snap) {
  const s = JSON.parse(snap);
  state.tagSet = s.tagSet;
  Object.assign(state.ann, s.ann);
}

/**
 * Applies `mutate` as one undoable action on the documents `docIds` (and the
 * tag set), announcing `label`.
 */
export function commit(label, docIds, mutate) {
  const before = snapshot(docIds);
  mutate();
  const after = snapshot(docIds);
  if (before === after) return false;
  undoStack.push({ label, docIds, before, after });
  if (undoStack.length > 500) undoStack.shift();
  redoStack.length = 0;
  onChange({ docs: docIds, label });
  return true;
}

export function undo() {
  const a = undoStack.pop();
  if (!a) return onChange({ docs: [], label: 'Nothing to undo' });
  restore(a.before);
  redoStack.push(a);
  onChange({ docs: a.docIds, label: `Undone: ${a.label}` });
}

export function redo() {
  const a = redoStack.pop();
  if (!a) return onChange({ docs: [], label: 'Nothing to redo' });
  restore(a.after);
  undoStack.push(a);
  onChange({ docs: a.docIds, label: `Redone: ${a.label}` });
}

export function canUndo() {
  return undoStack.length > 0;
}

export function canRedo() {
  return redoStack.length > 0;
}

/** Forgets history about a deleted document. */
export function dropHistory(docId) {
  for (const stack of [undoStack, redoStack]) {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].docIds.includes(docId)) stack.splice(i, 1);
  }
}

/** Adds `name` to the answer (and to the tag set when new). */
export function addTag(answerId, rawName) {
  const name = cleanTagName(rawName);
  if (!name || !state.currentId || tagsOf(answerId).includes(name)) return false;
  return commit(`${state.labels.get(answerId) ?? answerId}: tag ${name} added`, [state.currentId], () => {
    if (!findTag(name)) state.tagSet.push(makeTag(name));
    const ann = currentAnn();
    ann.tags[answerId] = [...(ann.tags[answerId] ?? []), name];
  });
}

export function removeTag(answerId, name) {
  if (!tagsOf(answerId).includes(name)) return false;
  return commit(`${state.labels.get(answerId) ?? answerId}: tag ${name} removed`, [state.currentId], () => {
    const ann = currentAnn();
    ann.tags[answerId] = ann.tags[answerId].filter((t) => t !== name);
    if (!ann.tags[answerId].length) delete ann.tags[answerId];
  });
}

export function toggleTag(answerId, name) {
  return tagsOf(answerId).includes(name) ? removeTag(answerId, name) : addTag(answerId, name);
}

export function setNote(answerId, note) {
  const before = currentAnn()?.notes[answerId] ?? '';
  if (before === note) return false;
  return commit(`${state.labels.get(answerId) ?? answerId}: note ${note ? 'changed' : 'removed'}`, [state.currentId], () => {
    const ann = currentAnn();
    if (note) ann.notes[answerId] = note;
    else delete ann.notes[answerId];
  });
}

/** A tag name as typed: trimmed, one line, at most 80 characters; no < or >. */
export function cleanTagName(name) {
  return String(name ?? '').replace(/[\u0000-\u001f\u007f<>]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Changes a field of a tag in the set; a new name renames it on every answer of every document. */
export function editTag(name, field, value) {
  const tag = findTag(name);
  if (!tag) return false;
  if (field === 'name') {
    const to = cleanTagName(value);
    if (!to || to === name || findTag(to)) return false;
    const ids = state.docs.map((d) => d.id);
    return commit(`tag ${name} renamed to ${to}`, ids, () => {
      findTag(name).name = to;
      for (const id of ids) {
        const tags = state.ann[id]?.tags ?? {};
        for (const a of Object.keys(tags)) tags[a] = tags[a].map((t) => (t === name ? to : t));
      }
    });
  }
  if (field === 'key') {
    return commit(`tag ${name}: key ${value || 'none'}`, [], () => {
      for (const t of state.tagSet) if (value && t.key === value) t.key = null;
      findTag(name).key = value || null;
    });
  }
  if (field === 'color' && !/^#[0-9a-f]{6}$/i.test(value)) return false;
  return commit(`tag ${name}: ${field === 'color' ? 'colour' : field} changed`, [], () => {
    findTag(name)[field] = value;
  });
}

export function removeFromSet(name) {
  return commit(`tag ${name} removed from the set`, [], () => {
    state.tagSet = state.tagSet.filter((t) => t.name !== name);
  });
}

export function addToSet(rawName) {
  const name = cleanTagName(rawName);
  if (!name || findTag(name)) return false;
  return commit(`tag ${name} added to the set`, [], () => state.tagSet.push(makeTag(name)));
}

/** Merges `tags` (validated) into the set: known names keep their settings, a taken key is dropped. */
export function mergeTagSet(tags) {
  for (const t of tags) {
    if (findTag(t.name)) continue;
    const key = t.key && !state.tagSet.some((u) => u.key === t.key) ? t.key : null;
    state.tagSet.push({ name: t.name, color: t.color, key, description: t.description ?? '' });
  }
}

export function loadPreset() {
  return commit('preset coding scheme loaded', [], () => {
    mergeTagSet(PRESET.map(([name, description], i) => ({ name, description, color: PALETTE[i], key: String(i + 1) })));
  });
}
