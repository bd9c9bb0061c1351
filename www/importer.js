// Reading annotation files, tag-set files and codebooks. The browser parses the JSON;
// the core (ImportFile) checks every offset, tag and note and places the tags
// on the current text, re-anchoring them by quote when the text differs. A
// tag-set file's tags pass the core's check_tag (state.checkTag), as typed tags do.
import { core } from './core.js';
import { checkTag } from './state.js';
import { coreCorrections } from './reader.js';
import { userError } from './i18n.js';

export const MAX_FILE = 25 * 1024 * 1024;
const SPAN_LISTS = ['questions', 'answers', 'footnotes', 'dates', 'references', 'furniture', 'diagnostics', 'document.askers'];
const NOT_TEXT = '\u0000';

/** Reads `file` as JSON; throws an Error whose message is for the user. */
export async function readJson(file) {
  if (file.size > MAX_FILE) {
    throw userError('file-too-large', { size: Math.ceil(file.size / 1048576), max: MAX_FILE / 1048576 });
  }
  const raw = await file.text();
  try {
    return JSON.parse(raw);
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    const atEnd = at && Number(at[1]) >= raw.trimEnd().length;
    if (atEnd || /end of JSON|Unterminated/i.test(e.message)) {
      throw userError('truncated');
    }
    throw userError('not-json', { why: e.message });
  }
}

const list = (v) => (Array.isArray(v) ? v : []);
const num = (v) => (typeof v === 'number' ? v : NaN);
const text = (v) => (v == null ? '' : typeof v === 'string' ? v : NOT_TEXT);

/** Checks the annotation file `json` and places it on `currentText`; throws a user message. */
export function placeAnnotations(json, currentText) {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw userError('not-annotation-file');
  }
  const doc = json.document && typeof json.document === 'object' ? json.document : {};
  const f = new core.ImportFile(
    typeof json.format === 'string' ? json.format : undefined,
    '@context' in json,
    typeof json.version === 'number' ? json.version : undefined,
    typeof doc.text === 'string' ? doc.text : undefined,
    'length' in doc ? num(doc.length) : undefined,
    typeof doc.sha256 === 'string' ? doc.sha256 : undefined,
  );
  try {
    for (const key of SPAN_LISTS) {
      const items = key === 'document.askers' ? list(doc.askers) : list(json[key]);
      items.forEach((item, i) => {
        const what = `${key}[${i}]`;
        const o = item && typeof item === 'object' ? item : {};
        f.span(what, num(o.start), num(o.end));
        if (o.heading && typeof o.heading === 'object') f.span(`${what}.heading`, num(o.heading.start), num(o.heading.end));
        list(o.parts).forEach((p, j) => f.span(`${what}.parts[${j}]`, num(p?.[0]), num(p?.[1])));
        list(o.markers).forEach((m, j) => f.span(`${what}.markers[${j}]`, num(m?.start), num(m?.end)));
      });
    }
    for (const a of list(json.answers)) {
      const o = a && typeof a === 'object' ? a : {};
      f.answer(text(o.id), list(o.numbers).filter(Number.isInteger).join(' '), text(o.text), list(o.tags).map(text).join('\n'), text(o.note));
    }
    // Checked where they are used (the core refuses a broken one with its reason).
    const fixes = coreCorrections(core, list(json.corrections), text, num);
    if (fixes) f.corrections(fixes);
    for (const t of list(json.tag_set)) {
      const o = t && typeof t === 'object' ? t : {};
      f.tag(text(o.name), text(o.color), text(o.key), text(o.description));
    }
    const result = f.place(currentText);
    // The codebook (issue 14): the file's (checked by the core), and the codes of its document and questions.
    result.codebook = json.codebook ? checkCodebook(json.codebook) : null;
    Object.assign(result, unitCodes(json, result.same_text));
    return result;
  } finally {
    f.free();
  }
}

/**
 * The codes of the file's document (`document.tags`) and questions
 * (`questions[].tags`), each name checked as a tag: {codes: {unit: [names]},
 * unplaced}. The document's go on the document; a question's on the
 * question of the same id when the text is the same, else they are listed
 * with the unplaced tags. Throws a message for the user on a refused name.
 */
function unitCodes(json, sameText) {
  const names = (tags, what) => list(tags).map((t, i) => {
    try {
      return checkTag(text(t)).name;
    } catch (e) {
      throw new Error(`${what}[${i}]: ${e.message}`);
    }
  });
  const codes = {}, unplaced = [];
  const doc = names(json.document?.tags, 'document.tags');
  if (doc.length) codes.document = doc;
  list(json.questions).forEach((q, i) => {
    const tags = names(q?.tags, `questions[${i}].tags`);
    if (!tags.length) return;
    if (sameText && typeof q.id === 'string') codes[q.id] = tags;
    else unplaced.push({ label: `Vraag ${list(q.numbers).join(' en ') || i + 1}`, quote: text(q.text).slice(0, 120), tags, note: '' });
  });
  return { codes, unplacedQuestions: unplaced };
}

/** A core CodebookInput filled from a codebook object ({variables: [{name, kind, level, codes}]}); throws on a bad kind or level. */
function codebookInput(book) {
  const str = (x) => (typeof x === 'string' ? x : x == null ? '' : JSON.stringify(x));
  const b = new core.CodebookInput();
  try {
    for (const v of list(book?.variables)) {
      b.variable(str(v?.name), str(v?.kind), str(v?.level));
      for (const c of list(v?.codes)) b.code(str(c?.name), str(c?.definition), str(c?.example), str(c?.color), str(c?.key));
    }
  } catch (e) {
    b.free();
    throw e;
  }
  return b;
}

/** The codebook checked and normalised by the core; throws its message for the user. */
export function checkCodebook(book) {
  const b = codebookInput(book);
  try {
    return b.check();
  } finally {
    b.free();
  }
}

/** The codebook as Markdown, in `lang` ('nl' or 'en'). */
export function codebookMarkdownOf(book, lang) {
  const b = codebookInput(book);
  try {
    return b.markdown(lang);
  } finally {
    b.free();
  }
}

/**
 * The tag set in a tag-set file (or an annotation file's tag_set), each tag
 * checked by the core; throws a user message when it is not one.
 */
export function readTagSet(json) {
  const tags = json?.format === 'kamervragen-tag-set' || json?.format === 'kamervragen-annotations' ? json.tag_set : null;
  if (!Array.isArray(tags)) throw userError('not-tag-set');
  if (json.version !== 1) throw userError('tag-set-version', { version: String(json.version).slice(0, 10) });
  return tags.map((t, i) => {
    const o = t && typeof t === 'object' ? t : {};
    try {
      return checkTag(text(o.name), text(o.color), text(o.key), text(o.description));
    } catch (e) {
      throw Object.assign(new Error(`tag_set[${i}]: ${e.message}`), { code: e.code, params: e.params, at: `tag_set[${i}]` });
    }
  });
}
