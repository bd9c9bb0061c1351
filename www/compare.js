// Two coders (issue 14): "Compare with another coder…", the agreement
// report and adjudication. The figures come from the core, the same code as
// `kamervragen agreement`: this module hands it the collection (file A) and
// the other coder's file (B, as JSON.parse read it) piece by piece
// (core.Coder: agreement::flat, no deserializer in the wasm) and shows what
// core.agreement returns:
// - the report (a dialog): per variable and per code the units coded by
//   both, percent agreement, Cohen's κ, Krippendorff's α, "undefined" and
//   why where a figure is; what could not be compared; the CSV of the CLI;
// - adjudication (a panel above the document): each answer, question or document the coders coded
//   differently, both codings side by side with the answer's text; Keep A,
//   Keep B or other codes write the answer's tags (state.setAnswerTags: one
//   undoable step of that document, saved), and the list shrinks. Undoing
//   brings the answer back into the list.
import { core } from './core.js';
import { state, exportedCodebook, findVariable, setAnswerTags, switchDoc, unitLevel } from './state.js';
import { saveFile } from './export.js';
import { readJson } from './importer.js';
import { nameOf } from './documents.js';
import { announce, clearError, showError } from './messages.js';
import { errorText, onLangChange, t } from './i18n.js';
import { $, h } from './ui.js';

const COLLECTION_FILE = 'kamervragen-collection';
const asList = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' ? v : '');
const names = (tags) => asList(tags).filter((x) => typeof x === 'string');

/** File B: the other coder's document or collection file, parsed. */
function fillTheirs(c, json) {
  const docs = json.format === COLLECTION_FILE ? asList(json.documents) : [json];
  for (const o of [json, ...docs]) for (const tag of asList(o?.tag_set)) c.tag(str(tag?.name));
  const book = [json, ...docs].find((o) => Array.isArray(o?.codebook?.variables))?.codebook;
  for (const v of asList(book?.variables)) {
    c.variable(str(v?.name), str(v?.kind), str(v?.level));
    for (const code of asList(v?.codes)) c.code(str(code?.name));
  }
  for (const d of docs) {
    if (typeof d?.document?.text !== 'string') continue;
    c.document(d.document.text);
    const unit = (level, o, id) => c.unit(level, id ?? str(o?.id), str(o?.text), names(o?.tags).join('\n'), o?.no_code === true);
    unit('document', d.document, 'document');
    for (const q of asList(d.questions)) unit('question', q);
    for (const a of asList(d.answers)) unit('answer', a);
  }
}

/** File A: this collection's codebook and documents `docs` with their codes (of answers, questions and the document). */
function fillMine(c, docs) {
  for (const tag of state.tagSet) c.tag(tag.name);
  // As this collection's export writes it (none for a tag set of before: the core then takes the other file's, else the tags of both).
  for (const v of exportedCodebook()?.variables ?? []) {
    c.variable(v.name, v.kind, v.level);
    for (const code of v.codes) c.code(code.name);
  }
  for (const d of docs) {
    c.document(state.texts[d.id]);
    for (const [unit, tags] of Object.entries(state.ann[d.id]?.tags ?? {})) c.unit(unitLevel(unit), unit, '', tags.join('\n'), false);
  }
}

/** The documents the file is compared with: all for a collection file, else the one with its text, else `doc`, else the current one. */
function mineFor(json, doc) {
  const all = state.docs.filter((d) => (state.texts[d.id] ?? '').trim());
  if (json.format === COLLECTION_FILE) return all;
  const home = all.find((d) => state.texts[d.id] === json?.document?.text) ?? doc ?? all.find((d) => d.id === state.currentId);
  return home ? [home] : [];
}

// ---- the report ----

const dialog = $('report');
let csv = '';
let back = null;

