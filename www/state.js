// The one state object and every change to it: no other module writes it.
// A tagging change goes through commit(): it snapshots what it touches, so
// undo and redo restore exactly. Every change (tagging, documents, texts)
// ends in changed(), which hands it to the one handler set by setOnChange
// (main.js): it re-renders and saves.
import { core } from './core.js';
import { say, t } from './i18n.js';

export const state = {
  docs: [], // [{id, name, named, created, file?, info?}] (info: reader.docInfo, for the list)
  texts: {}, // id → text
  ann: {}, // id → {tags: {unit: [names]}, notes: {answerId: text}, unplaced: [], corrections: [] (corrections.js)}; a unit is an answer id, a question id or 'document'
  tagSet: [], // the codes: [{name, color, key, description (the definition), example, variable (its variable's name)}]
  variables: [], // the codebook's variables, in order: [{name, kind: 'one-of' | 'any-of', level: 'answer' | 'question' | 'document'}]
  currentId: null,
  analysis: null, // {annotations, view} of the current document
  labels: new Map(), // answer id → "Antwoord 6 en 7"
  currentAnswer: null, // answer id
  readOnly: false, // another tab edits this collection
  coder: '', // the user's name as a coder, written into every export (kept in localStorage by main.js)
};

/** Said when a change is refused in a read-only tab. */
export const READ_ONLY = () => t('msg.refusedReadOnly');

let onChange = () => {};

/**
 * `fn(change)` renders and saves. A change has `meta` (the document list and
 * tag set), `texts` and `ann` (document ids), `forget` (deleted ids), `show`
 * (the current document or its text changed), `quiet` (nothing to redraw),
 * `soon` (save in a moment: typing) and `label` (announced).
 */
export function setOnChange(fn) {
  onChange = fn;
}

function changed(what) {
  onChange(what);
}

/** True (and the user told) when this tab may not change the collection: every change asks first. */
function refused() {
  if (!state.readOnly) return false;
  onChange({ quiet: true, refused: true, label: READ_ONLY });
  return true;
}

/** This tab is read-only (another tab edits), or edits again. */
export function setReadOnly(on) {
  state.readOnly = on;
  changed({ quiet: false, readOnly: true });
}

export const PALETTE = ['#1b7f5b', '#b3261e', '#1f5fbf', '#8a5a00', '#6e3fa3', '#00777a', '#a3366e', '#4d6b00', '#5b5b66'];


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

/**
 * A tag as typed or imported, checked by the core's rules (the same for a
 * typed tag, a tag-set file and an annotation file): `{name, color, key,
 * description}`, the name trimmed, a colour that is not #rrggbb the fallback.
 * Throws an Error with the core's message for the user.
 */
export function checkTag(name, color = '', key = '', description = '') {
  return core.check_tag(String(name ?? ''), color ?? '', key ?? '', description ?? '');
}

let fallback = null;
/** The colour of a tag without a valid one (the core's). */
export function fallbackColor() {
  return (fallback ??= checkTag('tag').color);
}

/** A tag-set entry for a new name: the next colour, the next free key, in `variable` (default: settleVariables) (throws as checkTag). */
export function makeTag(name, variable = '') {
  const used = new Set(state.tagSet.map((t) => t.key));
  const key = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !used.has(k)) ?? '';
  return { ...checkTag(name, PALETTE[state.tagSet.length % PALETTE.length], key), example: '', variable };
}

/**
 * Undo and redo act on the document on screen: each document has its own
 * history (`histories`, by document id; '' when no document is open). An
 * action is filed under the one document it changes, else (a tag-set change:
 * a new colour, a key, a rename across documents, a preset) under the
 * document on screen when it was made; its label then says which other
 * documents it changed, and so does the notice of its undo and redo. An
 * action holds the tag set and the changed documents' annotations before and
 * after; undo puts back only what the action changed (the tags and note of
 * the answers it touched, the tag-set entries it touched), so undoing in one
 * document never takes back later work in another. A tag still used by an
 * answer always stays in the set.
 */
const histories = new Map();

function history(key) {
  if (!histories.has(key)) histories.set(key, { undo: [], redo: [] });
  return histories.get(key);
}

const here = () => history(state.currentId ?? '');
const clone = (x) => JSON.parse(JSON.stringify(x));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function snapshot(docIds) {
  return clone({ tagSet: state.tagSet, variables: state.variables, ann: Object.fromEntries(docIds.map((id) => [id, state.ann[id] ?? newAnn()])) });
}

