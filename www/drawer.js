// The panels at 800 px and below: the documents with the outline, and the tag
// set, are drawers over the document, opened from the top bar (one tap) or by
// a key (d, s: tagging.js); Esc or the same button closes them. Wider, they
// are beside the document and the keys move the focus into them.
const NARROW = matchMedia('(max-width: 800px)');
const panes = { side: document.querySelector('.side'), tags: document.querySelector('.tags-pane') };
const buttons = [...document.querySelectorAll('[data-drawer]')];
let open = null;

function setOpen(name) {
  open = name;
  document.body.classList.toggle('drawer-side', name === 'side');
  document.body.classList.toggle('drawer-tags', name === 'tags');
  for (const b of buttons) b.setAttribute('aria-expanded', String(b.dataset.drawer === name));
}

/** Shows pane `name` ('side' or 'tags'): opens its drawer when narrow; `focus` (an element in it, else its first control) gets the focus. */
export function showPane(name, focus) {
  if (NARROW.matches) setOpen(name);
  (focus ?? panes[name].querySelector('input, button, select, a[href], textarea'))?.focus();
}

/** Closes an open drawer (the focus back to its button when it was inside). */
export function closeDrawer(refocus = false) {
  if (!open) return;
  const inside = refocus || panes[open].contains(document.activeElement);
  const button = buttons.find((b) => b.dataset.drawer === open);
  setOpen(null);
  if (inside) button?.focus();
}

for (const b of buttons) {
  b.addEventListener('click', () => (open === b.dataset.drawer ? closeDrawer() : showPane(b.dataset.drawer)));
}
for (const pane of Object.values(panes)) {
  pane.addEventListener('keydown', (e) => {
    // (A field's own Esc first: the filter empties, then leaves, then the drawer closes.)
    const left = !pane.contains(document.activeElement);
    if (e.key === 'Escape' && open && (!e.defaultPrevented || left)) {
      e.preventDefault();
      closeDrawer(left);
    }
  });
  // A jump in the outline or a document opened from the list: the drawer makes way.
  pane.addEventListener('click', (e) => {
    if (open && e.target.closest('[data-jump], .doc-open')) setOpen(null);
  });
}
NARROW.addEventListener('change', () => setOpen(null));
setOpen(null);
