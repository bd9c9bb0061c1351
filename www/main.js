// Wires the page: the parser (wasm), documents, the view, tagging, keyboard,
// autosave, import and export. Every tagging change goes through state.commit
// and comes back here in afterChange(), which re-renders and saves.
import { core, loadCore } from './core.js';
import { analyzeAsync } from './jobs.js';
import { afterPaint, renderView } from './render.js';
import { annotationJson, csvText, exportName, saveFile, tagSetJson, w3cJson } from './export.js';
import { placeAnnotations, readJson, readTagSet, MAX_FILE } from './importer.js';
import {
  state, addTag, addToSet, canRedo, canUndo, cleanTagName, commit, currentAnn, dropHistory, editTag, findTag, loadPreset, makeTag, mergeTagSet, newAnn, redo, removeFromSet, removeTag, setNote, setOnChange, toggleTag, undo,
} from './state.js';
import { loadSaved, save, forget, watchStorage } from './store.js';
import { h, tagBar, refreshTags, renderOutline, renderDocList, renderTagSet, renderUnplaced } from './ui.js';

const $ = (id) => document.getElementById(id);
const els = {
  text: $('doc-text'), view: $('doc-view'), summary: $('summary'), notice: $('text-notice'), announce: $('announce'),
  exportJson: $('export-json'), exportW3c: $('export-w3c'), exportCsv: $('export-csv'),
  undo: $('undo'), redo: $('redo'), newDoc: $('new-doc'), openFile: $('open-file'), importFile: $('import-file'),
  storageWarning: $('storage-warning'), error: $('import-error'), docList: $('doc-list'),
  meta: $('meta'), pairs: $('pairs'), diagnostics: $('diagnostics'), unplacedPanel: $('unplaced-panel'), unplaced: $('unplaced'),
  tagset: $('tagset'), suggestions: $('tag-suggestions'), tagNew: $('tag-new'), tagNewName: $('tag-new-name'),
  preset: $('preset'), tagsetExport: $('tagset-export'), tagsetImport: $('tagset-import'), legend: $('legend'),
  help: $('help'), helpOpen: $('help-open'), helpClose: $('help-close'),
  bigText: $('big-text'), bigTextSize: $('big-text-size'), editText: $('edit-text'),
};

// ---- messages ----

function announce(message) {
  els.announce.textContent = '';
  requestAnimationFrame(() => { els.announce.textContent = message; });
}

function showError(message) {
  els.error.replaceChildren(h('span', null, message), ' ',
    h('button', { type: 'button', className: 'banner-close', 'aria-label': 'Dismiss' }));
  els.error.hidden = false;
}

function clearError() {
  els.error.hidden = true;
  els.error.replaceChildren();
}

watchStorage((message) => {
  els.storageWarning.textContent = message ?? '';
  els.storageWarning.hidden = !message;
});

// ---- documents ----

function currentDoc() {
  return state.docs.find((d) => d.id === state.currentId) ?? null;
}

