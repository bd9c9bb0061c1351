// The panels around the document: tag bars in the answers, the outline, the
// tag-set editor, the unplaced list. All text goes in as
// text nodes; colours through CSSOM (the CSP forbids style attributes).
import { state, currentAnn, fallbackColor, findTag } from './state.js';
import { onLangChange, t } from './i18n.js';

/** The element with id `id`. */
export const $ = (id) => document.getElementById(id);

/** A switch of the page remembered in this browser under `key` (off when storage is refused). */
export function recalled(key) {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Remembers switch `key` as `on` (when storage is refused, the choice lasts for this visit). */
export function remember(key, on) {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // storage refused
  }
}

/**
 * Places floating `box` (position: absolute, shown) by `rect` (a highlight's
 * or a selection's, in the window): above it, or below it when there is no
 * room above; `left` (window x) kept within the window's width.
 */
export function placeBeside(box, rect, left) {
  const { offsetWidth: width, offsetHeight: height } = box;
  const x = Math.max(8, Math.min(left, innerWidth - Math.min(width, innerWidth - 16) - 8));
  const y = rect.top - height - 5 >= 0 ? rect.top - height - 5 : rect.bottom + 5;
  box.style.setProperty('left', `${x + scrollX}px`);
  box.style.setProperty('top', `${y + scrollY}px`);
}

/** Creates an element: h('li', {className: 'x'}, child, 'text', …). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || k === 'list' || k === 'for') el.setAttribute(k, v === true ? '' : v);
    else el[k] = v;
  }
  el.append(...children.filter((c) => c != null));
  return el;
}

function colorOf(name) {
  return findTag(name)?.color ?? fallbackColor();
}

let tips = 0;

/**
 * The definition of code `c` as a tooltip beside its chip or button: shown
 * on hover and on focus (CSS), and the element's description for screen
 * readers (aria-describedby its id). Null when the code has no definition.
 */
export function definitionTip(c) {
  if (!c?.description) return null;
  return h('span', { className: 'tip', role: 'tooltip', id: `tip-${++tips}` }, c.description);
}

function chip(name, answerId, removable) {
  const tag = findTag(name);
  const tip = definitionTip(tag);
  const li = h('li', { className: 'chip', 'data-tag': name },
    h('span', { className: 'chip-name' }, name),
    tag?.key ? h('kbd', { className: 'chip-key', 'aria-hidden': 'true' }, tag.key) : null,
    removable ? h('button', { type: 'button', className: 'chip-x', 'aria-label': t('tag.remove', { name }), 'aria-describedby': tip?.id, 'data-answer': answerId, 'data-tag': name }) : null,
    tip);
  li.style.setProperty('--tag', colorOf(name));
  return li;
}

/** The tag bar appended to each answer block (its words marked data-t-*: i18n.translatePage words them again). */
export function tagBar(answerId) {
  return h('div', { className: 'tagbar', 'data-answer': answerId, lang: document.documentElement.lang },
    h('ul', { className: 'chips', 'aria-label': t('tag.list'), 'data-t-aria-label': 'tag.list', 'data-drawn': '' }),
    h('input', { className: 'tag-input', 'aria-label': t('tag.add'), 'data-t-aria-label': 'tag.add', placeholder: t('tag.addField'), 'data-t-placeholder': 'tag.addField', list: 'tag-suggestions', autocomplete: 'off', 'data-answer': answerId }),
    h('button', { type: 'button', className: 'tag-add', 'aria-label': t('tag.addTyped'), 'data-t-aria-label': 'tag.addTyped', 'data-answer': answerId }),
    h('textarea', { className: 'note', 'aria-label': t('tag.note'), 'data-t-aria-label': 'tag.note', placeholder: t('tag.noteField'), 'data-t-placeholder': 'tag.noteField', rows: 1, 'data-answer': answerId }));
}

let drawnSet = '';
// Chips name their tags in the interface language: all drawn again after a switch.
onLangChange(() => {
  drawnSet = '';
  for (const bar of document.querySelectorAll('.tagbar')) bar.lang = document.documentElement.lang;
});

/** Sets the chips of `ul` unless it already shows `tags` (and the tag set is unchanged). */
function setChips(ul, tags, answerId, removable, force) {
  const key = tags.join('\n');
  if (ul.dataset.drawn === key && (!force || !key)) return;
  ul.dataset.drawn = key;
  ul.replaceChildren(...tags.map((t) => chip(t, answerId, removable)));
}

/** Brings every answer's chips and note, and the outline's chips, up to date. */
export function refreshTags(view) {
  const ann = currentAnn();
  const setKey = JSON.stringify(state.tagSet);
  const force = setKey !== drawnSet;
  drawnSet = setKey;
  for (const bar of view.querySelectorAll('.tagbar')) {
    const id = bar.dataset.answer;
    const tags = ann?.tags[id] ?? [];
    setChips(bar.firstChild, tags, id, true, force);
    const note = bar.lastChild;
    const want = ann?.notes[id] ?? '';
    if (note.value !== want && document.activeElement !== note) note.value = want;
    if (bar.parentElement && bar.parentElement.classList.contains('tagged') !== tags.length > 0) bar.parentElement.classList.toggle('tagged');
  }
  for (const ul of document.querySelectorAll('#pairs .chips')) setChips(ul, ann?.tags[ul.dataset.answer] ?? [], null, false, setKey);
}

function dd(term, value) {
  return value ? [h('dt', null, term), h('dd', null, value)] : [];
}

/**
 * A header field the user can correct in place (headerfix.js): always shown,
 * "—" when the parser found nothing, with its ✎ button (hidden in a
 * read-only tab: body.read-only).
 */
