// The codebook (issue 14): the editor in the codebook panel (variables, each
// one of / any of at a level, their codes with colour, name, key, definition
// and example), the code bars of the question blocks and of the document
// (above the view), the codes on keys 1–9 in the shortcut list, the preset
// codebook, and codebook files: JSON (import and export) and Markdown (an
// appendix). The core checks every codebook that comes in and writes the
// Markdown (importer.js fills its CodebookInput); every change goes through state.js.
// A kind or level changed (in the editor or by a codebook file) under codes
// already on units asks first or is refused (settleConflicts, below).
//
// Focus never falls to the page while the codebook is written: the editor is
// only rebuilt when the focus is outside it (or by the action that moves the
// focus itself: add and remove); while the user works in it, the fields are
// brought up to date in place (syncEditor), so Tab goes from one field to the
// next.
import { errorText, t, lang, onLangChange } from './i18n.js';
import {
  state, addCode, addVariable, codebookObject, codesOf, codingConflicts, countUnits, docsOf, editVariable, findTag,
  findVariable, importCodebook, importConflicts, importTagSet, removeVariable, tagsOf, toggleTag, unitLevel,
} from './state.js';
import { nameOf, openDoc } from './documents.js';
import { jumpTo } from './navigation.js';
import { $, h, definitionTip } from './ui.js';
import { checkCodebook, codebookMarkdownOf, readJson, readTagSet } from './importer.js';
import { saveFile } from './export.js';
import { announce, clearError, refuseField, showError } from './messages.js';
import { PRESET_CODEBOOK } from './preset.js';

const codebookEditor = $('tagset');
const codeSuggestions = $('tag-suggestions');
const docCodes = $('doc-codes');
const helpCodes = $('help-codes');
const CODE_KEYS = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const KINDS = ['one-of', 'any-of'];
const LEVELS = ['answer', 'question', 'document'];

// ---- files ----

/**
 * The codebook in a file: a codebook file ({"format": "kamervragen-codebook",
 * "version": 1, "codebook": {…}}) or a tag-set file (its tags, one any-of
 * variable). Returns {codebook} or {tags}; throws a message for the user.
 */
export function readCodebookFile(json) {
  if (json?.format === 'kamervragen-tag-set') return { tags: readTagSet(json) };
  if (json?.format !== 'kamervragen-codebook' || !json.codebook || typeof json.codebook !== 'object') {
    throw new Error(t('codebook.notAFile'));
  }
  if (json.version !== 1) throw new Error(t('codebook.version', { version: String(json.version) }));
  return { codebook: checkCodebook(json.codebook) };
}

/** The codebook file of the current codebook. */
export function codebookJson() {
  return JSON.stringify({ format: 'kamervragen-codebook', version: 1, codebook: codebookObject() }, null, 2) + '\n';
}

/** The current codebook as Markdown, in the interface language. */
export function codebookMarkdown() {
  return codebookMarkdownOf(codebookObject(), lang());
}

// ---- the codebookEditor ----

const cbLabel = (key, params) => t(`codebook.${key}`, params);

function codeOption(value, text, selected) {
  return h('option', { value, selected }, text);
}

function codeRow(c) {
  const row = h('li', { className: 'tagrow', 'data-tag': c.name },
    h('input', { type: 'color', value: c.color, 'data-field': 'color' }),
    h('input', { 'data-field': 'name', autocomplete: 'off', value: c.name }),
    // The key's visible word (the select's accessible name says it in full).
    h('span', { className: 'key-word', 'aria-hidden': 'true' }, cbLabel('keyWord')),
    h('select', { 'data-field': 'key' }, ...CODE_KEYS.map((k) => codeOption(k, k || '–', (c.key ?? '') === k))),
    h('button', { type: 'button', className: 'icon tag-remove' }),
    h('textarea', { className: 'desc', 'data-field': 'description', rows: 2, placeholder: cbLabel('definitionHint') }),
    h('textarea', { className: 'example', 'data-field': 'example', rows: 1, placeholder: cbLabel('exampleHint') }));
  labelRow(row, c.name);
  row.style.setProperty('--tag', c.color);
  return row;
}

