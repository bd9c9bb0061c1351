// The codes of the codebook panel: a new code (into the variable "tags"),
// editing a code's colour, name, key, definition and example, removing one.
// Names and texts are checked by the core (state.checkTag). The panel itself
// (variables, the preset, codebook files) is codebook.js.
import { state, addToSet, cleanTagName, editTag, removeFromSet } from './state.js';
import { $ } from './ui.js';
import { announce, clearError, refuseField, showError } from './messages.js';
import { errorText, t } from './i18n.js';
import { afterCodeRemoved, labelRow } from './codebook.js';

const tagsetList = $('tagset');
const newTagName = $('tag-new-name');

$('tag-new').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!newTagName.value.trim()) return;
  try {
    if (addToSet(newTagName.value)) {
      newTagName.value = '';
      clearError();
    }
  } catch (err) {
    refuseField(newTagName, () => errorText(err));
  }
});

tagsetList.addEventListener('change', (e) => {
  const row = e.target.closest('.tagrow');
  const field = e.target.dataset.field;
  if (!row || !field) return;
  const name = row.dataset.tag;
  let done;
  try {
    done = editTag(name, field, e.target.value);
  } catch (err) {
    // Back to what it was; the banner says why.
    e.target.value = state.tagSet.find((t) => t.name === name)?.[field] ?? '';
    return showError(() => errorText(err));
  }
  if (!done) {
    if (field === 'name') {
      e.target.value = name;
      announce(t('tagset.taken'));
    }
    return;
  }
  if (field === 'name') {
    // The row stays (and the focus with it: Tab goes on to the next field); only its names change.
    labelRow(row, cleanTagName(e.target.value));
  }
  if (field === 'color') row.style.setProperty('--tag', e.target.value);
});
tagsetList.addEventListener('click', (e) => {
  const btn = e.target.closest('.tag-remove');
  if (btn) {
    const row = btn.closest('.tagrow');
    removeFromSet(row.dataset.tag);
    afterCodeRemoved(row);
  }
});
