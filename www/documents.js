// Documents: the collection's list (how many, each one's name, id, date and
// progress: answers tagged of answers), its filter and sort, the keys that
// move through it, "New document", open, rename and delete. With many
// documents only the rows in sight are in the page. The changes themselves
// are state.js's.
import { state, closeDoc, deleteDoc, renameDoc, switchDoc } from './state.js';
import { $, h } from './ui.js';
import { announce } from './messages.js';
import { t } from './i18n.js';

/** A document's name as shown: a new document without a name yet is "Untitled" in the interface language. */
export function nameOf(d) {
  return !d.named && d.name === 'Untitled' ? t('docs.untitled') : d.name;
}

/** Every row has this height (px; style.css `.doc-list .doc`): the list's window is computed from it. */
const ROW = 62;
/** Up to this many rows, all are in the page. */
const ALL_ROWS = 80;

const docList = $('doc-list');
const scroller = $('doc-scroll');
const filterBox = $('doc-filter');
const sortBox = $('doc-sort');
const countLine = $('doc-count');

/** Words of the filter, lower case. */
let words = [];
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
/** A document's words for the filter, by its info object. */
const haystacks = new WeakMap();

function haystack(d) {
  const key = d.info ?? d;
  let s = haystacks.get(key);
  if (s === undefined || s.name !== d.name) {
    const i = d.info ?? {};
    const text = [d.name, d.file, i.id, i.subject, ...(i.askers ?? []), ...(i.parties ?? []), ...(i.addressees ?? [])].filter(Boolean).join(' ').toLowerCase();
    s = { name: d.name, text };
    haystacks.set(key, s);
  }
  return s.text;
}

/** [tagged, answers] of document `d`. */
export function progressOf(d) {
  const answers = d.info?.answers ?? [];
  const tags = state.ann[d.id]?.tags ?? {};
  let done = 0;
  for (const a of answers) if (tags[a]?.length) done++;
  return [done, answers.length];
}

const dateOf = (d) => d.info?.submitted ?? d.info?.received ?? '';

/** The documents as listed: filtered and sorted. */
export function listed() {
  let docs = state.docs;
  if (words.length) docs = docs.filter((d) => words.every((w) => haystack(d).includes(w)));
  const by = sortBox.value;
  if (by === 'date') docs = [...docs].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  else if (by === 'name') docs = [...docs].sort((a, b) => collator.compare(a.name, b.name));
  else if (by === 'progress') {
    const ratio = (d) => {
      const [done, all] = progressOf(d);
      return all ? done / all : 2;
    };
    docs = [...docs].sort((a, b) => ratio(a) - ratio(b));
  }
  return docs;
}

function row(d) {
  const current = d.id === state.currentId;
  const [done, all] = progressOf(d);
  const meta = [d.info?.id ?? d.file, dateOf(d)].filter(Boolean).join(' · ');
  return h('li', { className: current ? 'doc current' : 'doc', 'data-doc': d.id },
    h('button', { type: 'button', className: 'doc-open', 'data-doc': d.id, 'aria-current': current ? 'true' : null }, nameOf(d)),
    h('span', { className: 'doc-meta hint' }, meta),
    d.info ? h('span', { className: done === all && all ? 'doc-progress done' : 'doc-progress', title: t('docs.progress', { done, all }), 'aria-label': t('docs.progress', { done, all }) }, `${done}/${all}`) : null,
    h('button', { type: 'button', className: 'icon doc-rename', 'data-doc': d.id, 'aria-label': t('docs.rename', { name: nameOf(d) }) }),
    h('button', { type: 'button', className: 'icon doc-delete', 'data-doc': d.id, 'aria-label': t('docs.delete', { name: nameOf(d) }) }));
}

let shown = [];
/** The list redrawn: the count, and the rows in sight (all of them when there are few). */
export function renderDocs() {
  shown = listed();
  countLine.textContent = t('docs.count', { n: shown.length, of: state.docs.length });
  drawWindow();
}

