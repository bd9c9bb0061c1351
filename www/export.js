// Downloads: the annotation JSON with tags and notes, W3C Web Annotations
// (built by the core), the CSV table (the core's), the collection file and
// JSON Lines (the codebook's own files: codebook.js).
import { core } from './core.js';
import { coreCorrections } from './reader.js';

/** Offers `text` (a string, or an array of its parts: strings or Blobs) as a file download named `name`. */
export function saveFile(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob(Array.isArray(text) ? text : [text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file name for a document's export: its official id, else its file name,
 * else the name the user gave it, else "kamervragen-" and the start of its
 * sha256 (never the same name for two documents without an id).
 */
export function exportName(annotations, ext, doc = null) {
  const file = doc?.file?.split('/').pop().replace(/\.(txt|jsonl?|md)$/i, '');
  const base = annotations.document.id || file || (doc?.named && doc.name) || `kamervragen-${annotations.document.sha256.slice(0, 12)}`;
  return `${base.replace(/[^\p{L}\p{N}.-]+/gu, '_').replace(/^[._]+|_+$/g, '').slice(0, 100) || 'kamervragen'}.${ext}`;
}

function tagSetOut(tagSet) {
  return tagSet.map((t) => ({ name: t.name, color: t.color, key: t.key ?? null, description: t.description ?? '' }));
}

/**
 * The annotation object (docs/annotation-format.md) with the user's tags and
 * notes, `coder` when known and `codebook` (state.codebookObject) when it has
 * variables. Codes of the document and of questions (codebook levels) go to
 * `document.tags` and `questions[].tags`, present only when there are some.
 */
export function annotationObject(annotations, ann, tagSet, coder = '', codebook = null) {
  const out = structuredClone(annotations);
  for (const a of out.answers) {
    a.tags = [...(ann?.tags[a.id] ?? [])];
    a.note = ann?.notes[a.id] ?? '';
  }
  for (const q of out.questions) if (ann?.tags[q.id]?.length) q.tags = [...ann.tags[q.id]];
  if (ann?.tags.document?.length) out.document.tags = [...ann.tags.document];
  out.tag_set = tagSetOut(tagSet);
  if (coder) out.coder = coder;
  if (codebook?.variables.length) out.codebook = codebook;
  return out;
}

/** The annotation JSON file of one document. */
export function annotationJson(annotations, ann, tagSet, coder = '', codebook = null) {
  return JSON.stringify(annotationObject(annotations, ann, tagSet, coder, codebook), null, 2) + '\n';
}

/** A moment for the browser between slices of a long export. */
const pause = () => new Promise((ok) => setTimeout(ok, 0));

/**
 * `pieces(doc)` of every document, 50 documents a slice with a pause between
 * (a 2,000-document file in one JSON.stringify is a one-second task).
 */
async function inSlices(documents, pieces) {
  // Each slice becomes a Blob at once: its UTF-8 encoding is paid slice by slice.
  const out = [];
  for (let from = 0; from < documents.length; from += 50) {
    if (from) await pause();
    out.push(new Blob(documents.slice(from, from + 50).flatMap((d, i) => pieces(d, from + i))));
  }
  return out;
}

/**
 * The collection file (kamervragen-collection): the core's head, the tag
 * set, the coder (when known), `documents` (annotation objects), as parts of one text: the same text
 * as JSON.stringify(collection, null, 2), written a document at a time.
 */
export async function collectionJson(documents, tagSet, coder = '', codebook = null) {
  const { documents: _, ...fields } = core.collection_head();
  const book = codebook?.variables.length ? { codebook } : {};
  const head = JSON.stringify({ ...fields, tag_set: tagSetOut(tagSet), ...(coder ? { coder } : {}), ...book, documents: [] }, null, 2);
  if (!documents.length) return [head, '\n'];
  const open = head.slice(0, head.lastIndexOf('[]')) + '[\n';
  const parts = await inSlices(documents, (d, i) => [i ? ',\n    ' : '    ', JSON.stringify(d, null, 2).replaceAll('\n', '\n    ')]);
  return [open, ...parts, '\n  ]\n}\n'];
}

/** JSON Lines: one annotation object a line, as the CLI prints them (parts of one text). */
export function jsonLines(documents) {
  return inSlices(documents, (d) => [JSON.stringify(d), '\n']);
}

/**
 * A document as the core's CSV table takes it (Table.add): its text, file
 * name, shown name, and its units' tags (answers, questions, 'document') and
 * answers' notes as flat lists.
 */
export function tableRow(text, doc, ann) {
  const answers = [...new Set([...Object.keys(ann?.tags ?? {}), ...Object.keys(ann?.notes ?? {})])];
  return {
    text,
    file: doc?.file ?? '',
    name: doc?.name ?? '',
    answers,
    tags: answers.map((a) => (ann?.tags[a] ?? []).join('\n')),
    notes: answers.map((a) => ann?.notes[a] ?? ''),
    corrections: ann?.corrections ?? [],
  };
}

/** The core's CSV table (src/table.rs) of `rows` (tableRow) with the tag set's columns; here, for one document. */
export function csvText(rows, tagSet) {
  const table = new core.Table();
  try {
    for (const r of rows) table.add(r.text, r.file, r.name, r.answers, r.tags, r.notes, coreCorrections(core, r.corrections));
    return table.csv(tagSet.map((t) => t.name));
  } finally {
    table.free();
  }
}

/** W3C Web Annotation JSON-LD: one annotation per tag, one per note. */
export function w3cJson(annotations, ann) {
  const ids = [], tags = [], notes = [];
  for (const a of annotations.answers) {
    const t = ann?.tags[a.id] ?? [];
    const n = ann?.notes[a.id] ?? '';
    if (!t.length && !n) continue;
    ids.push(a.id);
    tags.push(t.join('\n'));
    notes.push(n);
  }
  return JSON.stringify(core.export_w3c(annotations.document.text, ids, tags, notes, coreCorrections(core, ann?.corrections)), null, 2) + '\n';
}

