// Tagging: the tag bar and note of each answer, the current answer, the
// outline's jumps to answers, the keyboard shortcuts (j/k, 1–9, t, n, ?,
// Ctrl+Z/Y; ] and [ for the next and previous document, u for the next
// untagged answer of the collection, / for the filter, d and s for the panels,
// ← → for the highlights of a block, Esc out of the text box or a field) with
// their help dialog, and the undo/redo buttons. Keys 1–9 put a code on the
// unit of its codebook level (keyUnit): the answer, its question, the document.
import { state, addTag, cleanTagName, draftNote, levelOf, redo, removeTag, setCurrentAnswer, setNote, toggleTag, undo } from './state.js';
import { listed, moveDoc, openDoc } from './documents.js';
import { $ } from './ui.js';
import { markCurrent } from './view.js';
import { followLink, jumpTo, jumpToAnswer } from './navigation.js';
import { announce, clearError, refuseField } from './messages.js';
import { showPane } from './drawer.js';
import { errorText, t } from './i18n.js';

const tagView = $('doc-view');
const help = $('help');

function answerOf(el) {
  return el?.closest?.('.m-answer[role="region"]') ?? null;
}

function setCurrent(id) {
  setCurrentAnswer(id);
  markCurrent();
}

/** Adds the tag typed in `input` to its answer; a name the core refuses is shown with its message. */
function addFromInput(input) {
  const id = input.dataset.answer;
  if (input.value.trim()) {
    try {
      if (addTag(id, input.value)) {
        input.value = '';
        clearError();
      } else if (!state.readOnly) announce(t('tag.already', { answer: state.labels.get(id), name: cleanTagName(input.value) }));
    } catch (e) {
      refuseField(input, () => errorText(e));
    }
  }
  input.focus();
}

tagView.addEventListener('keydown', (e) => {
  if (e.target.classList.contains('tag-input') && e.key === 'Enter') {
    e.preventDefault();
    addFromInput(e.target);
  }
});

let noteStart = '';
tagView.addEventListener('focusin', (e) => {
  const region = answerOf(e.target);
  if (region) setCurrent(region.id);
  if (e.target.classList.contains('note')) noteStart = e.target.value;
});
tagView.addEventListener('input', (e) => {
  // Saved at once (without an undo step per keystroke; the edit as a whole is one).
  if (e.target.classList.contains('note')) draftNote(e.target.dataset.answer, e.target.value);
});
tagView.addEventListener('change', (e) => {
  if (!e.target.classList.contains('note')) return;
  setNote(e.target.dataset.answer, e.target.value, noteStart);
  noteStart = e.target.value;
});

tagView.addEventListener('click', (e) => {
  const region = answerOf(e.target);
  if (region) setCurrent(region.id);
  const btn = e.target.closest('button');
  if (btn?.classList.contains('chip-x')) {
    const bar = btn.closest('.tagbar');
    removeTag(btn.dataset.answer, btn.dataset.tag);
    bar?.querySelector('.tag-input')?.focus();
  } else if (btn?.classList.contains('tag-add')) addFromInput(btn.parentElement.querySelector('.tag-input'));
  else followLink(e);
});

$('pairs').addEventListener('click', (e) => {
  const a = e.target.closest('[data-jump]');
  if (!a) return;
  e.preventDefault();
  const el = $(a.dataset.jump);
  if (el) {
    setCurrent(el.id);
    if (el.classList.contains('m-answer')) jumpToAnswer(el, questionOf(el.id));
    else jumpTo(el);
  }
});

// ---- keyboard ----

/** The dates, references and links of the view: no Tab stops, reached with ← and → from their block. */
const HIGHLIGHT = '[data-tip], a[href]';

/**
 * Moves the focus from `from` (a question, an answer or a highlight in it) to
 * the next (`step` 1) or previous highlight of the same block; past the last
 * or first, back to the block. Outside the blocks (the header, the
 * footnotes) among the highlights outside the blocks. False when there is none.
 */
function moveInBlock(from, step) {
  const block = from.closest('[role="region"]');
  const all = [...(block ?? tagView).querySelectorAll(HIGHLIGHT)]
    .filter((el) => (block ? !el.closest('.tagbar') : !el.closest('[role="region"]')) && el.getClientRects().length);
  if (!all.length) return false;
  const at = all.indexOf(from);
  const to = at < 0 ? (step > 0 ? all[0] : all.at(-1)) : all[at + step] ?? block;
  if (!to) return false;
  to.focus();
  return true;
}

function isTextField(el) {
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(el.type);
}

function moveAnswer(step) {
  const ids = state.analysis?.annotations.answers.map((a) => a.id) ?? [];
  if (!ids.length) return announce(t('tag.noAnswers'));
  const at = ids.indexOf(state.currentAnswer);
  const next = ids[Math.max(0, Math.min(ids.length - 1, at < 0 ? (step > 0 ? 0 : ids.length - 1) : at + step))];
  const el = $(next);
  if (!el) return;
  setCurrent(next);
  jumpToAnswer(el, questionOf(next));
}

/** The (first) question element of answer `id`. */
function questionOf(id) {
  const q = state.analysis?.annotations.answers.find((a) => a.id === id)?.questions[0];
  return q ? $(q) : null;
}

