//! Anchoring: the user's tags and notes on answer blocks, carried between
//! texts and out to other formats. The page never does offset arithmetic; it
//! calls these (through `wasm.rs`) instead.
//!
//! - [`import`] validates an annotation file (`kamervragen-annotations`,
//!   version 1, see `shared/docs/annotation-format.md`) and places its tags
//!   and notes on the answers of the current text: by answer id when the text
//!   is the same, else **re-anchored by quote**: the tagged answer's text
//!   `document.text[start:end]` is searched in the current text (nearest
//!   occurrence to where it was), then its first and last 48 characters, then
//!   its joined `text` against the current answers'. What cannot be placed is
//!   returned in `unplaced`, never dropped.
//! - [`quote_selector`] builds the W3C TextQuoteSelector (exact, prefix,
//!   suffix) and TextPositionSelector (code points) for a span.
//! - [`w3c`] is the W3C Web Annotation export: one annotation per tag.
//! - [`similarity`] is the share of lines two texts have in common: the page
//!   uses it to tell an edit from a different document.
//!
//! A bad file is an [`ImportError`] with a message for the user:
//!
//! ```
//! use kamervragen::anchoring::import;
//! let err = import("{\"format\": \"kamervragen-annotations\", \"version\": 1, \"document\": {\"te", "").unwrap_err();
//! assert!(err.0.contains("ends too early"));
//! let err = import(r#"{"format":"kamervragen-annotations","version":2}"#, "").unwrap_err();
//! assert!(err.0.contains("version 2"));
//! ```

use crate::annotation::{self, Tag};
use crate::blocks::heading_label;
use crate::model::{Block, Span};
use crate::offsets::OffsetIndex;
use crate::{normalize_newlines, parse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::fmt;

/// The largest annotation file [`import`] reads (the page checks the file size first).
pub const MAX_IMPORT_BYTES: usize = 25 * 1024 * 1024;
/// Texts sharing fewer lines than this are different documents.
pub const SAME_DOCUMENT: f64 = 0.5;
/// Characters of context in a TextQuoteSelector's prefix and suffix.
const CONTEXT: usize = 32;
/// Characters of a quote's head and tail used when the whole quote is not found.
const HEAD: usize = 48;

/// Why an annotation file was refused: a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

fn fail<T>(msg: impl Into<String>) -> Result<T, ImportError> {
    Err(ImportError(msg.into()))
}

/// The tags and note of one answer, by answer id (what the page stores).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerTags {
    pub answer: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// Tags and a note placed on an answer of the current text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Placed {
    /// The current answer's id.
    pub answer: String,
    /// The answer id in the imported file.
    pub from: String,
    pub tags: Vec<String>,
    pub note: String,
    /// "id" (same text), "quote", "head-tail" or "text".
    pub how: &'static str,
}

/// Tags and a note that could not be placed on any current answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    pub from: String,
    /// "Antwoord 5".
    pub label: String,
    /// The start of the answer's text, for the user to recognise it.
    pub quote: String,
    pub tags: Vec<String>,
    pub note: String,
}

/// The result of a successful [`import`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The text the tags are placed on: the current text, or the file's when
    /// there was none.
    pub text: String,
    /// True when the file's text is the text the tags are placed on.
    pub same_text: bool,
    /// The file's tag set (validated).
    pub tag_set: Vec<Tag>,
    pub placed: Vec<Placed>,
    pub unplaced: Vec<Unplaced>,
}

