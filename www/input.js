// The text input: typing and pasting in the text box (a paste over the whole
// text starts a new document), dropping and opening files (opener.js), and the long-text
// box (closed for long texts until "Edit the text").
import { state, closeDoc, createDoc, currentDoc, openDocText, setDocText } from './state.js';
import { $ } from './ui.js';
import { BIG_TEXT, busy, megabytes, setBusy, showAnalysis, showReading } from './view.js';
import { openFiles, droppedFiles } from './opener.js';
import { announce, clearError } from './messages.js';
import { focusFirstBlock } from './navigation.js';
import { nameOf } from './documents.js';
import { t } from './i18n.js';

const textBox = $('doc-text');
const bigText = $('big-text');
const bigTextSize = $('big-text-size');
const editText = $('edit-text');

/** The user opened the text box of the long text of document `editingLong` to edit it. */
let editingLong = null;
/** The text box's length after the last input event (a big change is a paste, not typing). */
let boxLength = 0;

/** Opens or closes the text box for a text of `n` UTF-16 units, before it is laid out. */
function fitTextBox(n) {
  const close = n > BIG_TEXT && (!editingLong || editingLong !== state.currentId);
  if (close) bigTextSize.textContent = megabytes(n);
  if (close === textBox.hidden) return;
  const focused = document.activeElement === textBox;
  textBox.hidden = close;
  bigText.hidden = !close;
  if (close && focused) editText.focus();
}

/** Sets the text box (closed first when the text is long: it is never laid out then). */
export function setTextBox(text) {
  fitTextBox(text.length);
  if (textBox.value !== text) textBox.value = text;
  boxLength = text.length;
}

/** The text box cannot be typed in while another tab edits the collection. */
export function lockTextBox(on) {
  textBox.readOnly = on;
}

// ---- the text box: typing edits, a new paste starts a new document ----

let replacingAll = false;
let inputTimer = 0;
textBox.addEventListener('beforeinput', (e) => {
  const t = textBox;
  replacingAll = t.value.length > 0 && t.selectionStart === 0 && t.selectionEnd === t.value.length && e.inputType.startsWith('insert');
});

/** Applies the text box's content: an edit, a new document, or an emptied box. */
function onText() {
  clearTimeout(inputTimer);
  inputTimer = 0;
  setBusy('input', false);
  if (state.readOnly) return setTextBox(state.texts[state.currentId] ?? '');
  const text = textBox.value;
  const doc = currentDoc();
  const wasEmpty = !doc || !(state.texts[doc.id] ?? '').trim();
  if (!text.trim()) {
    // Emptied: the document keeps its text; the next paste starts a new one.
    replacingAll = false;
    if (doc && !(state.texts[doc.id] ?? '').trim()) setDocText(doc.id, text);
    else closeDoc();
    return;
  }
  if (!doc || (replacingAll && (state.texts[doc.id] ?? '').trim())) {
    replacingAll = false;
    createDoc(text);
    announce(t('docs.newNamed', { name: nameOf(currentDoc()) }));
    focusFirstBlock();
    return;
  }
  if (state.texts[doc.id] === text) return showAnalysis(busy.parse);
  setDocText(doc.id, text);
  // A paste into an empty document: the text is there, the shortcuts work at once.
  if (wasEmpty) focusFirstBlock();
}

/** Applies a text box change that is still waiting (the page is being left). */
export function flushInput() {
  if (inputTimer) onText();
}

// A paste is one input event, but some ways of inserting text (and quick
// typing) send many: short texts and pastes are applied at once, small edits
// of long texts once the burst is over.
let lastInput = -1e9;
textBox.addEventListener('input', () => {
  clearTimeout(inputTimer);
  const n = textBox.value.length;
  fitTextBox(n);
  const pasted = Math.abs(n - boxLength) > 1000;
  boxLength = n;
  const burst = performance.now() - lastInput < 10;
  lastInput = performance.now();
  if ((n < 20000 || pasted) && !burst) return onText();
  inputTimer = setTimeout(onText, n > 200000 && !pasted ? 300 : 0);
  if (n > BIG_TEXT) {
    // Shown at once: a long text takes a while to read.
    setBusy('input', true);
    showReading(n);
  }
});

// A long paste is put in the box by the page, not the browser: the browser
// would lay the whole text out in one long task before the input event.
textBox.addEventListener('paste', (e) => {
  const t = textBox;
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  const n = t.value.length - (t.selectionEnd - t.selectionStart) + pasted.length;
  if (n <= BIG_TEXT) return;
  e.preventDefault();
  replacingAll = t.value.length > 0 && t.selectionStart === 0 && t.selectionEnd === t.value.length;
  if (replacingAll) editingLong = null; // a new document: its box starts closed
  fitTextBox(n);
  t.setRangeText(pasted, t.selectionStart, t.selectionEnd, 'end');
  t.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
});
// A long text dropped on the box opens as a document (as a dropped file does).
textBox.addEventListener('drop', (e) => {
  const dropped = e.dataTransfer?.files.length ? '' : e.dataTransfer?.getData('text/plain') ?? '';
  if (dropped.length <= BIG_TEXT) return;
  e.preventDefault();
  e.stopPropagation();
  openText(dropped);
});

editText.addEventListener('click', () => {
  editingLong = state.currentId;
  fitTextBox(textBox.value.length);
  textBox.focus();
});

// ---- files: opened or dropped anywhere (opener.js reads them) ----

/** A text from a file or a drop: a new document unless the current one is empty. */
function openText(text) {
  clearError();
  openDocText(text);
  announce(t('docs.openedNamed', { name: nameOf(currentDoc()) }));
  focusFirstBlock();
}

const openFileInput = $('open-file');
openFileInput.addEventListener('change', async () => {
  const files = [...openFileInput.files];
  openFileInput.value = '';
  clearError();
  if (await openFiles(files)) focusFirstBlock();
});

document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', async (e) => {
  if (!e.dataTransfer?.files.length) return;
  e.preventDefault();
  clearError();
  if (await openFiles(await droppedFiles(e.dataTransfer))) focusFirstBlock();
});
