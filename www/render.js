// Builds the annotated view from the core's render tree: every piece of
// pasted text becomes a text node (never HTML), every mark an element.

const BLOCK_KINDS = new Set(['question', 'answer']);

/** Appends the DOM for `nodes` (strings and marks) to `parent`. */
export function renderNodes(nodes, parent) {
  for (const node of nodes) {
    if (typeof node === 'string') {
      parent.append(document.createTextNode(node));
    } else {
      parent.append(renderMark(node));
    }
  }
}

function renderMark(mark) {
  const el = document.createElement(mark.href ? 'a' : 'span');
  el.className = `m-${mark.k}` + (mark.sub ? ` m-${mark.k}--${mark.sub}` : '');
  if (mark.id) el.id = mark.id;
  if (BLOCK_KINDS.has(mark.k)) {
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', mark.label);
  }
  if (mark.title) el.title = mark.title;
  if (mark.href) {
    el.setAttribute('href', mark.href);
    if (/^https?:\/\//i.test(mark.href)) {
      el.target = '_blank';
      el.rel = 'noopener noreferrer';
    }
  }
  renderNodes(mark.c, el);
  return el;
}
