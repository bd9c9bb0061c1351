// The card of a date or reference (issue 15): what the parser read there
// ("Date: 2024-07-31", "Kamerstuk: kst-21501-20-2068", "Refers to: Antwoord
// 3"), a footnote's text at its marker, "Open link" for a web link and
// "Remove highlight". It shows when a highlight is focused (a click, or ←
// and → in its block) or the pointer rests on it, above the highlight (below
// when there is no room), and stays while the pointer is on its buttons; its
// text lets the pointer through to the words under it. The keyboard: Tab
// from the highlight goes to the card's buttons, Shift+Tab and Esc back, Tab
// from the last button on to what follows the highlight; Delete on the
// highlight removes it (corrections.js). One card for the page, outside the
// text: the view's text nodes, selections and copying are not touched. The
// highlights of the document and of the list of footnotes have one.
import { $, placeBeside } from './ui.js';
import { lang, onLangChange, t } from './i18n.js';
import { state } from './state.js';

/** What has a card: the dates and references of the document view and of the footnotes' list. */
export const CARD_MARKS = '.m-date, .m-reference';
export const CARD_ROOTS = [$('doc-view'), $('notes-list')];

const cardEls = { card: $('mark-card'), text: $('card-text'), open: $('card-open'), remove: $('card-remove') };
let cardFor = null;
let cardHideTimer = 0;
let cardShowTimer = 0;
let cardRemover = () => {};
/** The highlight the focus goes back to with Esc: its card stays closed then. */
let cardClosedFor = null;

/** Sets what "Remove highlight" does with the highlight (corrections.js). */
export function setRemover(fn) {
  cardRemover = fn;
}

const cardMarkOf = (el) => {
  const mark = el?.closest?.(CARD_MARKS);
  return mark && CARD_ROOTS.some((root) => root.contains(mark)) ? mark : null;
};

/** The card's words for highlight `el`: {text, lang}. */
function cardWords(el) {
  const note = el.matches('a.m-reference--footnote-marker') && el.getAttribute('aria-describedby');
  if (note && $(note)) return { text: $(note).textContent, lang: 'nl' };
  const tip = el.dataset.tip ?? '';
  if (el.classList.contains('m-date')) return { text: t('view.date', { date: tip }), lang: lang() };
  const kind = [...el.classList].find((c) => c.startsWith('m-reference--'))?.slice('m-reference--'.length) ?? 'other';
  const target = kind === 'cross-reference' ? state.labels.get(tip) ?? tip : tip || el.getAttribute('href') || '';
  return { text: t('card.ref', { kind: t(`card.kind.${kind}`), target }), lang: lang() };
}

function showCard(el) {
  clearTimeout(cardHideTimer);
  clearTimeout(cardShowTimer);
  if (cardFor && cardFor !== el) hideCard();
  const words = cardWords(el);
  cardFor = el;
  cardEls.text.textContent = words.text;
  cardEls.text.lang = words.lang;
  const href = el.getAttribute('href') ?? '';
  cardEls.open.hidden = !/^https?:\/\//i.test(href);
  if (!cardEls.open.hidden) cardEls.open.href = href;
  cardEls.remove.hidden = state.readOnly;
  // Described by the card, unless it already is (a footnote marker: by its footnote).
  if (!el.hasAttribute('aria-describedby')) {
    el.setAttribute('aria-describedby', 'card-text');
    el.dataset.cardDescribed = '';
  }
  cardEls.card.hidden = false;
  placeCard(el);
  // Once more after the next frame: a highlight just drawn (a correction) may still move.
  requestAnimationFrame(() => cardFor === el && placeCard(el));
}

/** Above the highlight, or below it when there is no room above; within the window's width. */
function placeCard(el) {
  const r = el.getBoundingClientRect();
  placeBeside(cardEls.card, r, r.left);
}