/// Validates the annotation file `json` and places its tags on `current_text`
/// (or, when that is empty, on the file's own text).
///
/// # Errors
/// A message for the user when the file is not JSON, is truncated, is another
/// format or version, has offsets out of range, negative, not whole numbers or
/// overlapping, has HTML in tags or notes, is too large, or belongs to a
/// different text.
pub fn import(json: &str, current_text: &str) -> Result<Imported, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return fail(format!(
            "The file is too large ({:.1} MB); annotation files up to {} MB can be imported.",
            mb(json.len()),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    let value: Value = serde_json::from_str(json).or_else(|e| {
        if e.is_eof() {
            fail("The file is not complete JSON: it ends too early (truncated?).")
        } else {
            fail(format!("The file is not JSON ({e})."))
        }
    })?;
    let file = check_file(&value)?;
    let current = normalize_newlines(current_text);
    let (target, same_text) = if current.trim().is_empty() {
        (file.text.clone(), true)
    } else {
        let same = *current == *file.text;
        (current.into_owned(), same)
    };
    if !same_text {
        let shared = similarity(&file.text, &target);
        if shared < SAME_DOCUMENT {
            return fail(format!(
                "These annotations belong to a different text (only {:.0}% of its lines are in the current document). \
                 Choose “New document” first to import them as a document of their own.",
                shared * 100.0
            ));
        }
    }
    let doc = parse(&target);
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    let file_index = OffsetIndex::new(&file.text);
    for a in file.answers.iter().filter(|a| !a.tags.is_empty() || !a.note.is_empty()) {
        let by_id = if same_text { doc.answers.iter().find(|b| b.id == a.id) } else { None };
        let found = by_id.map(|b| (b, "id")).or_else(|| reanchor(&file, &file_index, a, &target, &doc.answers));
        match found {
            Some((b, how)) => placed.push(Placed {
                answer: b.id.clone(),
                from: a.id.clone(),
                tags: a.tags.clone(),
                note: a.note.clone(),
                how,
            }),
            None => {
                let quote = Span::new(file_index.from_char(a.start), file_index.from_char(a.end)).slice(&file.text);
                unplaced.push(Unplaced {
                    from: a.id.clone(),
                    label: a.label.clone(),
                    quote: quote.chars().take(120).collect(),
                    tags: a.tags.clone(),
                    note: a.note.clone(),
                });
            }
        }
    }
    Ok(Imported { text: target, same_text, tag_set: file.tag_set, placed, unplaced })
}

fn mb(bytes: usize) -> f64 {
    // Precision loss is irrelevant for a size shown to one decimal.
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    b / (1024.0 * 1024.0)
}

/// An answer of the imported file, validated.
struct FileAnswer {
    id: String,
    label: String,
    /// Code points into the file's text.
    start: usize,
    end: usize,
    text: String,
    tags: Vec<String>,
    note: String,
}

/// The parts of an annotation file that import uses, validated.
struct File {
    text: String,
    answers: Vec<FileAnswer>,
    tag_set: Vec<Tag>,
}

fn check_file(value: &Value) -> Result<File, ImportError> {
    let Some(obj) = value.as_object() else {
        return fail("The file is JSON but not an annotation file (expected an object with \"format\": \"kamervragen-annotations\").");
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(annotation::FORMAT) => {}
        Some(other) => {
            return fail(format!("This is a “{}” file, not a Kamervragen Annotator export.", clip(other, 40)))
        }
        None if obj.contains_key("@context") => {
            return fail("This is a W3C Web Annotation file; import the file from “Export JSON” instead.")
        }
        None => return fail("The file is JSON but not a Kamervragen Annotator export (it has no \"format\")."),
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(annotation::VERSION) => {}
        Some(v) => {
            return fail(format!(
                "This file is version {v} of the annotation format; this page reads version {}.",
                annotation::VERSION
            ))
        }
        None => return fail("The file has no valid \"version\"."),
    }
    let Some(doc) = obj.get("document").and_then(Value::as_object) else {
        return fail("The file has no \"document\".");
    };
    let Some(raw_text) = doc.get("text").and_then(Value::as_str) else {
        return fail("The file has no document text (\"document.text\").");
    };
    let text = normalize_newlines(raw_text).into_owned();
    let len = text.chars().count();
    if let Some(l) = doc.get("length") {
        if l.as_u64() != u64::try_from(len).ok() {
            return fail(format!("\"document.length\" ({l}) does not match the text ({len} characters)."));
        }
    }
    if let Some(sha) = doc.get("sha256").and_then(Value::as_str) {
        if !sha.eq_ignore_ascii_case(&annotation::sha256_hex(&text)) {
            return fail("\"document.sha256\" does not match the text: the file was edited or damaged.");
        }
    }
    for key in ["questions", "footnotes", "dates", "references", "furniture", "diagnostics"] {
        check_spans(obj, key, len)?;
    }
    check_spans(obj, "answers", len)?;
    check_no_overlap(obj, "questions")?;
    check_no_overlap(obj, "answers")?;
    let answers = obj
        .get("answers")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, a)| file_answer(i, a))
        .collect::<Result<Vec<_>, _>>()?;
    let tag_set = match obj.get("tag_set") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(tags)) => tags.iter().enumerate().map(|(i, t)| check_tag(i, t)).collect::<Result<_, _>>()?,
        Some(_) => return fail("\"tag_set\" is not a list."),
    };
    Ok(File { text, answers, tag_set })
}

