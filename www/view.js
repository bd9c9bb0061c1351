// The current document on screen: its parse (here for short texts, in the
// worker for long ones), the annotated view, the summary line, the notices
// about how the text was read, the outline, the legend toggles and
// everything that follows the state (refreshAll). It only reads the state.
import { core } from './core.js';
import { analyzeAsync } from './jobs.js';
import { afterPaint, renderView } from './render.js';
import { state, canRedo, canUndo, currentAnn, currentDoc, currentText, setAnalysis } from './state.js';
import { coreCorrections } from './reader.js';
import { $, h, tagBar, refreshTags, renderOutline, renderUnplaced } from './ui.js';
import { codeBar, renderCodebook } from './codebook.js';
import { nameOf, renderDocs } from './documents.js';
import { docInfo, docName } from './reader.js';
import { showError } from './messages.js';
import { renderFixes } from './corrections.js';
import { linkMarkers, renderNotes } from './reading.js';
import { lang, onLangChange, t } from './i18n.js';

const viewEls = {
  view: $('doc-view'), summary: $('summary'), notice: $('text-notice'), legend: $('legend'),
  exportJson: $('export-json'), exportW3c: $('export-w3c'), exportCsv: $('export-csv'),
  exportAll: [$('export-all-json'), $('export-all-jsonl'), $('export-all-csv')], undo: $('undo'), redo: $('redo'),
  meta: $('meta'), pairs: $('pairs'), diagnostics: $('diagnostics'),
  unplacedPanel: $('unplaced-panel'), unplaced: $('unplaced'), tagset: $('tagset'), suggestions: $('tag-suggestions'),
};

/**
 * Texts longer than this (UTF-16 units) are parsed in a worker, off the main
 * thread, and the text box is closed while they are shown: laying out a 1 MB
 * text box takes the browser half a second or more, in one piece, on every
 * change. "Edit the text" opens it.
 */
export const BIG_TEXT = 100000;

/** A text's size for people: "134 KB", "1.0 MB" ("1,0 MB" in Dutch). */
export const megabytes = (n) => (n < 1048576 ? `${Math.round(n / 1024)} KB`
  : `${(n / 1048576).toLocaleString(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`);

let shownText = null;
/** The corrections the view was parsed with (JSON): a change parses again. */
let shownFixes = '';
let analysisToken = 0;
/** Work in progress on the view: a deferred paste, a parse in the worker, a render. */
export const busy = { input: false, parse: false, render: false };
/** `#doc-view[aria-busy="true"]` (and "Reading the text…") until the view is complete. */
export function setBusy(what, on) {
  busy[what] = on;
  const any = busy.input || busy.parse || busy.render;
  if (any) viewEls.view.setAttribute('aria-busy', 'true');
  else viewEls.view.removeAttribute('aria-busy');
}

/** "Reading the text (1.2 MB)…" while a long text waits to be read. */
export function showReading(n) {
  viewEls.summary.textContent = t('view.reading', { size: megabytes(n) });
}

/** Parses and renders the current document (when its text changed), then everything around it. */
export function showCurrent() {
  const text = currentText();
  const fixes = currentAnn()?.corrections ?? [];
  if (text !== shownText || JSON.stringify(fixes) !== shownFixes) {
    shownText = text;
    shownFixes = JSON.stringify(fixes);
    const token = ++analysisToken;
    if (text.length > BIG_TEXT) {
      setBusy('parse', true);
      applyAnalysis(text, null);
      const started = performance.now();
      const tick = setInterval(() => {
        if (token === analysisToken && busy.parse) viewEls.summary.textContent = t('view.readingFor', { size: megabytes(text.length), s: Math.round((performance.now() - started) / 1000) });
      }, 1000);
      const finish = () => {
        clearInterval(tick);
        if (token === analysisToken) setBusy('parse', false);
      };
      analyzeAsync(text, fixes).then((analysis) => {
        finish();
        if (token !== analysisToken) return;
        applyAnalysis(text, analysis);
        // The outline and the panels once the first screens of the view are painted.
        afterPaint(() => token === analysisToken && showAnalysis());
      }, (e) => {
        finish();
        if (token === analysisToken) showError(() => t('view.unreadable', { why: e.message ?? e }));
      });
      showAnalysis(true);
      return;
    }
    setBusy('parse', false);
    let analysis = null;
    try {
      analysis = text.trim() ? core.analyze(text, coreCorrections(core, fixes)) : null;
    } catch (e) {
      showError(() => t('view.unreadable', { why: e.message ?? e }));
    }
    applyAnalysis(text, analysis);
  }
  showAnalysis();
}

function applyAnalysis(text, analysis) {
  const kept = keptInView();
  setAnalysis(analysis, analysis && docName(analysis.annotations, text), analysis && docInfo(analysis.annotations, text));
  setBusy('render', true);
  renderNotes(analysis?.view.nodes);
  renderView(analysis?.view.nodes ?? [], viewEls.view, decorate).then((complete) => {
    if (!complete) return;
    linkMarkers();
    setBusy('render', false);
    refreshAll();
    restoreInView(kept);
    viewEls.view.dispatchEvent(new Event('drawn')); // what waits for the view (corrections.js: the focus)
  });
}

/**
 * What a new drawing of the view (an undo, a correction) must not lose: where
 * the focus was (its question or answer, else its place in the text) and
 * words typed in an "Add tag" field and not yet added.
 */
