// Corrections of the parse (issue 15): the toolbar above the view, the
// Delete key on a focused date or reference and "Remove highlight" in its
// card (markcard.js), the dialog that asks for a date, a reference, numbers
// or what a split-off part is, and the list of corrections that could not be
// placed. After a correction the focus goes to the place corrected. A
// selection becomes an offset as the text node's start (from the render
// tree, render.textStart) plus the offset within the node; the
// core makes the anchor (quote, context, code points) and applies the list
// (core.analyze). Every correction is one undoable step (state.setCorrections),
// saved at once; the tags of a block whose id changes follow it.
import { core } from './core.js';
import { state, currentAnn, currentText, setCorrections, variableOf } from './state.js';
import { textStart } from './render.js';
import { coreCorrections } from './reader.js';
import { $, h, placeBeside, recalled, remember } from './ui.js';
import { announce, showUndoNotice } from './messages.js';
import { errorText, t } from './i18n.js';
import { CARD_MARKS, CARD_ROOTS, setRemover } from './markcard.js';
import { selectWords } from './findwords.js';

const fixView = $('doc-view');
const fixBar = $('fix-bar');
const fixDialog = $('fix-dialog');

/** The last selection (or caret) in the view: UTF-16 {start, end, block}. */
let fixSelection = null;

/** The UTF-16 offset of a DOM position in the view, or null when it is not in the view's text. */
function fixOffsetOf(node, offset) {
  const start = textStart(node);
  return start === undefined ? null : start + offset;
}

document.addEventListener('selectionchange', () => {
  placeAdder();
  readSelection();
});

/** The selection in the view as fixSelection (at once after selectWords; else on selectionchange). */
function readSelection() {
  const sel = document.getSelection();
  if (!sel || !sel.rangeCount || !fixView.contains(sel.anchorNode)) {
    fixSelection = null; // gone, or elsewhere (a field, the text box)
    return;
  }
  const r = sel.getRangeAt(0);
  const start = fixOffsetOf(r.startContainer, r.startOffset);
  const end = fixOffsetOf(r.endContainer, r.endOffset);
  if (start === null || end === null) return;
  fixSelection = { start, end, block: fixBlockOf(r.startContainer.parentElement), across: fixBlockOf(r.startContainer.parentElement) !== fixBlockOf(r.endContainer.parentElement) };
  setFixTarget(fixSelection.block);
}
/**
 * Words selected in the view get "Mark as date" and "Mark as reference"
 * beside them (as Hypothesis offers "Annotate" on a selection), once the
 * selection rests; the toolbar has them too.
 */
const adder = $('sel-adder');
let adderTimer = 0;
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !adder.hidden) adder.hidden = true;
}, true);

function placeAdder() {
  clearTimeout(adderTimer);
  adder.hidden = true;
  adderTimer = setTimeout(() => {
    const sel = document.getSelection();
    if (!sel?.rangeCount || sel.isCollapsed || !fixView.contains(sel.anchorNode) || state.readOnly || !fixSelection || fixSelection.end <= fixSelection.start) return;
    const rect = [...sel.getRangeAt(0).getClientRects()].at(-1);
    if (!rect) return;
    adder.hidden = false;
    // Above the selection's last line (below it when there is no room), over the text rather than the buttons beside it.
    placeBeside(adder, rect, rect.right - adder.offsetWidth / 2);
  }, 200);
}

// The block the toolbar acts on: the one the user is at (focused there other
// than by passing with Tab, typed or clicked in, selected in), named at the
// toolbar's start. Shift+Tab from a block to the toolbar crosses every block
// above it: those do not count.
let fixTargetId = null;
let fixTabbing = false;
document.addEventListener('keydown', (e) => {
  if (e.key === 'Tab') fixTabbing = true;
}, true);
document.addEventListener('keyup', (e) => {
  if (e.key === 'Tab') fixTabbing = false;
}, true);
fixView.addEventListener('focusin', (e) => !fixTabbing && setFixTarget(fixBlockOf(e.target)));
fixView.addEventListener('pointerdown', (e) => setFixTarget(fixBlockOf(e.target)));
fixView.addEventListener('keydown', (e) => e.key !== 'Tab' && e.key !== 'Shift' && setFixTarget(fixBlockOf(e.target)));

function setFixTarget(block) {
  // Unchanged: the page is left alone (a change in the page while typing in a field breaks the field's own undo into letters).
  if (!block?.id || block.id === fixTargetId) return;
  fixTargetId = block.id;
  showFixTarget();
}

