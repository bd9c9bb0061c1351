// Corrections of the parse (issue 15): the toolbar above the view, the
// Delete key on a focused date or reference and "Remove highlight" in its
// card (markcard.js), the dialog that asks for a date, a reference, numbers
// or what a split-off part is, and the list of corrections that could not be
// placed. After a correction the focus goes to the place corrected. A selection becomes an offset as the text node's start (from
// the render tree, render.textStart) plus the offset within the node; the
// core makes the anchor (quote, context, code points) and applies the list
// (core.analyze). Every correction is one undoable step (state.setCorrections),
// saved at once; the tags of a block whose id changes follow it.
import { core } from './core.js';
import { state, currentAnn, currentText, setCorrections } from './state.js';
import { textStart } from './render.js';
import { coreCorrections } from './reader.js';
import { $, h } from './ui.js';
import { announce } from './messages.js';
import { errorText, t } from './i18n.js';
import { CARD_MARKS, setRemover } from './markcard.js';

const fixView = $('doc-view');
const fixBar = $('fix-bar');
const fixDialog = $('fix-dialog');

/** The last selection (or caret) in the view: UTF-16 {start, end, block}; the block last focused or selected in. */
let fixSelection = null;
let fixLastBlock = null;

/** The UTF-16 offset of a DOM position in the view, or null when it is not in the view's text. */
function fixOffsetOf(node, offset) {
  const start = textStart(node);
  return start === undefined ? null : start + offset;
}

document.addEventListener('selectionchange', () => {
  const sel = document.getSelection();
  placeAdder();
  if (!sel || !sel.rangeCount || !fixView.contains(sel.anchorNode)) {
    fixSelection = null; // gone, or elsewhere (a field, the text box)
    return;
  }
  const r = sel.getRangeAt(0);
  const start = fixOffsetOf(r.startContainer, r.startOffset);
  const end = fixOffsetOf(r.endContainer, r.endOffset);
  if (start === null || end === null) return;
  fixSelection = { start, end, block: fixBlockOf(r.startContainer.parentElement) };
  fixLastBlock = fixSelection.block ?? fixLastBlock;
});
/**
 * Words selected in the view get "Mark as date" and "Mark as reference"
 * beside them (as Hypothesis offers "Annotate" on a selection), once the
 * selection rests; the toolbar has them too.
 */
const adder = $('sel-adder');
let adderTimer = 0;
function placeAdder() {
  clearTimeout(adderTimer);
  adder.hidden = true;
  adderTimer = setTimeout(() => {
    const sel = document.getSelection();
    if (!sel?.rangeCount || sel.isCollapsed || !fixView.contains(sel.anchorNode) || state.readOnly || !fixSelection || fixSelection.end <= fixSelection.start) return;
    const rect = [...sel.getRangeAt(0).getClientRects()].at(-1);
    if (!rect) return;
    adder.hidden = false;
    const width = adder.offsetWidth;
    adder.style.setProperty('left', `${Math.max(8, Math.min(rect.right - width / 2, innerWidth - width - 8)) + scrollX}px`);
    adder.style.setProperty('top', `${rect.bottom + scrollY + 6}px`);
  }, 200);
}

fixView.addEventListener('focusin', (e) => {
  fixLastBlock = fixBlockOf(e.target) ?? fixLastBlock;
});

fixView.addEventListener('keydown', (e) => {
  if ((e.key === 'Delete' || e.key === 'Backspace') && e.target.matches?.(CARD_MARKS) && !e.ctrlKey && !e.metaKey && !e.altKey && !state.readOnly) {
    e.preventDefault();
    fixRemove(e.target);
  }
});
setRemover((el) => fixRemove(el));

/**
 * The question or answer that starts at or after UTF-16 offset `s` (the
 * view's blocks carry their offsets), once the view is drawn again after a
 * correction: where the focus goes.
 */
function focusBlockAfterDraw(s) {
  fixView.addEventListener('drawn', () => {
    const blocks = [...fixView.querySelectorAll('.m-question[role="region"], .m-answer[role="region"]')];
    (blocks.find((b) => Number(b.dataset.s) >= Number(s)) ?? blocks.at(-1))?.focus();
  }, { once: true });
}

