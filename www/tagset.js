// The tag-set panel: new tags, editing a tag's colour, name, key and
// description, removing one, the preset scheme, and tag-set files (export and
// import). Names and descriptions are checked by the core (state.checkTag).
import { state, addToSet, cleanTagName, editTag, importTagSet, loadPreset, removeFromSet } from './state.js';
import { $, renderTagSet } from './ui.js';
import { readJson, readTagSet } from './importer.js';
import { saveFile, tagSetJson } from './export.js';
import { announce, clearError, refuseField, showError } from './messages.js';
import { errorText, t } from './i18n.js';

const tagsetList = $('tagset');
const suggestions = $('tag-suggestions');
const newTagName = $('tag-new-name');
const tagsetImport = $('tagset-import');

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
    // Labels name the tag: rebuild the rows, keep the focus on the name.
    renderTagSet(tagsetList, suggestions, true);
    tagsetList.querySelector(`[data-tag="${CSS.escape(cleanTagName(e.target.value))}"] [data-field="name"]`)?.focus();
  }
  if (field === 'color') row.style.setProperty('--tag', e.target.value);
});
tagsetList.addEventListener('focusout', (e) => {
  if (!tagsetList.contains(e.relatedTarget)) setTimeout(() => renderTagSet(tagsetList, suggestions));
});
tagsetList.addEventListener('click', (e) => {
  const btn = e.target.closest('.tag-remove');
  if (btn) {
    removeFromSet(btn.closest('.tagrow').dataset.tag);
    renderTagSet(tagsetList, suggestions);
  }
});

$('preset').addEventListener('click', () => loadPreset());
$('tagset-export').addEventListener('click', () => saveFile(`${t('file.tagSet')}.json`, tagSetJson(state.tagSet)));
tagsetImport.addEventListener('change', async () => {
  const file = tagsetImport.files[0];
  tagsetImport.value = '';
  if (!file) return;
  try {
    const tags = readTagSet(await readJson(file));
    clearError();
    importTagSet(tags);
  } catch (e) {
    showError(() => t('tagset.notImported', { why: errorText(e) }));
  }
});