/** The toolbar's first words: the block its buttons act on (fixBlock). */
function showFixTarget() {
  const block = fixBlock();
  $('fix-target').textContent = block ? t('fix.target', { block: block.getAttribute('aria-label') }) : t('fix.noTarget');
}

for (const root of CARD_ROOTS) {
  root.addEventListener('keydown', (e) => {
    if ((e.key === 'Delete' || e.key === 'Backspace') && e.target.matches?.(CARD_MARKS) && !e.ctrlKey && !e.metaKey && !e.altKey && !state.readOnly) {
      e.preventDefault();
      fixRemove(e.target);
    }
  });
}
setRemover(fixRemove);

/** The question or answer that starts at or after UTF-16 offset `s` (the view's blocks carry their offsets) gets the focus. */
function focusBlockAt(s) {
  const blocks = [...fixView.querySelectorAll('.m-question[role="region"], .m-answer[role="region"]')];
  showFocused((blocks.find((b) => Number(b.dataset.s) >= Number(s)) ?? blocks.at(-1)));
}

/** Focuses `el` and brings it into sight (a new block may be laid out only now). */
function showFocused(el) {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}

/** The highlight of `kind` at UTF-16 offset `s` gets the focus. */
function focusMarkAt(kind, s) {
  showFocused(fixView.querySelector(`.m-${kind}[data-s="${Number(s)}"]`));
}

function fixBlockOf(el) {
  return el?.closest?.('.m-question[role="region"], .m-answer[role="region"]') ?? null;
}

/** The block the toolbar acts on (the one it names): the one the user is at (setFixTarget), else the current answer. */
function fixBlock() {
  return fixBlockOf(fixTargetId && $(fixTargetId)) ?? (state.currentAnswer ? $(state.currentAnswer) : null);
}

/** A new correction of `kind` anchored at UTF-16 `s..e`, with `extra` fields. */
function fixAnchored(kind, s, e, extra = {}) {
  return { ...core.anchor(currentText(), kind, Number(s), Number(e)), ...extra };
}

/** The analysis of the current text with corrections `list`, or null (the user told why). */
function analyzeWith(list) {
  try {
    return core.analyze(currentText(), coreCorrections(core, list));
  } catch (e) {
    fixSay(errorText(e));
    return null;
  }
}

/** The analysis of the current text with correction `c` added to the list, or null (the user told why). */
function tryFix(c) {
  const list = [...(currentAnn()?.corrections ?? []), c];
  const result = analyzeWith(list);
  return result && { list, result };
}

/** Why the core cannot place correction `c` (worded), or '' when it can. */
export function refusalOf(c) {
  const tried = tryFix(c);
  if (!tried) return t('fix.reason.invalid');
  const refused = tried.result.corrections.unplaced.find((u) => u.index === tried.list.length - 1);
  return refused ? t('fix.refused', { why: t(`fix.reason.${refused.reason}`) }) : '';
}

/** A later correction of these kinds at the same place (the same header field) replaces the earlier one. */
const REPLACING = new Set(['set-kind', 'set-numbers', 'header']);
const samePlace = (a, c) => REPLACING.has(c.kind) && a.kind === c.kind && a.start === c.start && (a.field ?? '') === (c.field ?? '');
/** What a parse reads, without the corrections list and texts: two equal ones read the document alike. */
const readingOf = (annotations) => JSON.stringify(annotations, (k, v) => (k === 'corrections' || k === 'text' ? undefined : v));
const kindOf = (annotations, id) => (annotations.questions.some((b) => b.id === id) ? 'question' : annotations.answers.some((b) => b.id === id) ? 'answer' : null);

/** The kind of correction each kind can undo (a merge back after a split, a highlight removed just after it was added). */
const UNDOES = { merge: 'split', 'remove-date': 'add-date', 'remove-reference': 'add-reference' };

/**
 * The list without one of its last few corrections, when that reads the
 * document as `result` does (correction `c` undoes that one): {list,
 * result}; else null. Only the kind `c` can undo is tried: most corrections
 * cost no parse here.
 */
function cancelled(all, c, result) {
  const undoes = UNDOES[c.kind];
  const tries = all.map((a, i) => i).slice(-3).filter((i) => all[i].kind === undoes).reverse();
  const reading = tries.length ? readingOf(result.annotations) : '';
  for (const i of tries) {
    const list = all.filter((_, k) => k !== i);
    const other = analyzeWith(list);
    if (other && readingOf(other.annotations) === reading) return { list, result: other };
  }
  return null;
}