const percent = (x) => `${(x * 100).toFixed(1)} %`;
const fixed = (x) => x.toFixed(3);
const VALUES = { present: 'compare.value.present', absent: 'compare.value.absent', none: 'compare.value.none', 'every code present': 'compare.value.allPresent', 'every code absent': 'compare.value.allAbsent' };

/** Why a figure is undefined, in the interface language (the core says it in English). */
function undefinedWhy(f) {
  if (!f.units) return t('compare.why.noUnits');
  const reason = f.undefined ?? '';
  if (reason.startsWith('the variable has no codes')) return t('compare.why.noCodes');
  const value = /same value \((.+)\):/.exec(reason)?.[1] ?? '';
  return t('compare.why.sameValue', { value: VALUES[value] ? t(VALUES[value]) : value });
}

/** A figure's cell: the number, or "undefined" and why (never 1.0 or NaN). */
function cell(value, format, f) {
  if (value == null) return h('td', { className: 'undefined' }, t('compare.undefined'), h('span', { className: 'why' }, ` (${undefinedWhy(f)})`));
  return h('td', { className: 'num' }, format(value));
}

function reportRow(kind, variable, code, f) {
  return h('tr', { className: kind },
    h('th', { scope: 'row' }, variable),
    h('td', null, code),
    h('td', { className: 'num' }, String(f.units)),
    cell(f.percent_agreement, percent, f),
    cell(f.cohen_kappa, fixed, f),
    cell(f.krippendorff_alpha, fixed, f));
}

/** Why `u` was not compared, in the interface language (from the core's code, not its English `reason`). */
function unmatchedReason(u) {
  const p = { ...u.why_params };
  for (const k of ['level', 'its']) if (p[k]) p[k] = t(`compare.level.${p[k]}`);
  if (u.why_params?.level) p.thisLevel = t(`compare.this.${u.why_params.level}`);
  return t(`compare.unmatched.${u.why}`, p);
}

function unmatchedItem(u, fileName) {
  const file = u.file === 'A' ? t('compare.fileA') : t('compare.fileB', { file: fileName });
  const where = [u.document, u.unit, u.code ? t('compare.code', { code: u.code }) : null].filter(Boolean).join(', ');
  return h('li', null, `${file}: ${where}: ${unmatchedReason(u)}`);
}

function showReport(report, fileName) {
  const [a, b] = report.coders;
  $('report-about').textContent = t('compare.about', { a: a || t('compare.you'), b: b || fileName, n: report.documents, moved: report.reanchored });
  const rows = [];
  for (const v of report.variables) {
    rows.push(reportRow('variable', v.variable, t('compare.allCodes'), v));
    for (const c of report.codes.filter((c) => c.variable === v.variable)) rows.push(reportRow('code', v.variable, c.code, c));
  }
  $('report-rows').replaceChildren(...rows);
  $('report-notes').replaceChildren(...report.notes.map((n) => h('li', null, n)));
  $('report-notes').hidden = !report.notes.length;
  const unmatched = report.unmatched.map((u) => unmatchedItem(u, fileName));
  $('report-unmatched').replaceChildren(...(unmatched.length ? unmatched : [h('li', null, t('compare.allMatched'))]));
  const open = unsettled().length;
  $('report-settle').textContent = t('compare.settle', { n: open });
  $('report-settle').disabled = !open;
  back = document.activeElement;
  if (!dialog.open) dialog.showModal();
  $('report-h').focus();
  announce(t('compare.shown', { file: fileName }));
}

/**
 * Compares the other coder's file `json` (read from `fileName`) with this
 * collection (a collection file) or with its document of the same text, else
 * `doc`, else the current one; shows the report. Nothing in the collection
 * changes; a file that cannot be compared says why.
 */
