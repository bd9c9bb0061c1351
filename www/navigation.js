// Moving through the view: jumps to answers, footnotes and cross-references
// (scrolled to the centre, focused, flashed) and the footnote back-links;
// tagging.js hands it the clicks in the view (after choosing the current answer).
import { $ } from './ui.js';

const docView = $('doc-view');
const lastMarker = new Map();

/**
 * Scrolls `el` to the centre. Blocks are laid out when they come on screen
 * (content-visibility: auto), so the ones around a far target get their real
 * height only in the frames after it is scrolled to, and push it away: it is
 * scrolled again until it has stayed put for 3 frames (20 at most), unless
 * the user scrolls, clicks or types first.
 */
let stopSettling = () => {};
function scrollToCentre(el, place = (x) => x.scrollIntoView({ block: 'center' })) {
  stopSettling();
  const onScreen = () => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  place(el);
  let top = el.getBoundingClientRect().top;
  let frames = 20;
  let still = 0;
  const USER = ['wheel', 'pointerdown', 'touchstart', 'keydown'];
  const stop = () => {
    frames = 0;
    for (const type of USER) removeEventListener(type, stop, true);
  };
  for (const type of USER) addEventListener(type, stop, { capture: true, passive: true });
  stopSettling = stop;
  const check = () => {
    if (!el.isConnected || --frames <= 0) return stop();
    const now = el.getBoundingClientRect().top;
    if (Math.abs(now - top) < 1 && onScreen()) {
      if (++still >= 3) return stop();
    } else {
      still = 0;
      place(el);
      top = el.getBoundingClientRect().top;
    }
    requestAnimationFrame(() => setTimeout(check, 0));
  };
  requestAnimationFrame(() => setTimeout(check, 0));
}

/**
 * After a paste or an opened file: the focus goes to the first question or
 * answer as soon as it is drawn, so the shortcuts work at once (never typed
 * into the text). Given up when the user moves the focus to a field first.
 */
let focusWait = 0;
export function focusFirstBlock() {
  clearTimeout(focusWait);
  const started = performance.now();
  const from = document.activeElement;
  const tryFocus = () => {
    const at = document.activeElement;
    if (at && at !== from && at !== document.body && at.id !== 'doc-text') return;
    const el = docView.querySelector('[role="region"]');
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
    } else if (performance.now() - started < 60000) focusWait = setTimeout(tryFocus, 50);
  };
  tryFocus();
}

/**
 * Scrolls answer `el` so that its top is on screen with its question
 * `question` above it: the question at the top when both fit in half the
 * screen, else the answer's top half-way down with the end of the question
 * above it; never the middle of a long answer.
 */
function answerAtTop(question) {
  return (el) => {
    const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    const room = innerHeight - bar;
    const top = el.getBoundingClientRect().top;
    const lead = question?.isConnected ? Math.min(top - question.getBoundingClientRect().top, room / 2) : 0;
    scrollBy(0, top - bar - Math.max(0, lead) - 8);
  };
}

/** Goes to answer `el` (j/k, the outline): its top on screen, its question `question` above it. */
export function jumpToAnswer(el, question) {
  jumpTo(el, answerAtTop(question));
}

export function jumpTo(el, place) {
  if (!el.matches('a[href], [tabindex], input, button, textarea, select')) el.tabIndex = -1;
  scrollToCentre(el, place);
  el.focus({ preventScroll: true });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

/** Follows a click on a link in the view: a footnote marker, a back-link, a cross-reference. */
export function followLink(e) {
  const link = e.target.closest('a');
  if (!link) return;
  if (link.dataset.back) {
    e.preventDefault();
    const back = lastMarker.get(link.dataset.back) ?? docView.querySelector(`a[href="#${CSS.escape(link.dataset.back)}"]`);
    if (back) jumpTo(back);
  } else if (link.getAttribute('href')?.startsWith('#')) {
    e.preventDefault();
    let target = $(link.getAttribute('href').slice(1));
    if (!target) return;
    if (target.dataset.fn) lastMarker.set(target.dataset.fn, link);
    // A footnote hidden where it was printed (the reading view): its entry in the list of footnotes.
    if (target.dataset.fn && !target.getClientRects().length) target = $(`note-${target.id}`) ?? target;
    jumpTo(target);
  }
}
