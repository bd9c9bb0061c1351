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
use crate::headings::heading_label;
use crate::model::{Block, Span};
use crate::offsets::OffsetIndex;
use crate::pipeline::{normalize_newlines, parse};
use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;
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
#[cfg(not(target_arch = "wasm32"))]
pub fn import(json: &str, current_text: &str) -> Result<Imported, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return fail(format!(
            "The file is too large ({} MB); annotation files up to {} MB can be imported.",
            json.len().div_ceil(1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    let value: Value = serde_json::from_str(json).or_else(|e| {
        if e.is_eof() {
            fail(TRUNCATED)
        } else {
            fail(format!("The file is not JSON ({e})."))
        }
    })?;
    import_value(&value, current_text)
}

/// The message for a file that ends in the middle of its JSON.
pub const TRUNCATED: &str = "The file is not complete JSON: it ends too early (truncated?).";

/// An annotation file reduced to what [`import_flat`] checks and uses: the
/// page fills it from `JSON.parse` (which keeps a JSON parser out of the
/// wasm), native code from [`flatten`]. Numbers are `f64` as in JavaScript,
/// NaN when missing or not a number; text that was not text is [`NOT_TEXT`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlatFile {
    pub format: Option<String>,
    /// The file has a JSON-LD `@context` (a W3C export).
    pub w3c: bool,
    pub version: Option<f64>,
    pub text: Option<String>,
    pub length: Option<f64>,
    pub sha256: Option<String>,
    /// Every span of the file: ("answers[3]", start, end), ("dates[0]", …),
    /// ("answers[3].parts[0]", …).
    pub spans: Vec<(String, f64, f64)>,
    pub answers: Vec<FlatAnswer>,
    pub tag_set: Vec<FlatTag>,
}

/// An answer of a [`FlatFile`]; its span is the one named `answers[i]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatAnswer {
    pub id: String,
    /// "6 7".
    pub numbers: String,
    pub text: String,
    /// Tag names joined by "\n".
    pub tags: String,
    pub note: String,
}

/// A tag of a [`FlatFile`]'s tag set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatTag {
    pub name: String,
    pub color: String,
    pub key: String,
    pub description: String,
}

/// Stands for a value that should have been text and was not.
pub const NOT_TEXT: &str = "\u{0}";

/// The lists of an annotation file whose entries carry spans.
pub const SPAN_LISTS: [&str; 8] =
    ["questions", "answers", "footnotes", "dates", "references", "furniture", "diagnostics", "document.askers"];

/// [`import`] for JSON already parsed: reduces it with [`flatten`].
///
/// # Errors
/// As [`import`], but for the JSON syntax.
#[cfg(not(target_arch = "wasm32"))]
pub fn import_value(value: &Value, current_text: &str) -> Result<Imported, ImportError> {
    if !value.is_object() {
        return fail("The file is JSON but not an annotation file (expected an object with \"format\": \"kamervragen-annotations\").");
    }
    import_flat(&flatten(value), current_text)
}