/** The highlight of `kind` at UTF-16 offset `s`, once the view is drawn again: where the focus goes. */
function focusMarkAfterDraw(kind, s) {
  fixView.addEventListener('drawn', () => fixView.querySelector(`.m-${kind}[data-s="${Number(s)}"]`)?.focus(), { once: true });
}

function fixBlockOf(el) {
  return el?.closest?.('.m-question[role="region"], .m-answer[role="region"]') ?? null;
}

/** The block to act on: the focused one, else the one last focused or selected in (the toolbar has the focus), else the current answer. */
function fixBlock() {
  return fixBlockOf(document.activeElement) ?? (fixLastBlock?.isConnected ? fixLastBlock : null) ?? (state.currentAnswer ? $(state.currentAnswer) : null);
}

/** A new correction of `kind` anchored at UTF-16 `s..e`, with `extra` fields. */
function fixAnchored(kind, s, e, extra = {}) {
  return { ...core.anchor(currentText(), kind, Number(s), Number(e)), ...extra };
}

/** The analysis of the current text with correction `c` added to the list, or null (the user told why). */
function tryFix(c) {
  const list = [...(currentAnn()?.corrections ?? []), c];
  try {
    return { list, result: core.analyze(currentText(), coreCorrections(core, list)) };
  } catch (e) {
    announce(errorText(e));
    return null;
  }
}

/**
 * Adds correction `c` (named `label` in the undo history) when the core can
 * place it; else says why and changes nothing.
 */
function proposeFix(c, label) {
  const tried = tryFix(c);
  if (!tried) return false;
  const { list, result } = tried;
  const last = list.length - 1;
  const refused = result.corrections.unplaced.find((u) => u.index === last);
  if (refused) {
    announce(t('fix.refused', { why: t(`fix.reason.${refused.reason}`) }));
    return false;
  }
  return setCorrections(list, label, result.corrections.moves.filter((m) => m.correction === last));
}

const fixQuoted = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function fixRemove(el) {
  const kind = el.classList.contains('m-date') ? 'remove-date' : 'remove-reference';
  const c = fixAnchored(kind, el.dataset.s, el.dataset.e);
  const block = fixBlockOf(el);
  if (proposeFix(c, () => t(kind === 'remove-date' ? 'fix.did.removeDate' : 'fix.did.removeReference', { quote: fixQuoted(c.quote) })) && block) focusBlockAfterDraw(block.dataset.s);
}

/** The non-empty selection in the view, else null (and the user told). */
function fixSelected() {
  if (fixSelection && fixSelection.end > fixSelection.start) return fixSelection;
  announce(t('fix.selectFirst'));
  return null;
}

/**
 * Asks in the dialog: `title`, the `quote`, fields [{label, value}] (one or
 * two), and with `choice` ('question' or 'answer', the one checked) what a
 * block is. `check(values)` returns a message when the answer is not right.
 * Resolves to the values (the choice last), or null when cancelled.
 */
function askFix(title, quote, fields, check, choice = null) {
  $('fix-dialog-h').textContent = title;
  $('fix-quote').textContent = quote ? `“${fixQuoted(quote)}”` : '';
  $('fix-error').textContent = '';
  const inputs = [$('fix-a'), $('fix-b')];
  const labels = [$('fix-label-a'), $('fix-label-b')];
  inputs.forEach((input, i) => {
    const f = fields[i];
    input.hidden = labels[i].hidden = !f;
    input.value = f?.value ?? '';
    labels[i].textContent = f?.label ?? '';
  });
  const radios = [...fixDialog.querySelectorAll('input[name="fix-choice"]')];
  $('fix-choice').hidden = !choice;
  for (const r of radios) r.checked = r.value === choice;
  const back = document.activeElement;
  fixDialog.showModal();
  if (choice) radios.find((r) => r.checked).focus();
  else inputs[0].select();
  return new Promise((done) => {
    const finish = (values) => {
      $('fix-form').onsubmit = null;
      $('fix-cancel').onclick = null;
      fixDialog.onclose = null;
      if (fixDialog.open) fixDialog.close();
      back?.focus?.();
      done(values);
    };
    $('fix-form').onsubmit = (e) => {
      e.preventDefault();
      const values = inputs.slice(0, fields.length).map((i) => i.value.trim());
      if (choice) values.push(radios.find((r) => r.checked)?.value ?? choice);
      const problem = check(values);
      if (problem) {
        $('fix-error').textContent = problem;
        inputs[0].focus();
        return;
      }
      finish(values);
    };
    $('fix-cancel').onclick = () => finish(null);
    fixDialog.onclose = () => finish(null);
  });
}