function drawWindow() {
  const focused = docList.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = focused && [focused.dataset.doc, focused.className];
  let from = 0, to = shown.length;
  if (shown.length > ALL_ROWS) {
    const top = Math.max(0, scroller.scrollTop - docList.offsetTop);
    from = Math.max(0, Math.floor(top / ROW) - 10);
    to = Math.min(shown.length, from + Math.ceil((scroller.clientHeight || 600) / ROW) + 20);
  }
  docList.style.paddingTop = `${from * ROW}px`;
  docList.style.paddingBottom = `${(shown.length - to) * ROW}px`;
  docList.replaceChildren(...shown.slice(from, to).map(row));
  if (!state.docs.length) docList.append(h('li', { className: 'hint' }, t('docs.empty')));
  else if (!shown.length) docList.append(h('li', { className: 'hint' }, t('docs.noMatch')));
  if (focusKey) docList.querySelector(`[data-doc="${CSS.escape(focusKey[0])}"].${focusKey[1].split(' ').pop()}`)?.focus({ preventScroll: true });
}

let scrollFrame = 0;
scroller.addEventListener('scroll', () => {
  if (shown.length <= ALL_ROWS || scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    drawWindow();
  });
}, { passive: true });

/** Scrolls the list so that document `id` is in sight. */
function reveal(id) {
  const i = shown.findIndex((d) => d.id === id);
  if (i < 0) return;
  if (shown.length <= ALL_ROWS) {
    docList.querySelector(`[data-doc="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
    return;
  }
  const y = docList.offsetTop + i * ROW;
  if (y < scroller.scrollTop || y + ROW > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y - scroller.clientHeight / 2;
  drawWindow();
}

function applyFilter() {
  words = filterBox.value.toLowerCase().split(/\s+/).filter(Boolean);
  scroller.scrollTop = 0;
  renderDocs();
}
filterBox.addEventListener('input', applyFilter);
filterBox.addEventListener('search', applyFilter);
filterBox.addEventListener('keydown', (e) => {
  // Enter opens the first document listed.
  if (e.key === 'Enter' && shown.length) {
    e.preventDefault();
    openDoc(shown[0].id);
  } else if (e.key === 'Escape') {
    // Escape empties the filter, a second one leaves it.
    e.preventDefault();
    if (filterBox.value) {
      filterBox.value = '';
      applyFilter();
    } else filterBox.blur();
  }
});
sortBox.addEventListener('change', renderDocs);

/** Opens document `id` (with `answer` current) and says which it is. */
export function openDoc(id, answer = null) {
  const doc = state.docs.find((d) => d.id === id);
  if (!doc) return;
  switchDoc(id, answer);
  reveal(id);
  const i = shown.findIndex((d) => d.id === id);
  announce(t('docs.opened', { name: nameOf(doc), i: i + 1, n: shown.length }));
}

/** The next (`step` 1) or previous (-1) document of the list. */
export function moveDoc(step) {
  if (!shown.length) return;
  const at = shown.findIndex((d) => d.id === state.currentId);
  const next = at < 0 ? (step > 0 ? 0 : shown.length - 1) : at + step;
  if (next < 0) return announce(t('docs.first'));
  if (next >= shown.length) return announce(t('docs.last'));
  openDoc(shown[next].id);
}

$('new-doc').addEventListener('click', () => {
  closeDoc();
  $('doc-text').focus();
  announce(t('docs.new'));
});

docList.addEventListener('click', (e) => {
  const btn = e.target.closest('button');
  const id = btn?.dataset.doc;
  if (!id) return;
  const doc = state.docs.find((d) => d.id === id);
  if (btn.classList.contains('doc-open')) {
    openDoc(id);
  } else if (btn.classList.contains('doc-delete')) {
    if (!window.confirm(t('docs.confirm', { name: nameOf(doc) }))) return;
    deleteDoc(id);
    announce(t('docs.deleted', { name: nameOf(doc) }));
  } else if (btn.classList.contains('doc-rename')) {
    rename(btn.closest('li'), doc);
  }
});

/** Swaps the list item `li` for a name field; Enter or leaving it renames, Escape does not. */
function rename(li, doc) {
  const input = h('input', { value: nameOf(doc), 'aria-label': t('docs.nameField'), className: 'doc-name-input', maxLength: 120 });
  li.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (ok) => {
    if (done) return;
    done = true;
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (ok && name !== nameOf(doc) && renameDoc(doc.id, name)) announce(t('docs.renamed', { name }));
    renderDocs();
    docList.querySelector(`[data-doc="${CSS.escape(doc.id)}"].doc-rename`)?.focus();
  };
  input.addEventListener('keydown', (k) => {
    if (k.key !== 'Enter' && k.key !== 'Escape') return;
    k.preventDefault(); // else the key would press the button that gets the focus
    finish(k.key === 'Enter');
  });
  input.addEventListener('blur', () => finish(true));
}
