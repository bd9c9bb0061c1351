// Corrections of the parse (issue 15): the toolbar above the view, the
// Delete key on a focused date or reference, the dialog that asks for a
// date, a reference or numbers, and the list of corrections that could not
// be placed. A selection becomes an offset as the text node's start (from
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

const fixView = $('doc-view');
const fixBar = $('fix-bar');
const fixDialog = $('fix-dialog');
const FIX_HIGHLIGHT = '.m-date, .m-reference';

/** The last selection (or caret) in the view: UTF-16 {start, end, block}; the last focused highlight. */
let fixSelection = null;
let fixHighlight = null;

/** The UTF-16 offset of a DOM position in the view, or null when it is not in the view's text. */
function fixOffsetOf(node, offset) {
  const start = textStart(node);
  return start === undefined ? null : start + offset;
}

document.addEventListener('selectionchange', () => {
  const sel = document.getSelection();
  if (!sel || !sel.rangeCount || !fixView.contains(sel.anchorNode)) {
    fixSelection = null; // gone, or elsewhere (a field, the text box)
    return;
  }
  const r = sel.getRangeAt(0);
  const start = fixOffsetOf(r.startContainer, r.startOffset);
  const end = fixOffsetOf(r.endContainer, r.endOffset);
  if (start === null || end === null) return;
  fixSelection = { start, end, block: fixBlockOf(r.startContainer.parentElement) };
});

fixView.addEventListener('focusin', (e) => {
  if (e.target.matches?.(FIX_HIGHLIGHT)) fixHighlight = e.target;
});

fixView.addEventListener('keydown', (e) => {
  if ((e.key === 'Delete' || e.key === 'Backspace') && e.target.matches?.(FIX_HIGHLIGHT) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    fixRemove(e.target);
  }
});

function fixBlockOf(el) {
  return el?.closest?.('.m-question[role="region"], .m-answer[role="region"]') ?? null;
}

/** The block to act on: the focused one, else the one of the last selection, else the current answer. */
function fixBlock() {
  return fixBlockOf(document.activeElement) ?? (fixSelection?.block?.isConnected ? fixSelection.block : null) ?? (state.currentAnswer ? $(state.currentAnswer) : null);
}

/** A new correction of `kind` anchored at UTF-16 `s..e`, with `extra` fields. */
function fixAnchored(kind, s, e, extra = {}) {
  return { ...core.anchor(currentText(), kind, Number(s), Number(e)), ...extra };
}

/**
 * Adds correction `c` (named `label` in the undo history) when the core can
 * place it; else says why and changes nothing.
 */
function proposeFix(c, label) {
  const list = [...(currentAnn()?.corrections ?? []), c];
  let result;
  try {
    result = core.analyze(currentText(), coreCorrections(core, list));
  } catch (e) {
    announce(errorText(e));
    return false;
  }
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
  if (proposeFix(c, () => t(kind === 'remove-date' ? 'fix.did.removeDate' : 'fix.did.removeReference', { quote: fixQuoted(c.quote) }))) fixHighlight = null;
}

/** The non-empty selection in the view, else null (and the user told). */
function fixSelected() {
  if (fixSelection && fixSelection.end > fixSelection.start) return fixSelection;
  announce(t('fix.selectFirst'));
  return null;
}

/**
 * Asks in the dialog: `title`, the `quote`, fields [{label, value}] (one or
 * two). `check(values)` returns a message when the answer is not right.
 * Resolves to the values, or null when cancelled.
 */
function askFix(title, quote, fields, check) {
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
  const back = document.activeElement;
  fixDialog.showModal();
  inputs[0].select();
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
  if (values) proposeFix({ ...c, iso: values[0] }, () => t('fix.did.addDate', { quote: fixQuoted(c.quote), iso: values[0] }));
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
  proposeFix({ ...c, ...(target ? { target } : {}), ...(url ? { url } : {}) }, () => t('fix.did.addReference', { quote: fixQuoted(c.quote) }));
}

function fixSplit() {
  if (!fixSelection) return announce(t('fix.selectFirst'));
  const block = fixSelection.block;
  const c = fixAnchored('split', fixSelection.start, fixSelection.start);
  proposeFix(c, () => t('fix.did.split', { block: block?.getAttribute('aria-label') ?? '' }));
}

function fixNeedBlock() {
  const block = fixBlock();
  if (!block) announce(t('fix.blockFirst'));
  return block;
}

function fixMerge() {
  const block = fixNeedBlock();
  if (block) proposeFix(fixAnchored('merge', block.dataset.s, block.dataset.s), () => t('fix.did.merge', { block: block.getAttribute('aria-label') }));
}