function clipLine(s) {
  const line = (s ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const m = /^.{0,70}/u.exec(line)[0];
  return m.length < line.length ? `${m}…` : m;
}

/**
 * A name for the document list: "Boswijk (CDA) over het onderzoek in hoeverre…"
 * from the header when it has a subject, else the id, else the first line.
 */
function docName(analysis, text) {
  const d = analysis?.annotations.document;
  const who = (d?.askers ?? []).map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).filter(Boolean).join(', ');
  if (d?.subject) return clipLine(who ? `${who} over ${d.subject}` : d.subject.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  return d?.id ?? (clipLine(text) || 'Untitled');
}

function createDoc(text) {
  const id = `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  state.docs.unshift({ id, name: 'Untitled', named: false, created: new Date().toISOString() });
  state.texts[id] = text;
  state.ann[id] = newAnn();
  state.currentId = id;
  state.currentAnswer = null;
  return id;
}

function switchTo(id) {
  state.currentId = id;
  state.currentAnswer = null;
  showCurrent();
  save(state, { meta: true });
}

let shownText = null;
let analysisToken = 0;
/** Work in progress on the view: a deferred paste, a parse in the worker, a render. */
const busy = { input: false, parse: false, render: false };
/** `#doc-view[aria-busy="true"]` (and "Reading the text…") until the view is complete. */
function setBusy(what, on) {
  busy[what] = on;
  const any = busy.input || busy.parse || busy.render;
  if (any) els.view.setAttribute('aria-busy', 'true');
  else els.view.removeAttribute('aria-busy');
}
/**
 * Texts longer than this (UTF-16 units) are parsed in a worker, off the main
 * thread, and the text box is closed while they are shown: laying out a 1 MB
 * text box takes the browser half a second or more, in one piece, on every
 * change. "Edit the text" opens it.
 */
const BIG_TEXT = 100000;
/** The user opened the text box of the long text of document `editingLong` to edit it. */
let editingLong = null;
/** The text box's length after the last input event (a big change is a paste, not typing). */
let boxLength = 0;

/** A text's size for people: "134 KB", "1.0 MB". */
const megabytes = (n) => (n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);

/** Opens or closes the text box for a text of `n` UTF-16 units, before it is laid out. */
function fitTextBox(n) {
  const close = n > BIG_TEXT && (!editingLong || editingLong !== state.currentId);
  if (close) els.bigTextSize.textContent = megabytes(n);
  if (close === els.text.hidden) return;
  const focused = document.activeElement === els.text;
  els.text.hidden = close;
  els.bigText.hidden = !close;
  if (close && focused) els.editText.focus();
}

/** Sets the text box (closed first when the text is long: it is never laid out then). */
function setTextBox(text) {
  fitTextBox(text.length);
  if (els.text.value !== text) els.text.value = text;
  boxLength = text.length;
}

/** Parses and renders the current document (when its text changed), then everything around it. */
function showCurrent() {
  const doc = currentDoc();
  const text = doc ? state.texts[doc.id] ?? '' : '';
  setTextBox(text);
  if (text !== shownText) {
    shownText = text;
    const token = ++analysisToken;
    if (text.length > BIG_TEXT) {
      setBusy('parse', true);
      setAnalysis(doc, text, null);
      const started = performance.now();
      const tick = setInterval(() => {
        if (token === analysisToken && busy.parse) els.summary.textContent = `Reading the text (${megabytes(text.length)})… ${Math.round((performance.now() - started) / 1000)} s`;
      }, 1000);
      const finish = () => {
        clearInterval(tick);
        if (token === analysisToken) setBusy('parse', false);
      };
      analyzeAsync(text).then((analysis) => {
        finish();
        if (token !== analysisToken) return;
        setAnalysis(doc, text, analysis);
        // The outline and the panels once the first screens of the view are painted.
        afterPaint(() => token === analysisToken && showAnalysis());
      }, (e) => {
        finish();
        if (token === analysisToken) showError(`The text could not be read: ${e.message ?? e}`);
      });
      showAnalysis(true);
      return;
    }
    setBusy('parse', false);
    let analysis = null;
    try {
      analysis = text.trim() ? core.analyze(text) : null;
    } catch (e) {
      showError(`The text could not be read: ${e.message ?? e}`);
    }
    setAnalysis(doc, text, analysis);
  }
  showAnalysis();
}

function setAnalysis(doc, text, analysis) {
  state.analysis = analysis;
  state.labels = new Map();
  for (const n of analysis?.view.nodes ?? []) if (n.k === 'answer') state.labels.set(n.id, n.label);
  if (doc && !doc.named && analysis) doc.name = docName(analysis, text);
  setBusy('render', true);
  renderView(analysis?.view.nodes ?? [], els.view, decorate).then((complete) => {
    if (!complete) return;
    setBusy('render', false);
    refreshAll();
  });
}

/** The summary, buttons, outline and panels for the current analysis. */
function showAnalysis(pending = false) {
  const a = state.analysis?.annotations;
  if (pending) {
    els.summary.textContent = `Reading the text (${megabytes(shownText.length)})…`;
  } else if (!a) {
    els.summary.textContent = currentDoc() ? 'No text in this document: paste the text of Kamervragen.' : 'Paste the text of Kamervragen to begin.';
  } else {
    const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
    els.summary.textContent = `${a.questions.length} questions, ${a.answers.length} answers, ${n(a.dates.length, 'date', 'dates')}, ${n(a.references.length, 'reference', 'references')}`;
  }
  showNotice(pending ? [] : textNotices(shownText ?? '', a));
  for (const b of [els.exportJson, els.exportW3c, els.exportCsv]) b.disabled = !a;
  document.body.classList.toggle('has-doc', Boolean(a));
  document.title = currentDoc() ? `${currentDoc().name} · Kamervragen Annotator` : 'Kamervragen Annotator';
  renderOutline(els);
  refreshAll();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What the user should know about how the text was read: characters that
 * could not be read (lone surrogates, which the parser replaces by U+FFFD, and
 * U+FFFD already in the text, e.g. from a binary file), and a text in which no
 * question or answer was found (the parser's diagnostic).
 */
function textNotices(text, a) {
  const out = [];
  if (!a) return out;
  const lone = text.match(LONE_SURROGATE)?.length ?? 0;
  const bad = lone + (text.match(/\uFFFD/g)?.length ?? 0);
  if (bad) {
    out.push(`${bad} character${bad === 1 ? '' : 's'} could not be read${lone ? ' (broken UTF-16, replaced by �)' : ' and show as �'}: is this a text file?`);
  }
  if (!a.questions.length && !a.answers.length) {
    const diag = a.diagnostics.find((x) => /question or answer/i.test(x.message));
    out.push(`${diag?.message ?? 'No question or answer headings were recognised'}. Is this the text of Kamervragen with answers?`);
  }
  return out;
}

function showNotice(lines) {
  els.notice.replaceChildren(...lines.map((l) => h('span', null, l)));
  els.notice.hidden = !lines.length;
}

/** Everything that depends on tags, the tag set or the document list. */
function refreshAll() {
  refreshTags(els.view);
  renderDocList(els.docList);
  renderTagSet(els.tagset, els.suggestions);
  renderUnplaced(els.unplacedPanel, els.unplaced);
  els.undo.disabled = !canUndo();
  els.redo.disabled = !canRedo();
  markCurrent();
}

setOnChange((change) => {
  save(state, { meta: true, ann: change.docs });
  refreshAll();
  announce(change.label);
});

function decorate(el, mark) {
  if (mark.k === 'answer') el.append(tagBar(mark.id));
}

// ---- the text box: typing edits, a new paste starts a new document ----

let replacingAll = false;
let inputTimer = 0;
els.text.addEventListener('beforeinput', (e) => {
  const t = els.text;
  replacingAll = t.value.length > 0 && t.selectionStart === 0 && t.selectionEnd === t.value.length && e.inputType.startsWith('insert');
});
/** Applies the text box's content: an edit, a new document, or an emptied box. */
function onText() {
  clearTimeout(inputTimer);
  inputTimer = 0;
  setBusy('input', false);
  const text = els.text.value;
  const doc = currentDoc();
  if (!text.trim()) {
    // Emptied: the document keeps its text; the next paste starts a new one.
    if (doc && !(state.texts[doc.id] ?? '').trim()) state.texts[doc.id] = text;
    else state.currentId = null;
    replacingAll = false;
    showCurrent();
    save(state, { meta: true });
    return;
  }
  if (!doc || (replacingAll && (state.texts[doc.id] ?? '').trim())) {
    createDoc(text);
    replacingAll = false;
    showCurrent();
    save(state, { meta: true, texts: [state.currentId], ann: [state.currentId] });
    announce(`New document: ${currentDoc().name}`);
    return;
  }
  if (state.texts[doc.id] === text) return showAnalysis(busy.parse);
  state.texts[doc.id] = text;
  showCurrent();
  save(state, { meta: true, texts: [doc.id] });
}

// A paste is one input event, but some ways of inserting text (and quick
// typing) send many: short texts and pastes are applied at once, small edits
// of long texts once the burst is over.
let lastInput = -1e9;
els.text.addEventListener('input', () => {
  clearTimeout(inputTimer);
  const n = els.text.value.length;
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
    els.summary.textContent = `Reading the text (${megabytes(n)})…`;
  }
});

// A long paste is put in the box by the page, not the browser: the browser
// would lay the whole text out in one long task before the input event.
els.text.addEventListener('paste', (e) => {
  const t = els.text;
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
els.text.addEventListener('drop', (e) => {
  const dropped = e.dataTransfer?.files.length ? '' : e.dataTransfer?.getData('text/plain') ?? '';
  if (dropped.length <= BIG_TEXT) return;
  e.preventDefault();
  e.stopPropagation();
  openText(dropped);
});

els.editText.addEventListener('click', () => {
  editingLong = state.currentId;
  fitTextBox(els.text.value.length);
  els.text.focus();
});

/** A text from a file or a drop: a new document unless the current one is empty. */
function openText(text) {
  clearError();
  const doc = currentDoc();
  if (doc && !(state.texts[doc.id] ?? '').trim()) state.texts[doc.id] = text;
  else createDoc(text);
  showCurrent();
  save(state, { meta: true, texts: [state.currentId], ann: [state.currentId] });
  announce(`Opened: ${currentDoc().name}`);
}

async function openFile(file) {
  if (!file) return;
  if (/\.json$/i.test(file.name) || file.type === 'application/json') return importAnnotations(file);
  if (file.size > MAX_FILE) return showError(`The file is too large (${Math.ceil(file.size / 1048576)} MB); texts up to ${MAX_FILE / 1048576} MB can be opened.`);
  openText(await file.text());
}

els.openFile.addEventListener('change', async () => {
  await openFile(els.openFile.files[0]);
  els.openFile.value = '';
});

document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  openFile(file);
});

els.newDoc.addEventListener('click', () => {
  state.currentId = null;
  showCurrent();
  save(state, { meta: true });
  els.text.focus();
  announce('New document: paste or open a text');
});

// ---- document list ----

els.docList.addEventListener('click', (e) => {
  const btn = e.target.closest('button');
  const id = btn?.dataset.doc;
  if (!id) return;
  const doc = state.docs.find((d) => d.id === id);
  if (btn.classList.contains('doc-open')) {
    switchTo(id);
    announce(`Document ${doc.name}`);
  } else if (btn.classList.contains('doc-delete')) {
    if (!window.confirm(`Delete “${doc.name}” with its tags and notes? This cannot be undone.`)) return;
    state.docs = state.docs.filter((d) => d.id !== id);
    delete state.texts[id];
    delete state.ann[id];
    dropHistory(id);
    forget(id);
    if (state.currentId === id) state.currentId = state.docs[0]?.id ?? null;
    showCurrent();
    save(state, { meta: true });
    announce(`Deleted ${doc.name}`);
  } else if (btn.classList.contains('doc-rename')) {
    const li = btn.closest('li');
    const input = h('input', { value: doc.name, 'aria-label': 'Document name', className: 'doc-name-input', maxLength: 120 });
    li.replaceChildren(input);
    input.focus();
    input.select();
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      const name = input.value.replace(/\s+/g, ' ').trim();
      if (ok && name && name !== doc.name) {
        doc.name = name;
        doc.named = true;
        save(state, { meta: true });
        announce(`Renamed to ${name}`);
      }
      renderDocList(els.docList);
      els.docList.querySelector(`[data-doc="${CSS.escape(id)}"].doc-rename`)?.focus();
    };
    input.addEventListener('keydown', (k) => {
      if (k.key !== 'Enter' && k.key !== 'Escape') return;
      k.preventDefault(); // else the key would press the button that gets the focus
      finish(k.key === 'Enter');
    });
    input.addEventListener('blur', () => finish(true));
  }
});

// ---- tagging in the view ----

function answerOf(el) {
  return el?.closest?.('.m-answer[role="region"]') ?? null;
}

function markCurrent() {
  for (const el of els.view.querySelectorAll('.m-answer.current')) el.classList.remove('current');
  if (state.currentAnswer) $(state.currentAnswer)?.classList.add('current');
}

function setCurrent(id) {
  state.currentAnswer = id;
  markCurrent();
}

function addFromInput(input) {
  const id = input.dataset.answer;
  if (input.value.trim() && addTag(id, input.value)) input.value = '';
  else if (input.value.trim()) announce(`${state.labels.get(id)}: already has tag ${cleanTagName(input.value)}`);
  input.focus();
}

els.view.addEventListener('keydown', (e) => {
  if (e.target.classList.contains('tag-input') && e.key === 'Enter') {
    e.preventDefault();
    addFromInput(e.target);
  }
});

let noteStart = '';
els.view.addEventListener('focusin', (e) => {
  const region = answerOf(e.target);
  if (region) setCurrent(region.id);
  if (e.target.classList.contains('note')) noteStart = e.target.value;
});
let noteTimer = 0;
els.view.addEventListener('input', (e) => {
  if (!e.target.classList.contains('note')) return;
  // Saved at once (without an undo step per keystroke; the edit as a whole is one).
  const ann = currentAnn();
  const id = e.target.dataset.answer;
  if (e.target.value) ann.notes[id] = e.target.value;
  else delete ann.notes[id];
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => save(state, { ann: [state.currentId] }), 250);
});
els.view.addEventListener('change', (e) => {
  if (!e.target.classList.contains('note')) return;
  const id = e.target.dataset.answer;
  const value = e.target.value;
  const ann = currentAnn();
  if (noteStart) ann.notes[id] = noteStart;
  else delete ann.notes[id];
  setNote(id, value);
  noteStart = value;
});

els.view.addEventListener('click', (e) => {
  const region = answerOf(e.target);
  if (region) setCurrent(region.id);
  const btn = e.target.closest('button');
  if (btn?.classList.contains('chip-x')) {
    const bar = btn.closest('.tagbar');
    removeTag(btn.dataset.answer, btn.dataset.tag);
    bar?.querySelector('.tag-input')?.focus();
    return;
  }
  if (btn?.classList.contains('tag-add')) return addFromInput(btn.parentElement.querySelector('.tag-input'));
  const link = e.target.closest('a');
  if (!link) return;
  if (link.dataset.back) {
    e.preventDefault();
    const back = lastMarker.get(link.dataset.back) ?? els.view.querySelector(`a[href="#${CSS.escape(link.dataset.back)}"]`);
    if (back) jumpTo(back);
  } else if (link.getAttribute('href')?.startsWith('#')) {
    e.preventDefault();
    const target = $(link.getAttribute('href').slice(1));
    if (!target) return;
    if (target.dataset.fn) lastMarker.set(target.dataset.fn, link);
    jumpTo(target);
  }
});

const lastMarker = new Map();

/**
 * Scrolls `el` to the centre. Blocks are laid out when they come on screen
 * (content-visibility: auto), so the ones around a far target get their real
 * height only in the frames after it is scrolled to, and push it away: it is
 * scrolled again until it has stayed put for 3 frames (20 at most), unless
 * the user scrolls, clicks or types first.
 */
let stopSettling = () => {};
function scrollToCentre(el) {
  stopSettling();
  const onScreen = () => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  el.scrollIntoView({ block: 'center' });
  let top = el.getBoundingClientRect().top;
  let frames = 20;
  let still = 0;
  const USER = ['wheel', 'pointerdown', 'touchstart', 'keydown'];
  const stop = () => {
    frames = 0;
    for (const type of USER) removeEventListener(type, stop, true);
  };
  for (const type of USER) addEventListener(type, stop, { capture: true, passive: true });
  stopSettling = stop;
  const check = () => {
    if (!el.isConnected || --frames <= 0) return stop();
    const now = el.getBoundingClientRect().top;
    if (Math.abs(now - top) < 1 && onScreen()) {
      if (++still >= 3) return stop();
    } else {
      still = 0;
      el.scrollIntoView({ block: 'center' });
      top = el.getBoundingClientRect().top;
    }
    requestAnimationFrame(() => setTimeout(check, 0));
  };
  requestAnimationFrame(() => setTimeout(check, 0));
}

function jumpTo(el) {
  if (!el.matches('a[href], [tabindex], input, button, textarea, select')) el.tabIndex = -1;
  scrollToCentre(el);
  el.focus({ preventScroll: true });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

els.pairs.addEventListener('click', (e) => {
  const a = e.target.closest('[data-jump]');
  if (!a) return;
  e.preventDefault();
  const el = $(a.dataset.jump);
  if (el) {
    setCurrent(el.id);
    jumpTo(el);
  }
});

// ---- keyboard ----

function isTextField(el) {
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(el.type);
}

function answerIds() {
  return state.analysis?.annotations.answers.map((a) => a.id) ?? [];
}

function moveAnswer(step) {
  const ids = answerIds();
  if (!ids.length) return announce('No answers in this document');
  const at = ids.indexOf(state.currentAnswer);
  const next = ids[Math.max(0, Math.min(ids.length - 1, at < 0 ? (step > 0 ? 0 : ids.length - 1) : at + step))];
  const el = $(next);
  if (!el) return;
  setCurrent(next);
  jumpTo(el);
}

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.key === 'Escape' && isTextField(e.target) && answerOf(e.target)) {
    answerOf(e.target).focus();
    return;
  }
  if (isTextField(e.target)) return; // the browser's own editing and undo
  if (mod && !e.altKey && (key === 'z' || key === 'y')) {
    e.preventDefault();
    if (key === 'y' || e.shiftKey) redo();
    else undo();
    return;
  }
  if (mod || e.altKey || els.help.open) return;
  if (key === 'j' || key === 'k') {
    e.preventDefault();
    moveAnswer(key === 'j' ? 1 : -1);
  } else if (/^[1-9]$/.test(key)) {
    const tag = state.tagSet.find((t) => t.key === key);
    if (!tag) return announce(`No tag on key ${key}`);
    if (!state.currentAnswer || !$(state.currentAnswer)) return announce('No answer selected: press j to go to the first answer');
    e.preventDefault();
    toggleTag(state.currentAnswer, tag.name);
  } else if (e.key === '?') {
    e.preventDefault();
    els.help.showModal();
  } else if ((key === 't' || key === 'n') && state.currentAnswer) {
    const field = $(state.currentAnswer)?.querySelector(key === 't' ? '.tag-input' : '.note');
    if (field) {
      e.preventDefault();
      field.focus();
    }
  }
});