/** Applies the change from snapshot `from` to snapshot `to` on the current state (undo: after → before). */
function apply(from, to) {
  applyVariables(from.variables ?? [], to.variables ?? []);
  if (same(state.tagSet, from.tagSet)) state.tagSet = clone(to.tagSet);
  else {
    const was = new Map(from.tagSet.map((t) => [t.name, t]));
    const will = new Set(to.tagSet.map((t) => t.name));
    state.tagSet = state.tagSet.filter((t) => !(was.has(t.name) && !will.has(t.name)));
    for (const t of to.tagSet) {
      const cur = findTag(t.name);
      if (!cur && !was.has(t.name)) {
        const key = t.key && !state.tagSet.some((u) => u.key === t.key) ? t.key : null;
        state.tagSet.push({ ...clone(t), key });
      } else if (cur && was.has(t.name) && !same(was.get(t.name), t)) Object.assign(cur, clone(t), { key: t.key && !state.tagSet.some((u) => u !== cur && u.key === t.key) ? t.key : null });
    }
  }
  for (const id of Object.keys(to.ann)) {
    if (!(id in state.texts)) continue; // deleted since
    const f = from.ann[id];
    const t = to.ann[id];
    const ann = (state.ann[id] ??= newAnn());
    if (same(ann, f)) {
      state.ann[id] = clone(t);
      continue;
    }
    for (const field of ['tags', 'notes']) {
      for (const a of new Set([...Object.keys(f[field] ?? {}), ...Object.keys(t[field] ?? {})])) {
        if (same(f[field]?.[a], t[field]?.[a])) continue;
        if (t[field]?.[a] === undefined) delete ann[field][a];
        else ann[field][a] = clone(t[field][a]);
      }
    }
    if (!same(f.unplaced, t.unplaced)) ann.unplaced = clone(t.unplaced ?? []);
    if (!same(f.corrections, t.corrections)) ann.corrections = clone(t.corrections ?? []);
  }
  // A tag still on an answer stays in the set.
  for (const id of Object.keys(state.ann)) {
    for (const names of Object.values(state.ann[id]?.tags ?? {})) {
      for (const n of names) if (!findTag(n)) state.tagSet.push(makeTag(n));
    }
  }
  settleVariables();
}

/** "": the document the action belongs to is on screen; else " (also in …)" for the others it changed. */
function others(a) {
  const rest = a.docIds.filter((id) => id !== a.home && id in state.texts);
  if (!rest.length) return '';
  const names = rest.map((id) => state.docs.find((d) => d.id === id)?.name ?? id);
  return rest.length === 1 ? t('undo.alsoIn', { name: names[0] }) : t('undo.alsoInMany', { n: rest.length, names: names.join(', ') });
}

/** An action's label: worded when shown, in the language of the moment. */
const label = (key, params = {}) => () => t(key, params);
/** The name of answer `id` in labels: its heading ("Antwoord 6 en 7"). */
const answerName = (id) => state.labels.get(id) ?? id;

/**
 * Applies `mutate` as one undoable action on the documents `docIds` (and the
 * tag set), announcing `label` (a string, or a function wording it: i18n.say),
 * and showing it as a visible notice too when `notice`.
 */
export function commit(label, docIds, mutate, notice = false) {
  if (refused()) return false;
  const before = snapshot(docIds);
  mutate();
  settleVariables();
  const after = snapshot(docIds);
  if (same(before, after)) return false;
  // Only the documents it really changed.
  const ids = docIds.filter((id) => !same(before.ann[id], after.ann[id]));
  for (const id of docIds) {
    if (ids.includes(id)) continue;
    delete before.ann[id];
    delete after.ann[id];
  }
  const home = ids.length === 1 && docIds.length === 1 ? ids[0] : state.currentId ?? '';
  const h = history(home);
  h.undo.push({ label, docIds: ids, home, before, after });
  if (h.undo.length > 500) h.undo.shift();
  h.redo.length = 0;
  changed({ meta: true, ann: ids, label, notice: notice ? label : undefined, show: correcting(before, after) });
  return true;
}

/** True when the action changed the corrections of the document on screen: its parse is redone. */
function correcting(before, after) {
  const id = state.currentId;
  return Boolean(id && id in after.ann && !same(before.ann[id]?.corrections ?? [], after.ann[id]?.corrections ?? []));
}

/** The visible notice of an undo or redo (main.js shows it; the label is announced too). */
function undone(word, a) {
  const text = () => t(word, { what: `${say(a.label)}${others(a)}` });
  changed({ meta: true, ann: a.docIds, label: text, notice: text, show: correcting(a.before, a.after) });
}

/** One step back (undo) or forward (redo) in the history of the document on screen. */
function step(from, to, word, nothing, back) {
  if (refused()) return;
  const h = here();
  const a = h[from].pop();
  if (!a) return changed({ meta: true, label: () => t(nothing), notice: () => t(nothing) });
  if (back) apply(a.after, a.before);
  else apply(a.before, a.after);
  h[to].push(a);
  undone(word, a);
}

export function undo() {
  step('undo', 'redo', 'undo.undone', 'undo.nothingUndo', true);
}

export function redo() {
  step('redo', 'undo', 'undo.redone', 'undo.nothingRedo', false);
}

export function canUndo() {
  return here().undo.length > 0;
}

export function canRedo() {
  return here().redo.length > 0;
}

/** Forgets the history of a deleted document (actions elsewhere skip it: apply). */
function dropHistory(docId) {
  histories.delete(docId);
}