/// Every `start`/`end` (and `parts`, `heading`, `markers`) of the entries of
/// `obj[key]` is a whole number ≥ 0, at most `len`, with start ≤ end.
fn check_spans(obj: &Map<String, Value>, key: &str, len: usize) -> Result<(), ImportError> {
    let list = match obj.get(key) {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(list)) => list,
        Some(_) => return fail(format!("\"{key}\" is not a list.")),
    };
    for (i, item) in list.iter().enumerate() {
        let Some(item) = item.as_object() else { return fail(format!("{key}[{i}] is not an object.")) };
        let what = format!("{key}[{i}]");
        check_range(item.get("start"), item.get("end"), &what, len)?;
        if let Some(h) = item.get("heading").and_then(Value::as_object) {
            check_range(h.get("start"), h.get("end"), &format!("{what}.heading"), len)?;
        }
        for (j, p) in
            item.get("parts").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate()
        {
            let pair = p.as_array().map(Vec::as_slice).unwrap_or_default();
            check_range(pair.first(), pair.get(1), &format!("{what}.parts[{j}]"), len)?;
        }
        for (j, m) in
            item.get("markers").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate()
        {
            check_range(m.get("start"), m.get("end"), &format!("{what}.markers[{j}]"), len)?;
        }
    }
    Ok(())
}

fn check_range(start: Option<&Value>, end: Option<&Value>, what: &str, len: usize) -> Result<(), ImportError> {
    let s = offset(start, what, "start", len)?;
    let e = offset(end, what, "end", len)?;
    if s > e {
        return fail(format!("{what} starts after it ends ({s} > {e})."));
    }
    Ok(())
}

fn offset(v: Option<&Value>, what: &str, field: &str, len: usize) -> Result<usize, ImportError> {
    let Some(v) = v else { return fail(format!("{what} has no \"{field}\" offset.")) };
    let Some(n) = v.as_number() else {
        return fail(format!("{what}.{field} is not a number ({}).", clip(&v.to_string(), 30)));
    };
    if let Some(u) = n.as_u64() {
        return match usize::try_from(u) {
            Ok(u) if u <= len => Ok(u),
            _ => fail(format!("{what}.{field} ({u}) is past the end of the text ({len} characters).")),
        };
    }
    if n.as_i64().is_some() {
        return fail(format!("{what}.{field} is negative ({n})."));
    }
    fail(format!("{what}.{field} is not a whole number ({n})."))
}

/// Blocks of one kind may not overlap each other.
fn check_no_overlap(obj: &Map<String, Value>, key: &str) -> Result<(), ImportError> {
    let list = obj.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut spans: Vec<(u64, u64, String)> = list
        .iter()
        .map(|b| {
            let n = |f: &str| b.get(f).and_then(Value::as_u64).unwrap_or(0);
            (n("start"), n("end"), b.get("id").and_then(Value::as_str).unwrap_or("?").to_string())
        })
        .collect();
    spans.sort();
    for w in spans.windows(2) {
        if let [a, b] = w {
            if b.0 < a.1 && a.0 < a.1 && b.0 < b.1 {
                return fail(format!(
                    "{key} {} and {} overlap ({}–{} and {}–{}).",
                    clip(&a.2, 20),
                    clip(&b.2, 20),
                    a.0,
                    a.1,
                    b.0,
                    b.1
                ));
            }
        }
    }
    Ok(())
}

fn file_answer(i: usize, a: &Value) -> Result<FileAnswer, ImportError> {
    let what = format!("answers[{i}]");
    let Some(id) = a.get("id").and_then(Value::as_str) else { return fail(format!("{what} has no \"id\".")) };
    let id = clip(id, 40);
    let tags = match a.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(tags)) => tags
            .iter()
            .map(|t| match t.as_str() {
                Some(t) => check_tag_name(t, &format!("A tag on {id}")),
                None => fail(format!("A tag on {id} is not text ({}).", clip(&t.to_string(), 30))),
            })
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return fail(format!("The tags of {id} are not a list.")),
    };
    let note = match a.get("note") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(n)) => n.clone(),
        Some(_) => return fail(format!("The note of {id} is not text.")),
    };
    if let Some(html) = html_in(&note) {
        return fail(format!("The note of {id} contains HTML (“{html}”); notes must be plain text."));
    }
    // Offsets were checked by check_spans.
    let n = |f: &str| a.get(f).and_then(Value::as_u64).and_then(|u| usize::try_from(u).ok()).unwrap_or(0);
    let numbers: Vec<String> = a
        .get("numbers")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_u64)
        .map(|n| n.to_string())
        .collect();
    let label = match numbers.as_slice() {
        [] => format!("Antwoord ({id})"),
        [one] => format!("Antwoord {one}"),
        [init @ .., last] => format!("Antwoord {} en {last}", init.join(", ")),
    };
    Ok(FileAnswer {
        id,
        label,
        start: n("start"),
        end: n("end"),
        text: a.get("text").and_then(Value::as_str).unwrap_or("").to_string(),
        tags,
        note,
    })
}