async function fixMarkDate() {
  const sel = fixSelected();
  if (!sel) return;
  const text = currentText();
  const c = fixAnchored('add-date', sel.start, sel.end);
  const reading = core.date_reading(text, sel.start, sel.end) ?? '';
  const values = await askFix(t('fix.dateTitle'), c.quote, [{ label: t('fix.dateLabel'), value: reading }],
    ([iso]) => (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso) ? '' : t('fix.dateInvalid')));
  if (values && proposeFix({ ...c, iso: values[0] }, () => t('fix.did.addDate', { quote: fixQuoted(c.quote), iso: values[0] }))) focusMarkAfterDraw('date', sel.start);
}

async function fixMarkReference() {
  const sel = fixSelected();
  if (!sel) return;
  const c = fixAnchored('add-reference', sel.start, sel.end);
  const values = await askFix(t('fix.referenceTitle'), c.quote,
    [{ label: t('fix.referenceTarget'), value: '' }, { label: t('fix.referenceUrl'), value: /^https?:\/\//i.test(c.quote) ? c.quote : '' }],
    ([target, url]) => (!target && !url ? t('fix.referenceEmpty') : url && !/^https?:\/\/\S+$/i.test(url) ? t('fix.referenceUrlInvalid') : ''));
  if (!values) return;
  const [target, url] = values;
  if (proposeFix({ ...c, ...(target ? { target } : {}), ...(url ? { url } : {}) }, () => t('fix.did.addReference', { quote: fixQuoted(c.quote) }))) focusMarkAfterDraw('reference', sel.start);
}

/** Numbers as typed ("6, 7", "6 en 7"): a message when they are not numbers from 1. */
const checkNumbers = (v) => (/^\s*\d{1,4}(\s*(,|en|and|\s)\s*\d{1,4})*\s*$/.test(v) && !/(^|\D)0+(\D|$)/.test(v) ? '' : t('fix.numbersInvalid'));
const typedNumbers = (v) => v.match(/\d+/g).map(Number);

/**
 * What the new part of split `c` of `block` is: what the core reads at the
 * split (a heading the parser missed gives kind and numbers), else the
 * likely case: an answer to the question split, or the next question after
 * the answer split. Null when the split cannot be made (the user told why).
 */
function splitGuess(c, block) {
  const tried = tryFix(c);
  const a = state.analysis?.annotations;
  if (!tried || !a) return null;
  const refused = tried.result.corrections.unplaced.find((u) => u.index === tried.list.length - 1);
  if (refused) {
    announce(t('fix.refused', { why: t(`fix.reason.${refused.reason}`) }));
    return null;
  }
  const old = new Set([...a.questions, ...a.answers].map((b) => b.id));
  const made = tried.result.annotations;
  const q = made.questions.find((b) => !old.has(b.id));
  const found = q ?? made.answers.find((b) => !old.has(b.id));
  if (found?.numbers.length) return { block: q ? 'question' : 'answer', numbers: found.numbers };
  const own = [...a.questions, ...a.answers].find((b) => b.id === block?.id)?.numbers ?? [];
  return block?.classList.contains('m-question')
    ? { block: 'answer', numbers: own }
    : { block: 'question', numbers: own.length ? [Math.max(...own) + 1] : [] };
}

/** Splits the block at the caret; the dialog asks what the new part is (kind and numbers), filled in with the likely answer. */
async function fixSplit() {
  if (!fixSelection) return announce(t('fix.selectFirst'));
  const { block, start } = fixSelection;
  const c = fixAnchored('split', start, start);
  const guess = splitGuess(c, block);
  if (!guess) return;
  const label = block?.getAttribute('aria-label') ?? '';
  const values = await askFix(t('fix.splitTitle', { block: label }), c.suffix.trimStart(),
    [{ label: t('fix.numbersLabel'), value: guess.numbers.join(', ') }], ([v]) => checkNumbers(v), guess.block);
  if (!values) return;
  const [numbers, kind] = [typedNumbers(values[0]), values[1]];
  if (proposeFix({ ...c, block: kind, numbers }, () => t('fix.did.split', { block: label }))) focusBlockAfterDraw(start);
}

function fixNeedBlock() {
  const block = fixBlock();
  if (!block) announce(t('fix.blockFirst'));
  return block;
}

function fixMerge() {
  const block = fixNeedBlock();
  if (block && proposeFix(fixAnchored('merge', block.dataset.s, block.dataset.s), () => t('fix.did.merge', { block: block.getAttribute('aria-label') }))) focusBlockAfterDraw(block.dataset.s);
}

async function fixNumbers() {
  const block = fixNeedBlock();
  if (!block) return;
  const label = block.getAttribute('aria-label');
  const current = (label.match(/\d+/g) ?? []).join(', ');
  const values = await askFix(t('fix.numbersTitle', { block: label }), '', [{ label: t('fix.numbersLabel'), value: current }], ([v]) => checkNumbers(v));
  if (!values) return;
  const list = typedNumbers(values[0]);
  if (proposeFix(fixAnchored('set-numbers', block.dataset.s, block.dataset.s, { numbers: list }), () => t('fix.did.numbers', { block: label, numbers: list.join(', ') }))) focusBlockAfterDraw(block.dataset.s);
}

function fixToggleKind() {
  const block = fixNeedBlock();
  if (!block) return;
  const to = block.classList.contains('m-question') ? 'answer' : 'question';
  if (proposeFix(fixAnchored('set-kind', block.dataset.s, block.dataset.s, { block: to }), () => t(to === 'answer' ? 'fix.did.toAnswer' : 'fix.did.toQuestion', { block: block.getAttribute('aria-label') }))) focusBlockAfterDraw(block.dataset.s);
}

const FIX_ACTIONS = {
  date: fixMarkDate,
  reference: fixMarkReference,
  split: fixSplit,
  merge: fixMerge,
  numbers: fixNumbers,
  kind: fixToggleKind,
};

// The toolbar is shown with "Correct the reading" (remembered): most of a
// coder's time is tagging, and a wrong highlight has its own card.
const fixToggle = $('fix-toggle');
const FIX_OPEN_KEY = 'kamervragen-fix-bar';
let fixOpen = false;
try {
  fixOpen = localStorage.getItem(FIX_OPEN_KEY) === '1';
} catch {
  // storage refused: closed
}
fixToggle.addEventListener('click', () => {
  fixOpen = !fixOpen;
  try {
    if (fixOpen) localStorage.setItem(FIX_OPEN_KEY, '1');
    else localStorage.removeItem(FIX_OPEN_KEY);
  } catch {
    // storage refused: the choice lasts for this visit
  }
  renderFixes();
  if (fixOpen) fixBar.querySelector('button').focus();
});

// Buttons keep the view's selection: a press does not take it away.
for (const el of [fixBar, fixToggle, adder]) {
  el.addEventListener('mousedown', (e) => {
    if (e.target.closest('button')) e.preventDefault();
  });
}
for (const el of [fixBar, adder]) {
  el.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-fix]');
    adder.hidden = true;
    if (b && !state.readOnly) FIX_ACTIONS[b.dataset.fix]?.();
  });
}