/** Names the fields of the row of code `name` (after a rename too: the row stays, the focus with it). */
export function labelRow(row, name) {
  row.dataset.tag = name;
  const names = { color: 'colour', name: 'name', key: 'key', description: 'definition', example: 'example' };
  for (const [field, key] of Object.entries(names)) row.querySelector(`[data-field="${field}"]`)?.setAttribute('aria-label', cbLabel(`code.${key}`, { name }));
  row.querySelector('.tag-remove')?.setAttribute('aria-label', cbLabel('code.remove', { name }));
}

function variableItem(v) {
  const li = h('li', { className: 'variable', 'data-variable': v.name },
    h('div', { className: 'var-head' },
      h('input', { className: 'var-name', 'data-vfield': 'name', autocomplete: 'off', value: v.name }),
      h('select', { 'data-vfield': 'kind' }, ...KINDS.map((k) => codeOption(k, cbLabel(`kind.${k}`), v.kind === k))),
      h('select', { 'data-vfield': 'level' }, ...LEVELS.map((l) => codeOption(l, cbLabel(`level.${l}`), v.level === l))),
      h('button', { type: 'button', className: 'icon var-remove' })),
    h('ul', { className: 'codes' }, ...codesOf(v.name).map(codeRow)),
    h('button', { type: 'button', className: 'code-add' }, cbLabel('addCode')));
  labelVariable(li, v.name);
  return li;
}

function labelVariable(li, name) {
  li.dataset.variable = name;
  li.setAttribute('aria-label', cbLabel('variable', { name }));
  const set = (sel, key) => li.querySelector(sel)?.setAttribute('aria-label', cbLabel(key, { name }));
  set('[data-vfield="name"]', 'var.name');
  set('[data-vfield="kind"]', 'var.kind');
  set('[data-vfield="level"]', 'var.level');
  set('.var-remove', 'var.remove');
  set('.code-add', 'var.addCode');
}

/** What the codebookEditor shows, without the values the user edits in place. */
/**
 * True while a field of the editor fires its change: Chrome fires it with the
 * focus already off the field (document.activeElement is the body) and on its
 * way to the next field, so a rebuild then would lose it.
 */
let changing = false;
codebookEditor.addEventListener('change', () => {
  changing = true;
  setTimeout(() => {
    changing = false;
  });
}, true);

const codebookShape = () => JSON.stringify(state.variables.map((v) => [v.name, codesOf(v.name).map((c) => c.name)]));
let drawnShape = null;

/**
 * The codebookEditor, the codeSuggestions of the "Add tag" fields, the document's code
 * bar and the shortcut list, brought up to date. The codebookEditor is rebuilt only
 * when its variables or codes changed and the focus is not in it (or
 * `force`: the caller then puts the focus itself); otherwise its fields are
 * updated in place.
 */
export function renderCodebook(force = false) {
  const inside = changing || codebookEditor.contains(document.activeElement);
  if (codebookShape() !== drawnShape && (force || !inside)) {
    codebookEditor.replaceChildren(...state.variables.map(variableItem));
    drawnShape = codebookShape();
  }
  syncEditor();
  codeSuggestions.replaceChildren(...state.tagSet.filter((c) => findVariable(c.variable)?.level === 'answer').map((c) => h('option', { value: c.name })));
  refreshCodeBars();
  renderHelpCodes();
}

/** The values of the codebookEditor's fields from the state, except the field being edited. */
function syncEditor() {
  const set = (el, value) => {
    if (el && el !== document.activeElement && el.value !== value) el.value = value;
  };
  for (const li of codebookEditor.querySelectorAll('.variable')) {
    const v = findVariable(li.dataset.variable);
    if (!v) continue;
    set(li.querySelector('[data-vfield="kind"]'), v.kind);
    set(li.querySelector('[data-vfield="level"]'), v.level);
  }
  for (const row of codebookEditor.querySelectorAll('.tagrow')) {
    const c = findTag(row.dataset.tag);
    if (!c) continue;
    for (const field of ['color', 'key', 'description', 'example']) set(row.querySelector(`[data-field="${field}"]`), c[field] ?? '');
    row.style.setProperty('--tag', c.color);
  }
}

/** Focus on `el` of the codebookEditor (its text selected, ready to be typed over). */
function focusField(el) {
  if (!el) return;
  el.focus();
  el.select?.();
}