/** The codes of `from` that a one-of variable cannot take beside those of `to` (the first code of each variable stays). */
function oneOfClashes(to, from) {
  const taken = new Set(to.map((n) => variableOf(n)).filter((v) => v?.kind === 'one-of').map((v) => v.name));
  return from.filter((n) => !to.includes(n) && taken.has(variableOf(n)?.kind === 'one-of' ? variableOf(n).name : null));
}

/** Moves of tags from the blocks now shown to those of `after` that start at the same place with another id. */
function movesByPlace(after) {
  const now = state.analysis?.annotations;
  if (!now) return [];
  const starts = new Map([...after.questions, ...after.answers].map((b) => [b.start, b.id]));
  return [...now.questions, ...now.answers].map((b) => ({ from: b.id, to: starts.get(b.start) })).filter((m) => m.to && m.to !== m.from);
}

/**
 * Adds correction `c` (named `label` in the undo history) when the core can
 * place it; else says why and changes nothing. It replaces an earlier one of
 * the same kind at the same place, and when the two cancel out neither is
 * kept (Question ↔ answer twice leaves the document as read). Codes that
 * would move between a question and an answer (a merge of the two, a
 * question made an answer) are not carried over silently: the user is
 * asked, and they are removed (undo brings them back). `onDrawn` runs once
 * the view is drawn again (where the focus goes). Resolves to whether the
 * correction was made.
 */
async function proposeFix(c, label, onDrawn = () => {}) {
  const all = currentAnn()?.corrections ?? [];
  const base = all.filter((a) => !samePlace(a, c));
  const replacing = base.length !== all.length;
  const list = [...base, c];
  let result = analyzeWith(list);
  if (!result) return false;
  const refused = result.corrections.unplaced.find((u) => u.index === list.length - 1);
  const without = replacing ? analyzeWith(base) : null;
  let keep = list;
  let moves = result.corrections.moves.filter((m) => m.correction === list.length - 1);
  const undone = !replacing && !refused ? cancelled(all, c, result) : null;
  if (without && (refused || readingOf(without.annotations) === readingOf(result.annotations))) {
    // It undoes the one it replaces (back to the parser's reading there): neither is kept.
    [keep, result] = [base, without];
  } else if (undone) {
    // It undoes an earlier one (a merge back after a split): neither is kept.
    [keep, result] = [undone.list, undone.result];
  } else if (refused) {
    fixSay(t('fix.refused', { why: t(`fix.reason.${refused.reason}`) }));
    return false;
  }
  if (replacing) moves = movesByPlace(result.annotations); // (a merge that undoes a split keeps the core's moves: the second part's tags join the first)
  const ann = currentAnn();
  const now = state.analysis?.annotations;
  const nameOf = (id) => $(id)?.getAttribute('aria-label') ?? id;
  const crossing = now ? moves.filter((m) => kindOf(now, m.from) !== kindOf(result.annotations, m.to) && (ann?.tags[m.from]?.length || ann?.notes[m.from])) : [];
  if (crossing.length) {
    const codes = crossing.flatMap((m) => ann.tags[m.from] ?? []).join(', ') || t('fix.aNote');
    const ok = await askFix(t('fix.crossTitle'), '', [], () => '', null, t('fix.crossCodes', { blocks: crossing.map((m) => nameOf(m.from)).join(', '), codes }), true);
    if (!ok) return false;
    moves = moves.map((m) => (crossing.includes(m) ? { ...m, to: null } : m));
  }
  // Two blocks joined: a one-of variable keeps the first block's code; the other's is dropped, when the user agrees.
  const dropped = moves.flatMap((m) => (m.to ? oneOfClashes(ann?.tags[m.to] ?? [], ann?.tags[m.from] ?? []) : []));
  if (dropped.length) {
    const into = nameOf(moves.find((m) => m.to)?.to);
    const ok = await askFix(t('fix.clashTitle'), '', [], () => '', null, t('fix.clashCodes', { block: into, codes: dropped.join(', ') }), true);
    if (!ok) return false;
    moves = moves.map((m) => (m.to ? { ...m, drop: dropped } : m));
  }
  // Where the focus goes once the view is drawn again (listening before the change: it may draw at once).
  const drawn = () => onDrawn();
  fixView.addEventListener('drawn', drawn, { once: true });
  const made = setCorrections(keep, label, moves);
  if (!made) fixView.removeEventListener('drawn', drawn);
  return made;
}