export function compareWith(json, fileName, doc = null) {
  const fail = (e) => showError(t('compare.failed', { why: (typeof e === 'string' ? e : errorText(e)).replace(/\.$/, '') }));
  if (!json || typeof json !== 'object' || (json.format !== COLLECTION_FILE && json.format !== 'kamervragen-annotations')) return fail(t('compare.notExport'));
  if (json.version !== 1) return fail(t('compare.version'));
  const docs = mineFor(json, doc);
  if (!docs.length) return fail(t('compare.noDocs'));
  const a = new core.Coder(false, state.coder);
  const b = new core.Coder(true, str(json.coder) || str(asList(json.documents).find((d) => d?.coder)?.coder));
  let out;
  try {
    fillMine(a, docs);
    fillTheirs(b, json);
    out = core.agreement(a, b); // consumes a and b
  } catch (e) {
    a.__wbg_ptr && a.free();
    b.__wbg_ptr && b.free();
    return fail(e);
  }
  clearError();
  csv = out.csv;
  settled.clear();
  differences = out.differences.map((d) => ({ ...d, docId: docs[d.doc].id, key: `${docs[d.doc].id} ${d.unit}` }));
  other = out.report.coders[1] || fileName;
  showReport(out.report, fileName);
  refreshAdjudication();
}

dialog.addEventListener('keydown', (e) => e.stopPropagation());
dialog.addEventListener('close', () => {
  if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
});
$('report-close').addEventListener('click', () => dialog.close());
$('report-csv').addEventListener('click', () => saveFile('agreement-report.csv', csv, 'text/csv;charset=utf-8'));
$('report-settle').addEventListener('click', () => {
  back = null;
  dialog.close();
  $('adjudicate').hidden = false;
  $('adjudicate-h').focus();
});

const compareFile = $('compare-file');
compareFile.addEventListener('change', async () => {
  const file = compareFile.files[0];
  compareFile.value = '';
  if (!file) return;
  try {
    compareWith(await readJson(file), file.name);
  } catch (e) {
    showError(t('compare.failed', { why: errorText(e).replace(/\.$/, '') }));
  }
});

// ---- adjudication ----

/** Units (answers, questions, the document) coded differently: {docId, level, unit, key, numbers, text, a, b} (a, b: {tags, no_code}). */
let differences = [];
/** key → the tags the user settled on (an undo that changes them brings the answer back). */
const settled = new Map();
let other = '';

const tagsNow = (d) => state.ann[d.docId]?.tags[d.unit] ?? [];
const sameSet = (x, y) => x.length === y.length && x.every((n) => y.includes(n));

/** The differences not settled (or settled, then undone), of documents still there. */
function unsettled() {
  return differences.filter((d) => d.docId in state.texts && !(settled.has(d.key) && sameSet(settled.get(d.key), tagsNow(d))));
}

function coding(side) {
  if (side.no_code) return t('adj.noCode');
  return side.tags.length ? side.tags.join(', ') : t('adj.notCoded');
}

/** The unit's name in the list: "Answer 6 and 7", "Question 2", "The document". */
function unitName(d) {
  if (d.level === 'document') return t('adj.document');
  if (!d.numbers.length) return d.unit;
  return t(d.level === 'question' ? 'adj.question' : 'adj.answer', { n: d.numbers });
}

function docNameOf(d) {
  const doc = state.docs.find((x) => x.id === d.docId);
  return doc ? nameOf(doc) : d.docId;
}

