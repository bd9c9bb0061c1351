// Import and export: annotation files (imported onto the document they
// belong to, or the current one), the unplaced-tags panel they can leave,
// and the JSON, W3C and CSV downloads.
import { state, addAnnotations, currentAnn, currentDoc, dismissUnplaced, openDocText, switchDoc } from './state.js';
import { $ } from './ui.js';
import { annotationJson, csvText, exportName, saveFile, w3cJson } from './export.js';
import { placeAnnotations, readJson } from './importer.js';
import { announce, clearError, showError } from './messages.js';

const importFile = $('import-file');

/** Imports the annotation file `file`; a refused file changes nothing and says why. */
export async function importAnnotations(file) {
  let result;
  try {
    const json = await readJson(file);
    // A file for another of the stored documents goes to that document.
    const home = state.docs.find((d) => d.id !== state.currentId && state.texts[d.id] === json?.document?.text);
    if (home) switchDoc(home.id);
    result = placeAnnotations(json, state.texts[state.currentId] ?? '');
  } catch (e) {
    showError(`Import failed: ${String(e.message ?? e).replace(/\.$/, '')}. Nothing was changed.`);
    return;
  }
  clearError();
  const doc = currentDoc();
  const id = doc && (state.texts[doc.id] ?? '').trim() ? doc.id : openDocText(result.text);
  addAnnotations(id, result, `annotations imported from ${file.name}`);
  const tags = result.placed.reduce((n, p) => n + p.tags.length, 0);
  const moved = result.placed.filter((p) => p.how !== 'id').length;
  $('summary').textContent += ` · imported ${tags} tags on ${result.placed.length} answers${moved ? ` (${moved} re-anchored by quote)` : ''}${result.unplaced.length ? `; ${result.unplaced.length} could not be placed (see Unplaced tags)` : ''}`;
  announce(`Imported ${tags} tags${result.unplaced.length ? `, ${result.unplaced.length} unplaced` : ''}`);
}

importFile.addEventListener('change', async () => {
  const file = importFile.files[0];
  importFile.value = '';
  if (file) await importAnnotations(file);
});

$('unplaced').addEventListener('click', (e) => {
  const btn = e.target.closest('.unplaced-dismiss');
  if (btn) dismissUnplaced(btn.dataset.orphan, Number(btn.dataset.index));
});

function exportWith(fn) {
  const a = state.analysis?.annotations;
  if (a) fn(a, currentAnn());
}
$('export-json').addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'json'), annotationJson(a, ann, state.tagSet))));
$('export-w3c').addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'w3c.jsonld'), w3cJson(a, ann), 'application/ld+json')));
$('export-csv').addEventListener('click', () => exportWith((a, ann) => saveFile(exportName(a, 'csv'), csvText(a, ann, currentDoc()?.name), 'text/csv;charset=utf-8')));