els.undo.addEventListener('click', () => undo());
els.redo.addEventListener('click', () => redo());
els.helpOpen.addEventListener('click', () => els.help.showModal());
els.helpClose.addEventListener('click', () => els.help.close());

// ---- legend ----

els.legend.addEventListener('change', (e) => {
  const cat = e.target.dataset.cat;
  if (cat) els.view.classList.toggle(`off-${cat}`, !e.target.checked);
});

// ---- tag set editor ----

els.tagNew.addEventListener('submit', (e) => {
  e.preventDefault();
  if (addToSet(els.tagNewName.value)) els.tagNewName.value = '';
});
els.tagset.addEventListener('change', (e) => {
  const row = e.target.closest('.tagrow');
  const field = e.target.dataset.field;
  if (!row || !field) return;
  const name = row.dataset.tag;
  if (!editTag(name, field, e.target.value)) {
    if (field === 'name') {
      e.target.value = name;
      announce('That name is empty or already in the set');
    }
    return;
  }
  if (field === 'name') {
    // Labels name the tag: rebuild the rows, keep the focus on the name.
    renderTagSet(els.tagset, els.suggestions, true);
    els.tagset.querySelector(`[data-tag="${CSS.escape(cleanTagName(e.target.value))}"] [data-field="name"]`)?.focus();
  }
  if (field === 'color') row.style.setProperty('--tag', e.target.value);
});
els.tagset.addEventListener('focusout', (e) => {
  if (!els.tagset.contains(e.relatedTarget)) setTimeout(() => renderTagSet(els.tagset, els.suggestions));
});
els.tagset.addEventListener('click', (e) => {
  const btn = e.target.closest('.tag-remove');
  if (btn) {
    removeFromSet(btn.closest('.tagrow').dataset.tag);
    renderTagSet(els.tagset, els.suggestions);
  }
});
els.preset.addEventListener('click', () => loadPreset());
els.tagsetExport.addEventListener('click', () => saveFile('tag-set.json', tagSetJson(state.tagSet)));
els.tagsetImport.addEventListener('change', async () => {
  const file = els.tagsetImport.files[0];
  els.tagsetImport.value = '';
  if (!file) return;
  try {
    const tags = readTagSet(await readJson(file));
    clearError();
    commit(`tag set imported (${tags.length} tags)`, [], () => mergeTagSet(tags));
  } catch (e) {
    showError(`Tag set not imported: ${e.message}`);
  }
});

