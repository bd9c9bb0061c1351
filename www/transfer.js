// Import and export: the coder's name (asked once, written into every
// export), annotation files (imported onto the document they belong to, or
// the current one, asking first when it has tags or notes: replace, merge or
// cancel; a collection file opens its documents), the unplaced-tags panel
// they can leave, the JSON, W3C and CSV downloads of one document, and
// "Export all" as a collection file, JSON Lines or CSV (the documents parsed,
// and the CSV table built, in the worker).
import { state, exportedCodebook, addAnnotations, currentAnn, hasAnnotations, currentDoc, dismissUnplaced, openDocText, setCoder, switchDoc } from './state.js';
import { $ } from './ui.js';
import { annotationJson, annotationObject, collectionJson, csvText, exportName, jsonLines, saveFile, tableRow, w3cJson } from './export.js';
import { placeAnnotations, readJson } from './importer.js';
import { announce, clearError, showError } from './messages.js';
import { openFiles } from './opener.js';
import { runJob } from './jobs.js';
import { compareWith } from './compare.js';
import { errorText, t } from './i18n.js';
import { nameOf } from './documents.js';

const choice = $('import-choice');
// While the dialog is open no shortcut reaches the page (its own keys are the browser's).
choice.addEventListener('keydown', (e) => e.stopPropagation());

/**
 * Asks what an import onto document `doc`, which has tags or notes, does:
 * resolves to 'replace', 'merge', 'compare' (as another coder's: the
 * agreement report, nothing changes) or 'cancel' (also Escape). Focus goes back
 * where it was.
 */
function askImport(fileName, doc) {
  const ann = state.ann[doc.id];
  const tags = Object.values(ann.tags).reduce((n, t) => n + t.length, 0);
  const notes = Object.values(ann.notes).filter(Boolean).length;
  $('import-choice-text').textContent = t('import.ask', { file: fileName, doc: nameOf(doc), tags, notes });
  const back = document.activeElement;
  return new Promise((resolve) => {
    // Settled at once on a click (the dialog's close event comes a task later), or on that event (Escape).
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      choice.removeEventListener('click', pick);
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      resolve(choice.returnValue || 'cancel');
    };
    const pick = (e) => {
      const btn = e.target.closest('button[data-choice]');
      if (!btn) return;
      choice.close(btn.dataset.choice);
      done();
    };
    choice.addEventListener('click', pick);
    choice.addEventListener('close', done, { once: true });
    choice.returnValue = '';
    choice.showModal();
    $('import-choice-cancel').focus();
  });
}

const importFile = $('import-file');

/** Imports the annotation file `file`; a refused file changes nothing and says why. */
export async function importAnnotations(file) {
  let result, json;
  try {
    json = await readJson(file);
    // A collection file opens as documents, each with its tags.
    if (json?.format === 'kamervragen-collection') return openFiles([file]);
    // A file for another of the stored documents goes to that document.
    const home = state.docs.find((d) => d.id !== state.currentId && state.texts[d.id] === json?.document?.text);
    if (home) switchDoc(home.id);
    result = placeAnnotations(json, state.texts[state.currentId] ?? '');
  } catch (e) {
    showError(() => t('import.failed', { why: errorText(e).replace(/\.$/, '') }));
    return;
  }
  clearError();
  const doc = currentDoc();
  const onto = doc && (state.texts[doc.id] ?? '').trim() ? doc.id : null;
  // Never silently over a document's own tags and notes: the user chooses.
  const how = onto && hasAnnotations(onto) ? await askImport(file.name, doc) : '';
  if (how === 'cancel') {
    announce(t('import.cancelled'));
    return;
  }
  // As another coder's file: the agreement report (compare.js), nothing changed.
  if (how === 'compare') return compareWith(json, file.name, doc);
  const id = onto ?? openDocText(result.text);
  const label = how === 'replace' ? 'undo.replaced' : 'undo.imported';
  addAnnotations(id, result, () => t(label, { file: file.name }), how);
  const tags = result.placed.reduce((n, p) => n + p.tags.length, 0);
  const moved = result.placed.filter((p) => p.how !== 'id').length;
  $('summary').textContent += t('import.summary', { tags, answers: result.placed.length, moved, unplaced: result.unplaced.length });
  announce(t('import.announce', { tags, unplaced: result.unplaced.length }));
}