function editable(field, term, value) {
  return [h('dt', { id: `meta-${field}` }, term), h('dd', { 'data-field': field },
    h('span', { className: value ? 'meta-value' : 'meta-value hint' }, value || '—'),
    h('button', { type: 'button', className: 'meta-edit', 'data-edit': field, 'aria-label': t('fix.editField', { field: term }), title: t('fix.editField', { field: term }) }, '✎'))];
}

/** Header metadata, the question/answer pairs and the diagnostics. */
export function renderOutline(els) {
  const a = state.analysis?.annotations;
  if (!a) {
    els.meta.replaceChildren();
    els.pairs.replaceChildren(h('li', { className: 'hint' }, t('outline.none')));
    els.diagnostics.replaceChildren();
    return;
  }
  renderMeta(els.meta);
  const qLabel = new Map(a.questions.map((q) => [q.id, `Vraag ${q.numbers.join(' en ')}`]));
  els.pairs.replaceChildren(...a.answers.map((ans) => h('li', null,
    h('a', { href: `#${ans.id}`, className: 'jump', 'data-jump': ans.id }, state.labels.get(ans.id) ?? ans.id),
    ans.questions.length ? h('span', { className: 'hint' }, ` ← ${ans.questions.map((q) => qLabel.get(q) ?? q).join(', ')}`) : null,
    h('ul', { className: 'chips small', 'data-answer': ans.id, 'aria-label': t('tag.list'), 'data-drawn': '' }))));
  if (!a.answers.length) els.pairs.append(h('li', { className: 'hint' }, t('outline.noAnswers')));
  els.diagnostics.replaceChildren(...a.diagnostics.map((x, i) => h('li', { className: `diag diag-${x.severity}`, 'data-code': x.code },
    h('span', { className: 'sev' }, t(`sev.${x.severity}`)), ' ', diagnosticText(x, state.analysis.diagnostic_params?.[i]))));
  if (!a.diagnostics.length) els.diagnostics.append(h('li', { className: 'hint' }, t('outline.noDiagnostics')));
}

/** The header's fields in the outline's list `dl` (the current analysis). */
export function renderMeta(dl) {
  const d = state.analysis?.annotations.document;
  if (!d) return dl.replaceChildren();
  const focused = dl.contains(document.activeElement) ? document.activeElement.dataset.edit : null; // a ✎ keeps the focus (an undo)
  dl.replaceChildren(
    ...dd(t('outline.id'), d.id),
    ...dd(t('outline.kind'), d.kind && (t(`kind.${d.kind}`) ?? d.kind)),
    ...dd(t('outline.session'), d.session_year),
    ...dd(t('outline.subject'), d.subject),
    ...editable('askers', t('outline.askedBy'), d.askers.map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).join(', ')),
    ...dd(t('outline.parties'), [...new Set(d.askers.map((x) => x.party).filter(Boolean))].join(', ')),
    ...editable('addressees', t('outline.addressed'), d.addressees.map((x) => x.text).join('; ')),
    ...editable('respondents', t('outline.answeredBy'), answeredBy(d)),
    ...editable('submitted', t('outline.submitted'), d.submitted),
    ...editable('received', t('outline.received'), d.received),
    ...editable('dated', t('outline.dated'), d.dated),
  );
  if (focused) dl.querySelector(`[data-edit="${focused}"]`)?.focus();
}

/** A diagnostic's message in the interface language, by its code and the params the core gave; else the core's. */
function diagnosticText(x, params) {
  return x.code && params ? t(`diag.${x.code}`, params) : x.message;
}

/**
 * Who answered, as a sentence reads: "Minister Klever (Financiën), mede
 * namens de Staatssecretaris van Justitie en Veiligheid". A respondent on
 * whose behalf the first answers is named by the header's own words.
 */
function answeredBy(d) {
  const who = (r) => [r.role, r.name].filter(Boolean).join(' ') + (r.portfolio ? ` (${r.portfolio})` : '');
  const main = d.respondents.filter((r) => !r.on_behalf).map(who);
  const behalf = d.respondents.filter((r) => r.on_behalf).map((r) => t('outline.onBehalf', r));
  return [main.join('; '), ...behalf].filter(Boolean).join(', ');
}

/**
 * Imported tags that found no answer, and tags whose answer is no longer in
 * the (edited) text: listed, never dropped silently.
 */
export function renderUnplaced(panel, ul) {
  const ann = currentAnn();
  const list = ann?.unplaced ?? [];
  // The units codes may sit on: answers, questions and the document (codebook levels).
  const a = state.analysis?.annotations;
  const known = a && new Set([...a.answers.map((x) => x.id), ...a.questions.map((x) => x.id), 'document']);
  const orphans = known ? [...new Set([...Object.keys(ann.tags), ...Object.keys(ann.notes)])].filter((id) => !known.has(id)) : [];
  panel.hidden = list.length + orphans.length === 0;
  const item = (label, quote, tags, note, data) => h('li', null,
    h('strong', null, label), ' ', h('q', null, quote),
    h('ul', { className: 'chips small' }, ...tags.map((t) => chip(t, null, false))),
    note ? h('p', { className: 'hint' }, t('unplaced.note', { note })) : null,
    h('button', { type: 'button', className: 'unplaced-dismiss', ...data }, t('unplaced.dismiss')));
  ul.replaceChildren(
    ...list.map((u, i) => item(u.label, u.quote, u.tags, u.note, { 'data-index': i })),
    ...orphans.map((id) => item(t('unplaced.answer', { id }), t('unplaced.gone'), ann.tags[id] ?? [], ann.notes[id], { 'data-orphan': id })));
}
