// Downloads: every export goes through saveFile.

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

/** The annotation JSON (shared/docs/annotation-format.md) for one document. */
export function annotationJson(annotations) {
  return JSON.stringify(annotations, null, 2) + '\n';
}

/** A file name for a document's export: its id, else "kamervragen". */
export function exportName(annotations, ext) {
  const id = annotations.document.id ?? 'kamervragen';
  return `${id.replace(/[^\w.-]+/g, '_')}.${ext}`;
}