/** A refusal or hint: on screen for a few seconds (the notice at the bottom) and announced. */
function fixSay(message) {
  announce(message);
  showUndoNotice(message);
}

const fixQuoted = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

async function fixRemove(el) {
  const kind = el.classList.contains('m-date') ? 'remove-date' : 'remove-reference';
  const c = fixAnchored(kind, el.dataset.s, el.dataset.e);
  const at = fixBlockOf(el)?.dataset.s ?? el.dataset.s; // its block, else (the header, a footnote) the next one
  await proposeFix(c, () => t(kind === 'remove-date' ? 'fix.did.removeDate' : 'fix.did.removeReference', { quote: fixQuoted(c.quote) }), () => focusBlockAt(at));
}

/** Whether the last selection is in the block the toolbar names (or outside the blocks, when it names none). */
function fixSelectionHere() {
  const block = fixBlock();
  return Boolean(fixSelection) && (!fixSelection.block || !block || fixSelection.block === block);
}

/**
 * The words to correct (`caret`: the place to split): the selection in the
 * view when it is in the block the toolbar names; else (the keyboard, or a
 * selection left in another block) the user types the words, found and
 * selected in that block (findwords.js). Null when there is none (the user
 * told why) or the user cancelled.
 */
async function fixSelected(caret = false) {
  if (fixSelection?.across) {
    fixSay(t('fix.oneBlock'));
    return null;
  }
  if (fixSelectionHere() && (caret || fixSelection.end > fixSelection.start)) return fixSelection;
  const block = fixBlock();
  if (!block) {
    fixSay(t('fix.selectFirst'));
    return null;
  }
  const name = block.getAttribute('aria-label');
  const typed = await askFix(t(caret ? 'fix.wordsSplit' : 'fix.wordsTitle', { block: name }), '', [{ label: t('fix.wordsLabel'), value: '' }],
    ([w]) => (selectWords(block, w, caret) ? '' : t('fix.wordsNotFound', { block: name })));
  if (!typed) return null;
  readSelection();
  return fixSelection;
}

/**
 * Asks in the dialog: `title`, the `quote`, fields [{label, value}] (one or
 * two), and with `choice` ('question' or 'answer', the one checked) what a
 * block is; `message` says what the question is about (a dialog with no
 * fields asks to confirm). `check(values)` returns a message when the answer
 * is not right, or [message, index of the field to correct]. A `confirm`
 * (something is lost if the user goes ahead) starts on Cancel.
 * Resolves to the values (the choice last), or null when cancelled.
 */
function askFix(title, quote, fields, check, choice = null, message = '', confirm = false) {
  $('fix-dialog-h').textContent = title;
  $('fix-message').textContent = message;
  $('fix-message').hidden = !message;
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
  else if (fields.length) inputs[0].select();
  else (confirm ? $('fix-cancel') : fixDialog.querySelector('button[type="submit"]')).focus();
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
      const [problem, at = 0] = [check(values)].flat();
      if (problem) {
        $('fix-error').textContent = problem;
        inputs[at].focus();
        return;
      }
      finish(values);
    };
    $('fix-cancel').onclick = () => finish(null);
    // (Esc. A close event of the dialog before, asked just now, comes late: the dialog is open again then.)
    fixDialog.onclose = () => !fixDialog.open && finish(null);
  });
}

async function fixMarkDate() {
  const sel = await fixSelected();
  if (!sel) return;
  const text = currentText();
  const c = fixAnchored('add-date', sel.start, sel.end);
  const reading = core.date_reading(text, sel.start, sel.end) ?? '';
  const values = await askFix(t('fix.dateTitle'), c.quote, [{ label: t('fix.dateLabel'), value: reading }],
    ([iso]) => (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso) ? refusalOf({ ...c, iso }) : t('fix.dateInvalid')));
  if (values) await proposeFix({ ...c, iso: values[0] }, () => t('fix.did.addDate', { quote: fixQuoted(c.quote), iso: values[0] }), () => focusMarkAt('date', sel.start));
}