/**
 * Adds code `name` to `unit` (an answer id, a question id or 'document'; a
 * new name goes into the tag set first). A code of a *one of* variable
 * replaces the variable's other code on the unit, in the same undo step.
 * Throws when the name is refused (checkTag) or is a code of another level.
 */
export function addTag(unit, rawName) {
  const name = findTag(rawName)?.name ?? checkTag(rawName).name;
  if (!state.currentId || tagsOf(unit).includes(name)) return false;
  const level = unitLevel(unit);
  const known = findTag(name);
  if (known && levelOf(name) !== level) throw new Error(t('codebook.wrongLevel', { code: name, level: t(`codebook.level.${levelOf(name)}`) }));
  const rivals = known && variableOf(name)?.kind === 'one-of' ? tagsOf(unit).filter((n) => n !== name && findTag(n)?.variable === known.variable) : [];
  const what = rivals.length
    ? label('codebook.replaced', { unit: unitLabel(unit), code: name, old: rivals.join(', ') })
    : label('undo.tagAdded', { answer: unitLabel(unit), name });
  return commit(what, [state.currentId], () => {
    if (!findTag(name)) state.tagSet.push(makeTag(name));
    const ann = currentAnn();
    ann.tags[unit] = [...(ann.tags[unit] ?? []).filter((n) => !rivals.includes(n)), name];
  });
}

export function removeTag(answerId, name) {
  if (!tagsOf(answerId).includes(name)) return false;
  return commit(label('undo.tagRemoved', { answer: unitLabel(answerId), name }), [state.currentId], () => {
    const ann = currentAnn();
    ann.tags[answerId] = ann.tags[answerId].filter((t) => t !== name);
    if (!ann.tags[answerId].length) delete ann.tags[answerId];
  });
}

export function toggleTag(answerId, name) {
  return tagsOf(answerId).includes(name) ? removeTag(answerId, name) : addTag(answerId, name);
}

/** A note as it is typed: saved in a moment, no undo step (setNote makes the edit as a whole one). */
export function draftNote(answerId, note) {
  const ann = currentAnn();
  if (!ann || refused()) return;
  if (note) ann.notes[answerId] = note;
  else delete ann.notes[answerId];
  changed({ ann: [state.currentId], quiet: true, soon: true });
}

/** Sets the note of an answer as one undoable edit from `from` (the note before drafting, when drafted). */
export function setNote(answerId, note, from) {
  const ann = currentAnn();
  if (ann && from !== undefined) {
    if (from) ann.notes[answerId] = from;
    else delete ann.notes[answerId];
  }
  const before = currentAnn()?.notes[answerId] ?? '';
  if (before === note) return false;
  return commit(label(note ? 'undo.noteChanged' : 'undo.noteRemoved', { answer: answerName(answerId) }), [state.currentId], () => {
    const ann = currentAnn();
    if (note) ann.notes[answerId] = note;
    else delete ann.notes[answerId];
  });
}

/** A tag name as typed, checked by the core (throws its message when refused). */
export function cleanTagName(name) {
  return checkTag(name).name;
}

/**
 * Changes a field of a tag in the set; a new name renames it on every answer
 * of every document. False when nothing changes (an empty or taken name, a
 * colour that is not #rrggbb); throws when the core refuses the name or
 * description (checkTag).
 */
export function editTag(name, field, value) {
  const tag = findTag(name);
  if (!tag) return false;
  if (field === 'name') {
    if (!String(value ?? '').trim()) return false;
    const to = cleanTagName(value);
    if (to === name || findTag(to)) return false;
    const ids = state.docs.map((d) => d.id);
    return commit(label('undo.renamed', { name, to }), ids, () => {
      findTag(name).name = to;
      for (const id of ids) {
        const tags = state.ann[id]?.tags ?? {};
        for (const a of Object.keys(tags)) tags[a] = tags[a].map((t) => (t === name ? to : t));
      }
    });
  }
  if (field === 'key') {
    return commit(value ? label('undo.key', { name, key: value }) : label('undo.noKey', { name }), [], () => {
      for (const t of state.tagSet) if (value && t.key === value) t.key = null;
      findTag(name).key = value || null;
    });
  }
  // The definition (description) and the example are checked as a description is (no HTML).
  const text = field === 'description' || field === 'example';
  const checked = checkTag(name, field === 'color' ? value : tag.color, '', text ? value : tag.description);
  if (field === 'color' && checked.color !== String(value).toLowerCase()) return false;
  const to = field === 'example' ? checked.description : checked[field];
  if ((tag[field] ?? '') === to) return false;
  return commit(label(field === 'color' ? 'undo.colour' : field === 'example' ? 'codebook.undo.example' : 'undo.description', { name }), [], () => {
    findTag(name)[field] = to;
  });
}

export function removeFromSet(name) {
  return commit(label('undo.removedFromSet', { name }), [], () => {
    state.tagSet = state.tagSet.filter((t) => t.name !== name);
  });
}