async function fixNumbers() {
  const block = fixNeedBlock();
  if (!block) return;
  const label = block.getAttribute('aria-label');
  const current = (label.match(/\d+/g) ?? []).join(', ');
  const values = await askFix(t('fix.numbersTitle', { block: label }), '', [{ label: t('fix.numbersLabel'), value: current }],
    ([v]) => (/^\s*\d{1,4}(\s*(,|en|and|\s)\s*\d{1,4})*\s*$/.test(v) && !/(^|\D)0+(\D|$)/.test(v) ? '' : t('fix.numbersInvalid')));
  if (!values) return;
  const list = values[0].match(/\d+/g).map(Number);
  proposeFix(fixAnchored('set-numbers', block.dataset.s, block.dataset.s, { numbers: list }), () => t('fix.did.numbers', { block: label, numbers: list.join(', ') }));
}

function fixToggleKind() {
  const block = fixNeedBlock();
  if (!block) return;
  const to = block.classList.contains('m-question') ? 'answer' : 'question';
  proposeFix(fixAnchored('set-kind', block.dataset.s, block.dataset.s, { block: to }), () => t(to === 'answer' ? 'fix.did.toAnswer' : 'fix.did.toQuestion', { block: block.getAttribute('aria-label') }));
}

const FIX_ACTIONS = {
  remove: () => (fixHighlight?.isConnected ? fixRemove(fixHighlight) : announce(t('fix.highlightFirst'))),
  date: fixMarkDate,
  reference: fixMarkReference,
  split: fixSplit,
  merge: fixMerge,
  numbers: fixNumbers,
  kind: fixToggleKind,
};

// Buttons keep the view's selection: a press does not take it away.
fixBar.addEventListener('mousedown', (e) => {
  if (e.target.closest('button')) e.preventDefault();
});
fixBar.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-fix]');
  if (b && !state.readOnly) FIX_ACTIONS[b.dataset.fix]?.();
});

/** The corrections that could not be placed on this text (from the analysis), each to dismiss. */
export function renderFixes() {
  const panel = $('fix-unplaced-panel');
  const unplaced = state.analysis?.corrections?.unplaced ?? [];
  panel.hidden = !unplaced.length;
  fixBar.hidden = !state.analysis;
  $('fix-header-open').hidden = !state.analysis;
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

// ---- the header, corrected in a dialog opened from the outline ----

const headerDialog = $('fix-header');
const HEADER_FIELDS = ['askers', 'addressees', 'respondents', 'submitted', 'received', 'dated'];
const DATE_FIELDS = ['submitted', 'received', 'dated'];

/** A header field as the dialog shows it (and reads it back: fixHeaderValues). */
function fixHeaderText(d, field) {
  switch (field) {
    case 'askers': return d.askers.map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).join(', ');
    case 'addressees': return d.addressees.map((x) => x.text).join('; ');
    case 'respondents': return d.respondents.map((r) => `${r.role} ${r.name}${r.portfolio ? ` (${r.portfolio})` : ''}`).join('; ');
    default: return d[field] ?? '';
  }
}

/** The people of a list field as typed: [{name, party?, role?, portfolio?}]. */
function fixHeaderValues(field, text) {
  const items = text.split(field === 'askers' ? /[,;]/ : /;/).map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    const m = /^(.*?)\s*(?:\(([^()]*)\))?$/.exec(item);
    const [name, inParens] = [m[1].trim(), (m[2] ?? '').trim()];
    if (field === 'askers') return { name, party: inParens };
    if (field === 'addressees') return { name: item };
    const [role, ...rest] = name.split(/\s+/);
    return rest.length ? { role, name: rest.join(' '), portfolio: inParens } : { name, portfolio: inParens };
  });
}

$('fix-header-open').addEventListener('click', () => {
  const d = state.analysis?.annotations.document;
  if (!d || state.readOnly) return;
  for (const f of HEADER_FIELDS) $(`fix-${f}`).value = fixHeaderText(d, f);
  $('fix-header-error').textContent = '';
  headerDialog.showModal();
  $('fix-askers').focus();
});

$('fix-header-cancel').addEventListener('click', () => headerDialog.close());

$('fix-header-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const d = state.analysis?.annotations.document;
  if (!d) return headerDialog.close();
  const fixes = [];
  for (const field of HEADER_FIELDS) {
    const typed = $(`fix-${field}`).value.trim();
    if (typed === fixHeaderText(d, field)) continue;
    const c = { kind: 'header', start: 0, end: 0, quote: '', prefix: '', suffix: '', field };
    if (DATE_FIELDS.includes(field)) {
      if (typed && !/^\d{4}-\d{2}-\d{2}$/.test(typed)) {
        $('fix-header-error').textContent = t('fix.headerDateInvalid');
        $(`fix-${field}`).focus();
        return;
      }
      if (typed) c.iso = typed;
    } else c.values = fixHeaderValues(field, typed);
    fixes.push(c);
  }
  headerDialog.close();
  $('fix-header-open').focus();
  if (!fixes.length) return;
  const list = [...(currentAnn()?.corrections ?? []), ...fixes];
  setCorrections(list, () => t('fix.did.header', { fields: fixes.map((c) => t(`fix.field.${c.field}`)).join(', ') }));
});
