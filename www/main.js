// The boot file: loads the parser, wires the modules together and is the one
// place where the page saves. Every change of state goes through state.js,
// which hands it to the handler below: it redraws (the whole current
// document when its text changed, else what follows tags and documents),
// saves what changed, and announces it. The modules, each with one concern:
//   messages.js   announce, the error and storage banners
//   view.js       the current document's parse, view, summary and outline
//   input.js      the text box, paste, drop, open file, the long-text box
//   documents.js  the document list: new, open, rename, delete
//   tagging.js    tag bars, notes, keyboard shortcuts, undo/redo buttons
//   navigation.js jumps to answers, footnotes and cross-references
//   tagset.js     the tag-set panel and tag-set files
//   transfer.js   annotation import, unplaced tags, JSON/W3C/CSV export
//   warmup.js     the parser and fonts warmed up while idle
import { loadCore } from './core.js';
import { state, currentText, restoreSaved, setOnChange } from './state.js';
import { forget, loadSaved, save } from './store.js';
import { announce } from './messages.js';
import { refreshAll, showCurrent } from './view.js';
import { flushInput, setTextBox } from './input.js';
import './documents.js';
import './tagging.js';
import './tagset.js';
import './transfer.js';
import { startWarmUp } from './warmup.js';

/** What is waiting to be saved: typing is saved in a moment, everything else at once. */
const unsaved = { meta: false, texts: new Set(), ann: new Set() };
let saveTimer = 0;

/** Saves what is waiting plus `what` ({meta, texts, ann}): the only call of store.save. */
function persist(what = {}) {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const texts = [...unsaved.texts, ...(what.texts ?? [])].filter((id) => id in state.texts);
  const ann = [...unsaved.ann, ...(what.ann ?? [])].filter((id) => id in state.ann);
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

setOnChange((change) => {
  for (const id of change.forget ?? []) forget(id);
  if (change.show) show();
  else if (!change.quiet) refreshAll();
  if (change.soon) {
    unsaved.meta ||= Boolean(change.meta);
    for (const id of change.texts ?? []) unsaved.texts.add(id);
    for (const id of change.ann ?? []) unsaved.ann.add(id);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(persist, 250);
  } else persist(change);
  if (change.label) announce(change.label);
});

await loadCore();
const saved = loadSaved();
if (saved) restoreSaved(saved);
show();
startWarmUp();

window.addEventListener('pagehide', () => {
  flushInput();
  persist({ meta: true, ann: state.currentId ? [state.currentId] : [] });
});
document.documentElement.dataset.ready = 'true';