/** The corrections that could not be placed on this text (from the analysis), each to dismiss. */
export function renderFixes() {
  const panel = $('fix-unplaced-panel');
  const unplaced = state.analysis?.corrections?.unplaced ?? [];
  panel.hidden = !unplaced.length;
  fixToggle.hidden = !state.analysis || state.readOnly;
  fixToggle.setAttribute('aria-expanded', String(fixOpen));
  fixBar.hidden = fixToggle.hidden || !fixOpen;
  $('fix-unplaced').replaceChildren(...unplaced.map((u) => h('li', null,
    h('strong', null, t(`fix.kind.${u.kind}`)), ' ', u.quote ? h('q', null, fixQuoted(u.quote)) : null, ' ',
    h('span', { className: 'hint' }, t(`fix.reason.${u.reason}`)),
    h('button', { type: 'button', className: 'fix-dismiss', 'data-index': u.index }, t('fix.dismiss')))));
}

$('fix-unplaced').addEventListener('click', (e) => {
  const b = e.target.closest('.fix-dismiss');
  if (!b) return;
  const list = [...(currentAnn()?.corrections ?? [])];
  const [gone] = list.splice(Number(b.dataset.index), 1);
  if (gone) setCorrections(list, () => t('fix.did.dismiss', { what: t(`fix.kind.${gone.kind}`) }));
});