/** Adds a typed name to the set; false when it is there, throws when refused (checkTag). */
export function addToSet(rawName) {
  const name = cleanTagName(rawName);
  if (findTag(name)) return false;
  return commit(label('undo.addedToSet', { name }), [], () => state.tagSet.push(makeTag(name)));
}

/** Merges `tags` (validated) into the set: known names keep their settings, a taken key is dropped. */
function mergeTagSet(tags) {
  for (const t of tags) {
    if (findTag(t.name)) continue;
    const key = t.key && !state.tagSet.some((u) => u.key === t.key) ? t.key : null;
    state.tagSet.push({ name: t.name, color: t.color, key, description: t.description ?? '', example: t.example ?? '', variable: t.variable ?? '' });
  }
}

/** Merges an imported tag set (checked by importer.readTagSet) as one undoable step. */
export function importTagSet(tags) {
  return commit(label('undo.tagSetImported', { n: tags.length }), [], () => mergeTagSet(tags));
}

/**
 * Adjudication (compare.js): sets the tags of answer `answerId` of document
 * `docId` to `names` (new names join the tag set), as one undoable step of
 * that document, announcing `label` (a string, or a function wording it).
 * False when nothing changes.
 */
export function setAnswerTags(docId, answerId, names, label) {
  if (!(docId in state.texts)) return false;
  return commit(label, [docId], () => {
    for (const n of names) if (!findTag(n)) state.tagSet.push(makeTag(n));
    const ann = (state.ann[docId] ??= newAnn());
    if (names.length) ann.tags[answerId] = [...names];
    else delete ann.tags[answerId];
  });
}

/** True when document `id` has tags, notes, unplaced tags or corrections: an import onto it asks first. */
export function hasAnnotations(id) {
  const a = state.ann[id];
  return Boolean(a && (Object.values(a.tags).some((t) => t.length) || Object.values(a.notes).some(Boolean) || a.unplaced?.length || a.corrections?.length));
}

/**
 * Puts the tags, notes and unplaced tags of an imported annotation file
 * (`result` of importer.placeAnnotations) on document `id`, as one undoable
 * step. `how`: 'replace' drops what the document had first, 'merge' adds to
 * it (a different note is kept below the one there); without it (a document
 * with nothing on it) `result.same_text` replaces.
 */
export function addAnnotations(id, result, label, how = '') {
  return commit(label, [id], () => {
    if (result.codebook) mergeCodebook(result.codebook, true);
    mergeTagSet(result.tag_set);
    const ann = (state.ann[id] ??= newAnn());
    if (how === 'replace' || (!how && result.same_text)) {
      ann.tags = {};
      ann.notes = {};
    }
    if (how === 'replace') ann.unplaced = [];
    placeUnitCodes(ann, result);
    takeCorrections(ann, result, how === 'replace' || (!how && result.same_text));
    for (const p of result.placed) {
      for (const t of p.tags) if (!findTag(t)) state.tagSet.push(makeTag(t));
      const tags = ann.tags[p.answer] ?? [];
      ann.tags[p.answer] = [...tags, ...p.tags.filter((t) => !tags.includes(t))];
      if (!ann.tags[p.answer].length) delete ann.tags[p.answer];
      const note = ann.notes[p.answer];
      if (p.note && note !== p.note) ann.notes[p.answer] = note ? `${note}\n${p.note}` : p.note;
    }
    ann.unplaced = [...(ann.unplaced ?? []), ...result.unplaced];
  });
}

/** Dismisses the unplaced tags number `index`, or the tags and note of `orphan`, an answer no longer in the text. */
export function dismissUnplaced(orphan, index) {
  return commit(label('undo.dismissed'), [state.currentId], () => {
    const ann = currentAnn();
    if (orphan) {
      delete ann.tags[orphan];
      delete ann.notes[orphan];
    } else ann.unplaced.splice(index, 1);
  });
}

// ---- codebook (issue 14) ----
// The tag set holds the codebook's codes; state.variables its variables.
// Every code belongs to exactly one variable (tag.variable): settleVariables()
// puts a code without one (a collection saved before the codebook, a typed new
// tag, a tag-set file) into the any-of answer variable "tags", so a tag set of
// before is one any-of variable. Codes sit in ann.tags under their unit: an
// answer id, a question id (q…) or 'document'. Every change here is one
// commit(): undoable, and the variables are part of its snapshot.

/** The variable every code without one goes into (docs/annotation-format.md: a file without a codebook). */
export const DEFAULT_VARIABLE = 'tags';

function settleVariables() {
  for (const tag of state.tagSet) {
    tag.example ??= '';
    if (tag.variable && state.variables.some((v) => v.name === tag.variable)) continue;
    if (!state.variables.some((v) => v.name === DEFAULT_VARIABLE)) state.variables.push({ name: DEFAULT_VARIABLE, kind: 'any-of', level: 'answer' });
    tag.variable = DEFAULT_VARIABLE;
  }
}

