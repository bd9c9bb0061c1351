// The reading view (issue 16; the default) and "Show as printed". One DOM for
// both, switched by the class `reading` on <body>: the CSS hides page
// furniture and footnotes where they were printed, shows the core's line
// breaks "join" as nothing and "para" as paragraph breaks, and folds every
// other line break into a space (view.rs, reading.rs), so spans, highlights,
// tags and the keyboard are the same in both. Here: the switch (aria-pressed,
// remembered in localStorage) and the list of footnotes after the document; a
// footnote's text shows at its marker in the highlight's card (markcard.js),
// and the marker still jumps to the footnote, in the list.
import { $, h, recalled, remember } from './ui.js';
import { onLangChange, t } from './i18n.js';
import { renderNodes } from './render.js';
import { followLink } from './navigation.js';
import { hideCard } from './markcard.js';

const KEY = 'kamervragen-printed';
const els = { button: $('show-printed'), notes: $('doc-notes'), list: $('notes-list'), view: $('doc-view') };

/** Shows the text as printed (`on`) or as the reading view; remembered when `keep`. */
export function setPrinted(on, keep = false) {
  document.body.classList.toggle('reading', !on);
  els.button.setAttribute('aria-pressed', String(on));
  hideCard();
  if (keep) remember(KEY, on);
}

setPrinted(recalled(KEY));
els.button.addEventListener('click', () => setPrinted(els.button.getAttribute('aria-pressed') !== 'true', true));

let shownNodes = [];

/** The list of footnotes for the render tree `nodes` (the document's footnotes, in order). */
export function renderNotes(nodes) {
  shownNodes = nodes ?? [];
  const found = [];
  const walk = (list) => {
    for (const n of list) {
      if (typeof n === 'string') continue;
      if (n.k === 'footnote' && n.id) found.push(n);
      else walk(n.c);
    }
  };
  walk(shownNodes);
  els.list.replaceChildren(...found.map((n) => {
    const li = h('li', { id: `note-${n.id}`, 'data-note': n.id });
    renderNodes(n.c, li);
    li.append(h('a', { href: '#', className: 'fn-back', 'data-back': n.id, 'aria-label': t('view.back') }));
    // The list is after the document: its links are ordinary Tab stops.
    for (const a of li.querySelectorAll('a')) a.tabIndex = 0;
    return li;
  }));
  els.notes.hidden = !found.length;
}

/** Once the view is built: each footnote marker is described by its footnote in the list. */
export function linkMarkers() {
  for (const a of els.view.querySelectorAll('a.m-reference--footnote-marker')) {
    const note = `note-${a.getAttribute('href').slice(1)}`;
    if ($(note)) a.setAttribute('aria-describedby', note);
    else a.removeAttribute('aria-describedby');
  }
}

onLangChange(() => renderNotes(shownNodes));
els.list.addEventListener('click', followLink);