function item(d, i) {
  const head = `${docNameOf(d)} · ${unitName(d)}`;
  // The codes of the unit's level (an answer's, a question's or the document's), and those either coder gave it.
  const codes = [...new Set([...state.tagSet.filter((x) => (findVariable(x.variable)?.level ?? 'answer') === d.level).map((x) => x.name), ...d.a.tags, ...d.b.tags])];
  const now = tagsNow(d);
  const hid = `adj-h-${i}`;
  return h('li', { className: 'adj-item', 'aria-labelledby': hid, 'data-key': d.key },
    h('h3', { id: hid }, head),
    d.text ? h('blockquote', { className: 'adj-text', lang: 'nl' }, d.text) : null,
    h('dl', { className: 'adj-sides' },
      h('dt', null, t('adj.coderA', { name: state.coder || t('compare.you') })), h('dd', null, coding({ ...d.a, tags: now, no_code: false })),
      h('dt', null, t('adj.coderB', { name: other })), h('dd', null, coding(d.b))),
    h('div', { className: 'choices' },
      h('button', { type: 'button', 'data-adj': 'a', 'data-i': i }, t('adj.keepA')),
      h('button', { type: 'button', 'data-adj': 'b', 'data-i': i }, t('adj.keepB'))),
    h('fieldset', { className: 'adj-other' },
      h('legend', null, t('adj.other')),
      ...codes.map((name) => h('label', null, h('input', { type: 'checkbox', value: name, checked: now.includes(name) }), ` ${name}`)),
      h('button', { type: 'button', 'data-adj': 'set', 'data-i': i }, t('adj.set'))));
}

let openItems = [];

/** Redraws the list (after every change of state: undo brings an answer back). */
export function refreshAdjudication() {
  const panel = $('adjudicate');
  if (!differences.length) {
    panel.hidden = true;
    return;
  }
  openItems = unsettled();
  $('adjudicate-count').textContent = t('adj.count', { n: openItems.length, file: other });
  const focused = document.activeElement?.closest?.('.adj-item')?.dataset.key;
  const had = document.activeElement?.dataset?.adj;
  $('adjudicate-list').replaceChildren(...openItems.map(item));
  if (focused && panel.contains(document.activeElement) === false) {
    const el = $('adjudicate-list').querySelector(`[data-key="${CSS.escape(focused)}"] [data-adj="${had}"]`);
    el?.focus();
  }
}

function decide(i, how, li) {
  const d = openItems[i];
  if (!d) return;
  let tags;
  if (how === 'a') tags = tagsNow(d);
  else if (how === 'b') tags = d.b.tags;
  else tags = [...li.querySelectorAll('input[type=checkbox]:checked')].map((x) => x.value);
  // Worded when shown (the undo notice follows a switch of language).
  const label = () => t(`adj.done.${how}`, { unit: `${docNameOf(d)} · ${unitName(d)}` });
  const next = openItems[i + 1] ?? openItems[i - 1];
  // The document on screen: its undo (Ctrl+Z, the Undo button) takes the choice back.
  if (state.currentId !== d.docId) switchDoc(d.docId, d.unit);
  settled.set(d.key, [...tags]);
  const wrote = setAnswerTags(d.docId, d.unit, tags, label);
  if (!wrote && state.readOnly) {
    settled.delete(d.key); // refused (state.js says why): nothing settled
    return;
  }
  if (!wrote) {
    refreshAdjudication();
    announce(label());
  }
  $('adjudicate-status').textContent = wrote ? `${label()}. ${t('adj.undoHint')}` : `${label()}.`;
  const target = next && $('adjudicate-list').querySelector(`[data-key="${CSS.escape(next.key)}"] [data-adj="${how === 'set' ? 'a' : how}"]`);
  (target ?? $('adjudicate-h')).focus();
}

$('adjudicate-list').addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-adj]');
  if (btn) decide(Number(btn.dataset.i), btn.dataset.adj, btn.closest('.adj-item'));
});

// Up and down move between the answers; no other single key reaches the page's shortcuts from here (Ctrl+Z does).
$('adjudicate').addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const li = e.target.closest?.('.adj-item');
  if (li && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    const to = e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
    to?.querySelector('button')?.focus();
    e.preventDefault();
  }
  if (e.key.length === 1 || e.key === 'ArrowDown' || e.key === 'ArrowUp') e.stopPropagation();
});
onLangChange(() => refreshAdjudication());
$('adjudicate-close').addEventListener('click', () => {
  differences = [];
  refreshAdjudication();
  $('doc-view').querySelector('[role="region"]')?.focus();
});