/** Undo/redo of the variables: all of them when nothing else changed them since, else only the ones the action touched. */
function applyVariables(from, to) {
  if (same(from, to)) return;
  if (same(state.variables, from)) {
    state.variables = clone(to);
    return;
  }
  const was = new Map(from.map((v) => [v.name, v]));
  const will = new Set(to.map((v) => v.name));
  state.variables = state.variables.filter((v) => !(was.has(v.name) && !will.has(v.name)));
  for (const v of to) {
    const cur = findVariable(v.name);
    if (!cur && !was.has(v.name)) state.variables.push(clone(v));
    else if (cur && was.has(v.name) && !same(was.get(v.name), v)) Object.assign(cur, clone(v));
  }
}

export function findVariable(name) {
  return state.variables.find((v) => v.name === name) ?? null;
}

/** The variable of code `name` (null for a name not in the set). */
export function variableOf(name) {
  const tag = findTag(name);
  return tag ? findVariable(tag.variable) : null;
}

/** The level of code `name`: 'answer' (also for a name not in the set), 'question' or 'document'. */
export function levelOf(name) {
  return variableOf(name)?.level ?? 'answer';
}

/** The codes of variable `name`, in order. */
export function codesOf(name) {
  return state.tagSet.filter((tag) => tag.variable === name);
}

/** The level of a unit: 'document', 'question' (ids q1, q6-7) or 'answer'. */
export function unitLevel(unit) {
  return unit === 'document' ? 'document' : unit.startsWith('q') ? 'question' : 'answer';
}

/** How a unit is named in labels: "Antwoord 3", "Vraag 3", "the document". */
export function unitLabel(unit) {
  if (unit === 'document') return t('codebook.unit.document');
  const q = unitLevel(unit) === 'question' && state.analysis?.annotations.questions.find((x) => x.id === unit);
  if (q) return q.numbers.length ? `Vraag ${q.numbers.join(' en ')}` : unit;
  return state.labels.get(unit) ?? unit;
}

/** The codebook as the contract writes it: {variables: [{name, kind, level, codes: [{name, definition, example, color, key}]}]}. */
export function codebookObject() {
  return {
    variables: state.variables.map((v) => ({
      name: v.name,
      kind: v.kind,
      level: v.level,
      codes: codesOf(v.name).map((c) => ({ name: c.name, definition: c.description ?? '', example: c.example ?? '', color: c.color, key: c.key ?? null })),
    })),
  };
}

/**
 * The codebook an export writes: null when it is only the variable "tags" (a
 * tag set of before), which a reader takes as that anyway (the contract).
 */
export function exportedCodebook() {
  return state.variables.some((v) => v.name !== DEFAULT_VARIABLE) ? codebookObject() : null;
}

/** `base 1`, `base 2`, …: the first that `taken` does not have. */
function freeName(base, taken) {
  for (let n = 1; ; n++) if (!taken(`${base} ${n}`)) return `${base} ${n}`;
}

/** A new any-of answer variable with a free name; returns its name. */
export function addVariable() {
  const name = freeName(t('codebook.newVariable'), findVariable);
  commit(label('codebook.variableAdded', { name }), [], () => state.variables.push({ name, kind: 'any-of', level: 'answer' }));
  return name;
}

/**
 * Changes the `name`, `kind` ('one-of' | 'any-of') or `level` of variable
 * `name`. False when nothing changes (an empty or taken name, an unknown
 * value) and when the change would leave codes already on units
 * inconsistent (codingConflicts): a kind is not changed while a unit has
 * several codes of the variable; a level only with `removeStray` (the user
 * agreed), and then the variable's codes on units of another level, in
 * every document, go in the same undo step, with a visible notice. Throws
 * when the core refuses the name.
 */
export function editVariable(name, field, value, removeStray = false) {
  const v = findVariable(name);
  if (!v) return false;
  if (field === 'name') {
    if (!String(value ?? '').trim()) return false;
    const to = cleanTagName(value);
    if (to === name || findVariable(to)) return false;
    return commit(label('codebook.variableRenamed', { name, to }), [], () => {
      findVariable(name).name = to;
      for (const tag of state.tagSet) if (tag.variable === name) tag.variable = to;
    });
  }
  const allowed = { kind: ['one-of', 'any-of'], level: ['answer', 'question', 'document'] }[field];
  if (!allowed?.includes(value) || v[field] === value || refused()) return false;
  const found = codingConflicts({ [name]: { [field]: value } });
  if (found.clashes.length || (found.stray.length && !removeStray)) return false;
  if (!found.stray.length) {
    return commit(label('codebook.variableChanged', { name, value: t(`codebook.${field}.${value}`) }), [], () => {
      findVariable(name)[field] = value;
    });
  }
  const n = countUnits(found.stray);
  const docs = docsOf(found.stray).length;
  const what = () => t('codebook.moved', { name, at: t(`codebook.levelAt.${value}`), units: t('codebook.units', n), inDocs: t('codebook.inDocs', { docs }) });
  return commit(what, withCurrent(found.stray), () => {
    findVariable(name)[field] = value;
    dropCodes(found.stray);
  }, true);
}