/// Reduces parsed JSON to a [`FlatFile`] (the page's `flatten` in
/// `www/importer.js` does the same in JavaScript).
#[must_use]
#[cfg(not(target_arch = "wasm32"))]
pub fn flatten(value: &Value) -> FlatFile {
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => NOT_TEXT.to_string(),
    };
    let num = |v: Option<&Value>| v.and_then(Value::as_f64).unwrap_or(f64::NAN);
    let list = |v: Option<&Value>| v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().to_vec();
    let doc = value.get("document");
    let mut spans = Vec::new();
    for key in SPAN_LISTS {
        let items = match key.split_once('.') {
            Some((a, b)) => list(value.get(a).and_then(|v| v.get(b))),
            None => list(value.get(key)),
        };
        for (i, item) in items.iter().enumerate() {
            let what = format!("{key}[{i}]");
            spans.push((what.clone(), num(item.get("start")), num(item.get("end"))));
            if let Some(h) = item.get("heading").filter(|h| h.is_object()) {
                spans.push((format!("{what}.heading"), num(h.get("start")), num(h.get("end"))));
            }
            for (j, p) in list(item.get("parts")).iter().enumerate() {
                spans.push((format!("{what}.parts[{j}]"), num(p.get(0)), num(p.get(1))));
            }
            for (j, m) in list(item.get("markers")).iter().enumerate() {
                spans.push((format!("{what}.markers[{j}]"), num(m.get("start")), num(m.get("end"))));
            }
        }
    }
    let answers = list(value.get("answers"))
        .iter()
        .map(|a| FlatAnswer {
            id: text(a.get("id")),
            numbers: list(a.get("numbers"))
                .iter()
                .filter_map(Value::as_u64)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            text: text(a.get("text")),
            tags: list(a.get("tags")).iter().map(|t| text(Some(t))).collect::<Vec<_>>().join("\n"),
            note: text(a.get("note")),
        })
        .collect();
    let tag_set = list(value.get("tag_set"))
        .iter()
        .map(|t| FlatTag {
            name: text(t.get("name")),
            color: text(t.get("color")),
            key: text(t.get("key")),
            description: text(t.get("description")),
        })
        .collect();
    FlatFile {
        format: value.get("format").and_then(Value::as_str).map(str::to_string),
        w3c: value.get("@context").is_some(),
        version: value.get("version").and_then(Value::as_f64),
        text: doc.and_then(|d| d.get("text")).and_then(Value::as_str).map(str::to_string),
        length: doc.and_then(|d| d.get("length")).map(|l| l.as_f64().unwrap_or(f64::NAN)),
        sha256: doc.and_then(|d| d.get("sha256")).and_then(Value::as_str).map(str::to_string),
        spans,
        answers,
        tag_set,
    }
}