const rowOf = (name) => codebookEditor.querySelector(`.tagrow[data-tag="${CSS.escape(name)}"]`);
const variableEl = (name) => codebookEditor.querySelector(`.variable[data-variable="${CSS.escape(name)}"]`);

codebookEditor.addEventListener('change', async (e) => {
  const field = e.target.dataset.vfield;
  const li = e.target.closest('.variable');
  if (!field || !li) return;
  const name = li.dataset.variable;
  if (field !== 'name') {
    // A kind or level under codes already on units: asked first (or refused), never silently.
    const value = e.target.value;
    // (A read-only tab asks nothing: state.js refuses the change and says why.)
    const found = state.readOnly ? { stray: [], clashes: [] } : codingConflicts({ [name]: { [field]: value } });
    const agreed = await settleConflicts(found, { level: field === 'level' ? value : null, back: e.target });
    if (agreed) editVariable(name, field, value, true);
    // What the state holds now (the field showed the old value while the dialog was open).
    e.target.value = findVariable(name)?.[field] ?? '';
    return;
  }
  let done;
  try {
    done = editVariable(name, field, e.target.value);
  } catch (err) {
    e.target.value = findVariable(name)?.[field] ?? '';
    return refuseField(e.target, () => errorText(err));
  }
  if (!done && field === 'name') {
    e.target.value = name;
    announce(cbLabel('nameTaken'));
  }
  if (done && field === 'name') {
    // The item stays (the focus with it); only its names change.
    labelVariable(li, e.target.value.trim());
    for (const row of li.querySelectorAll('.tagrow')) labelRow(row, row.dataset.tag);
    drawnShape = codebookShape();
  }
});

codebookEditor.addEventListener('click', (e) => {
  const btn = e.target.closest('button');
  const li = btn?.closest('.variable');
  if (!li) return;
  const name = li.dataset.variable;
  if (btn.classList.contains('code-add')) {
    const code = addCode(name);
    renderCodebook(true);
    focusField(rowOf(code)?.querySelector('[data-field="name"]'));
  } else if (btn.classList.contains('var-remove')) {
    const next = li.nextElementSibling?.dataset.variable ?? li.previousElementSibling?.dataset.variable;
    removeVariable(name);
    renderCodebook(true);
    focusField(next ? variableEl(next)?.querySelector('[data-vfield="name"]') : $('var-add'));
  }
});

/** After code `name` left the set: the focus on the next code's name, else the previous, else the variable's "Add code". */
export function afterCodeRemoved(row) {
  const next = row.nextElementSibling?.dataset.tag ?? row.previousElementSibling?.dataset.tag;
  const variable = row.closest('.variable')?.dataset.variable;
  renderCodebook(true);
  focusField(next ? rowOf(next)?.querySelector('[data-field="name"]') : variableEl(variable)?.querySelector('.code-add'));
}

codebookEditor.addEventListener('focusout', (e) => {
  if (!codebookEditor.contains(e.relatedTarget)) setTimeout(() => renderCodebook());
});

$('var-add').addEventListener('click', () => {
  const name = addVariable();
  renderCodebook(true);
  focusField(variableEl(name)?.querySelector('[data-vfield="name"]'));
});

// ---- a kind or level changed under codes already on units ----
// A level change would leave the variable's codes on units of another level:
// the dialog says how many, in which documents, and that they go (one undo
// step). A change to "one of" while units carry several codes of the
// variable is refused, with those units listed (each a way to go there):
// which code is right is the coder's call, not the page's.

const changeDialog = $('codebook-change');
const changeGo = $('codebook-change-go');
const changeCancel = $('codebook-change-cancel');
const changeList = $('codebook-change-units');
changeDialog.addEventListener('keydown', (e) => e.stopPropagation());

/** A unit of any document by its id: "Antwoord 6 en 7", "Vraag 2", "The document" (ids as docs/annotation-format.md gives them). */
function changeUnitName(unit) {
  if (unitLevel(unit) === 'document') return t('adj.document');
  const m = /^([aq])(\d+(?:-\d+)*)$/.exec(unit);
  if (!m) return unit;
  return t(m[1] === 'q' ? 'adj.question' : 'adj.answer', { n: m[2].split('-') });
}

