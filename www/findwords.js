// Words typed by the user, found in a block of the view and selected there:
// the keyboard's way to a selection (Mark as date, Mark as reference, Split
// block here) where a mouse would drag. The block's shown text is searched
// (what the reading view hides, such as a line-end hyphen it joined, is left
// out, so "besprekingen" finds "besprekin-⏎gen"); a space in the typed words
// matches any white space. Only the DOM is touched: the selection then maps
// to offsets as a mouse selection does (corrections.js).

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * Selects the first occurrence of `words` in `block` (a caret at its start
 * when `caret`); false when they are not there.
 */
export function selectWords(block, words, caret = false) {
  const parts = [];
  let shown = '';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('.tagbar, .codebar') || !n.parentElement.checkVisibility() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    parts.push({ node: n, from: shown.length });
    shown += n.data;
  }
  const typed = words.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(ESCAPE, '\\$&'));
  if (!typed.length) return false;
  const found = new RegExp(typed.join('\\s+')).exec(shown) ?? new RegExp(typed.join('\\s+'), 'i').exec(shown);
  if (!found) return false;
  // A place in the searched text: its text node and the offset in it (an end at a node's end stays in that node).
  const at = (i, end) => {
    const k = parts.findLastIndex((p) => (end ? p.from < i : p.from <= i));
    return [parts[k].node, i - parts[k].from];
  };
  const range = document.createRange();
  range.setStart(...at(found.index, false));
  if (caret) range.collapse(true);
  else range.setEnd(...at(found.index + found[0].length, true));
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}
