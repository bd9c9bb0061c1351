// What the worker does for a collection, without imports (the single-file
// build puts this module in the worker's source too): opening files (text,
// our JSON, collection files, JSON Lines) into documents, each parsed by the
// core; a document's summary for the list (docInfo); its name (docName).
// The functions get the core's `analyze` and, for the CSV, its `Table`.

/**
 * The core's list of corrections (`core.Corrections`) for `list`, the
 * corrections as stored (docs/annotation-format.md); undefined when none.
 * Passed by value: the core frees it. `text` and `num` turn a field into
 * what the core gets (the importer's mark a value that is not text or not
 * a number, for the core to refuse with its reason).
 */
export function coreCorrections(core, list, text = (v) => String(v ?? ''), num = (v) => (typeof v === 'number' ? v : NaN)) {
  if (!Array.isArray(list) || !list.length) return undefined;
  const fixes = new core.Corrections();
  const opt = (v) => (v == null ? undefined : text(v));
  const many = (v) => (Array.isArray(v) ? v : []);
  for (const c of list) {
    const o = c && typeof c === 'object' ? c : {};
    const people = many(o.values).map((p) => ['name', 'party', 'role', 'portfolio'].map((k) => text(p?.[k]).replaceAll('\t', ' ')).join('\t'));
    fixes.add(text(o.kind), num(o.start), num(o.end), text(o.quote), text(o.prefix), text(o.suffix), opt(o.iso), opt(o.target), opt(o.url),
      Uint32Array.from(many(o.numbers).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 32)), opt(o.block), opt(o.field), people);
  }
  return fixes;
}

/** Files larger than this are refused (bytes). */
const READ_LIMIT = 25 * 1024 * 1024;

/**
 * Why a file is refused: `{code, params?, inner?}`, worded by the page
 * (opener.js: `refused.<code>`, the inner reason as `why`), as the worker has
 * no words of its own.
 */
const REFUSED = {
  size: (n) => ({ code: 'size', params: { size: Math.ceil(n / 1048576), max: READ_LIMIT / 1048576 } }),
  binary: { code: 'binary' },
  utf8: { code: 'utf8' },
  json: (m) => ({ code: 'json', params: { why: m } }),
  notOurs: { code: 'notOurs' },
  noText: { code: 'noText' },
  line: (n, why) => ({ code: 'line', params: { n }, inner: why }),
  at: (at, why) => ({ code: 'at', params: { at }, inner: why }),
  error: (why) => ({ code: 'error', params: { why } }),
  empty: { code: 'empty' },
};