function keptInView() {
  const el = document.activeElement;
  const inView = el && el !== viewEls.view && viewEls.view.contains(el);
  const at = inView ? el.closest('[role="region"]') ?? el.closest('[data-s]') : null;
  const drafts = [...viewEls.view.querySelectorAll('.tagbar')].map((bar) => [bar.dataset.answer, bar.querySelector('.tag-input')?.value]).filter(([, v]) => v);
  return { focus: at && { id: at.getAttribute('role') === 'region' ? at.id : null, s: Number(at.dataset.s) }, drafts };
}

function restoreInView(kept) {
  for (const [id, value] of kept.drafts) {
    const input = viewEls.view.querySelector(`.tagbar[data-answer="${CSS.escape(id)}"] .tag-input`);
    if (input && !input.value) input.value = value;
  }
  const lost = document.activeElement === document.body || !document.activeElement?.isConnected;
  if (!kept.focus || !lost) return;
  const blocks = [...viewEls.view.querySelectorAll('[role="region"]')];
  // The same block, else the one now at that place in the text.
  ((kept.focus.id && blocks.find((b) => b.id === kept.focus.id)) ?? blocks.findLast((b) => Number(b.dataset.s) <= kept.focus.s) ?? blocks[0])?.focus();
}

/**
 * A block read otherwise than its printed heading says (a correction: a
 * split-off part with no heading, other numbers, a question made an answer)
 * shows what it is now above its text (data-label, drawn by the CSS: not
 * part of the text, nor of a copy).
 */
function labelIfChanged(el, mark) {
  const head = el.querySelector('.m-heading')?.textContent ?? '';
  const digits = (s) => (s.match(/\d+/g) ?? []).join(' ');
  const word = /[a-z]/i.test(head) && !(mark.k === 'answer' ? /^\W*antw/i : /^\W*vr/i).test(head);
  if (!head || digits(head) !== digits(mark.label ?? '') || word) el.dataset.label = mark.label;
}

function decorate(el, mark) {
  labelIfChanged(el, mark);
  if (mark.k === 'answer') el.append(tagBar(mark.id));
  if (mark.k === 'question' && mark.id) el.append(codeBar(mark.id)); // the codes of level question (codebook.js)
}

/** The summary, buttons, outline and panels for the current analysis. */
export function showAnalysis(pending = false) {
  const a = state.analysis?.annotations;
  if (pending) {
    showReading(shownText.length);
  } else if (!a) {
    viewEls.summary.textContent = currentDoc() ? t('view.emptyDoc') : t('view.begin');
  } else {
    viewEls.summary.textContent = t('view.summary', { q: a.questions.length, a: a.answers.length, d: a.dates.length, r: a.references.length });
  }
  showNotice(pending ? [] : textNotices(shownText ?? '', a));
  for (const b of [viewEls.exportJson, viewEls.exportW3c, viewEls.exportCsv]) b.disabled = !a;
  document.body.classList.toggle('has-doc', Boolean(a));
  document.title = currentDoc() ? `${nameOf(currentDoc())} · Kamervragen Annotator` : 'Kamervragen Annotator';
  renderOutline(viewEls);
  refreshAll();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What the user should know about how the text was read: characters that
 * could not be read (lone surrogates, which the parser replaces by U+FFFD, and
 * U+FFFD already in the text, e.g. from a binary file), and a text in which no
 * question or answer was found (the parser's diagnostic, by its code).
 */
function textNotices(text, a) {
  const out = [];
  if (!a) return out;
  const lone = text.match(LONE_SURROGATE)?.length ?? 0;
  const bad = lone + (text.match(/\uFFFD/g)?.length ?? 0);
  if (bad) {
    out.push(t('view.badChars', { n: bad, lone }));
  }
  if (!a.questions.length && !a.answers.length) out.push(t('view.noHeadings'));
  return out;
}

function showNotice(lines) {
  viewEls.notice.replaceChildren(...lines.map((l) => h('span', null, l)));
  viewEls.notice.hidden = !lines.length;
}

/** Everything that depends on tags, the tag set or the document list. */
export function refreshAll() {
  refreshTags(viewEls.view);
  renderDocs();
  renderCodebook();
  renderUnplaced(viewEls.unplacedPanel, viewEls.unplaced);
  renderFixes();
  const any = state.docs.some((d) => (state.texts[d.id] ?? '').trim());
  for (const b of viewEls.exportAll) b.disabled = !any;
  // A button that is disabled under the focus hands it to the other (the last undo: to Redo).
  const had = document.activeElement;
  viewEls.undo.disabled = !canUndo();
  viewEls.redo.disabled = !canRedo();
  if (had === viewEls.undo && viewEls.undo.disabled) viewEls.redo.focus();
  if (had === viewEls.redo && viewEls.redo.disabled) viewEls.undo.focus();
  markCurrent();
}

/** Marks the current answer. */
export function markCurrent() {
  for (const el of viewEls.view.querySelectorAll('.m-answer.current')) el.classList.remove('current');
  if (state.currentAnswer) $(state.currentAnswer)?.classList.add('current');
}

// A switch of language: the summary, notices, outline and panels drawn again,
// and the words the view itself carries (footnotes' way back; the tag bars'
// words are data-t marked: i18n.setLang words them).
onLangChange(() => {
  showAnalysis(busy.parse);
  for (const el of viewEls.view.querySelectorAll('.fn-back')) el.setAttribute('aria-label', t('view.back'));
});

viewEls.legend.addEventListener('change', (e) => {
  const cat = e.target.dataset.cat;
  if (cat) viewEls.view.classList.toggle(`off-${cat}`, !e.target.checked);
});