/// Validates a [`FlatFile`] and places its tags on `current_text` (or, when
/// that is empty, on the file's own text).
///
/// # Errors
/// As [`import`].
pub fn import_flat(flat: &FlatFile, current_text: &str) -> Result<Imported, ImportError> {
    let file = check_file(flat)?;
    let current = normalize_newlines(current_text);
    let (target, same_text) = if current.trim().is_empty() {
        (file.text.clone(), true)
    } else {
        let same = *current == *file.text;
        (current.into_owned(), same)
    };
    if !same_text {
        let (shared, total) = shared_lines(&file.text, &target);
        if shared * 2 < total {
            return fail(format!(
                "These annotations belong to a different text (only {shared} of its {total} lines are in the current \
                 document). Choose “New document” first to import them as a document of their own."
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

fn check_file(flat: &FlatFile) -> Result<File, ImportError> {
    match flat.format.as_deref() {
        Some(annotation::FORMAT) => {}
        Some(other) => {
            return fail(format!("This is a “{}” file, not a Kamervragen Annotator export.", clip(other, 40)))
        }
        None if flat.w3c => {
            return fail("This is a W3C Web Annotation file; import the file from “Export JSON” instead.")
        }
        None => return fail("The file is JSON but not a Kamervragen Annotator export (it has no \"format\")."),
    }
    match flat.version {
        Some(v) if v == f64::from(annotation::VERSION) => {}
        Some(v) if v.fract() == 0.0 && (1.0..1e9).contains(&v) => {
            // A whole number below 1e9: the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v as u64;
            return fail(format!(
                "This file is version {v} of the annotation format; this page reads version {}.",
                annotation::VERSION
            ));
        }
        _ => return fail("The file has no valid \"version\"."),
    }
    let Some(raw_text) = flat.text.as_deref() else {
        return fail("The file has no document text (\"document.text\").");
    };
    let text = normalize_newlines(raw_text).into_owned();
    let len = text.chars().count();
    if let Some(l) = flat.length {
        if offset(l, "", "", len).ok() != Some(len) {
            return fail(format!("\"document.length\" does not match the text ({len} characters)."));
        }
    }
    if let Some(sha) = &flat.sha256 {
        if !sha.eq_ignore_ascii_case(&annotation::sha256_hex(&text)) {
            return fail("\"document.sha256\" does not match the text: the file was edited or damaged.");
        }
    }
    let mut blocks: Vec<(usize, usize, &str)> = Vec::new();
    let mut answer_spans: Vec<(&str, (usize, usize))> = Vec::new();
    for (name, s, e) in &flat.spans {
        let start = offset(*s, name, "start", len)?;
        let end = offset(*e, name, "end", len)?;
        if start > end {
            return fail(format!("{name} starts after it ends ({start} > {end})."));
        }
        let is_block = name.starts_with("answers[") || name.starts_with("questions[");
        if is_block && !name.contains('.') {
            blocks.push((start, end, name));
            answer_spans.push((name.as_str(), (start, end)));
        }
    }
    crate::sort::by_key(&mut blocks, |b| (b.0, b.1, 0));
    for (i, a) in blocks.iter().enumerate() {
        let kind = a.2.split('[').next().unwrap_or("");
        let next = blocks.get(i + 1..).unwrap_or_default().iter().find(|b| b.2.starts_with(kind));
        if let Some(b) = next {
            if b.0 < a.1 && a.0 < a.1 && b.0 < b.1 {
                return fail(format!("{} ({}–{}) and {} ({}–{}) overlap.", a.2, a.0, a.1, b.2, b.0, b.1));
            }
        }
    }
    let answers = flat
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = format!("answers[{i}]");
            let (start, end) = answer_spans.iter().find(|(n, _)| *n == name).map_or((0, 0), |(_, r)| *r);
            file_answer(i, a, start, end)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let tag_set = flat.tag_set.iter().enumerate().map(|(i, t)| check_tag(i, t)).collect::<Result<_, _>>()?;
    Ok(File { text, answers, tag_set })
}

/// An offset: a whole number ≥ 0, at most `len`.
fn offset(v: f64, what: &str, field: &str, len: usize) -> Result<usize, ImportError> {
    if v.is_nan() {
        return fail(format!("{what}.{field} is missing or not a number."));
    }
    if v < 0.0 {
        return fail(format!("{what}.{field} is negative."));
    }
    if v.fract() != 0.0 || !v.is_finite() {
        return fail(format!("{what}.{field} is not a whole number."));
    }
    // Whole and ≥ 0; anything past usize saturates and is past the end.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let u = v as usize;
    if u > len {
        return fail(format!("{what}.{field} ({u}) is past the end of the text ({len} characters)."));
    }
    Ok(u)
}

fn file_answer(i: usize, a: &FlatAnswer, start: usize, end: usize) -> Result<FileAnswer, ImportError> {
    if a.id == NOT_TEXT || a.id.is_empty() {
        return fail(format!("answers[{i}] has no \"id\"."));
    }
    let id = clip(&a.id, 40);
    let tags = a
        .tags
        .split('\n')
        .filter(|t| !t.is_empty())
        .map(|t| check_tag_name(t, &format!("A tag on {id}")))
        .collect::<Result<Vec<_>, _>>()?;
    if a.note == NOT_TEXT {
        return fail(format!("The note of {id} is not text."));
    }
    if let Some(html) = html_in(&a.note) {
        return fail(format!("The note of {id} contains HTML (“{html}”); notes must be plain text."));
    }
    let numbers: Vec<&str> = a.numbers.split_whitespace().collect();
    let label = match numbers.as_slice() {
        [] => format!("Antwoord ({id})"),
        [one] => format!("Antwoord {one}"),
        [init @ .., last] => format!("Antwoord {} en {last}", init.join(", ")),
    };
    let text = if a.text == NOT_TEXT { String::new() } else { a.text.clone() };
    Ok(FileAnswer { id, label, start, end, text, tags, note: a.note.clone() })
}

fn check_tag(i: usize, t: &FlatTag) -> Result<Tag, ImportError> {
    let name = check_tag_name(&t.name, &format!("tag_set[{i}]"))?;
    let description = if t.description == NOT_TEXT { String::new() } else { t.description.clone() };
    if let Some(html) = html_in(&description) {
        return fail(format!("The description of tag “{name}” contains HTML (“{html}”)."));
    }
    let color = if is_hex_color(&t.color) { t.color.to_ascii_lowercase() } else { "#6b6b75".to_string() };
    let key = Some(t.key.clone()).filter(|k| k.len() == 1 && k.bytes().all(|b| (b'1'..=b'9').contains(&b)));
    Ok(Tag { name, color, key, description })
}

/// A tag name: trimmed, 1–80 characters, no control characters, no HTML.
fn check_tag_name(name: &str, what: &str) -> Result<String, ImportError> {
    if name == NOT_TEXT {
        return fail(format!("{what} is not text."));
    }
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

/// The share (0–1) of lines two texts have in common: the non-blank lines of
/// `a` found in `b`, out of the non-blank lines of the longer of the two
/// (whitespace at the line ends ignored); 1 for equal texts.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (shared, total) = shared_lines(a, b);
    if total == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = shared as f64 / total as f64;
    share
}

/// (lines of `a` found in `b`, non-blank lines of the text with more).
fn shared_lines(a: &str, b: &str) -> (usize, usize) {
    if a == b {
        let n = a.lines().filter(|l| !l.trim().is_empty()).count();
        return (n, n);
    }
    // A set, not a sorted list: no sort of strings in the wasm (see `crate::sort`).
    let lines_b: Vec<&str> = b.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let set_b: std::collections::HashSet<&str> = lines_b.iter().copied().collect();
    let (mut total, mut shared) = (0usize, 0usize);
    for line in a.lines().map(str::trim).filter(|l| !l.is_empty()) {
        total += 1;
        if set_b.contains(line) {
            shared += 1;
        }
    }
    // Out of the longer text's lines: a short text whose few lines ("Ja.")
    // occur in a long one is still a different text.
    (shared, total.max(lines_b.len()))
}

/// One selector of a W3C Web Annotation target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector { exact: String, prefix: String, suffix: String },
    TextPositionSelector { start: usize, end: usize },
}

/// A W3C TextQuoteSelector and TextPositionSelector for the byte span `span`
/// of `text` (positions in code points).
#[must_use]
pub fn quote_selector(text: &str, index: &OffsetIndex, span: Span) -> [Selector; 2] {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    [
        Selector::TextQuoteSelector {
            exact: span.slice(text).into(),
            prefix: suffix_chars(before, CONTEXT).into(),
            suffix: prefix_chars(after, CONTEXT).into(),
        },
        Selector::TextPositionSelector { start: index.to_char(span.start), end: index.to_char(span.end) },
    ]
}

/// `{"type": "SpecificResource", "source": …, "selector": […]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub source: String,
    pub selector: [Selector; 2],
}

/// A TextualBody with its purpose ("tagging", "commenting").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
    pub format: &'static str,
}

/// One W3C Web Annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WebAnnotation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub label: String,
    pub body: Body,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotationPage {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub items: Vec<WebAnnotation>,
}

/// The W3C export: an AnnotationCollection holding one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotationCollection {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: String,
    pub total: usize,
    pub first: AnnotationPage,
}

/// The W3C Web Annotation export (JSON-LD): an AnnotationCollection with one
/// `tagging` annotation per tag and one `commenting` annotation per note,
/// each targeting the answer's text (its `start`/`end` in the JSON export).
/// The source is `urn:sha256:<hex of the text>`. Answers of `tagged` that the
/// text does not have are left out.
#[must_use]
pub fn w3c(text: &str, tagged: &[AnswerTags]) -> AnnotationCollection {
    let text = normalize_newlines(text);
    let doc = parse(&text);
    let index = OffsetIndex::new(&text);
    let sha = annotation::sha256_hex(&text);
    let source = format!("urn:sha256:{sha}");
    let mut items = Vec::new();
    for t in tagged {
        let Some(b) = doc.answers.iter().find(|b| b.id == t.answer) else { continue };
        let target = Target {
            kind: "SpecificResource",
            source: source.clone(),
            selector: quote_selector(&text, &index, b.span),
        };
        let base = format!("urn:kamervragen:{}:{}", sha.get(..16).unwrap_or(&sha), b.id);
        let annotation = |id: String, motivation: &'static str, value: &str| WebAnnotation {
            id,
            kind: "Annotation",
            motivation,
            label: heading_label(b),
            body: Body { kind: "TextualBody", purpose: motivation, value: value.into(), format: "text/plain" },
            target: target.clone(),
        };
        for (k, tag) in t.tags.iter().enumerate() {
            items.push(annotation(format!("{base}:tag:{}", k + 1), "tagging", tag));
        }
        if !t.note.trim().is_empty() {
            items.push(annotation(format!("{base}:note"), "commenting", &t.note));
        }
    }
    AnnotationCollection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("urn:kamervragen:{sha}"),
        kind: "AnnotationCollection",
        label: doc.header.id.clone().unwrap_or_else(|| "Kamervragen".into()),
        total: items.len(),
        first: AnnotationPage { kind: "AnnotationPage", items },
    }
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