function clipName(s) {
  const line = (s ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const m = /^.{0,70}/u.exec(line)[0];
  return m.length < line.length ? `${m}…` : m;
}

/**
 * A name for the document list: "Boswijk (CDA) over het onderzoek in hoeverre…"
 * from the header when it has a subject, else the id, else the first line.
 */
export function docName(annotations, text) {
  const d = annotations?.document;
  const who = (d?.askers ?? []).map((x) => (x.party ? `${x.name} (${x.party})` : x.name)).filter(Boolean).join(', ');
  if (d?.subject) return clipName(who ? `${who} over ${d.subject}` : d.subject.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  return d?.id ?? (clipName(text) || 'Untitled');
}

/** What the document list shows and filters on, kept with the document (saved in meta). */
export function docInfo(annotations, text) {
  const d = annotations.document;
  return {
    name: docName(annotations, text),
    id: d.id ?? null,
    kind: d.kind,
    subject: d.subject ?? '',
    submitted: d.submitted ?? null,
    received: d.received ?? null,
    askers: d.askers.map((x) => x.name),
    parties: d.askers.map((x) => x.party ?? ''),
    addressees: d.addressees.map((x) => x.text),
    sha256: d.sha256,
    answers: annotations.answers.map((a) => a.id),
  };
}

/** True when an annotation file carries tags, notes or a tag set to place. */
function carriesTags(json) {
  return (Array.isArray(json.tag_set) && json.tag_set.length > 0) ||
    (Array.isArray(json.answers) && json.answers.some((a) => (Array.isArray(a?.tags) && a.tags.length) || a?.note)) ||
    (Array.isArray(json.corrections) && json.corrections.length > 0);
}

/** One document of a file: its text parsed; `json` kept when it has tags to place. */
function readDoc(text, file, analyze, json) {
  const analysis = analyze(text);
  const doc = { text, file, info: docInfo(analysis.annotations, text) };
  if (json && carriesTags(json)) doc.json = json;
  return doc;
}

/** An annotation file (an object) as a document, or the reason it is refused. */
function readAnnotationObject(json, file, analyze) {
  if (!json || typeof json !== 'object' || json.format !== 'kamervragen-annotations') return { refused: REFUSED.notOurs };
  if (typeof json.document?.text !== 'string') return { refused: REFUSED.noText };
  return { doc: readDoc(json.document.text, file, analyze, json) };
}

/**
 * Reads `file` (a File or Blob with a name) into documents:
 * `{docs: [{text, file, info, json?}]}` or `{refused: reason}`.
 */
export async function readFileDocs(file, analyze) {
  const name = file.webkitRelativePath || file.name || 'file';
  if (file.size > READ_LIMIT) return { refused: REFUSED.size(file.size) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!bytes.length) return { refused: REFUSED.empty };
  if (bytes.includes(0)) return { refused: REFUSED.binary };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refused: REFUSED.utf8 };
  }
  const base = name.split('/').pop();
  if (/\.jsonl$/i.test(name) || /\.ndjson$/i.test(name)) {
    const docs = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      let json;
      try {
        json = JSON.parse(lines[i]);
      } catch (e) {
        return { refused: REFUSED.line(i + 1, REFUSED.json(e.message)) };
      }
      const one = readAnnotationObject(json, base, analyze);
      if (one.refused) return { refused: REFUSED.line(i + 1, one.refused) };
      docs.push(one.doc);
    }
    return { docs };
  }
  if (/\.json$/i.test(name)) {
    let json;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { refused: REFUSED.json(e.message) };
    }
    if (json?.format === 'kamervragen-collection' && Array.isArray(json.documents)) {
      const docs = [];
      for (let i = 0; i < json.documents.length; i++) {
        const one = readAnnotationObject(json.documents[i], '', analyze);
        if (one.refused) return { refused: REFUSED.at(`documents[${i}]`, one.refused) };
        docs.push(one.doc);
      }
      return { docs, tagSet: Array.isArray(json.tag_set) ? json.tag_set : [], codebook: json.codebook ?? null };
    }
    const one = readAnnotationObject(json, base, analyze);
    return one.refused ? one : { docs: [one.doc] };
  }
  return { docs: [readDoc(text, base, analyze)] };
}

/**
 * The worker's collection jobs: `open` (files → one message per file),
 * `export` (texts → annotations), `csv` (the core's table). `post(msg)`
 * answers; the last message of a job has `done: true`.
 */
export async function collectionJob(data, core, post) {
  if (data.mode === 'open') {
    for (let i = 0; i < data.files.length; i++) {
      let out;
      try {
        out = await readFileDocs(data.files[i], core.analyze);
      } catch (e) {
        out = { refused: REFUSED.error(String(e?.message ?? e)) };
      }
      if (out.refused) post({ id: data.id, index: i, refused: out.refused });
      // A collection file in parts, so that no message is long to take in.
      for (let from = 0; !out.refused && (from === 0 || from < out.docs.length); from += 50) {
        const last = from + 50 >= out.docs.length;
        post({ id: data.id, index: i, docs: out.docs.slice(from, from + 50), tagSet: from === 0 ? out.tagSet : undefined, codebook: from === 0 ? out.codebook : undefined, last });
      }
    }
  } else if (data.mode === 'export') {
    for (let i = 0; i < data.texts.length; i++) post({ id: data.id, index: i, annotations: core.analyze(data.texts[i], coreCorrections(core, data.corrections?.[i])).annotations });
  } else if (data.mode === 'csv') {
    const table = new core.Table();
    try {
      for (const d of data.docs) table.add(d.text, d.file, d.name, d.answers, d.tags, d.notes, coreCorrections(core, d.corrections));
      post({ id: data.id, csv: table.csv(data.tagSet) });
    } finally {
      table.free();
    }
  }
  post({ id: data.id, done: true });
}