// ---- import and export ----

async function importAnnotations(file) {
  let result;
  try {
    const json = await readJson(file);
    // A file for another of the stored documents goes to that document.
    const home = state.docs.find((d) => d.id !== state.currentId && state.texts[d.id] === json?.document?.text);
    if (home) switchTo(home.id);
    result = placeAnnotations(json, state.texts[state.currentId] ?? '');
  } catch (e) {
    showError(`Import failed: ${String(e.message ?? e).replace(/\.$/, '')}. Nothing was changed.`);
    return;
  }
  clearError();
  const doc = currentDoc();
  const docText = doc ? state.texts[doc.id] ?? '' : '';
  let id = doc?.id;
  if (!doc || !docText.trim()) {
    if (doc) state.texts[doc.id] = result.text;
    else id = createDoc(result.text);
    showCurrent();
    save(state, { meta: true, texts: [id] });
  }
  const replace = result.same_text;
  commit(`annotations imported from ${file.name}`, [id], () => {
    mergeTagSet(result.tag_set);
    const ann = (state.ann[id] ??= newAnn());
    if (replace) {
      ann.tags = {};
      ann.notes = {};
    }
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
  save(state, { meta: true, ann: [id] });
  refreshAll();
  const tags = result.placed.reduce((n, p) => n + p.tags.length, 0);
  const moved = result.placed.filter((p) => p.how !== 'id').length;
  els.summary.textContent += ` · imported ${tags} tags on ${result.placed.length} answers${moved ? ` (${moved} re-anchored by quote)` : ''}${result.unplaced.length ? `; ${result.unplaced.length} could not be placed (see Unplaced tags)` : ''}`;
  announce(`Imported ${tags} tags${result.unplaced.length ? `, ${result.unplaced.length} unplaced` : ''}`);
}

els.importFile.addEventListener('change', async () => {
  const file = els.importFile.files[0];
  els.importFile.value = '';
  if (file) await importAnnotations(file);
});

els.unplaced.addEventListener('click', (e) => {
  const btn = e.target.closest('.unplaced-dismiss');
  if (!btn) return;
  const { orphan } = btn.dataset;
  const i = Number(btn.dataset.index);
  commit('unplaced tags dismissed', [state.currentId], () => {
    const ann = currentAnn();
    if (orphan) {
      delete ann.tags[orphan];
      delete ann.notes[orphan];
    } else ann.unplaced.splice(i, 1);
  });
});

els.error.addEventListener('click', (e) => {
  if (e.target.closest('.banner-close')) clearError();
});

function exportWith(fn) {
  const a = state.analysis?.annotations;
  if (a) fn(a, currentAnn());
}
els.exportJson.addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'json'), annotationJson(a, ann, state.tagSet))));
els.exportW3c.addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'w3c.jsonld'), w3cJson(a, ann), 'application/ld+json')));
els.exportCsv.addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'csv'), csvText(a, ann, currentDoc()?.name), 'text/csv;charset=utf-8')));