const changeDocName = (id) => {
  const d = state.docs.find((x) => x.id === id);
  return d ? nameOf(d) : id;
};

/** Opens document `doc` at `unit` (its block focused, once drawn). */
function goToUnit(doc, unit, frames = 120) {
  if (doc !== state.currentId) openDoc(doc, unitLevel(unit) === 'answer' ? unit : null);
  const find = (left) => {
    const el = unit === 'document' ? (docCodes.hidden ? null : docCodes) : $(unit);
    if (el) jumpTo(el);
    else if (left > 0) requestAnimationFrame(() => find(left - 1));
  };
  find(frames);
}

/**
 * Asks before a change with `found` (state.codingConflicts) goes ahead;
 * resolves true when it may (nothing affected, or the user agreed to remove
 * the stray codes), false when cancelled or refused. `level`: the variable's
 * new level (a level edited); `file`: the codebook file imported; the focus
 * goes back to `back`.
 */
function settleConflicts(found, { level = null, file = '', back = document.activeElement } = {}) {
  if (!found.clashes.length && !found.stray.length) return Promise.resolve(true);
  const clash = found.clashes.length > 0;
  const list = clash ? found.clashes : found.stray;
  const names = [...new Set(list.flatMap((x) => x.codes.map((c) => findTag(c)?.variable ?? c)))];
  const params = {
    name: names.join(', '), file, at: level ? cbLabel(`levelAt.${level}`) : '',
    units: cbLabel('units', countUnits(list)), inDocs: cbLabel('inDocs', { docs: docsOf(list).length }),
  };
  $('codebook-change-h').textContent = cbLabel(clash ? 'clash.title' : file ? 'move.fileTitle' : 'move.title', params);
  $('codebook-change-text').textContent = cbLabel(clash ? 'clash.text' : file ? 'move.fileText' : 'move.text', params);
  changeGo.hidden = clash;
  changeGo.textContent = cbLabel(file ? 'move.fileGo' : 'move.go');
  changeCancel.textContent = t(clash ? 'page.close' : 'page.cancel');
  // The units in conflict, each to go to; for removed codes, how many in each document when there are several.
  const items = clash
    ? list.map((x) => h('li', null, h('span', null, `${changeDocName(x.doc)} · ${changeUnitName(x.unit)}: ${x.codes.join(', ')}`), ' ',
      h('button', { type: 'button', 'data-doc': x.doc, 'data-unit': x.unit, 'aria-label': cbLabel('clash.goTo', { unit: changeUnitName(x.unit), doc: changeDocName(x.doc) }) }, cbLabel('clash.go'))))
    : docsOf(list).length > 1
      ? docsOf(list).map((d) => h('li', null, cbLabel('move.inDoc', { doc: changeDocName(d), units: cbLabel('units', countUnits(list.filter((x) => x.doc === d))) })))
      : [];
  changeList.replaceChildren(...items);
  changeList.hidden = !items.length;
  return new Promise((resolve) => {
    let settled = false;
    const done = (go, target = null) => {
      if (settled) return;
      settled = true;
      changeDialog.removeEventListener('click', pick);
      if (changeDialog.open) changeDialog.close();
      if (target) goToUnit(target.dataset.doc, target.dataset.unit);
      else if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      resolve(go);
    };
    // Settled on the click itself (the close event comes a task later), or on that event (Escape).
    const pick = (e) => {
      const btn = e.target.closest('button');
      if (btn === changeGo) done(true);
      else if (btn === changeCancel) done(false);
      else if (btn?.dataset.unit) done(false, btn);
    };
    changeDialog.addEventListener('click', pick);
    changeDialog.addEventListener('close', () => done(false), { once: true });
    changeDialog.showModal();
    changeCancel.focus();
  });
}

// ---- codes on questions and on the document ----

/** The (empty) code bar of a question block; refreshCodeBars fills it. */
export function codeBar(unit) {
  return h('div', { className: 'codebar', 'data-unit': unit, hidden: true });
}

/**
 * Each code bar shows, per variable of its level, a button per code (pressed
 * when the unit has it; its definition on hover and focus). A bar is redrawn
 * only when its codes or the codebook changed; the focus stays on its button.
 */
