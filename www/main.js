// The boot file: loads the parser and the saved collection, wires the
// modules together and is the one place where the page saves. Every change of
// state goes through state.js, which hands it to the handler below: it
// redraws (the whole current document when its text changed, else what
// follows tags and documents), saves what changed (not in a read-only tab),
// and announces it. The modules, each with one concern:
//   messages.js   announce, the undo notice, the error and storage banners
//   view.js       the current document's parse, view, summary and outline
//   input.js      the text box, paste, the long-text box, files opened or dropped
//   opener.js     many files at once: progress, refused files, duplicates
//   reader.js     what the worker does with files and texts (no imports)
//   documents.js  the collection's list: count, filter, sort, progress, new, open, rename, delete
//   tagging.js    tag bars, notes, keyboard shortcuts, undo/redo buttons
//   navigation.js jumps to answers, footnotes and cross-references
//   reading.js    the reading view (default) and "Show as printed", the list of footnotes
//   markcard.js   the card of a date or reference: its reading, a footnote's text, Open link, Remove highlight
//   corrections.js  corrections of the parse: toolbar, dialogs; headerfix.js: the header corrected in the outline
//   tagset.js     the codes' rows of the codebook panel
//   codebook.js   the codebook: variables, code bars of questions and document, codebook files, Markdown
//   drawer.js     the panels as drawers at 800 px and below
//   transfer.js   the coder's name, annotation import (asks before touching tags), unplaced tags, exports of one or all documents
//   compare.js    Compare with another coder: the agreement report (the core's), adjudication
//   store.js      saving in IndexedDB (db.js), one editing tab
//   warmup.js     the parser and fonts warmed up while idle
//   i18n.js       t(key): the page's words in Dutch or English (lang-nl.js, lang-en.js), the language switch
import { loadCore } from './core.js';
import { onLangChange, startLang, t } from './i18n.js';
import { state, currentText, restoreSaved, setCoder, setOnChange, setReadOnly } from './state.js';
import { flush, forget, loadSaved, save } from './store.js';
import { claimEditor } from './db.js';
import { announce, showUndoNotice } from './messages.js';
import { $ } from './ui.js';
import { refreshAll, showCurrent } from './view.js';
import { flushInput, lockTextBox, setTextBox } from './input.js';
import './documents.js';
import './tagging.js';
import './tagset.js';
import './codebook.js';
import './drawer.js';
import './headerfix.js';
import './transfer.js';
import { refreshAdjudication } from './compare.js';
import { startWarmUp, fillInfo } from './warmup.js';

/** What is waiting to be saved: typing is saved in a moment, everything else at once. */
const unsaved = { meta: false, texts: new Set(), ann: new Set() };
let saveTimer = 0;

/** Saves what is waiting plus `what` ({meta, texts, ann}): the only call of store.save. */
function saveChanges(what = {}) {
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (state.readOnly) return;
  const texts = [...unsaved.texts, ...(what.texts ?? [])].filter((id) => id in state.texts);
  const ann = [...unsaved.ann, ...(what.ann ?? [])].filter((id) => id in state.texts);
  save(state, { meta: unsaved.meta || Boolean(what.meta), texts: [...new Set(texts)], ann: [...new Set(ann)] });
  unsaved.meta = false;
  unsaved.texts.clear();
  unsaved.ann.clear();
}

/** The current document shown again: its text box, parse and view. */
function show() {
  setTextBox(currentText());
  showCurrent();
}

/** The read-only notice and text box follow state.readOnly. */
function showReadOnly() {
  $('read-only').textContent = state.readOnly ? t('msg.readOnly') : '';
  $('read-only').hidden = !state.readOnly;
  document.body.classList.toggle('read-only', state.readOnly);
  lockTextBox(state.readOnly);
}

setOnChange((change) => {
  for (const id of change.forget ?? []) forget(id);
  if (change.coder) saveCoder();
  if (change.readOnly) showReadOnly();
  if (change.show) show();
  else if (!change.quiet) refreshAll();
  if (!change.quiet) refreshAdjudication();
  if (change.refused) {
    // nothing changed: nothing to save
  } else if (change.soon) {
    unsaved.meta ||= Boolean(change.meta);
    for (const id of change.texts ?? []) unsaved.texts.add(id);
    for (const id of change.ann ?? []) unsaved.ann.add(id);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveChanges, 250);
  } else saveChanges(change);
  if (change.label) announce(change.label);
  if (change.notice) showUndoNotice(change.notice);
});

/** The coder's name is the browser's, not the collection's: kept in localStorage. */
const CODER_KEY = 'kamervragen-coder';
function saveCoder() {
  try {
    if (state.coder) localStorage.setItem(CODER_KEY, state.coder);
    else localStorage.removeItem(CODER_KEY);
  } catch {
    // storage refused: the name stays for this visit
  }
}
function loadCoder() {
  try {
    setCoder(localStorage.getItem(CODER_KEY) ?? '', true);
  } catch {
    // storage refused: no name
  }
  $('coder-name').value = state.coder;
}

// The page's words in the interface language; a switch words everything again
// (view.js redraws what follows the state): no state changes, nothing is saved.
startLang($('lang-switch'));
onLangChange(showReadOnly);
await loadCore();
loadCoder();
// One tab edits; another is read-only until the first closes, then reloads what it saved.
let booted = false;
const editor = await new Promise((resolve) => claimEditor(() => {
  if (!booted) return resolve(true);
  takeOver();
}, () => resolve(false)));
booted = true;

async function takeOver() {
  const saved = await loadSaved(true);
  restoreSaved(saved ?? { docs: [], currentId: null, tagSet: [], texts: {}, ann: {} });
  setReadOnly(false);
  show();
  announce(t('msg.editor'));
}

const saved = await loadSaved(editor);
if (saved) restoreSaved(saved);
if (!editor) setReadOnly(true);
show();
startWarmUp();
if (editor) fillInfo();

window.addEventListener('pagehide', () => {
  flushInput();
  saveChanges({ meta: true, ann: state.currentId ? [state.currentId] : [] });
  flush();
});
document.documentElement.dataset.ready = 'true';