// ---- start ----

await loadCore();
const saved = loadSaved();
if (saved) {
  state.docs = saved.docs.filter((d) => d && typeof d.id === 'string');
  state.texts = saved.texts;
  for (const d of state.docs) state.ann[d.id] = { ...newAnn(), ...(saved.ann[d.id] ?? {}) };
  state.tagSet = saved.tagSet;
  state.currentId = state.docs.some((d) => d.id === saved.currentId) ? saved.currentId : null;
}
showCurrent();

// The first parse compiles the parser's patterns and warms its code up (tens
// of ms): done once the page is idle, on a short made-up text that has every
// kind of part, so that the first paste is quick. Then the worker for long
// texts is started the same way.
const WARM_UP = `Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024
Aanhangsel van de Handelingen

1234

Vragen van de leden Jansen (VVD) en De Vries (D66) aan de Minister van Financiën en de Staatssecretaris van Justitie en Veiligheid over de belasting op auto’s (ingezonden 8 augustus 2024).

Antwoord van Minister Klever (Financiën), mede namens de Staatssecretaris van Justitie en Veiligheid (ontvangen 3 september 2024).

Vraag 1
Kent u het bericht «Belasting omhoog» van 31 juli jl. en de motie-Jansen (Kamerstuk 21 501-20, nr. 2068)?1

Antwoord 1
Ja, zie https://www.rijksoverheid.nl/a-b en het antwoord op vraag 2. Zie artikel 3, eerste lid, van de Wet op de omzetbelasting 1968, Verordening (EU) 2019/2144 en ECLI:NL:RVS:2024:3946.

Vraag 2, 3
Bent u bereid vóór 1 januari 2025 de Kamer te informeren (Handelingen II 2023/24, nr. 12, item 4)?

Antwoord 2 en 3
Ik verwijs naar mijn brief van 12 maart 2024 (Kamerstuk 36 200 IX, nr. 5) en Stb. 2023, 45.

1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068
ah-tk-20232024-1234
`;
const whenIdle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(() => fn(null), 200));
let warmRuns = 0;
const warmParser = (idle) => {
  // About 10 runs get the hot code optimised (the first paste then parses the seed in ~2 ms, not ~10).
  do {
    try {
      core.analyze(WARM_UP);
    } catch { /* shown when a real text fails */ }
  } while (++warmRuns < 10 && idle?.timeRemaining() > 8);
  if (warmRuns < 10) return whenIdle(warmParser);
  whenIdle(warmFonts);
  // The worker's code is optimised the same way (its first 1 MB parse: ~30% quicker).
  whenIdle(() => {
    for (let i = 0; i < 10; i++) analyzeAsync(WARM_UP).catch(() => {});
  });
};
whenIdle(warmParser);

