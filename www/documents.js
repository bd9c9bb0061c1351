// Documents: the list (open, rename, delete), "New document", and the name a
// document gets from its header. The changes themselves are state.js's.
import { state, closeDoc, deleteDoc, renameDoc, switchDoc } from './state.js';
import { $, h, renderDocList } from './ui.js';
import { announce } from './messages.js';

const docList = $('doc-list');

function clipLine(s) {
  const line = (s ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const m = /^.{0,70}/u.exec(line)[0];
  return m.length < line.length ? `${m}…` : m;
}

/**
 * A name for the document list: "Boswijk (CDA) over het onderzoek in hoeverre…"
 * from the header when it has a subject, else the id, else the first line.
 */
export function docName(analysis, text) {
  const d = analysis?.annotations.document;
  const who = (d?.askers ?? []).map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).filter(Boolean).join(', ');
  if (d?.subject) return clipLine(who ? `${who} over ${d.subject}` : d.subject.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  return d?.id ?? (clipLine(text) || 'Untitled');
}

$('new-doc').addEventListener('click', () => {
  closeDoc();
  $('doc-text').focus();
  announce('New document: paste or open a text');
});

docList.addEventListener('click', (e) => {
  const btn = e.target.closest('button');
  const id = btn?.dataset.doc;
  if (!id) return;
  const doc = state.docs.find((d) => d.id === id);
  if (btn.classList.contains('doc-open')) {
    switchDoc(id);
    announce(`Document ${doc.name}`);
  } else if (btn.classList.contains('doc-delete')) {
    if (!window.confirm(`Delete “${doc.name}” with its tags and notes? This cannot be undone.`)) return;
    deleteDoc(id);
    announce(`Deleted ${doc.name}`);
  } else if (btn.classList.contains('doc-rename')) {
    rename(btn.closest('li'), doc);
  }
});

/** Swaps the list item `li` for a name field; Enter or leaving it renames, Escape does not. */
function rename(li, doc) {
  const input = h('input', { value: doc.name, 'aria-label': 'Document name', className: 'doc-name-input', maxLength: 120 });
  li.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (ok) => {
    if (done) return;
    done = true;
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (ok && renameDoc(doc.id, name)) announce(`Renamed to ${name}`);
    renderDocList(docList);
    docList.querySelector(`[data-doc="${CSS.escape(doc.id)}"].doc-rename`)?.focus();
  };
  input.addEventListener('keydown', (k) => {
    if (k.key !== 'Enter' && k.key !== 'Escape') return;
    k.preventDefault(); // else the key would press the button that gets the focus
    finish(k.key === 'Enter');
  });
  input.addEventListener('blur', () => finish(true));
}
