// Wires the page: the parser (wasm), the text input, the view and exports.
import init, { analyze } from './pkg/kamervragen.js';
import { renderNodes } from './render.js';
import { annotationJson, exportName, saveFile } from './export.js';

const els = {
  text: document.getElementById('doc-text'),
  view: document.getElementById('doc-view'),
  summary: document.getElementById('summary'),
  exportJson: document.getElementById('export-json'),
};

const state = { analysis: null };

function update() {
  const text = els.text.value;
  const analysis = text.trim() ? analyze(text) : null;
  state.analysis = analysis;
  els.view.replaceChildren();
  if (!analysis) {
    els.summary.textContent = 'Paste the text of Kamervragen to begin.';
    els.exportJson.disabled = true;
    return;
  }
  renderNodes(analysis.view.nodes, els.view);
  const a = analysis.annotations;
  els.summary.textContent = `${a.questions.length} questions, ${a.answers.length} answers`;
  els.exportJson.disabled = false;
}

els.exportJson.addEventListener('click', () => {
  if (!state.analysis) return;
  const a = state.analysis.annotations;
  saveFile(exportName(a, 'json'), annotationJson(a));
});

await init();
els.text.addEventListener('input', update);
update();
document.documentElement.dataset.ready = 'true';