fn check_tag(i: usize, t: &Value) -> Result<Tag, ImportError> {
    let Some(obj) = t.as_object() else { return fail(format!("tag_set[{i}] is not an object.")) };
    let Some(name) = obj.get("name").and_then(Value::as_str) else {
        return fail(format!("tag_set[{i}] has no name."));
    };
    let name = check_tag_name(name, &format!("tag_set[{i}]"))?;
    let description = obj.get("description").and_then(Value::as_str).unwrap_or("").to_string();
    if let Some(html) = html_in(&description) {
        return fail(format!("The description of tag “{name}” contains HTML (“{html}”)."));
    }
    let color = obj
        .get("color")
        .and_then(Value::as_str)
        .filter(|c| is_hex_color(c))
        .map_or_else(|| "#6b6b75".to_string(), str::to_ascii_lowercase);
    let key = obj
        .get("key")
        .and_then(Value::as_str)
        .filter(|k| k.len() == 1 && k.bytes().all(|b| (b'1'..=b'9').contains(&b)))
        .map(str::to_string);
    Ok(Tag { name, color, key, description })
}

/// A tag name: trimmed, 1–80 characters, no control characters, no HTML.
fn check_tag_name(name: &str, what: &str) -> Result<String, ImportError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return fail(format!("{what} has an empty, too long or unprintable name (“{}”).", clip(name, 30)));
    }
    if let Some(html) = html_in(name) {
        return fail(format!("{what} contains HTML (“{html}”); tags must be plain text."));
    }
    Ok(name.to_string())
}

/// "#1b7f5b".
#[must_use]
pub fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// The first thing in `s` that looks like an HTML tag or comment ("<script",
/// "</b", "<!--"), clipped; `a < b` and "<3" are not HTML.
#[must_use]
pub fn html_in(s: &str) -> Option<String> {
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let after = rest.get(i + 1..).unwrap_or("");
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?') {
            return Some(clip(rest.get(i..).unwrap_or(""), 30));
        }
        rest = after;
    }
    None
}

/// The first `max` characters of `s`, with "…" when cut.
fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// Finds where the file's answer `a` is in `target` and returns the current
/// answer there.
fn reanchor<'d>(
    file: &File,
    index: &OffsetIndex,
    a: &FileAnswer,
    target: &str,
    answers: &'d [Block],
) -> Option<(&'d Block, &'static str)> {
    let span = Span::new(index.from_char(a.start), index.from_char(a.end));
    let quote = span.slice(&file.text);
    // Where it would be if the texts differed evenly.
    let expected = scale(span.start, file.text.len(), target.len());
    if !quote.trim().is_empty() {
        if let Some(at) = nearest(target, quote, expected) {
            if let Some(b) = answer_at(answers, Span::new(at, at + quote.len())) {
                return Some((b, "quote"));
            }
        }
        let n = HEAD.min(quote.chars().count() / 2);
        let head = prefix_chars(quote, n);
        let tail = suffix_chars(quote, n);
        if head.trim().chars().count() >= 12 {
            if let Some(at) = nearest(target, head, expected) {
                let mut end = at + head.len();
                let limit = at.saturating_add(quote.len().saturating_mul(2));
                if let Some(t) = target.get(end..).and_then(|rest| rest.find(tail)) {
                    if end + t + tail.len() <= limit {
                        end += t + tail.len();
                    }
                }
                if let Some(b) = answer_at(answers, Span::new(at, end)) {
                    return Some((b, "head-tail"));
                }
            }
            let tail_expected = scale(span.end.saturating_sub(tail.len()), file.text.len(), target.len());
            if let Some(at) = nearest(target, tail, tail_expected) {
                if let Some(b) = answer_at(answers, Span::new(at, at + tail.len())) {
                    return Some((b, "head-tail"));
                }
            }
        }
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = squash(&a.text);
    if wanted.is_empty() {
        return None;
    }
    answers.iter().find(|b| squash(&b.text) == wanted).map(|b| (b, "text"))
}

fn scale(pos: usize, from_len: usize, to_len: usize) -> usize {
    if from_len == 0 {
        return 0;
    }
    // u128: no overflow for any text size.
    usize::try_from(pos as u128 * to_len as u128 / from_len as u128).unwrap_or(to_len)
}

/// The byte offset of the occurrence of `needle` in `hay` nearest `expected`.
fn nearest(hay: &str, needle: &str, expected: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.match_indices(needle).map(|(i, _)| i).take(10_000).min_by_key(|&i| i.abs_diff(expected))
}

/// The answer whose extent (heading included) overlaps `span` most.
fn answer_at(answers: &[Block], span: Span) -> Option<&Block> {
    answers
        .iter()
        .map(|b| {
            let start = if b.heading.is_empty() { b.span.start } else { b.heading.start.min(b.span.start) };
            let ext = Span::new(start, b.span.end);
            (b, ext.end.min(span.end).saturating_sub(ext.start.max(span.start)))
        })
        .filter(|(_, overlap)| *overlap > 0)
        .max_by_key(|(_, overlap)| *overlap)
        .map(|(b, _)| b)
}

fn prefix_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or(s)
}