importFile.addEventListener('change', async () => {
  const file = importFile.files[0];
  importFile.value = '';
  if (file) await importAnnotations(file);
});

// The coder's name, asked once: kept by the browser, written into every export.
$('coder-name').addEventListener('change', (e) => setCoder(e.target.value));

$('unplaced').addEventListener('click', (e) => {
  const btn = e.target.closest('.unplaced-dismiss');
  if (btn) dismissUnplaced(btn.dataset.orphan, Number(btn.dataset.index));
});

function exportWith(fn) {
  const a = state.analysis?.annotations;
  if (a) fn(a, currentAnn(), currentDoc());
}
const CSV_TYPE = 'text/csv;charset=utf-8';
$('export-json').addEventListener('click', () => exportWith((a, ann, doc) => saveFile(exportName(a, 'json', doc), annotationJson(a, ann, state.tagSet, state.coder, exportedCodebook()))));
$('export-w3c').addEventListener('click', () => exportWith((a, ann, doc) => saveFile(exportName(a, 'w3c.jsonld', doc), w3cJson(a, ann), 'application/ld+json')));
$('export-csv').addEventListener('click', () => exportWith((a, ann, doc) => saveFile(exportName(a, 'csv', doc), csvText([tableRow(a.document.text, doc, ann)], state.tagSet), CSV_TYPE)));

/** The documents with a text, in the list's order as opened. */
const exported = () => state.docs.filter((d) => (state.texts[d.id] ?? '').trim());

/** Every document's annotation object with its tags and notes (parsed in the worker). */
async function allObjects(docs) {
  const out = new Array(docs.length);
  // Each document carries the codebook, as it carries the tag set: as its single export does.
  const book = exportedCodebook();
  await runJob({ mode: 'export', texts: docs.map((d) => state.texts[d.id]), corrections: docs.map((d) => state.ann[d.id]?.corrections ?? []) }, (part) => {
    out[part.index] = annotationObject(part.annotations, state.ann[docs[part.index].id], state.tagSet, state.coder, book);
  });
  return out;
}

/** Runs an export of every document; `make(docs)` resolves to [file name, text, type]. */
async function exportAll(what, make) {
  const docs = exported();
  if (!docs.length) return;
  announce(t('export.preparing', { n: docs.length }));
  document.body.setAttribute('aria-busy', 'true');
  try {
    const [name, text, type] = await make(docs);
    saveFile(name, text, type);
    announce(t('export.done', { n: docs.length, what }));
  } catch (e) {
    showError(() => t('export.failed', { why: errorText(e) }));
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

$('export-all-json').addEventListener('click', () => exportAll('JSON', async (docs) =>
  [`${t('file.collection')}.json`, await collectionJson(await allObjects(docs), state.tagSet, state.coder, exportedCodebook())]));
$('export-all-jsonl').addEventListener('click', () => exportAll('JSON Lines', async (docs) =>
  [`${t('file.collection')}.jsonl`, await jsonLines(await allObjects(docs)), 'application/jsonl']));
$('export-all-csv').addEventListener('click', () => exportAll('CSV', async (docs) => {
  let csv = '';
  const rows = docs.map((d) => tableRow(state.texts[d.id], d, state.ann[d.id]));
  await runJob({ mode: 'csv', docs: rows, tagSet: state.tagSet.map((t) => t.name) }, (part) => {
    csv = part.csv;
  });
  return [`${t('file.collection')}.csv`, csv, CSV_TYPE];
}));
