// Downloads: the annotation JSON with tags and notes, W3C Web Annotations
// (built by the core), CSV, and the tag set on its own.
import { core } from './core.js';

/** Offers `text` as a file download named `name`. */
export function saveFile(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name for a document's export: its id, else "kamervragen". */
export function exportName(annotations, ext) {
  const id = annotations.document.id ?? 'kamervragen';
  return `${id.replace(/[^\w.-]+/g, '_')}.${ext}`;
}

function tagSetOut(tagSet) {
  return tagSet.map((t) => ({ name: t.name, color: t.color, key: t.key ?? null, description: t.description ?? '' }));
}

/** The annotation JSON (shared/docs/annotation-format.md) with the user's tags and notes. */
export function annotationJson(annotations, ann, tagSet) {
  const out = structuredClone(annotations);
  for (const a of out.answers) {
    a.tags = [...(ann?.tags[a.id] ?? [])];
    a.note = ann?.notes[a.id] ?? '';
  }
  out.tag_set = tagSetOut(tagSet);
  return JSON.stringify(out, null, 2) + '\n';
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
  return JSON.stringify(core.export_w3c(annotations.document.text, ids, tags, notes), null, 2) + '\n';
}

/** One CSV field (RFC 4180); a leading = + - @ is defused for spreadsheets. */
function csvField(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV, one row per answer: UTF-8 BOM, CRLF line ends. */
export function csvText(annotations, ann, docName) {
  const qText = new Map(annotations.questions.map((q) => [q.id, q.text]));
  const rows = [['document', 'answer', 'question', 'answer_text', 'tags', 'note']];
  const docId = annotations.document.id ?? docName ?? '';
  for (const a of annotations.answers) {
    rows.push([
      docId,
      a.numbers.join(';'),
      a.questions.map((id) => qText.get(id) ?? '').join('\n'),
      a.text,
      (ann?.tags[a.id] ?? []).join(';'),
      ann?.notes[a.id] ?? '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function tagSetJson(tagSet) {
  return JSON.stringify({ format: 'kamervragen-tag-set', version: 1, tag_set: tagSetOut(tagSet) }, null, 2) + '\n';
}