/** Hides the card (Esc, a switch of view, the highlight gone). */
export function hideCard() {
  clearTimeout(cardHideTimer);
  clearTimeout(cardShowTimer);
  if (cardFor && 'cardDescribed' in cardFor.dataset) {
    cardFor.removeAttribute('aria-describedby');
    delete cardFor.dataset.cardDescribed;
  }
  cardFor = null;
  cardEls.card.hidden = true;
}

const cardActions = () => [cardEls.open, cardEls.remove].filter((b) => !b.hidden);
const inCard = (el) => el && cardEls.card.contains(el);
const hideCardLater = () => {
  clearTimeout(cardHideTimer);
  cardHideTimer = setTimeout(() => {
    if (!inCard(document.activeElement) && document.activeElement !== cardFor) hideCard();
  }, 300);
};

/** The first Tab stop after `el` in the page (what Tab from `el` would reach), outside the card. */
function tabStopAfter(el) {
  const all = [...document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]')]
    .filter((x) => x.tabIndex >= 0 && !x.disabled && !inCard(x) && x.getClientRects().length);
  return all.find((x) => el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(x)) ?? null;
}

for (const root of CARD_ROOTS) {
  root.addEventListener('focusin', (e) => {
    const el = cardMarkOf(e.target);
    if (el && el === cardClosedFor) cardClosedFor = null;
    else if (el) showCard(el);
    else hideCard();
  });
  root.addEventListener('focusout', (e) => {
    if (cardMarkOf(e.target) === cardFor && !inCard(e.relatedTarget)) hideCard();
  });
  root.addEventListener('mouseover', (e) => {
    const el = cardMarkOf(e.target);
    if (!el) return; // plain text: a card on its way out stays on its way
    if (el === cardFor) return clearTimeout(cardHideTimer);
    clearTimeout(cardShowTimer);
    // Passing over the text shows nothing; resting on a highlight does (at once when a card is open).
    cardShowTimer = setTimeout(() => showCard(el), cardFor ? 0 : 250);
  });
  root.addEventListener('mouseout', (e) => {
    const el = cardMarkOf(e.target);
    if (!el) return;
    if (el !== cardFor) return clearTimeout(cardShowTimer);
    if (document.activeElement !== cardFor && !inCard(e.relatedTarget)) hideCardLater();
  });
  // Tab from the highlight into its card (opened again if Esc closed it).
  root.addEventListener('keydown', (e) => {
    const el = cardMarkOf(e.target);
    if (e.key !== 'Tab' || e.shiftKey || !el || el !== e.target) return;
    if (cardFor !== el) showCard(el);
    if (!cardActions().length) return;
    e.preventDefault();
    cardActions()[0].focus();
  });
}
cardEls.card.addEventListener('mouseover', () => clearTimeout(cardHideTimer));
cardEls.card.addEventListener('mouseout', (e) => !inCard(e.relatedTarget) && document.activeElement !== cardFor && !inCard(document.activeElement) && hideCardLater());
cardEls.card.addEventListener('focusout', (e) => {
  if (!inCard(e.relatedTarget) && e.relatedTarget !== cardFor) hideCard();
});
// Shift+Tab from the first button and Esc: back to the highlight; Tab from the last: on past it.
cardEls.card.addEventListener('keydown', (e) => {
  if (!cardFor || (e.key !== 'Escape' && e.key !== 'Tab')) return;
  const actions = cardActions();
  const back = cardFor;
  if (e.key === 'Tab' && !e.shiftKey && e.target === actions.at(-1)) {
    e.preventDefault();
    const next = tabStopAfter(back);
    hideCard();
    next?.focus();
  } else if (e.key === 'Escape' || (e.shiftKey && e.target === actions[0])) {
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') {
      hideCard();
      cardClosedFor = back;
    }
    back.focus();
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && cardFor && !inCard(e.target)) hideCard();
}, true);

cardEls.remove.addEventListener('click', () => {
  const el = cardFor;
  if (!el?.isConnected || state.readOnly) return;
  hideCard();
  cardRemover(el);
});
cardEls.open.addEventListener('click', () => setTimeout(hideCard, 0));
addEventListener('resize', hideCard);
onLangChange(hideCard);