async function fixMarkReference() {
  const sel = await fixSelected();
  if (!sel) return;
  const c = fixAnchored('add-reference', sel.start, sel.end);
  const values = await askFix(t('fix.referenceTitle'), c.quote,
    [{ label: t('fix.referenceTarget'), value: '' }, { label: t('fix.referenceUrl'), value: /^https?:\/\//i.test(c.quote) ? c.quote : '' }],
    ([target, url]) => (!target && !url ? t('fix.referenceEmpty') : url && !/^https?:\/\/\S+$/i.test(url) ? [t('fix.referenceUrlInvalid'), 1] : ''));
  if (!values) return;
  const [target, url] = values;
  await proposeFix({ ...c, ...(target ? { target } : {}), ...(url ? { url } : {}) }, () => t('fix.did.addReference', { quote: fixQuoted(c.quote) }), () => focusMarkAt('reference', sel.start));
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
    fixSay(t('fix.refused', { why: t(`fix.reason.${refused.reason}`) }));
    return null;
  }
  const old = new Set([...a.questions, ...a.answers].map((b) => b.id));
  const made = tried.result.annotations;
  const q = made.questions.find((b) => !old.has(b.id));
  const found = q ?? made.answers.find((b) => !old.has(b.id));
  if (found?.numbers.length) return { block: q ? 'question' : 'answer', numbers: found.numbers };
  const own = numbersOf(block?.id);
  return block?.classList.contains('m-question')
    ? { block: 'answer', numbers: own }
    : { block: 'question', numbers: own.length ? [Math.max(...own) + 1] : [] };
}

/** Splits the block at the caret; the dialog asks what the new part is (kind and numbers), filled in with the likely answer. */
async function fixSplit() {
  const sel = await fixSelected(true);
  if (!sel) return;
  const { block, start } = sel;
  const c = fixAnchored('split', start, start);
  const guess = splitGuess(c, block);
  if (!guess) return;
  const label = block?.getAttribute('aria-label') ?? '';
  // Numbers another block of that kind has (the first part too) are not proposed, nor taken.
  const proposed = numbersTaken(guess.block, guess.numbers) ? '' : guess.numbers.join(', ');
  const values = await askFix(t('fix.splitTitle', { block: label }), `${c.suffix.trim()}…`,
    [{ label: t('fix.numbersLabel'), value: proposed }], ([v, kind]) => {
      const taken = !checkNumbers(v) && numbersTaken(kind, typedNumbers(v));
      return checkNumbers(v) || (taken ? t('fix.numbersTaken', { block: taken }) : '');
    }, guess.block);
  if (!values) return;
  const [numbers, kind] = [typedNumbers(values[0]), values[1]];
  await proposeFix({ ...c, block: kind, numbers }, () => t('fix.did.split', { block: label }), () => focusBlockAt(start));
}

/** The numbers of the block with id `id`, as the parse shown reads them. */
function numbersOf(id) {
  const a = state.analysis?.annotations;
  return [...(a?.questions ?? []), ...(a?.answers ?? [])].find((b) => b.id === id)?.numbers ?? [];
}

/** The name of a block of `kind` ('question' | 'answer'), other than block `except`, with just these `numbers` (the same name); else ''. */
function numbersTaken(kind, numbers, except = null) {
  const list = state.analysis?.annotations[kind === 'question' ? 'questions' : 'answers'] ?? [];
  const same = (b) => b.numbers.length === numbers.length && b.numbers.every((n, i) => n === numbers[i]);
  const other = list.find((b) => b.id !== except && numbers.length && same(b));
  return other ? $(other.id)?.getAttribute('aria-label') ?? other.id : '';
}

function fixNeedBlock() {
  const block = fixBlock();
  if (!block) fixSay(t('fix.blockFirst'));
  return block;
}

async function fixMerge() {
  const block = fixNeedBlock();
  if (!block) return;
  // The next block of another kind (an answer followed by the next question): merged only when the coder says so.
  const blocks = [...fixView.querySelectorAll('.m-question[role="region"], .m-answer[role="region"]')];
  const next = blocks[blocks.indexOf(block) + 1];
  const coded = next && (currentAnn()?.tags[next.id]?.length || currentAnn()?.notes[next.id]); // then the question about its codes says it
  if (next && !coded && next.classList.contains('m-question') !== block.classList.contains('m-question')) {
    const ok = await askFix(t('fix.mergeKindsTitle'), '', [], () => '', null,
      t('fix.mergeKinds', { block: block.getAttribute('aria-label'), next: next.getAttribute('aria-label') }), true);
    if (!ok) return;
  }
  await proposeFix(fixAnchored('merge', block.dataset.s, block.dataset.s), () => t('fix.did.merge', { block: block.getAttribute('aria-label') }), () => focusBlockAt(block.dataset.s));
}

async function fixNumbers() {
  const block = fixNeedBlock();
  if (!block) return;
  const label = block.getAttribute('aria-label');
  const current = (label.match(/\d+/g) ?? []).join(', ');
  const kind = block.classList.contains('m-question') ? 'question' : 'answer';
  const taken = (v) => numbersTaken(kind, typedNumbers(v), block.id);
  const values = await askFix(t('fix.numbersTitle', { block: label }), '', [{ label: t('fix.numbersLabel'), value: current }],
    ([v]) => checkNumbers(v) || (taken(v) ? t('fix.numbersTaken', { block: taken(v) }) : ''));
  if (!values) return;
  const list = typedNumbers(values[0]);
  await proposeFix(fixAnchored('set-numbers', block.dataset.s, block.dataset.s, { numbers: list }), () => t('fix.did.numbers', { block: label, numbers: list.join(', ') }), () => focusBlockAt(block.dataset.s));
}

async function fixToggleKind() {
  const block = fixNeedBlock();
  if (!block) return;
  const to = block.classList.contains('m-question') ? 'answer' : 'question';
  const taken = numbersTaken(to, numbersOf(block.id));
  if (taken) return fixSay(t('fix.kindTaken', { block: block.getAttribute('aria-label'), other: taken }));
  await proposeFix(fixAnchored('set-kind', block.dataset.s, block.dataset.s, { block: to }), () => t(to === 'answer' ? 'fix.did.toAnswer' : 'fix.did.toQuestion', { block: block.getAttribute('aria-label') }), () => focusBlockAt(block.dataset.s));
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
// The open toolbar stays in sight under the top bar (whose height changes with the width).
const topbar = document.querySelector('.topbar');
new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-h', `${topbar.offsetHeight}px`)).observe(topbar);
const FIX_OPEN_KEY = 'kamervragen-fix-bar';
let fixOpen = recalled(FIX_OPEN_KEY);
fixToggle.addEventListener('click', () => setFixOpen(!fixOpen));

function setFixOpen(open) {
  fixOpen = open;
  remember(FIX_OPEN_KEY, open);
  renderFixes();
  if (fixOpen) fixBar.querySelector('button').focus();
}

// c (for "correct") from a question or answer: the toolbar, acting on it; Esc in the toolbar: back to it.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'c' || e.ctrlKey || e.metaKey || e.altKey || state.readOnly || !state.analysis || e.target.closest?.('input, textarea, select, [contenteditable], dialog')) return;
  e.preventDefault();
  setFixTarget(fixBlockOf(document.activeElement));
  if (fixOpen) fixBar.querySelector('button').focus();
  else setFixOpen(true);
});
fixBar.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  fixBlock()?.focus();
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