/** Waits (a few frames at most) for answer `id` of a document just opened, then goes to it. */
function goToAnswer(id, frames = 60) {
  const el = $(id);
  if (el) {
    setCurrent(id);
    jumpToAnswer(el, questionOf(id));
  } else if (frames > 0) requestAnimationFrame(() => goToAnswer(id, frames - 1));
}

/** The next answer without a tag: further on in this document, else in the following documents of the list. */
function nextUntagged() {
  const untagged = (docId, ids) => ids.find((a) => !state.ann[docId]?.tags[a]?.length);
  const ids = state.analysis?.annotations.answers.map((a) => a.id) ?? [];
  const here = state.currentId && untagged(state.currentId, ids.slice(ids.indexOf(state.currentAnswer) + 1));
  if (here) return goToAnswer(here);
  const docs = listed();
  const at = docs.findIndex((d) => d.id === state.currentId);
  for (let k = 1; k <= docs.length; k++) {
    const d = docs[(at + k + docs.length) % docs.length];
    const answer = untagged(d.id, d.id === state.currentId ? ids : d.info?.answers ?? []);
    if (!answer) continue;
    if (d.id !== state.currentId) openDoc(d.id, answer);
    return goToAnswer(answer);
  }
  announce(t('tag.allTagged'));
}

/**
 * The unit keys 1–9 act on for a code of `level`: the current answer; the
 * question block in focus, else the (first) question of the current answer;
 * the document. Null when there is none.
 */
function keyUnit(level, target) {
  if (level === 'document') return state.analysis ? 'document' : null;
  const answer = state.currentAnswer && $(state.currentAnswer) ? state.currentAnswer : null;
  if (level === 'answer') return answer;
  const question = target?.closest?.('.m-question[role="region"]')?.id;
  return question || (answer && state.analysis.annotations.answers.find((a) => a.id === answer)?.questions[0]) || null;
}

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.key === 'Escape' && isTextField(e.target) && answerOf(e.target)) {
    answerOf(e.target).focus();
    return;
  }
  if (e.key === 'Escape' && e.target.id === 'doc-text') {
    // Esc leaves the text box for the current answer, else the first block.
    const el = (state.currentAnswer && $(state.currentAnswer)) || tagView.querySelector('[role="region"]');
    if (el) {
      e.preventDefault();
      el.focus();
    }
    return;
  }
  // In an empty "Add tag" field (a tag just added with Enter), Ctrl+Z undoes
  // the tagging; with text in a field, the browser undoes the typing.
  const emptyTagField = e.target.classList?.contains('tag-input') && !e.target.value;
  if (isTextField(e.target) && !emptyTagField) return; // the browser's own editing and undo
  if (mod && !e.altKey && (key === 'z' || key === 'y')) {
    e.preventDefault();
    if (key === 'y' || e.shiftKey) redo();
    else undo();
    return;
  }
  if (mod || e.altKey || help.open || isTextField(e.target)) return;
  if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && tagView.contains(e.target) && e.target.matches(`[role="region"], ${HIGHLIGHT}`)) {
    if (moveInBlock(e.target, e.key === 'ArrowRight' ? 1 : -1)) e.preventDefault();
    return;
  }
  if (e.key === 'Escape' && tagView.contains(e.target)) {
    const block = e.target.closest('[role="region"]');
    if (block && block !== e.target) {
      e.preventDefault();
      block.focus();
    }
    return;
  }
  if (key === 'j' || key === 'k') {
    e.preventDefault();
    moveAnswer(key === 'j' ? 1 : -1);
  } else if (/^[1-9]$/.test(key)) {
    const tag = state.tagSet.find((t) => t.key === key);
    if (!tag) return announce(t('tag.noKey', { key }));
    // The unit of the code's level (codebook): the current answer, its
    // question (the question in focus), or the document. On a one-of
    // variable addTag replaces the variable's other code; otherwise a toggle.
    const unit = keyUnit(levelOf(tag.name), e.target);
    if (!unit) return announce(t('tag.noCurrent'));
    e.preventDefault();
    toggleTag(unit, tag.name);
  } else if (e.key === ']' || e.key === '[') {
    e.preventDefault();
    moveDoc(e.key === ']' ? 1 : -1);
  } else if (key === 'u') {
    e.preventDefault();
    nextUntagged();
  } else if (e.key === '/') {
    e.preventDefault();
    showPane('side', $('doc-filter'));
  } else if (key === 'd' || key === 's') {
    e.preventDefault();
    showPane(key === 'd' ? 'side' : 'tags');
  } else if (e.key === '?') {
    e.preventDefault();
    help.showModal();
  } else if ((key === 't' || key === 'n') && state.currentAnswer) {
    const field = $(state.currentAnswer)?.querySelector(key === 't' ? '.tag-input' : '.note');
    if (field) {
      e.preventDefault();
      field.focus();
    }
  }
});

$('undo').addEventListener('click', () => undo());
$('redo').addEventListener('click', () => redo());
$('help-open').addEventListener('click', () => help.showModal());
$('help-close').addEventListener('click', () => help.close());
