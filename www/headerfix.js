// The header corrected in place, in the outline (issue 15): asked by (with
// the parties), addressed to, answered by, and the dates submitted, received
// and of the letter. A field's ✎ turns it into a text field with its format
// under it; Enter or Save keeps it, Esc or Cancel leaves it as it was; one
// field at a time (opening another keeps what was typed in the first). Each
// change is one correction of kind "header" (one undo step, saved at once);
// the core applies it (corrections.rs), the outline shows the result.
import { state, currentAnn, setCorrections } from './state.js';
import { $, h, renderMeta } from './ui.js';
import { t } from './i18n.js';
import { refusalOf } from './corrections.js';

const headerMeta = $('meta');
const HEADER_DATES = ['submitted', 'received', 'dated'];

/** A header field as typed in its text field (and read back by `headerTypedValues`). */
function headerFieldText(d, field) {
  switch (field) {
    case 'askers': return d.askers.map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).join(', ');
    case 'addressees': return d.addressees.map((x) => x.text).join('; ');
    case 'respondents': return d.respondents.map((r) => [r.role, r.name].filter(Boolean).join(' ') + (r.portfolio ? ` (${r.portfolio})` : '')).join('; ');
    default: return d[field] ?? '';
  }
}

/** The people of a list field as typed: [{name, party?, role?, portfolio?}]. */
function headerTypedValues(field, text) {
  const items = text.split(field === 'askers' ? /[,;]/ : /;/).map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    const m = /^(.*?)\s*(?:\(([^()]*)\))?$/.exec(item);
    const [name, inParens] = [m[1].trim(), (m[2] ?? '').trim()];
    if (field === 'askers') return { name, party: inParens };
    if (field === 'addressees') return { name: item };
    // "Minister Klever (Financiën)"; a single word is the role ("Minister (Infrastructuur en Waterstaat)", on whose behalf).
    const [role, ...rest] = name.split(/\s+/);
    return { role, name: rest.join(' '), portfolio: inParens };
  });
}

/** Whether every "(" in `text` is closed, and none closed that was not opened. */
function balanced(text) {
  let depth = 0;
  for (const ch of text) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

/** Turns field `field` of the outline into a text field (the one being edited kept first, or left as it was). */
function headerEdit(field) {
  const open = headerMeta.querySelector('dd.editing');
  if (open && !headerSave(open.dataset.field, false)) return;
  const d = state.analysis?.annotations.document;
  const dd = headerMeta.querySelector(`dd[data-field="${field}"]`);
  if (!d || !dd || state.readOnly) return;
  const hintKey = HEADER_DATES.includes(field) ? 'fix.hint.date' : `fix.hint.${field}`;
  const input = h('input', { className: 'meta-input', autocomplete: 'off', 'aria-labelledby': `meta-${field}`, 'aria-describedby': `meta-hint-${field} meta-error-${field}` });
  input.value = headerFieldText(d, field);
  dd.replaceChildren(input,
    h('p', { className: 'hint', id: `meta-hint-${field}` }, t(hintKey)),
    h('p', { className: 'error', role: 'alert', id: `meta-error-${field}` }),
    h('div', { className: 'row' },
      h('button', { type: 'button', 'data-save': field }, t('fix.save')),
      h('button', { type: 'button', 'data-cancel': field }, t('fix.cancel'))));
  dd.classList.add('editing');
  input.select();
}

/** The ✎ of `field` again (after the outline was drawn anew), or the outline. */
function headerBackTo(field) {
  (headerMeta.querySelector(`[data-edit="${field}"]`) ?? $('outline-h'))?.focus();
}

/** Puts back what the outline shows for `field` (nothing changed). */
function headerCancel(field) {
  renderMeta(headerMeta);
  headerBackTo(field);
}

/**
 * Keeps what was typed in `field`: one correction, unless nothing changed;
 * the focus back on its ✎ when `refocus`. False when refused (the field
 * says why and keeps the focus).
 */
function headerSave(field, refocus = true) {
  const dd = headerMeta.querySelector(`dd[data-field="${field}"]`);
  const d = state.analysis?.annotations.document;
  if (!dd || !d) return true;
  const typed = dd.querySelector('input').value.trim();
  const refuse = (message) => {
    const input = dd.querySelector('input');
    dd.querySelector('.error').textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return false;
  };
  if (!HEADER_DATES.includes(field) && !balanced(typed)) return refuse(t('fix.headerParens'));
  if (typed === headerFieldText(d, field)) {
    renderMeta(headerMeta);
    if (refocus) headerBackTo(field);
    return true;
  }
  const c = { kind: 'header', start: 0, end: 0, quote: '', prefix: '', suffix: '', field };
  if (HEADER_DATES.includes(field)) {
    if (typed && !/^\d{4}-\d{2}-\d{2}$/.test(typed)) return refuse(t('fix.headerDateInvalid'));
    if (typed) c.iso = typed;
    const why = refusalOf(c); // a day that does not exist (2024-02-30)
    if (why) return refuse(t('fix.headerDateInvalid'));
  } else c.values = headerTypedValues(field, typed);
  // A later correction of the field replaces the earlier one.
  const list = [...(currentAnn()?.corrections ?? []).filter((x) => !(x.kind === 'header' && x.field === field)), c];
  if (setCorrections(list, () => t('fix.did.header', { fields: t(`fix.field.${field}`) })) && refocus) headerBackTo(field);
  return true;
}

headerMeta.addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.dataset.edit) headerEdit(b.dataset.edit);
  else if (b.dataset.save) headerSave(b.dataset.save);
  else if (b.dataset.cancel) headerCancel(b.dataset.cancel);
});

headerMeta.addEventListener('keydown', (e) => {
  const field = e.target.closest('dd.editing')?.dataset.field;
  if (!field || !e.target.matches('input')) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    headerSave(field);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    headerCancel(field);
  }
});