function refreshCodeBars() {
  const book = JSON.stringify([state.variables, state.tagSet]);
  docCodes.hidden = !state.analysis || !state.variables.some((v) => v.level === 'document');
  for (const bar of [docCodes, ...document.querySelectorAll('#doc-view .codebar')]) {
    const unit = bar.dataset.unit;
    const level = unit === 'document' ? 'document' : 'question';
    const have = state.analysis ? tagsOf(unit) : [];
    const key = `${book}\n${have.join('\n')}\n${lang()}`;
    if (bar.dataset.drawnShape === key) continue;
    bar.dataset.drawnShape = key;
    const focused = bar.contains(document.activeElement) ? document.activeElement.dataset.tag : null;
    const variables = state.variables.filter((v) => v.level === level && codesOf(v.name).length);
    if (unit !== 'document') bar.hidden = !variables.length;
    bar.replaceChildren(...variables.map((v) => h('div', { className: 'codegroup', role: 'group', 'aria-label': v.name },
      h('span', { className: 'codegroup-name', 'aria-hidden': 'true' }, v.name),
      ...codesOf(v.name).map((c) => {
        const tip = definitionTip(c);
        const btn = h('button', { type: 'button', className: 'code-btn', 'aria-pressed': String(have.includes(c.name)), 'data-tag': c.name, 'aria-describedby': tip?.id },
          c.name);
        const wrap = h('span', { className: 'code-wrap' }, btn, tip);
        wrap.style.setProperty('--tag', c.color);
        return wrap;
      }))));
    if (focused) bar.querySelector(`.code-btn[data-tag="${CSS.escape(focused)}"]`)?.focus();
  }
}

function onCodeButton(e) {
  const btn = e.target.closest('.code-btn');
  if (!btn) return;
  const unit = btn.closest('[data-unit]').dataset.unit;
  try {
    toggleTag(unit, btn.dataset.tag);
  } catch (err) {
    showError(() => errorText(err));
  }
}
docCodes.addEventListener('click', onCodeButton);
$('doc-view').addEventListener('click', onCodeButton);

// ---- the shortcut list ----

/** The codes on keys 1–9, with their variable and definition, in the help dialog. */
function renderHelpCodes() {
  const coded = state.tagSet.filter((c) => c.key).sort((a, b) => a.key.localeCompare(b.key));
  helpCodes.replaceChildren(...coded.flatMap((c) => [
    h('dt', null, h('kbd', null, c.key)),
    h('dd', null, h('strong', null, c.name), ` (${c.variable}, ${cbLabel(`kind.${findVariable(c.variable)?.kind ?? 'any-of'}`)})`,
      c.description ? h('span', { className: 'help-definition' }, c.description) : null),
  ]));
  if (!coded.length) helpCodes.append(h('dd', { className: 'hint' }, cbLabel('noKeys')));
}

// ---- the preset and files ----

$('preset').addEventListener('click', () => {
  importCodebook(checkCodebook(PRESET_CODEBOOK), () => t('undo.preset'), true);
});
$('tagset-export').addEventListener('click', () => saveFile(`${t('file.codebook')}.json`, codebookJson()));
$('codebook-markdown').addEventListener('click', () => saveFile(`${t('file.codebook')}.md`, codebookMarkdown(), 'text/markdown;charset=utf-8'));

const importInput = $('tagset-import');
importInput.addEventListener('change', async () => {
  const file = importInput.files[0];
  importInput.value = '';
  if (!file) return;
  let read;
  try {
    read = readCodebookFile(await readJson(file));
  } catch (e) {
    return showError(() => cbLabel('refused', { file: file.name, reason: errorText(e) }));
  }
  clearError();
  if (read.tags) importTagSet(read.tags);
  else {
    const codes = read.codebook.variables.reduce((n, v) => n + v.codes.length, 0);
    // A file that changes the kind or level of a variable in use: asked first (or refused), as in the editor.
    if (!state.readOnly && !(await settleConflicts(importConflicts(read.codebook), { file: file.name }))) return;
    importCodebook(read.codebook, () => cbLabel('imported', { file: file.name, variables: read.codebook.variables.length, codes }), false, true);
  }
  renderCodebook();
});

onLangChange(() => {
  drawnShape = null;
  renderCodebook();
});