/** The header field of an unplaced correction, if it is one. */
const fieldOf = (u) => (u.kind === 'header' ? currentAnn()?.corrections?.[u.index]?.field : null);

/** The corrections that could not be placed on this text (from the analysis), each to dismiss. */
export function renderFixes() {
  const panel = $('fix-unplaced-panel');
  const unplaced = state.analysis?.corrections?.unplaced ?? [];
  panel.hidden = !unplaced.length;
  fixToggle.hidden = !state.analysis || state.readOnly;
  fixToggle.setAttribute('aria-expanded', String(fixOpen));
  fixBar.hidden = fixToggle.hidden || !fixOpen;
  showFixTarget();
  $('fix-unplaced').replaceChildren(...unplaced.map((u) => h('li', null,
    h('strong', null, t(`fix.kind.${u.kind}`), fieldOf(u) ? ` (${t(`fix.field.${fieldOf(u)}`)})` : ''), ' ', u.quote ? h('q', null, fixQuoted(u.quote)) : null, ' ',
    h('span', { className: 'hint' }, t(`fix.reason.${u.reason}`)),
    h('button', { type: 'button', className: 'fix-dismiss', 'data-index': u.index }, t('fix.dismiss')))));
}

$('fix-unplaced').addEventListener('click', (e) => {
  const b = e.target.closest('.fix-dismiss');
  if (!b) return;
  const list = [...(currentAnn()?.corrections ?? [])];
  const [gone] = list.splice(Number(b.dataset.index), 1);
  if (gone && setCorrections(list, () => t('fix.did.dismiss', { what: t(`fix.kind.${gone.kind}`) }))) {
    fixView.addEventListener('drawn', () => ($('fix-unplaced').querySelector('.fix-dismiss') ?? fixView.querySelector('[role="region"]'))?.focus(), { once: true });
  }
});