/**
 * What a change of variables would do to the codes already on units, in
 * every document of the collection. `changes`: {variable: {kind?, level?}}
 * (the new values). Returns `stray`: the codes of a variable on units not of
 * its (new) level, which a level change removes; and `clashes`: units of
 * the variable's level with more than one of its codes when it becomes (or
 * is) *one of*. Each is a list of {doc, unit, codes}, in the order of the
 * document list and the units.
 */
export function codingConflicts(changes) {
  const stray = [], clashes = [];
  for (const d of state.docs) {
    for (const [unit, names] of Object.entries(state.ann[d.id]?.tags ?? {})) {
      for (const [variable, change] of Object.entries(changes)) {
        const v = findVariable(variable);
        if (!v) continue;
        const codes = names.filter((n) => findTag(n)?.variable === variable);
        if (!codes.length) continue;
        const level = change.level ?? v.level;
        const kind = change.kind ?? v.kind;
        if (change.level && change.level !== v.level && unitLevel(unit) !== level) stray.push({ doc: d.id, unit, codes });
        else if (change.kind === 'one-of' && kind !== v.kind && codes.length > 1 && unitLevel(unit) === level) clashes.push({ doc: d.id, unit, codes });
      }
    }
  }
  return { stray, clashes };
}

/** The number of units of each level in a list of codingConflicts: {answer, question, document}. */
export function countUnits(list) {
  const n = { answer: 0, question: 0, document: 0 };
  for (const x of list) n[unitLevel(x.unit)]++;
  return n;
}

/** The documents (ids, in order) of a list of codingConflicts. */
export function docsOf(list) {
  return [...new Set(list.map((x) => x.doc))];
}

/** The documents a change of codes files under: the one on screen (its undo takes it back), and those of `list`. */
function withCurrent(list) {
  return [...new Set([state.currentId, ...docsOf(list)].filter(Boolean))];
}

/** Removes the codes of a codingConflicts list from their units (inside a change). */
function dropCodes(list) {
  for (const { doc, unit, codes } of list) {
    const tags = state.ann[doc]?.tags;
    if (!tags?.[unit]) continue;
    tags[unit] = tags[unit].filter((n) => !codes.includes(n));
    if (!tags[unit].length) delete tags[unit];
  }
}

/** Removes variable `name` and its codes; a code still on a unit of some document stays, in the variable "tags". */
export function removeVariable(name) {
  const used = new Set(Object.values(state.ann).flatMap((a) => Object.values(a?.tags ?? {}).flat()));
  return commit(label('codebook.variableRemoved', { name }), [], () => {
    state.variables = state.variables.filter((v) => v.name !== name);
    state.tagSet = state.tagSet.filter((tag) => tag.variable !== name || used.has(tag.name));
  });
}

/** A new code with a free name in variable `variable`; returns its name. */
export function addCode(variable) {
  const name = freeName(t('codebook.newCode'), findTag);
  commit(label('codebook.codeAdded', { name, variable }), [], () => state.tagSet.push(makeTag(name, variable)));
  return name;
}

/**
 * Merges a codebook checked by the core (core.Codebook: a codebook file, the
 * preset) as one undoable step. A variable of a known name takes the file's
 * kind and level; a known code takes the file's definition, example, colour
 * and variable, unless `keepKnown` (the preset: the user's codes stay as they
 * are). A key already on another code is not taken. Codes not in the file stay.
 * As editVariable, it refuses (false) to change a kind or level under the
 * codes on units (importConflicts): a level only when the user agreed
 * (`removeStray`), and then those codes go in the same step, with a notice.
 */
export function importCodebook(book, label, keepKnown = false, removeStray = false) {
  if (refused()) return false;
  const found = keepKnown ? { stray: [], clashes: [] } : importConflicts(book);
  if (found.clashes.length || (found.stray.length && !removeStray)) return false;
  return commit(label, withCurrent(found.stray), () => {
    mergeCodebook(book, keepKnown);
    dropCodes(found.stray);
  }, found.stray.length > 0);
}

/** codingConflicts of the kinds and levels a codebook file gives the variables already there. */
export function importConflicts(book) {
  return codingConflicts(Object.fromEntries(book.variables.filter((v) => findVariable(v.name)).map((v) => [v.name, { kind: v.kind, level: v.level }])));
}

/** The merge of importCodebook, inside a change (an import of annotations or a collection brings its codebook too). */
function mergeCodebook(book, keepKnown) {
  for (const v of book.variables) {
    const cur = findVariable(v.name);
    if (!cur) state.variables.push({ name: v.name, kind: v.kind, level: v.level });
    else if (!keepKnown) Object.assign(cur, { kind: v.kind, level: v.level });
    for (const c of v.codes) {
      const tag = findTag(c.name);
      if (tag && keepKnown) continue;
      const key = c.key && !state.tagSet.some((u) => u !== tag && u.key === c.key) ? c.key : tag?.key ?? null;
      const fields = { color: c.color, key, description: c.definition, example: c.example, variable: v.name };
      if (tag) Object.assign(tag, fields);
      else state.tagSet.push({ name: c.name, ...fields });
    }
  }
}

