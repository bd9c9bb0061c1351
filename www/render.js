// Builds the annotated view from the core's render tree: every piece of
// pasted text becomes a text node (never HTML), every mark an element. Long
// documents are built in slices so the page stays responsive.
import { t } from './i18n.js';

const BLOCK_KINDS = new Set(['question', 'answer']);
/**
 * Where each text node of the view starts in the text (UTF-16, from the
 * render tree: its parent mark's `s`, or the `e` of the mark before it), so
 * that a selection maps to an offset by adding the offset within the node
 * (corrections.js). Marks carry `data-s` and `data-e`.
 */
const starts = new WeakMap();

/** The UTF-16 start of a text node of the view (undefined for any other node). */
export function textStart(node) {
  return starts.get(node);
}
const FIRST = 20000; // UTF-16 units of text built at once: a few screens, painted first
const SLICE_MS = 10; // then slices of this many ms of building, each followed by a frame
let renderToken = 0;

/**
 * Renders `nodes` into `parent` (emptied first); `decorate(el, mark)` is
 * called for every block element. Resolves when everything is in the page.
 */
export function renderView(nodes, parent, decorate) {
  const token = ++renderToken;
  parent.replaceChildren();
  // One walk over the tree, paused between slices: a single huge block (a
  // 10 MB answer) is built in slices too. The first slice is a fixed amount
  // of text (a seed-sized text is built at once); later ones are timed, so
  // a frame comes between them and never has much new to lay out.
  const walk = build(nodes, parent, decorate, 0, true);
  return new Promise((done) => {
    let first = true;
    const step = () => {
      if (token !== renderToken) return done(false);
      const until = performance.now() + SLICE_MS;
      let size = 0;
      for (;;) {
        const r = walk.next();
        if (r.done) return done(true);
        size += r.value;
        if (first ? size >= FIRST : (size >= 2000 && performance.now() >= until)) break;
      }
      first = false;
      afterPaint(step);
    };
    step();
  });
}

/** Runs `fn` after the next frame, so that it shows what was just added (after 100 ms at most: a hidden page gets no frames). */
export function afterPaint(fn) {
  let called = false;
  const go = () => {
    if (called) return;
    called = true;
    setTimeout(fn, 0);
  };
  requestAnimationFrame(go);
  setTimeout(go, 100);
}

/** Renders `nodes` into `parent` at once (a short tree: the list of footnotes). */
export function renderNodes(nodes, parent) {
  for (const _ of build(nodes, parent, () => {})); // eslint-disable-line no-unused-vars
}

/** Appends `nodes` to `parent`, yielding the length of every piece of text. */
function* build(nodes, parent, decorate, from, top = false) {
  let at = from; // where the next text node starts: text nodes never follow each other
  for (const node of nodes) {
    if (typeof node === 'string') {
      const textNode = document.createTextNode(node);
      starts.set(textNode, at);
      parent.append(top ? topText(textNode) : textNode);
      yield node.length;
    } else {
      // Built apart and put in the page whole: never a half-built block.
      const el = openMark(node);
      yield* build(node.c, node.k === 'answer' ? el.appendChild(answerBody()) : el, decorate, node.s);
      closeMark(el, node, decorate);
      parent.append(el);
      at = node.e;
      yield 1;
    }
  }
}

/**
 * An answer's text goes in a box of its own that is not laid out while off
 * screen (content-visibility: auto); the answer's tag bar goes beside it, out
 * of that box, so the form fields are always laid out: the browser checks
 * every form field after a change (autofill), and a field in a box that is
 * not laid out costs it a layout of that box (~200 ms for a 1 MB text).
 */
function answerBody() {
  const body = document.createElement('div');
  body.className = 'answer-text';
  return body;
}

/** Text between blocks: whitespace-only runs are kept (copying) but not shown. */
function topText(textNode) {
  if (textNode.data.trim()) return textNode;
  const span = document.createElement('span');
  span.className = 'gap';
  span.append(textNode);
  return span;
}

function openMark(mark) {
  const el = document.createElement(mark.href ? 'a' : BLOCK_KINDS.has(mark.k) ? 'div' : 'span');
  el.className = `m-${mark.k}` + (mark.sub ? ` m-${mark.k}--${mark.sub}` : '');
  if (mark.id) el.id = mark.id;
  el.dataset.s = mark.s;
  el.dataset.e = mark.e;
  if (BLOCK_KINDS.has(mark.k)) {
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', mark.label);
    el.tabIndex = 0; // one Tab stop per question and answer (tagging.js: arrows reach what is inside)
  }
  if (mark.k === 'footnote' && mark.id) el.dataset.fn = mark.id;
  if (mark.title) el.dataset.tip = mark.title; // shown in the highlight's card (markcard.js)
  // Dates, references and links are no Tab stops: ← and → reach them from their block (tagging.js).
  if (mark.title || mark.href) el.tabIndex = -1;
  if (mark.href) {
    el.setAttribute('href', mark.href);
    if (/^https?:\/\//i.test(mark.href)) {
      el.target = '_blank';
      el.rel = 'noopener noreferrer';
    }
  }
  return el;
}

function closeMark(el, mark, decorate) {
  if (mark.k === 'footnote' && mark.id) {
    const back = document.createElement('a');
    back.className = 'fn-back';
    back.setAttribute('href', '#');
    back.dataset.back = mark.id;
    back.setAttribute('aria-label', t('view.back'));
    back.tabIndex = -1;
    el.append(back);
  }
  if (BLOCK_KINDS.has(mark.k)) decorate(el, mark);
}