/**
 * The browser looks up the view's fonts (serif, bold, italic, the sizes of
 * footnotes and markers, fallbacks for ’ – ↳) the first time they are laid
 * out: 50–100 ms of the first paste. A hidden sample of them is laid out
 * while idle, then removed.
 */
function warmFonts() {
  if (document.hidden) return;
  const span = (className, text) => h('span', { className }, text);
  const box = h('div', { className: 'font-warm', 'aria-hidden': 'true' },
    span('m-heading', 'Vraag 1 ↳ ?'), ' Kent u het bericht «Belasting» van 31 juli jl.? Ja, zie Kamerstuk 21 501-20 ↗ – ’s ë é ï ½ € …',
    span('m-date', '3 september 2024'), span('m-reference', 'nr. 2068'), span('m-reference m-reference--footnote-marker', '1'),
    span('m-furniture', 'Aanhangsel van de Handelingen'), span('m-footnote', '1 Tweede Kamer ↩'),
    h('span', { className: 'tagbar' }, 'Add tag… Note…', span('chip', 'toezegging'), h('kbd', null, '1')));
  document.body.append(box);
  requestAnimationFrame(() => setTimeout(() => box.remove(), 0));
}
window.addEventListener('pagehide', () => inputTimer && onText());
window.addEventListener('pagehide', () => save(state, { meta: true, ann: state.currentId ? [state.currentId] : [] }));
document.documentElement.dataset.ready = 'true';