/**
 * The codes of an imported file's document and questions (importer.unitCodes:
 * `result.codes`, `result.unplacedQuestions`) on the annotations `ann`, added
 * to what the units have (the file's codebook is merged before, by the caller).
 */
function placeUnitCodes(ann, result) {
  for (const [unit, names] of Object.entries(result.codes ?? {})) {
    for (const n of names) if (!findTag(n)) state.tagSet.push(makeTag(n));
    const tags = ann.tags[unit] ?? [];
    ann.tags[unit] = [...tags, ...names.filter((n) => !tags.includes(n))];
  }
  if (result.unplacedQuestions?.length) ann.unplaced = [...(ann.unplaced ?? []), ...result.unplacedQuestions];
}

// ---- documents ----

export function currentDoc() {
  return state.docs.find((d) => d.id === state.currentId) ?? null;
}

/** The text of the current document ('' when none). */
export function currentText() {
  const doc = currentDoc();
  return doc ? state.texts[doc.id] ?? '' : '';
}

function newId() {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A new document with `text`, made current; returns its id. */
export function createDoc(text) {
  if (refused()) return null;
  const id = newId();
  state.docs.unshift({ id, name: 'Untitled', named: false, created: new Date().toISOString() });
  state.texts[id] = text;
  state.ann[id] = newAnn();
  state.currentId = id;
  state.currentAnswer = null;
  changed({ meta: true, texts: [id], ann: [id], show: true });
  return id;
}

/** A text from a file, a drop or an import: into the current document when it is empty, else a new one; returns its id. */
export function openDocText(text) {
  const doc = currentDoc();
  if (!doc || (state.texts[doc.id] ?? '').trim()) return createDoc(text);
  setDocText(doc.id, text);
  return doc.id;
}

/** The text of document `id` edited (its tags stay). */
export function setDocText(id, text) {
  if (refused()) return;
  state.texts[id] = text;
  changed({ meta: true, texts: [id], show: true });
}

/** Shows document `id` (with `answer` as the current answer, when given). */
export function switchDoc(id, answer = null) {
  state.currentId = id;
  state.currentAnswer = answer;
  // Saved in a moment (as typing is): the list of a large collection is not copied while the next document is drawn.
  changed({ meta: true, show: true, soon: true });
}

/** No current document: the next paste starts a new one. */
export function closeDoc() {
  state.currentId = null;
  changed({ meta: true, show: true });
}

/** Deletes document `id` with its tags, notes and undo history. */
export function deleteDoc(id) {
  if (refused()) return;
  state.docs = state.docs.filter((d) => d.id !== id);
  delete state.texts[id];
  delete state.ann[id];
  dropHistory(id);
  if (state.currentId === id) state.currentId = state.docs[0]?.id ?? null;
  changed({ meta: true, forget: [id], show: true });
}

/** A name given by the user (kept from then on). */
export function renameDoc(id, name) {
  const doc = state.docs.find((d) => d.id === id);
  if (!doc || !name || name === doc.name || refused()) return false;
  doc.name = name;
  doc.named = true;
  changed({ meta: true });
  return true;
}

/**
 * The analysis of the current document (null while there is none), and the
 * name it gives the document unless the user named it (saved with the next
 * change, as the parse may finish in a worker).
 */
export function setAnalysis(analysis, name, info) {
  state.analysis = analysis;
  state.labels = new Map();
  for (const n of analysis?.view.nodes ?? []) if (n.k === 'answer') state.labels.set(n.id, n.label);
  const doc = currentDoc();
  if (doc && !doc.named && analysis && name) doc.name = name;
  if (doc && info) doc.info = info;
}

/** The list's summary of document `id` (parsed in the worker), saved with the next change. */
export function setDocInfo(id, info) {
  const doc = state.docs.find((d) => d.id === id);
  if (!doc || state.readOnly) return;
  doc.info = info;
  if (!doc.named) doc.name = info.name;
  changed({ meta: true, soon: true });
}

/**
 * Adds documents opened from files (`items`: {text, file, info, placed?} in
 * order, `placed` the result of importer.placeAnnotations), at position
 * `at` of the list; a text already in the collection (same sha256, or the
 * same text) is not added again, its tags (if any) are added to the one there.
 * Returns {ids, duplicates: [items]}; null when refused (read-only).
 */
export function addDocs(items, at = 0) {
  if (refused()) return null;
  const known = new Map();
  for (const d of state.docs) known.set(d.info?.sha256 ?? `text:${state.texts[d.id]}`, d.id);
  const ids = [], duplicates = [], added = [], touched = new Set();
  const now = new Date().toISOString();
  for (const item of items) {
    const key = item.info.sha256;
    const have = known.get(key) ?? known.get(`text:${item.text}`);
    if (have) {
      duplicates.push(item);
      if (item.placed?.placed.length) {
        placeOn(have, item.placed);
        touched.add(have);
      }
      continue;
    }
    const id = newId();
    known.set(key, id);
    const doc = { id, name: item.info.name, named: false, created: now, info: item.info };
    if (item.file) doc.file = item.file;
    added.push(doc);
    state.texts[id] = item.text;
    state.ann[id] = newAnn();
    if (item.placed) placeOn(id, item.placed);
    ids.push(id);
  }
  state.docs.splice(Math.min(at, state.docs.length), 0, ...added);
  settleVariables();
  changed({ meta: true, texts: ids, ann: [...ids, ...touched], label: null });
  return { ids, duplicates };
}

/**
 * The corrections of an imported file (`result` of importer.placeAnnotations)
 * on `ann`: instead of its own (`replace`), else added where not there yet.
 * Those that could not be placed are kept too: the view lists them
 * (corrections.js), to dismiss or to keep for a later text.
 */
function takeCorrections(ann, result, replace) {
  const all = [...(result.corrections ?? []), ...(result.corrections_unplaced ?? []).map((u) => u.correction)];
  const have = replace ? [] : ann.corrections ?? [];
  const fresh = all.filter((c) => !have.some((h) => same(h, c)));
  if (replace || fresh.length) ann.corrections = [...have, ...fresh];
  if (!ann.corrections?.length) delete ann.corrections;
}

/**
 * The corrections of the current document set to `list` as one undoable
 * step named `label`; `moves` (from the core) carry the tags and notes of a
 * block whose id changed (a merge: onto the first block, the tags joined),
 * or drop them (`to` null: codes the user agreed to lose, as they would land
 * on a unit of another level; `drop`: codes of a one-of variable the first
 * block has already).
 */
export function setCorrections(list, label, moves = []) {
  if (!state.currentId) return false;
  return commit(label, [state.currentId], () => {
    const ann = currentAnn();
    if (list.length) ann.corrections = clone(list);
    else delete ann.corrections;
    for (const m of moves) {
      if (m.to == null) {
        // Codes the user agreed to drop (they would land on a unit of another level).
        delete ann.tags[m.from];
        delete ann.notes[m.from];
        continue;
      }
      const tags = ann.tags[m.from]?.filter((n) => !m.drop?.includes(n));
      if (tags) {
        const to = ann.tags[m.to] ?? [];
        const joined = [...to, ...tags.filter((t) => !to.includes(t))];
        if (joined.length) ann.tags[m.to] = joined;
        delete ann.tags[m.from];
      }
      const note = ann.notes[m.from];
      if (note) {
        ann.notes[m.to] = ann.notes[m.to] && ann.notes[m.to] !== note ? `${ann.notes[m.to]}\n${note}` : note;
        delete ann.notes[m.from];
      }
    }
  });
}

/** The placed tags and notes of an imported file on document `id` (no undo step: a new document). */
function placeOn(id, result) {
  if (result.codebook) mergeCodebook(result.codebook, true);
  mergeTagSet(result.tag_set);
  const ann = (state.ann[id] ??= newAnn());
  placeUnitCodes(ann, result);
  takeCorrections(ann, result, false);
  for (const p of result.placed) {
    for (const t of p.tags) if (!findTag(t)) state.tagSet.push(makeTag(t));
    const tags = ann.tags[p.answer] ?? [];
    ann.tags[p.answer] = [...tags, ...p.tags.filter((t) => !tags.includes(t))];
    if (!ann.tags[p.answer].length) delete ann.tags[p.answer];
    if (p.note && !ann.notes[p.answer]) ann.notes[p.answer] = p.note;
  }
  ann.unplaced = [...(ann.unplaced ?? []), ...result.unplaced];
}

/** Merges the tag set (checked by importer.readTagSet) and codebook (importer.checkCodebook, or null) of an opened collection file. */
export function mergeOpenedTagSet(tags, codebook = null) {
  if (refused()) return;
  if (codebook) mergeCodebook(codebook, true);
  mergeTagSet(tags);
  settleVariables();
  changed({ meta: true });
}

/** The user's name as a coder (trimmed, at most 100 characters); `quiet` at start, when read back. */
export function setCoder(name, quiet = false) {
  state.coder = String(name ?? '').trim().slice(0, 100);
  if (!quiet) changed({ quiet: true, coder: true, label: state.coder ? label('coder.set', { name: state.coder }) : label('coder.removed') });
}

/** The answer that keys 1–9, t and n act on. */
export function setCurrentAnswer(id) {
  state.currentAnswer = id;
}

/** What store.loadSaved() found, at start. */
export function restoreSaved(saved) {
  state.ann = {};
  state.currentAnswer = null;
  histories.clear();
  state.docs = saved.docs.filter((d) => d && typeof d.id === 'string');
  state.texts = saved.texts;
  for (const d of state.docs) state.ann[d.id] = { ...newAnn(), ...(saved.ann[d.id] ?? {}) };
  state.tagSet = saved.tagSet;
  // Saved before the codebook: no variables, every tag goes into one any-of variable (settleVariables).
  state.variables = Array.isArray(saved.variables) ? saved.variables : [];
  settleVariables();
  state.currentId = state.docs.some((d) => d.id === saved.currentId) ? saved.currentId : null;
}
