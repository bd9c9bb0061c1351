// Opening many files at once (Open files…, a drop of files or a folder, a
// collection file through Import annotations): read, checked and parsed in
// the worker (reader.js), added to the collection in batches with a progress
// bar, the refused files listed in one alert, the texts already there named.
import { state, addDocs, mergeOpenedTagSet, switchDoc } from './state.js';
import { runJob } from './jobs.js';
import { checkCodebook, placeAnnotations, readTagSet } from './importer.js';
import { $, h } from './ui.js';
import { announce } from './messages.js';
import { errorText, onLangChange, t } from './i18n.js';

/**
 * Why a file was refused, in the interface language: a reason of the worker
 * (reader.js: {code, params, inner}), an error (placing its tags), or a text.
 */
function why(r) {
  if (r?.code === 'tags' && r.error) return t('open.tags', { why: errorText(r.error) });
  if (r?.code && !(r instanceof Error)) return t(`refused.${r.code}`, { ...r.params, why: r.inner ? why(r.inner) : r.params?.why });
  if (r instanceof Error) return errorText(r);
  return String(r ?? '');
}

const bar = $('open-progress');
const barValue = $('open-progress-bar');
const barText = $('open-progress-text');
const refusedBox = $('open-refused');
const statusLine = $('open-status');

/** Documents are added to the collection this many at a time (one save each). */
const BATCH = 50;
/** Files handed to the worker in one message. */
const FILES_A_MESSAGE = 50;

let opening = Promise.resolve();

/** Opens `files` (File objects) as documents of the collection; queued after an opening still running. */
export function openFiles(files) {
  opening = opening.then(() => openNow([...files])).catch((e) => showRefused([{ name: '', why: e instanceof Error ? e : String(e) }]));
  return opening;
}

function setProgress(done, all) {
  bar.hidden = false;
  barValue.max = all;
  barValue.value = done;
  barText.textContent = t('open.progress', { done, all });
  barValue.setAttribute('aria-valuetext', t('open.progress', { done, all }));
}

/** What the banners show, to be worded again on a switch of language. */
let shownRefused = [];
let shownStatus = null;

function showStatus(message) {
  shownStatus = message;
  statusLine.textContent = message ? message() : '';
  statusLine.hidden = !message;
}

onLangChange(() => {
  showRefused(shownRefused);
  if (shownStatus) showStatus(shownStatus);
});

function showRefused(list) {
  shownRefused = list;
  if (!list.length) {
    refusedBox.hidden = true;
    refusedBox.replaceChildren();
    return;
  }
  refusedBox.replaceChildren(
    h('p', null, t('open.refused', { n: list.length })),
    h('ul', null, ...list.map((r) => h('li', null, h('strong', null, r.name), r.name ? `: ${why(r.why)}` : why(r.why)))),
    h('button', { type: 'button', className: 'banner-close', 'aria-label': t('msg.dismiss') }));
  refusedBox.hidden = false;
}

refusedBox.addEventListener('click', (e) => {
  if (e.target.closest('.banner-close')) showRefused([]);
});

async function openNow(files) {
  if (!files.length) return;
  const refused = [], duplicates = [], ids = [];
  let waiting = [], done = 0, at = 0;
  showStatus(null);
  showRefused([]);
  setProgress(0, files.length);
  const flush = () => {
    if (!waiting.length) return;
    const result = addDocs(waiting, at);
    waiting = [];
    if (!result) return;
    at += result.ids.length;
    ids.push(...result.ids);
    duplicates.push(...result.duplicates);
  };
  const onPart = (offset) => (part) => {
    const index = offset + part.index;
    const name = files[index]?.webkitRelativePath || files[index]?.name || '';
    if (part.last !== false) {
      done = index + 1;
      setProgress(done, files.length);
    }
    if (part.refused) {
      refused.push({ name, why: part.refused });
      return;
    }
    if (part.tagSet?.length || part.codebook) {
      try {
        // A collection's codebook (checked by the core) before its tag set: its codes keep their variables.
        const book = part.codebook ? checkCodebook(part.codebook) : null;
        mergeOpenedTagSet(readTagSet({ format: 'kamervragen-tag-set', version: 1, tag_set: part.tagSet ?? [] }), book);
      } catch (e) {
        refused.push({ name, why: { code: 'tags', error: e } });
      }
    }
    for (const doc of part.docs) {
      if (doc.json) {
        try {
          doc.placed = placeAnnotations(doc.json, doc.text);
        } catch (e) {
          refused.push({ name: doc.file || name, why: { code: 'tags', error: e } });
        }
        delete doc.json;
      }
      waiting.push(doc);
      if (waiting.length >= BATCH) flush();
    }
  };
  // Handed to the worker a few at a time: passing thousands of files in one message is one long task.
  for (let from = 0; from < files.length; from += FILES_A_MESSAGE) {
    await runJob({ mode: 'open', files: files.slice(from, from + FILES_A_MESSAGE) }, onPart(from));
  }
  flush();
  bar.hidden = true;
  showRefused(refused);
  const names = duplicates.map((d) => d.file).join(', ');
  const message = () => (ids.length ? t('open.opened', { n: ids.length }) : t('open.nothing')) +
    (duplicates.length ? t('open.duplicates', { n: duplicates.length, names }) : '');
  showStatus(message);
  announce(message);
  const open = ids.length && (ids.length === 1 || !state.currentId || !(state.texts[state.currentId] ?? '').trim());
  if (open) switchDoc(ids[0]);
  return Boolean(open);
}

/** The files of a drop: folders walked (hidden files left out). */
export async function droppedFiles(dataTransfer) {
  const entries = [...(dataTransfer.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length || entries.every((e) => e.isFile)) return [...dataTransfer.files];
  const out = [];
  const walk = async (entry, path) => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      out.push(path ? new File([file], file.name, { type: file.type }) : file);
      if (path) Object.defineProperty(out.at(-1), 'webkitRelativePath', { value: `${path}${file.name}` });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${path}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