fn suffix_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    s.get(start..).unwrap_or(s)
}

/// The share (0–1) of the non-blank lines of `a` that also occur in `b`
/// (whitespace at the line ends ignored); 1 for equal texts.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let lines_b: HashSet<&str> = b.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let (mut total, mut shared) = (0usize, 0usize);
    for line in a.lines().map(str::trim).filter(|l| !l.is_empty()) {
        total += 1;
        if lines_b.contains(line) {
            shared += 1;
        }
    }
    if total == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = shared as f64 / total as f64;
    share
}

/// A W3C TextQuoteSelector and TextPositionSelector for the byte span `span`
/// of `text` (positions in code points).
#[must_use]
pub fn quote_selector(text: &str, index: &OffsetIndex, span: Span) -> [Value; 2] {
    let exact = span.slice(text);
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    [
        json!({
            "type": "TextQuoteSelector",
            "exact": exact,
            "prefix": suffix_chars(before, CONTEXT),
            "suffix": prefix_chars(after, CONTEXT),
        }),
        json!({
            "type": "TextPositionSelector",
            "start": index.to_char(span.start),
            "end": index.to_char(span.end),
        }),
    ]
}

/// The W3C Web Annotation export (JSON-LD): an AnnotationCollection with one
/// `tagging` annotation per tag and one `commenting` annotation per note,
/// each targeting the answer's text (its `start`/`end` in the JSON export).
/// The source is `urn:sha256:<hex of the text>`. Answers of `tagged` that the
/// text does not have are left out.
#[must_use]
pub fn w3c(text: &str, tagged: &[AnswerTags]) -> Value {
    let text = normalize_newlines(text);
    let doc = parse(&text);
    let index = OffsetIndex::new(&text);
    let sha = annotation::sha256_hex(&text);
    let source = format!("urn:sha256:{sha}");
    let mut items = Vec::new();
    for t in tagged {
        let Some(b) = doc.answers.iter().find(|b| b.id == t.answer) else { continue };
        let target = json!({
            "type": "SpecificResource",
            "source": source,
            "selector": quote_selector(&text, &index, b.span),
        });
        let base = format!("urn:kamervragen:{}:{}", sha.get(..16).unwrap_or(&sha), b.id);
        for (k, tag) in t.tags.iter().enumerate() {
            items.push(json!({
                "id": format!("{base}:tag:{}", k + 1),
                "type": "Annotation",
                "motivation": "tagging",
                "label": heading_label(b),
                "body": {"type": "TextualBody", "purpose": "tagging", "value": tag},
                "target": target,
            }));
        }
        if !t.note.trim().is_empty() {
            items.push(json!({
                "id": format!("{base}:note"),
                "type": "Annotation",
                "motivation": "commenting",
                "label": heading_label(b),
                "body": {"type": "TextualBody", "purpose": "commenting", "value": t.note, "format": "text/plain"},
                "target": target,
            }));
        }
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:kamervragen:{sha}"),
        "type": "AnnotationCollection",
        "label": doc.header.id.clone().unwrap_or_else(|| "Kamervragen".into()),
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_but_comparisons_are_not() {
        assert_eq!(html_in("zie <script>alert(1)</script>").as_deref(), Some("<script>alert(1)</script>"));
        assert!(html_in("<img src=x onerror=alert(1)>").is_some());
        assert!(html_in("bedrag < 5 mln, <3").is_none());
    }

    #[test]
    fn prefix_and_suffix_count_characters_not_bytes() {
        assert_eq!(prefix_chars("ë’🚗x", 3), "ë’🚗");
        assert_eq!(suffix_chars("xë’🚗", 2), "’🚗");
        assert_eq!(suffix_chars("ab", 5), "ab");
        assert_eq!(suffix_chars("ab", 0), "");
    }

    #[test]
    fn similarity_counts_shared_lines() {
        assert!((similarity("a\nb\nc\nd", "a\nb\nx\ny") - 0.5).abs() < 1e-9);
        assert!(similarity("a", "b") < 0.01);
        assert!((similarity("", "") - 1.0).abs() < 1e-9);
    }
}
