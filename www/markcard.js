// The card of a date or reference (issue 15): what the parser read there, a
// footnote's text at its marker in the reading view, "Open link ↗" for a web
// link and "Remove highlight". It shows when a highlight is focused (a click,
// or ← and → in its block) or hovered, and stays while the pointer is on it.
// The keyboard: Tab from the highlight goes to the card's buttons, Shift+Tab
// and Esc back to the highlight; Delete on the highlight removes it
// (corrections.js). One card for the page, outside the text: the view's text
// nodes, selections and copying are not touched.
import { $ } from './ui.js';
import { lang, onLangChange, t } from './i18n.js';
import { state } from './state.js';

/** What has a card: the dates and references of the document view. */
export const CARD_MARKS = '.m-date, .m-reference';

const cardEls = { card: $('mark-card'), text: $('card-text'), open: $('card-open'), remove: $('card-remove'), view: $('doc-view') };
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

const cardMarkOf = (el) => (el?.closest?.(CARD_MARKS) && cardEls.view.contains(el) ? el.closest(CARD_MARKS) : null);
const isFootnoteMarker = (el) => el.matches('a.m-reference--footnote-marker');

/** The card's words for highlight `el`: {text, lang}. */
function cardWords(el) {
  const note = isFootnoteMarker(el) && document.body.classList.contains('reading') && el.getAttribute('aria-describedby');
  if (note && $(note)) return { text: $(note).textContent, lang: 'nl' };
  if (el.classList.contains('m-date')) return { text: t('view.date', { date: el.dataset.tip ?? '' }), lang: lang() };
  return { text: el.dataset.tip ?? el.getAttribute('href') ?? '', lang: 'nl' };
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
  const r = el.getBoundingClientRect();
  const width = Math.min(cardEls.card.offsetWidth, innerWidth - 16);
  cardEls.card.style.setProperty('left', `${Math.max(8, Math.min(r.left, innerWidth - width - 8)) + scrollX}px`);
  cardEls.card.style.setProperty('top', `${r.bottom + scrollY + 4}px`);
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

const cardHasActions = () => !cardEls.open.hidden || !cardEls.remove.hidden;
const inCard = (el) => el && cardEls.card.contains(el);
const hideCardLater = () => {
  clearTimeout(cardHideTimer);
  cardHideTimer = setTimeout(() => {
    if (!inCard(document.activeElement) && document.activeElement !== cardFor) hideCard();
  }, 300);
};

cardEls.view.addEventListener('focusin', (e) => {
  const el = cardMarkOf(e.target);
  if (el && el === cardClosedFor) cardClosedFor = null;
  else if (el) showCard(el);
  else hideCard();
});
cardEls.view.addEventListener('focusout', (e) => {
  if (cardMarkOf(e.target) === cardFor && !inCard(e.relatedTarget)) hideCard();
});
cardEls.view.addEventListener('mouseover', (e) => {
  const el = cardMarkOf(e.target);
  if (!el || el === cardFor) return clearTimeout(cardHideTimer);
  clearTimeout(cardShowTimer);
  // Passing over the text shows nothing; resting on a highlight does (at once when a card is open).
  cardShowTimer = setTimeout(() => showCard(el), cardFor ? 0 : 250);
});
cardEls.view.addEventListener('mouseout', (e) => {
  const el = cardMarkOf(e.target);
  if (!el) return;
  if (el !== cardFor) return clearTimeout(cardShowTimer);
  if (document.activeElement !== cardFor && !inCard(e.relatedTarget)) hideCardLater();
});
cardEls.card.addEventListener('mouseover', () => clearTimeout(cardHideTimer));
cardEls.card.addEventListener('mouseout', (e) => !inCard(e.relatedTarget) && document.activeElement !== cardFor && !inCard(document.activeElement) && hideCardLater());
cardEls.card.addEventListener('focusout', (e) => {
  if (!inCard(e.relatedTarget) && e.relatedTarget !== cardFor) hideCard();
});

// Tab from the highlight into its card; Shift+Tab from the card's first button and Esc back.
cardEls.view.addEventListener('keydown', (e) => {
  const el = cardMarkOf(e.target);
  if (e.key !== 'Tab' || e.shiftKey || !el || el !== e.target) return;
  if (cardFor !== el) showCard(el); // closed with Esc: Tab opens it again
  if (!cardHasActions()) return;
  e.preventDefault();
  (cardEls.open.hidden ? cardEls.remove : cardEls.open).focus();
});
cardEls.card.addEventListener('keydown', (e) => {
  const first = cardEls.open.hidden ? cardEls.remove : cardEls.open;
  if ((e.key === 'Escape' || (e.key === 'Tab' && e.shiftKey && e.target === first)) && cardFor) {
    e.preventDefault();
    e.stopPropagation();
    const back = cardFor;
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
